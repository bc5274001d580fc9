$JX score examples/karamay-2024/project.yaml examples/community-health-2024/project.yaml -f xlsx -o $TMP/scored.xlsx && ls $TMP && /usr/bin/python3 tests/xlsx-dump.py $TMP/scored.xlsx
