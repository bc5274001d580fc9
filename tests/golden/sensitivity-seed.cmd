$JX sensitivity examples/karamay-2024/project.yaml --samples 4000 --seed 7
