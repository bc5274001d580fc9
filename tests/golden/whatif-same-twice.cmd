$JX whatif examples/karamay-2024/project.yaml --weight 办公费=20 --weight 办公费=10 --actual 办公费=50万元 --actual 产出指标/成本指标/经济成本指标/办公费=60万元
