$JX explain tests/data/rules/no-alias-project.yaml 结业率
