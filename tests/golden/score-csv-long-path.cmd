$JX score tests/data/very-long-path.yaml -f csv | python3 -c 'import csv, sys; [print(r[1], len(r[2]), r[2][-8:]) for r in csv.reader(sys.stdin)]'
