$JX sensitivity tests/data/sensitivity-wide-totals.yaml --samples 500 | sed -n "/直方图/,\$p"
