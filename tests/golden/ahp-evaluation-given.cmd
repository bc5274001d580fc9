$JX ahp examples/karamay-2024/project.yaml
