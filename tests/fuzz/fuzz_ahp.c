/*
 * fuzz_ahp.c - libFuzzer target: a pairwise-comparison file, read, its
 * weights and consistency computed and written.
 */
#include "jixiao/ahp.h"
#include "jixiao/common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	jx_diags d;
	jx_ahp *a;
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	jx_diags_init(&d);
	if (jx_ahp_parse(&a, "fuzz-ahp.yaml", (const char *)data, size, JX_RI_CLASSIC, &d) == 0) {
		jx_ahp_write_text(null, a);
		jx_ahp_write_json(null, a);
		jx_ahp_free(a);
	}
	jx_diags_release(&d);
	return 0;
}
