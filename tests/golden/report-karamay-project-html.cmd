$JX report examples/karamay-2024/project.yaml --format html
