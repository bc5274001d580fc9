$JX explain examples/karamay-2024/project.yaml 办公费
