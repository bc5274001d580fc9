$JX rules standard
