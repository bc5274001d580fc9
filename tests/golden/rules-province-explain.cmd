$JX explain tests/data/rules/province-project.yaml 结业率 && $JX explain tests/data/rules/province-project.yaml 学员满意度
