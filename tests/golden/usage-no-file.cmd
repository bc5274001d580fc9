$JX score
