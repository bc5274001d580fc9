$JX whatif examples/karamay-2024/project.yaml --weight 产出指标
