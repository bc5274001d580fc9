$JX explain tests/data/unitless.yaml | grep 数值
