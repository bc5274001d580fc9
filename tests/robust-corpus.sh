#!/bin/sh
# robust-corpus.sh DIR - write a corpus of YAML edge cases into DIR, the kinds
# of input the official YAML test suite and hostile files exercise: flow and
# block styles mixed, multi-line scalars, tags, directives, byte-order marks,
# CRLF, NUL bytes, invalid UTF-8, deep nesting, huge scalars and files, alias
# bombs, many nodes, many documents; and spreadsheets to import as large as
# their limits let them be. tests/robust.sh then runs `jixiao validate` or
# `jixiao import` on each: it must exit 0 or 2, in bounded time and memory.
set -eu
dir=${1:?usage: sh tests/robust-corpus.sh DIR}
mkdir -p "$dir"
put() { # put NAME: standard input into DIR/NAME.yaml
	cat >"$dir/$1.yaml"
}
rep() { # rep N TEXT: TEXT N times
	i=0
	while [ "$i" -lt "$1" ]; do printf '%s' "$2"; i=$((i + 1)); done
}

# Styles and scalars
printf 'jixiao: 1\ntitle: t\nyear: 2024\nindicators: [{name: a, weight: 100, target: ">=1", actual: 1}]\n' | put flow-in-block
printf '{jixiao: 1, title: t, year: 2024, indicators: [{name: a, children: [{name: b, weight: 100, target: "=1", actual: 1}]}]}\n' | put all-flow
printf 'jixiao: 1\ntitle: |\n  line one\n  line two\nyear: 2024\nindicators:\n- name: >-\n    folded\n    name\n  weight: 100\n  target: "1"\n  actual: 1\n' | put block-scalars
printf 'jixiao: 1\ntitle: "esc \\x41 \\u4e2d \\U0001F600 \\t \\0 end"\nyear: 2024\n' | put escapes-with-nul
printf 'title: "\\ud800 lone surrogate"\n' | put escaped-surrogate
printf "title: 'it''s'\nyear: '2024'\n" | put single-quoted
printf 'title: plain\n  continued\n  on lines\nyear: 2024\n' | put multi-line-plain
printf 'a: "unterminated\n' | put unterminated-double
printf "a: 'unterminated\n" | put unterminated-single
printf 'a: [1, 2\n' | put unterminated-flow
printf 'a: {b: 1\n' | put unterminated-map
printf 'a: b: c\n' | put nested-colon
printf 'target: >=200份\n' | put unquoted-ge
printf 'key with spaces : value\n? complex\n: key\n' | put explicit-key
printf '? [a, b]\n: 1\n? {c: d}\n: 2\n' | put collection-keys
printf '%s\n' '- a' '- b' '-c' | put dash-no-space
printf 'a:\n\t- tab-indented\n' | put tab-indent
printf 'a: 1\n a: 2\n' | put bad-indent
printf '%s\n' '- - - - - nested sequences' | put compact-nesting
printf 'a: !!str 1\nb: !custom x\nc: !<tag:yaml.org,2002:int> 2\n' | put tags
printf '%%YAML 1.2\n---\na: 1\n' | put yaml-directive
printf '%%TAG ! tag:example.com,2000:\n---\na: !x 1\n' | put tag-directive
printf '%%YAML 9.9\n---\na: 1\n' | put bad-version
printf '%%FOO bar\n---\na: 1\n' | put unknown-directive
printf '%s\na: 1\n%s\nb: 2\n...\n' --- --- | put two-documents
printf '%s !!map\n...\n' --- | put tagged-empty-document
printf '' | put empty
printf '# only a comment\n' | put comment-only
printf '\n\n\n' | put blank-lines
printf 'null\n' | put null-root
printf '[]\n' | put list-root
printf '"just a string"\n' | put string-root
printf 'a: &x 1\nb: *x\n' | put anchor-alias
printf 'base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n' | put merge-key
printf 'a: *undefined\n' | put undefined-alias
printf 'a: 1\na: 2\nb: 1\n' | put duplicate-keys

# Bytes
printf '\357\273\277jixiao: 1\ntitle: t\nyear: 2024\n' | put utf8-bom
printf '\377\376j\000i\000x\000' | put utf16le-bom
printf '\376\377\000j\000i' | put utf16be-bom
printf 'jixiao: 1\r\ntitle: t\r\nyear: 2024\r\n' | put crlf
printf 'jixiao: 1\rtitle: t\r' | put cr-only
printf 'title: a\000b\n' | put nul-byte
printf 'title: \303\050\n' | put invalid-utf8
printf 'title: \340\200\200\n' | put overlong-utf8
printf 'title: \355\240\200\n' | put utf8-surrogate
printf 'title: \364\220\200\200\n' | put above-unicode
printf 'title: \001\002\033[31m\n' | put control-characters
printf 'title: \357\274\232full-width colon\nyear\357\274\232 2024\n' | put full-width-colon

# Sizes and shapes
{ printf 'a: '; rep 66000 x; printf '\n'; } | put scalar-over-limit
{ printf 'a: '; rep 65536 x; printf '\n'; } | put scalar-at-limit
{ rep 70 '['; rep 70 ']'; printf '\n'; } | put deep-flow-sequences
{ rep 70 '{a: '; printf '1'; rep 70 '}'; printf '\n'; } | put deep-flow-maps
{ i=0; while [ $i -lt 70 ]; do rep $i '  '; printf 'k%d:\n' $i; i=$((i + 1)); done; } | put deep-block
{ rep 5000 '['; printf '\n'; } | put open-brackets
{ printf 'a: ['; rep 200000 '1,'; printf '1]\n'; } | put many-nodes
{ printf 'a: ['; rep 510000 '1,'; printf '1]\n'; } | put too-many-nodes
{ printf 'a: "'; rep 20000 '\\u4e2d'; printf '"\n'; } | put long-escapes
{ i=0; while [ $i -lt 3000 ]; do printf 'k%d: %d\n' $i $i; i=$((i + 1)); done; } | put many-keys
{ i=0; while [ $i -lt 3000 ]; do printf 'k: %d\n' $i; i=$((i + 1)); done; } | put many-duplicate-keys
{ i=0; while [ $i -lt 500 ]; do printf '%s\na: %d\n' --- $i; i=$((i + 1)); done; } | put many-documents
{
	printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
	for l in b c d e f g h i; do
		printf '%s: &%s [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' "$l" "$l"
	done
} | put billion-laughs
{ printf 'jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n'; i=0; while [ $i -lt 10001 ]; do printf '%s {name: "i%d", weight: 1, target: ">=1", actual: 1}\n' - $i; i=$((i + 1)); done; } | put too-many-indicators
{ printf 'jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n'; i=0; ind=''; while [ $i -lt 8 ]; do printf '%s- name: g%d\n%s  children:\n' "$ind" $i "$ind"; ind="$ind    "; i=$((i + 1)); done; printf '%s- {name: leaf, weight: 100, target: "1", actual: 1}\n' "$ind"; } | put too-deep-indicators
{ printf 'jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n- {name: a, weight: 99999999999999, target: "99999999999.999999", actual: "0.000001"}\n'; } | put extreme-numbers

# Spreadsheets to import: a CSV file of the largest size, of one-letter cells
# under an indicator table title (millions of cells, each a stray one); a
# worksheet of 64 MiB, the most a part may unpack to, of numbers; a shared
# string of 30 KB in a million cells; half a million number formats in
# styles.xml for 200,000 numbers (each looked up in them); 64 sheets without
# an indicator table, each looked through for one, with 8 MiB of shared
# strings and of styles, 1 MiB of cells; an indicator table of 99,990 rows
# under 50 groups taken in turn (each row a new group).
line=$(rep 159 'x,')x
{ printf '一级指标\n'; yes "$line" | head -n 52400; } >"$dir/import-16mib.csv"
/usr/bin/python3 - "$dir" <<'PY'
import sys, zipfile
with open(sys.argv[1] + '/import-100000-rows.csv', 'w') as f:
    f.write('一级指标,二级指标,三级指标,指标值,分值,实际完成值,得分\n')
    for i in range(99990):
        f.write('产出指标,数量指标%d,指标%d,>=1份,0.001,1份,0.001\n' % (i % 50, i))
def book(name, sheet, strings=None, styles=None, sheets=1):
    with zipfile.ZipFile(sys.argv[1] + '/' + name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets>' + ''.join('<sheet name="s%d" r:id="rId1"/>' % i for i in range(sheets)) + '</sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        if strings:
            z.writestr('xl/sharedStrings.xml', strings)
        if styles:
            z.writestr('xl/styles.xml', styles)
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + sheet + '</sheetData></worksheet>')
row = '<row>' + '<c><v>1</v></c>' * 256 + '</row>'
head = '<row><c t="inlineStr"><is><t>一级指标</t></is></c></row>'
book('import-64mib-sheet.xlsx', head + row * ((64 * 1024 * 1024 - 100) // len(row)))
book('import-shared-string-bomb.xlsx', ('<row>' + '<c t="s"><v>0</v></c>' * 256 + '</row>') * 4000,
     '<sst><si><t>' + 'y' * 30000 + '</t></si></sst>')
book('import-many-number-formats.xlsx', head + row * 800,
     styles='<styleSheet><numFmts>' + '<numFmt numFmtId="999" formatCode="0.0"/>' * 500000 + '</numFmts></styleSheet>')
book('import-many-sheets.xlsx', row * (1024 * 1024 // len(row)), sheets=64,
     strings='<sst>' + '<si><t>a</t></si>' * (8 * 1024 * 1024 // 17) + '</sst>',
     styles='<styleSheet><cellXfs>' + '<xf numFmtId="2"/>' * (8 * 1024 * 1024 // 18) + '</cellXfs></styleSheet>')
PY
echo "robust-corpus: $(ls "$dir" | wc -l) files in $dir"
