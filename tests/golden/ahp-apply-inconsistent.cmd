$JX ahp tests/data/ahp/inconsistent-level1.yaml --apply examples/karamay-2024/project.yaml
