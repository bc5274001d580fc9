$JX explain examples/karamay-2024/project.yaml "$(printf '办公\033[2J费')"; echo "status $?"
