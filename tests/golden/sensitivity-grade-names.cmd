$JX sensitivity examples/road-maintenance-2024/project.yaml --rules tests/data/sensitivity-grades.yaml --samples 2000 | sed -n /^2024/,/等级改变/p
