$JX whatif examples/road-maintenance-2024/project.yaml --standard-weights --emit-yaml $TMP/w.yaml > /dev/null && cat $TMP/w.yaml && $JX score $TMP/w.yaml | tail -2
