/usr/bin/python3 -c "
import sys, zipfile
# a shared string of 32 KiB in 1023, 1024 (32 MiB of text: the limit) and 1025 cells
for name, n in (('below', 1023), ('at', 1024), ('over', 1025)):
    with zipfile.ZipFile(sys.argv[1] + '/' + name + '.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
        z.writestr('xl/sharedStrings.xml', '<sst><si><t>' + 'y' * 32768 + '</t></si></sst>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + ''.join('<row><c t=\"s\"><v>0</v></c></row>' for _ in range(n)) + '</sheetData></worksheet>')
" $TMP && for f in below at over; do $JX import $TMP/$f.xlsx -o $TMP/$f.yaml 2> $TMP/err; echo "$f: status $?"; sed "s|$TMP|TMP|" $TMP/err; if test -e $TMP/$f.yaml; then echo "$f.yaml written"; fi; done
