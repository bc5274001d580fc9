$JX ahp tests/data/ahp/long-name.yaml --apply tests/data/ahp/long-name-eval.yaml -f json | sed -n '/"changes"/,$p'
