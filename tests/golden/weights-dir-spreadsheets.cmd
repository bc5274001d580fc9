mkdir -p $TMP/e $TMP/none && : > $TMP/e/a.xlsx && : > $TMP/e/b.CSV && cd $TMP && $JX weights --entropy e; echo "status $?"; $JX weights --entropy none; echo "status $?"
