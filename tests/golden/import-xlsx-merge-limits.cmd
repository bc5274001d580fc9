/usr/bin/python3 -c "
import sys, zipfile
def book(name, cells, merges):
    rows = {}
    for ref, t in cells:
        rows.setdefault(int(ref.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')), []).append((ref, t))
    data = ''.join('<row r=\"%d\">' % r + ''.join('<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % c for c in rows[r]) + '</row>' for r in sorted(rows))
    with zipfile.ZipFile(sys.argv[1] + '/' + name + '.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + data + '</sheetData><mergeCells>' + ''.join('<mergeCell ref=\"%s\"/>' % m for m in merges) + '</mergeCells></worksheet>')
table = [('A1', '一级指标'), ('B1', '指标值'), ('C1', '分值'), ('D1', '实际完成值'), ('E1', '赋分规则'),
         ('A2', 'a'), ('B2', '>=1'), ('C2', '50'), ('D2', '0.5'), ('E2', '完成得满分未完成不得分'),
         ('A3', 'b'), ('B3', '>=1'), ('C3', '50'), ('D3', '1')]
# merged down to the last row of a sheet: filled to the last row with data only
book('far', table, ['E2:E1048576'])
# a text of 18631 bytes merged down 1801 rows, and a letter: 32 MiB of text,
# the limit (2^25 - 1 = 1801 * 18631); one row more is more
big = 'y' * 18631
book('at', [('A1', big), ('B1801', 'z')], ['A1:A1801'])
book('over', [('A1', big), ('B1802', 'z')], ['A1:A1802'])
# a text of 30 KB merged down 100000 rows; 5000 merges over each other
book('long', [('A1', 'y' * 30000), ('B100000', 'z')], ['A1:A100000'])
book('overlap', [('A1', 'y'), ('B100000', 'z')], ['A1:A100000'] * 5000)
" $TMP && for f in far at over long overlap; do $JX import $TMP/$f.xlsx -o $TMP/$f.yaml 2> $TMP/err; echo "$f: status $?"; sed "s|$TMP|TMP|" $TMP/err; if test -e $TMP/$f.yaml; then grep -c 'rule: 完成得满分未完成不得分' $TMP/$f.yaml; fi; done
