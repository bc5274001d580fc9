/usr/bin/python3 -c "
import sys, zipfile
from xml.sax.saxutils import escape
cols = 'ABCDEFGHI'
cells = {}
def put(ref, text):
    cells[ref] = text
merges = []
def merge(ref, text):
    put(ref.split(':')[0], text)
    merges.append(ref)
put('A1', '项目支出绩效自评表（2024 年度）')
put('A2', '项目名称'); put('B2', '合并单元格')
# a header of two rows, each title merged down over both
for c, t in zip(cols, ('一级指标', '二级指标', '三级指标', '指标值', '分值', '赋分规则', '实际完成值', '佐证资料', '偏差原因分析')):
    merge('%s3:%s4' % (c, c), t)
merge('A5:A8', '产出指标')
merge('B5:B6', '数量指标')
put('B7', '质量指标')
put('B8', '时效指标')
merge('F5:F7', '完成得满分未完成不得分')
merge('H5:H9', '工作资料')
merge('I6:I7', '未完成：经费调减')
for r, (name, target, actual) in enumerate((('会议', '>=10场', '10场'), ('文件', '>=20份', '18份'),
                                            ('合格率', '=100%', '90%'), ('及时率', '>=90%', '95%')), 5):
    put('C%d' % r, name); put('D%d' % r, target); put('E%d' % r, '20'); put('G%d' % r, actual)
# a taller row: every cell merged down over two rows
put('A9', '满意度指标'); put('B9', '满意度指标')
for c, t in zip('CDEFG', ('受益群体满意度', '>=90%', '20', '按照完成比例赋分', '95%')):
    merge('%s9:%s10' % (c, c), t)
put('A11', '总分'); put('E11', '100')
def sheet():
    rows = {}
    for ref, t in cells.items():
        rows.setdefault(int(ref[1:]), []).append((ref, t))
    out = ''
    for r in sorted(rows):
        out += '<row r=\"%d\">' % r + ''.join('<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % (ref, escape(t)) for ref, t in sorted(rows[r])) + '</row>'
    return '<worksheet><sheetData>' + out + '</sheetData><mergeCells count=\"%d\">' % len(merges) + ''.join('<mergeCell ref=\"%s\"/>' % m for m in merges) + '</mergeCells></worksheet>'
with zipfile.ZipFile(sys.argv[1] + '/merged.xlsx', 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', sheet())
" $TMP && $JX import $TMP/merged.xlsx -o $TMP/merged.yaml 2> $TMP/err; echo "import: status $?"; sed "s|$TMP/||" $TMP/err $TMP/merged.yaml; $JX score $TMP/merged.yaml | sed "s|$TMP/||"
