$JX score --help
