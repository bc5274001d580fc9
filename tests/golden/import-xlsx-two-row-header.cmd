/usr/bin/python3 -c "
import sys, zipfile
from xml.sax.saxutils import escape
cells, merges = {}, []
def put(ref, text):
    cells[ref] = text
def merge(ref, text):
    put(ref.split(':')[0], text)
    merges.append(ref)
put('A1', '项目支出绩效自评表（2024 年度）')
put('A2', '项目名称'); put('B2', '两行表头')
# the 财政部 template: 绩效指标 over the three levels, the other titles merged down over both rows
merge('A3:C3', '绩效指标')
for c, t in zip('DEFGH', ('年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施')):
    merge('%s3:%s4' % (c, c), t)
for c, t in zip('ABC', ('一级指标', '二级指标', '三级指标')):
    put('%s4' % c, t)
merge('A5:A6', '产出指标')
for r, row in enumerate((('数量指标', '培训人次', '>=100人次', '100人次', '50', '50', ''),
                         ('质量指标', '合格率', '>=95%', '90%', '50', '47.37', '部分学员未通过考核')), 5):
    for c, t in zip('BCDEFGH', row):
        if t:
            put('%s%d' % (c, r), t)
put('A7', '总分'); put('F7', '100'); put('G7', '97.37')
def sheet():
    rows = {}
    for ref, t in cells.items():
        rows.setdefault(int(ref[1:]), []).append((ref, t))
    out = ''
    for r in sorted(rows):
        out += '<row r=\"%d\">' % r + ''.join('<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % (ref, escape(t)) for ref, t in sorted(rows[r])) + '</row>'
    return '<worksheet><sheetData>' + out + '</sheetData><mergeCells count=\"%d\">' % len(merges) + ''.join('<mergeCell ref=\"%s\"/>' % m for m in merges) + '</mergeCells></worksheet>'
with zipfile.ZipFile(sys.argv[1] + '/header.xlsx', 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', sheet())
" $TMP && $JX import $TMP/header.xlsx -o $TMP/header.yaml 2> $TMP/err; echo "import: status $?"; sed "s|$TMP/||" $TMP/err; sed -n '/^indicators:/,$p' $TMP/header.yaml
