$JX validate - - <examples/karamay-2024/project.yaml; echo "status $?"; $JX score - examples/karamay-2024/department.yaml - <examples/karamay-2024/project.yaml; echo "status $?"
