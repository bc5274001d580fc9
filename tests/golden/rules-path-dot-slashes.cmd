$JX rules .//tests/data/rules/step.yaml | head -n 1 && $JX score tests/data/rules/province-project.yaml --rules .//tests/data/rules/province.yaml | head -n 3 && cd tests && $JX rules ./
