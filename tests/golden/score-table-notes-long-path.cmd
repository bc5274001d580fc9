$JX score tests/data/claims-same-name-long.yaml | grep '^  \*' | sed 's/城乡居民基本医疗保险参保人员门诊慢特病待遇保障政策落实/…/g'
