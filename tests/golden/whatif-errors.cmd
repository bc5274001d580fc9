$JX whatif examples/karamay-2024/project.yaml --weight 产出指标=abc --actual 办公费=60次 --actual 会议费=1
