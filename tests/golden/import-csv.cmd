$JX import tests/data/import/karamay-2024-project.csv
