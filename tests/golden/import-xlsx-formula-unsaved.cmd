/usr/bin/python3 -c "
import sys, zipfile
def c(ref, text):
    return '<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % (ref, text)
rows = [
    c('A1', '项目支出绩效自评表（2024 年度）'),
    c('A2', '项目名称') + c('B2', '公式'),
    ''.join(c('%s3' % k, t) for k, t in zip('ABCDEF', ('一级指标', '二级指标', '指标值', '分值', '实际完成值', '得分'))),
    # a formula with its value saved, as Excel saves it
    c('A4', '产出指标') + c('B4', '会议') + c('C4', '>=10场') + '<c r=\"D4\"><v>50</v></c>' + c('E4', '10场')
    + '<c r=\"F4\"><f>D4*1</f><v>50</v></c>',
    # saved by a program that computes nothing: an empty <v>, then none at all
    c('B5', '文件') + c('C5', '>=20份') + '<c r=\"D5\"><v>50</v></c>' + c('E5', '18份')
    + '<c r=\"F5\"><f>ROUND(D5*18/20,2)</f><v></v></c>' + '<c r=\"G5\" t=\"str\"><f>IF(F5&gt;0,\"\",\"x\")</f><v></v></c>',
    c('A6', '总分') + '<c r=\"D6\"><f>SUM(D4:D5)</f><v>100</v></c>' + '<c r=\"F6\"><f>SUM(F4:F5)</f></c>',
]
sheet = '<worksheet><sheetData>' + ''.join('<row r=\"%d\">%s</row>' % (i + 1, r) for i, r in enumerate(rows)) + '</sheetData></worksheet>'
with zipfile.ZipFile(sys.argv[1] + '/formula.xlsx', 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', sheet)
" $TMP && $JX import $TMP/formula.xlsx -o $TMP/formula.yaml 2> $TMP/err; echo "import: status $?"; sed "s|$TMP/||" $TMP/err; sed -n '/^indicators:/,$p' $TMP/formula.yaml
