$JX ahp tests/data/ahp/apply-errors.yaml --apply examples/karamay-2024/project.yaml
