/usr/bin/python3 -c "
import sys, zipfile
for n in (20, 21, 5000):
    with zipfile.ZipFile('%s/s%d.xlsx' % (sys.argv[1], n), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets>' + ''.join('<sheet name=\"%d\" r:id=\"rId%d\"/>' % (i, i) for i in range(n)) + '</sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships>' + ''.join('<Relationship Id=\"rId%d\" Target=\"worksheets/sheet%d.xml\"/>' % (i, i) for i in range(n)) + '</Relationships>')
        z.writestr('xl/worksheets/sheet%d.xml' % (n - 1), '<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>last</t></is></c></row></sheetData></worksheet>')
" $TMP && for n in 20 21 5000; do $JX import --sheet 无 $TMP/s$n.xlsx 2> $TMP/err; echo "s$n: status $?"; sed "s|$TMP|TMP|" $TMP/err; done; $JX import --sheet 4999 $TMP/s5000.xlsx 2> $TMP/err; echo "status $?"; sed "s|$TMP|TMP|" $TMP/err
