$JX whatif examples/training-2024/project.yaml --actual 带动创业人数=30人
