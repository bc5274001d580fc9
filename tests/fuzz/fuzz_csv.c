/*
 * fuzz_csv.c - libFuzzer target: a CSV file read as a sheet, the 自评表
 * layout recognised in it, and the YAML written loaded again with its
 * problems moved to the cells, as `jixiao audit --spreadsheets` does. The
 * YAML an import writes must always be YAML whose values can be traced.
 */
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_diags d;
	jx_sheet s;
	jx_diags_init(&d);
	if (jx_sheet_parse_csv(&s, "fuzz.csv", (const char *)data, size, &d) == 0) {
		jx_import_trace trace = { 0 };
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		if (!f)
			abort();
		int rc = jx_import_traced(f, &s, &trace, &d);
		if (fclose(f) != 0)
			abort();
		if (rc == 0) {
			jx_doc *doc = NULL, *partial = NULL;
			size_t from = d.count;
			jx_doc_parse_partial(&doc, &partial, "fuzz.csv", text, len, &d);
			if (jx_import_trace_locate(&trace, text, len) != 0)
				abort(); /* what the import wrote is not what it traced */
			jx_import_trace_move(&trace, "fuzz.csv", "fuzz.csv", &d, from);
			jx_doc_free(doc);
			jx_doc_free(partial);
		}
		free(text);
		jx_import_trace_release(&trace);
		jx_sheet_release(&s);
	}
	jx_diags_release(&d);
	return 0;
}
