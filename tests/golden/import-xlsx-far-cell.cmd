/usr/bin/python3 -c "
import sys, zipfile
for name, ref in (('iv', 'IV1'), ('iw', 'IW1'), ('xfd', 'XFD1'), ('row', 'A100001')):
    with zipfile.ZipFile(sys.argv[1] + '/' + name + '.xlsx', 'w') as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r=\"' + ref.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ') + '\"><c r=\"' + ref + '\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>')
" $TMP && for f in iv iw xfd row; do $JX import $TMP/$f.xlsx 2> $TMP/err; echo "$f: status $?"; sed "s|$TMP|TMP|" $TMP/err; done
