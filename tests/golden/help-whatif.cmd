$JX whatif --help
