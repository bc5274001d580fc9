echo old > $TMP/audit.csv && { $JX audit -q -f csv -o $TMP/audit.csv tests/data/audit; echo "status $?"; } 2>&1 | sed "s|$TMP/||"; cat $TMP/audit.csv
