$JX whatif examples/karamay-2024/project.yaml --standard-weights -e -
