printf '\357\273\277项目名称,t\n一级指标,指标值,分值,实际完成值\n产出指标,≥1,100,1\351\n' > $TMP/b.csv; $JX import $TMP/b.csv -o $TMP/b.yaml 2> $TMP/err; echo "status $?"; sed "s|$TMP|TMP|" $TMP/err; ls $TMP
