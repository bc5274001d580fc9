$JX whatif examples/karamay-2024/project.yaml --actual 培训费=999999999999万元; $JX whatif examples/karamay-2024/project.yaml --actual 办公费=-5万元
