for args in "help frobnicate" "help validate"; do $JX $args; echo "status $?"; done
