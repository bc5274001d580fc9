$JX import tests/data/import/malformed.csv -o $TMP/m.yaml; echo "status $?"; ls $TMP
