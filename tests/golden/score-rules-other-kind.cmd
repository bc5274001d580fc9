$JX score examples/karamay-2024/project.yaml --rules examples/ahp/karamay-2024.yaml
