$JX report examples/community-health-2024/project.yaml --format json
