$JX validate examples/ahp/karamay-2024.yaml rules/standard.yaml
