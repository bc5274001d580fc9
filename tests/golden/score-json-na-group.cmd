$JX score tests/data/na-subgroup.yaml -f json | python3 -c 'import sys, json; d = json.load(sys.stdin); [print(g) for g in d["groups"]]; print(d["not_applicable_weight"], d["raw_total"], d["total"])'
