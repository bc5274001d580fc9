$JX ahp --help
