cp tests/data/multiline-reason.yaml "$TMP/$(printf 'a\tb\033[2Jc').yaml" && cd $TMP && $JX validate .
