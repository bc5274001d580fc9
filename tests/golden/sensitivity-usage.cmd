$JX sensitivity examples/karamay-2024/project.yaml --samples 0
