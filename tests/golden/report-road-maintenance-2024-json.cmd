$JX report examples/road-maintenance-2024/project.yaml --format json
