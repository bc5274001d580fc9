$JX ahp tests/data/ahp/saaty3.yaml --format json
