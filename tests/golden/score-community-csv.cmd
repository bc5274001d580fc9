$JX score examples/community-health-2024/project.yaml --format=csv
