/usr/bin/python3 -c "
import struct, sys, zipfile
def book(path, body, claim=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet>' + ' ' * (body - 23) + '</worksheet>')
    if claim is None:
        return
    # a lying archive: the headers claim the sheet is small
    data = bytearray(open(path, 'rb').read())
    name = b'xl/worksheets/sheet1.xml'
    for sig, at in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        i = data.find(sig)
        while i >= 0:
            n, off = (struct.unpack_from('<H', data, i + 26)[0], 30) if sig == b'PK\x03\x04' else (struct.unpack_from('<H', data, i + 28)[0], 46)
            if data[i + off:i + off + n] == name:
                struct.pack_into('<I', data, i + at, claim)
            i = data.find(sig, i + 4)
    open(path, 'wb').write(data)
limit = 64 * 1024 * 1024
book(sys.argv[1] + '/at.xlsx', limit)
book(sys.argv[1] + '/over.xlsx', limit + 1)
book(sys.argv[1] + '/lying.xlsx', 70 * 1024 * 1024, claim=20000)
" $TMP && for f in at over lying; do $JX import $TMP/$f.xlsx 2> $TMP/err; echo "$f: status $?"; sed "s|$TMP|TMP|" $TMP/err; done
