$JX ahp tests/data/ahp/skip-level.yaml --apply examples/karamay-2024/project.yaml
