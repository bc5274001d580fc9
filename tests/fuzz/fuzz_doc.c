/*
 * fuzz_doc.c - libFuzzer target: an evaluation file, loaded, scored under the
 * standard rule set, with findings, the table, JSON and the HTML report written;
 * a file with errors is checked as far as it could be read (jx_score_check).
 */
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/findings.h"
#include "jixiao/report.h"
#include "jixiao/rules.h"
#include "jixiao/score.h"
#include "jixiao/write.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static jx_rules *standard;
	static FILE *null;
	jx_diags d;
	jx_doc *doc = NULL, *partial = NULL;
	jx_result *res = NULL;
	jx_findings f;

	jx_diags_init(&d);
	if (!standard && jx_rules_load(&standard, "standard", NULL, NULL, &d) != 0)
		abort();
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	if (jx_doc_parse_partial(&doc, &partial, "fuzz.yaml", (const char *)data, size, &d) == 0 &&
	    jx_score_run(&res, doc, standard, &d) == 0 && jx_findings_run(&f, res) == 0) {
		const jx_result *rs[1] = { res };
		const jx_findings *fs[1] = { &f };
		jx_write_table(null, res);
		jx_write_json(null, rs, fs, 1, false);
		jx_report rep = { res, &f, NULL, 0 };
		jx_report_write_html(null, &rep);
		jx_findings_release(&f);
	}
	if (partial) {
		/* A leaf not marked faulty was read whole: target, and actual
		 * unless it does not apply. */
		for (size_t i = 0; i < partial->nleaves; i++) {
			const jx_node *n = partial->leaves[i];
			if (!n->faulty && (!n->target.present ||
					   (n->target.q.kind != JX_Q_NA && !n->actual.present)))
				abort();
		}
		jx_score_check(partial, standard, &d);
	}
	jx_result_free(res);
	jx_doc_free(partial);
	jx_doc_free(doc);
	jx_diags_release(&d);
	return 0;
}
