$JX ahp tests/data/ahp/saaty3.yaml --apply examples/training-2024/project.yaml -f json | head -3
