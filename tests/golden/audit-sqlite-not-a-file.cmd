mkfifo $TMP/fifo && mkdir $TMP/dir && for o in /dev/null $TMP/fifo $TMP/dir; do { $JX audit -q -f sqlite -o $o tests/data/audit; echo "status $?"; } 2>&1 | sed "s|$TMP/||"; done; ls $TMP
