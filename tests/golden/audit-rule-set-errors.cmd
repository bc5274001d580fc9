$JX audit -q --jobs 1 tests/bad/64-rules-unknown-kind.yaml tests/bad/97-errors-here-and-in-rule-set.yaml; $JX audit -q --jobs 1 -f csv tests/bad/97-errors-here-and-in-rule-set.yaml
