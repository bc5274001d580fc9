$JX validate --frob x.yaml
