D=tests/data/criteria-budget-rate-twice.yaml; $JX sensitivity $D --samples 100; echo "status $?"; sed 's/actual: 7个/actual: 9个/' $D >$TMP/other.yaml && $JX weights --entropy $D $TMP/other.yaml
