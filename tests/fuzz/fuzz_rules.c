/*
 * fuzz_rules.c - libFuzzer target: a rule-set file, loaded and validated,
 * written back, and the seed project scored under it.
 */
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/rules.h"
#include "jixiao/score.h"
#include "jixiao/write.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static jx_doc *seed;
	static FILE *null;
	jx_diags d;
	jx_rules *rules = NULL;
	jx_result *res = NULL;

	jx_diags_init(&d);
	if (!seed && jx_doc_load(&seed, "examples/karamay-2024/project.yaml", &d) != 0)
		abort(); /* run from the repository root */
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	if (jx_rules_parse(&rules, "fuzz-rules.yaml", (const char *)data, size, &d) == 0) {
		jx_write_rules(null, rules);
		if (jx_score_run(&res, seed, rules, &d) == 0)
			jx_result_free(res);
		jx_rules_free(rules);
	}
	jx_diags_release(&d);
	return 0;
}
