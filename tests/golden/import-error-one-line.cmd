$JX import tests/data/import/name-line-break-error.csv -o $TMP/out.yaml; echo "status $?"; ls $TMP
