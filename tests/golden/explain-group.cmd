$JX explain examples/karamay-2024/project.yaml 成本指标
