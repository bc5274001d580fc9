$JX audit --jobs 1 -o $TMP/a.jsonl tests/bad/97-errors-here-and-in-rule-set.yaml
