$JX sensitivity examples/road-maintenance-2024/project.yaml --level 2 --samples 2000 -f html -o $TMP/s.html && grep -c "<svg" $TMP/s.html && grep -o "生成器[^<]*" $TMP/s.html
