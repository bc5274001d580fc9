$JX report tests/data/markdown-strike.yaml | grep -E "^# |^\| (产出|项目名称)|^- (指标值|偏差)"
