$JX --help
