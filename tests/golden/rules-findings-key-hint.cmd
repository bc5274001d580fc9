cd $TMP && printf 'jixiao-rules: 1\nname: t\nextends: standard\nfindings:\n  over_complete: 130%%\n  reason_required: 100%%\n' > t.yaml && $JX rules t.yaml
