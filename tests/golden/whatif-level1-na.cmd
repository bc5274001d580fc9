$JX whatif tests/data/whatif-level1-na.yaml --weight A=50
