$JX sensitivity examples/karamay-2024/project.yaml examples/karamay-2024/department.yaml --samples 100
