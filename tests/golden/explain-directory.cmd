$JX explain examples/karamay-2024
