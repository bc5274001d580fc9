$JX score examples/karamay-2024/project.yaml
