$JX ahp tests/data/ahp/bad-values.yaml
