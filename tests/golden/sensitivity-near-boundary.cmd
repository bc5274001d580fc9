$JX sensitivity tests/data/sensitivity-near-boundary.yaml --samples 1039 --seed 4294967295 -f json | sed -n '/"grades"/,/}/p'
