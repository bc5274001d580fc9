$JX import tests/data/import/none.csv; echo "status $?"; $JX import tests/data/import/formats.xlsx --sheet 无; echo "status $?"; $JX import; echo "status $?"; $JX import a.csv b.csv; echo "status $?"
