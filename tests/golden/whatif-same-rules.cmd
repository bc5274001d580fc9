$JX whatif examples/karamay-2024/project.yaml --rules standard | head -3
