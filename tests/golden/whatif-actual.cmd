$JX whatif examples/karamay-2024/project.yaml --actual 办公费=60万元
