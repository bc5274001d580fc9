$JX explain tests/data/funds-rescaled.yaml funds && $JX explain tests/data/funds-rescaled.yaml 预算执行率 --format json | sed -n "/\"lost\"/,\$p"
