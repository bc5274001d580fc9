/usr/bin/python3 -c "
import sys, zipfile
def c(ref, v, s=0, text=False):
    return '<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>' % (ref, v) if text else '<c r=\"%s\" s=\"%d\"><v>%s</v></c>' % (ref, s, v)
rows = [[c('A1', '项目支出绩效自评表（2024 年度）', text=True)], [c('A2', '项目名称', text=True), c('B2', 't', text=True)],
        [c('A3', '项目资金（万元）', text=True), c('B3', '年初预算数', text=True), c('C3', '全年预算数', text=True), c('D3', '全年执行数', text=True), c('E3', '分值', text=True)],
        [c('A4', '年度资金总额', text=True), c('B4', 2927.266, 5), c('C4', 2927.266, 6), c('D4', 2927.266, 6), c('E4', 10)],
        [c('A5', '一级指标', text=True), c('B5', '指标值', text=True), c('C5', '分值', text=True), c('D5', '实际完成值', text=True)]]
rows += [[c('A%d' % r, name, text=True), c('B%d' % r, target, text=True), c('C%d' % r, 30), c('D%d' % r, 45474, s)]
         for r, name, target, s in ((6, '甲', '9月前', 1), (7, '乙', '2024年9月前', 2), (8, '丙', '7月1日前', 3))]
sheet = ''.join('<row r=\"%d\">%s</row>' % (i + 1, ''.join(r)) for i, r in enumerate(rows))
xfs = ''.join('<xf numFmtId=\"%d\"/>' % i for i in (0, 57, 58, 28, 31, 39, 4))
with zipfile.ZipFile(sys.argv[1] + '/f.xlsx', 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
    z.writestr('xl/styles.xml', '<styleSheet><cellXfs>' + xfs + '</cellXfs></styleSheet>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + sheet + '</sheetData></worksheet>')
" $TMP && $JX import $TMP/f.xlsx -o $TMP/f.yaml && grep -E 'initial|actual' $TMP/f.yaml && $JX score $TMP/f.yaml | tail -n +8
