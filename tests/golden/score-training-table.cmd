$JX score examples/training-2024/project.yaml
