$JX explain examples/karamay-2024/project.yaml 办公费 --rules tests/data/rules/rounded-rate.yaml
