$JX score - < examples/karamay-2024/department.yaml | head -3
