$JX explain examples/karamay-2024/project.yaml funds
