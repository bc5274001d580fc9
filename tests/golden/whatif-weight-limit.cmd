$JX whatif examples/karamay-2024/project.yaml --weight 办公费=600000000000 --weight 培训费=600000000000
