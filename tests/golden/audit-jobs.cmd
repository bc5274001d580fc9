$JX audit --jobs 4 -q tests/data/audit > $TMP/4.jsonl && $JX audit --jobs 1 -q tests/data/audit > $TMP/1.jsonl && cmp $TMP/1.jsonl $TMP/4.jsonl && echo same for --jobs 1 and 4
