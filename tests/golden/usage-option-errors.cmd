for args in "validate -qz x.yaml" "validate -zq x.yaml" "score x.yaml --format" "score x.yaml -o" "score --help=x" "validate --quiet=1 x.yaml" "rules -x"; do $JX $args; echo "status $?"; done
