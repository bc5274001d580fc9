$JX audit --help
