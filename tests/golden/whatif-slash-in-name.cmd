sed "s|name: 培训费|name: 培训/会议费|" examples/karamay-2024/project.yaml > $TMP/s.yaml && $JX whatif $TMP/s.yaml --weight 产出指标/成本指标/经济成本指标/培训/会议费=5 --actual 培训/会议费=19.25万元
