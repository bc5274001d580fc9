$JX import tests/data/import/line-breaks.csv -o $TMP/out.yaml && grep -E '^title|name: (会议保障|培训)' $TMP/out.yaml
