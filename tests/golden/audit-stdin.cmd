$JX audit -q - < tests/data/audit/区教育局/01-correct.yaml | cut -c1-40; $JX audit -q -f csv - < tests/data/audit/区教育局/01-correct.yaml | cut -d, -f1
