/*
 * fuzz_xlsx_xml.c - libFuzzer target: the XML inside an XLSX file. Mutating a
 * whole workbook mostly breaks its checksums, so here the input is three
 * parts separated by NUL bytes - shared strings, styles, the worksheet - put
 * into a valid archive (libzip, in memory) and read as a sheet.
 */
#include "jixiao/common.h"
#include "jixiao/import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* Add a part from memory (copied by libzip at zip_close). */
static void add(zip_t *z, const char *name, const void *p, size_t n)
{
	zip_source_t *s = zip_source_buffer(z, p, n, 0);
	if (!s || zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	const uint8_t *part[3] = { data, NULL, NULL };
	size_t len[3] = { size, 0, 0 };
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	/* shared strings \0 styles \0 sheet */
	for (int k = 0; k < 2; k++) {
		const uint8_t *nul = memchr(part[k], 0, len[k]);
		if (!nul)
			break;
		part[k + 1] = nul + 1;
		len[k + 1] = len[k] - (size_t)(nul + 1 - part[k]);
		len[k] = (size_t)(nul - part[k]);
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!z)
		abort();
	zip_source_keep(src);
	add(z, "xl/workbook.xml", workbook, sizeof(workbook) - 1);
	add(z, "xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1);
	static const char *const names[3] = { "xl/sharedStrings.xml", "xl/styles.xml",
					      "xl/worksheets/sheet1.xml" };
	for (int k = 0; k < 3; k++)
		if (part[k])
			add(z, names[k], part[k], len[k]);
	if (zip_close(z) < 0)
		abort();
	/* the archive, out of its source */
	zip_stat_t st;
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		abort();
	char *buf = malloc(st.size ? st.size : 1);
	zip_int64_t got = buf ? zip_source_read(src, buf, st.size) : -1;
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	if (got < 0)
		abort();

	jx_diags d;
	jx_sheet s;
	jx_diags_init(&d);
	if (jx_sheet_parse_xlsx(&s, "fuzz.xlsx", buf, (size_t)got, NULL, &d) == 0) {
		jx_import(null, &s, &d);
		jx_sheet_release(&s);
	}
	jx_diags_release(&d);
	free(buf);
	return 0;
}
