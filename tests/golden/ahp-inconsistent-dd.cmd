$JX ahp tests/data/ahp/inconsistent.yaml --ri dd
