$JX whatif tests/data/whatif-long-path.yaml --weight 乙=40 | sed -n 7p | grep -o "提升情况/乙 .*"
