/usr/bin/python3 -c "
import sys
big = 'x' * 65537
open(sys.argv[1], 'w').write('jixiao: 1\nkind: project\ntitle: ' + big + '\nyear: 2024\nindicators:\n  - {name: A, weight: ' + '1' * 65537 + ', target: \">=1个\", actual: 1个}\n')
" $TMP/long.yaml && $JX validate $TMP/long.yaml > $TMP/out 2>&1; echo "status $?"; sed "s|$TMP|TMP|" $TMP/out
