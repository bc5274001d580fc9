$JX weights --entropy examples
