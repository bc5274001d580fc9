$JX whatif tests/data/whatif-performance-group.yaml --standard-weights
