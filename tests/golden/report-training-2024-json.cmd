$JX report examples/training-2024/project.yaml --format json
