$JX report tests/data/many-shortfalls.yaml --format html | grep -E 'aria-label="扣分瀑布图"|rotate\(-90\)' | head -4
