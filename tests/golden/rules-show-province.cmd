$JX rules tests/data/rules/province.yaml
