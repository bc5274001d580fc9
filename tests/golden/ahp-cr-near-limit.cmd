$JX ahp tests/data/ahp/cr-near-limit.yaml && $JX ahp tests/data/ahp/cr-near-limit.yaml --ri dd | tail -2
