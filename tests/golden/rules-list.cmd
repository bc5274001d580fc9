$JX rules
