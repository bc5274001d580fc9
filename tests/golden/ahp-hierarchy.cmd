$JX ahp examples/ahp/karamay-2024.yaml
