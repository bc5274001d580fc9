$JX explain examples/road-maintenance-2024/project.yaml -f json
