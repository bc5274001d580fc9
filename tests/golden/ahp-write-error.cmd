$JX ahp tests/data/ahp/saaty3.yaml > /dev/full; echo "status $?"; $JX ahp examples/ahp/karamay-2024.yaml --apply examples/karamay-2024/project.yaml > /dev/full
