$JX report examples/karamay-2024/department.yaml -f html -o $TMP/r.html && ls $TMP && head -c 300 $TMP/r.html
