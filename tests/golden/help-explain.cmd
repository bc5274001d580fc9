$JX explain --help
