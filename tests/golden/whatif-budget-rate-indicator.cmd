$JX whatif tests/data/budget-rate-indicator.yaml --weight 预算执行率=15 --weight 预算执行=15 && $JX whatif tests/data/budget-rate-indicator.yaml --weight funds=15
