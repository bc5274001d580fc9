$JX ahp examples/ahp/karamay-2024.yaml --apply examples/karamay-2024/project.yaml --to 效益指标
