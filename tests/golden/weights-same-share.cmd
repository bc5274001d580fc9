$JX weights --entropy tests/data/weights-same-share/a.yaml tests/data/weights-same-share/b.yaml -f json
