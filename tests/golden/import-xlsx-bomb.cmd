/usr/bin/python3 -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet>' + ' ' * (64 * 1024 * 1024 + 1) + '</worksheet>')
" $TMP/bomb.xlsx && $JX import $TMP/bomb.xlsx 2> $TMP/err; echo "status $?"; sed "s|$TMP|TMP|" $TMP/err
