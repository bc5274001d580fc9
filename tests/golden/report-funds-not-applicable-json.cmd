$JX report tests/data/funds-not-applicable.yaml -f json | sed -n "/\"lost_by_group\"/,/\"deviations\"/p"
