$JX ahp tests/data/ahp/slash-in-name.yaml --apply tests/data/ahp/slash-in-name-eval.yaml | sed -n 2p
