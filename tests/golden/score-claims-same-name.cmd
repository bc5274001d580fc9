$JX score tests/data/claims-same-name.yaml
