$JX score examples/karamay-2024/project.yaml tests/data/sheet-name-title.yaml -f xlsx -o $TMP/scored.xlsx && /usr/bin/python3 tests/xlsx-dump.py $TMP/scored.xlsx | grep -E '^(==|printed|项目名称)'
