$JX report --help
