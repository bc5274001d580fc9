$JX ahp tests/data/ahp/level1-equal.yaml --apply tests/data/ahp/na-drop-eval.yaml
