$JX explain examples/karamay-2024/project.yaml 产出指标/成本指标/经济成本指标/办公费 --format json
