$JX audit -q -f xlsx -o $TMP/audit.xlsx tests/data/audit && ls $TMP && /usr/bin/python3 tests/xlsx-dump.py $TMP/audit.xlsx
