$JX audit --jobs 1 tests/data/audit
