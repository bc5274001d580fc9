$JX whatif examples/karamay-2024/project.yaml --weight 产出指标=50 --weight 产出指标/数量指标=55 --weight 产出指标/成本指标=25 --weight 办公费=5 --weight 培训费=10
