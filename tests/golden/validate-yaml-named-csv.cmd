cp examples/karamay-2024/project.yaml $TMP/p.csv && printf '项目名称,x\n一级指标,指标值\n' > $TMP/t.csv && cd $TMP && $JX validate p.csv t.csv; echo "status $?"
