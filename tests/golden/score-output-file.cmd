$JX score examples/karamay-2024/department.yaml -f json -o $TMP/out.json && ls $TMP && cat $TMP/out.json
