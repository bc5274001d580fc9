$JX audit -q -f csv -o $TMP/out tests/data/audit && ls $TMP/out && cat $TMP/out/files.csv $TMP/out/mismatches.csv
