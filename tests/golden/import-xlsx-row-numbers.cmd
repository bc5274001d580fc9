/usr/bin/python3 -c "
import sys, zipfile
def s(t, ref=None):
    return '<c%s t=\"inlineStr\"><is><t>%s</t></is></c>' % (' r=\"%s\"' % ref if ref else '', t)
for name, rows in (('refs', '<row>' + s('一级指标', 'A1') + s('x', 'B1') + '</row><row>' + s('y', 'C2') + '</row>'),
                   ('none', '<row>' + s('一级指标') + s('x') + '</row><row/><row>' + s('y') + s('z') + '</row>'),
                   ('after', '<row r=\"3\">' + s('一级指标') + '</row><row>' + s('x', 'B4') + '</row><row r=\"7\">' + s('y') + '</row><row>' + s('z', 'C8') + '</row>')):
    with zipfile.ZipFile(sys.argv[1] + '/' + name + '.xlsx', 'w') as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + rows + '</sheetData></worksheet>')
" $TMP && for f in refs none after; do $JX import $TMP/$f.xlsx -o $TMP/$f.yaml 2>&1 | grep "^$TMP/$f.xlsx:" | sed "s|$TMP/||"; done
