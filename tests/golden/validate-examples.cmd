$JX validate examples/*/*.yaml
