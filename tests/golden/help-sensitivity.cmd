$JX sensitivity --help
