$JX sensitivity examples/karamay-2024/project.yaml examples/road-maintenance-2024/project.yaml examples/karamay-2024/project.yaml --samples 2000 | sed -n '/^排名概率/,/^基准排名/p'
