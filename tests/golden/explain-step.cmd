$JX explain tests/data/step-satisfaction.yaml 服务对象满意度 && $JX explain tests/data/step-satisfaction.yaml 参训学员满意度 | grep 得分
