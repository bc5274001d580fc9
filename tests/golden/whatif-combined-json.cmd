$JX whatif examples/training-2024/project.yaml --weight 产出指标/成本指标=25 --weight funds=5 --actual 培训期数=40期 -f json
