$JX report tests/data/multiline-reason.yaml | sed -n "/## 三/,/## 五/p"
