$JX rules tests/data/rules/null-words.yaml >$TMP/shown.yaml && cd $TMP && $JX rules shown.yaml >again.yaml && { diff shown.yaml again.yaml; echo "diff status $?"; }
