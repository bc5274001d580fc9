D=$(pwd)/tests/data/audit; cd $TMP && for f in xlsx sqlite; do $JX audit -q -f $f -o - "$D" > out; echo "status $?"; done 2>&1; ls; cd - >/dev/null
