$JX score -f xlsx -o $TMP/s.xlsx tests/data/six-levels.yaml && /usr/bin/python3 tests/xlsx-dump.py $TMP/s.xlsx | grep 六层叶子
