/*
 * fuzz_csv.c - libFuzzer target: a CSV file read as a sheet and the 自评表
 * layout recognised in it.
 */
#include "jixiao/common.h"
#include "jixiao/import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	jx_diags d;
	jx_sheet s;
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	jx_diags_init(&d);
	if (jx_sheet_parse_csv(&s, "fuzz.csv", (const char *)data, size, &d) == 0) {
		jx_import(null, &s, &d);
		jx_sheet_release(&s);
	}
	jx_diags_release(&d);
	return 0;
}
