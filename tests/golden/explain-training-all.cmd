$JX explain examples/training-2024/project.yaml
