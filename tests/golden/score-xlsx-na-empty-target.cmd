$JX score tests/data/na-empty-target.yaml -f xlsx -o $TMP/s.xlsx && $JX import $TMP/s.xlsx -o $TMP/s.yaml && $JX score $TMP/s.yaml
