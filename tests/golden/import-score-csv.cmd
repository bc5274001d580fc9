$JX score examples/karamay-2024/project.yaml -f csv -o $TMP/s.csv && $JX import $TMP/s.csv -o $TMP/s.yaml 2> $TMP/err; echo "status $?"; sed "s|$TMP|TMP|" $TMP/err; ls $TMP
