$JX weights --entropy examples/training-2024/project.yaml examples/road-maintenance-2024/project.yaml --level 2 -f json
