$JX weights --help
