$JX explain examples/karamay-2024/project.yaml 会议费
