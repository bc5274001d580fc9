$JX score tests/data/rules/province-project.yaml
