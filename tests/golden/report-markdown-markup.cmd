$JX report tests/data/markdown-markup.yaml | grep -E "^# |^\| (产出|项目名称)|^### [0-9]|^- (指标|偏差|自评)|shortfall"
