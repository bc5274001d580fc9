for i in 1 2 3 4 5 6 7 8 9 10 11; do cp examples/karamay-2024/project.yaml $TMP/f$i.yaml; done; cd $TMP && $JX sensitivity -n 10 . | grep -E '^(排名概率|只列出)'
