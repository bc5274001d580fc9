mkfifo $TMP/t.csv && { timeout 60 cat tests/data/import/karamay-2024-project.csv > $TMP/t.csv & } && cd $TMP && timeout 60 $JX import t.csv -o t.yaml; echo "status $?"; sed -n 3,5p t.yaml
