/*
 * fuzz_quantity.c - libFuzzer target: a 自评表 cell parsed as a target and as
 * an actual value; an error must point inside the cell.
 */
#include "jixiao/quantity.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t chars = jx_utf8_count(s, size);
	for (int role = JX_QROLE_TARGET; role <= JX_QROLE_ACTUAL; role++) {
		jx_quantity q;
		jx_qerror err;
		if (jx_quantity_parse(&q, s, size, (jx_qrole)role, &err) != 0 && err.col > chars)
			abort(); /* the caret would point past the text */
	}
	return 0;
}
