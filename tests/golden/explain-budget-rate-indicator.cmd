$JX explain tests/data/budget-rate-indicator.yaml 预算执行率 && $JX explain tests/data/budget-rate-indicator.yaml funds
