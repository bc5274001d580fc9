cp tests/bad/407-word-document-renamed.yaml $TMP/自评表.docx && cd $TMP && $JX import 自评表.docx -o out.yaml; echo "import: status $?"; test -e out.yaml || echo "nothing written"
