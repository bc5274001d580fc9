$JX ahp tests/data/ahp/half-up.yaml
