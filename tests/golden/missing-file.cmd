$JX score no/such/file.yaml
