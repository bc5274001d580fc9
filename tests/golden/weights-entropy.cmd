$JX weights --entropy examples/training-2024 examples/road-maintenance-2024 examples/community-health-2024 examples/karamay-2024/project.yaml
