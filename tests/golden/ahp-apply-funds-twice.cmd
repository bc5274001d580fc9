$JX ahp tests/data/ahp/funds-twice.yaml --apply examples/karamay-2024/project.yaml
