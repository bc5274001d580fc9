$JX ahp tests/data/ahp/bad.yaml
