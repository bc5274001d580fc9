$JX audit -q -f csv tests/data/audit
