$JX report examples/karamay-2024/department.yaml
