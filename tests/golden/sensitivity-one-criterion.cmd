sed '/^funds:/,/^indicators:/{/^indicators:/!d}' examples/karamay-2024/department.yaml >$TMP/no-funds.yaml && cd $TMP && $JX sensitivity no-funds.yaml --samples 10
