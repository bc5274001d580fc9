$JX validate tests/data/multiline-reason.yaml examples/karamay-2024/project.yaml
