$JX rules standrd
