$JX import tests/data/import/line-breaks.csv -o $TMP/out.yaml && grep -E '^title|name: 会议保障' $TMP/out.yaml && grep -A9 'name: 培训费' $TMP/out.yaml
