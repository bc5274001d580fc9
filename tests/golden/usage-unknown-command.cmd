$JX frobnicate
