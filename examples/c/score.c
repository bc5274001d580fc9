/*
 * score.c - libjixiao from a program of one's own: load an evaluation, load
 * its rule set, score it, print the total, the grade and each claimed value
 * that does not follow from the data, and free everything.
 *
 *   cc -o score score.c $(pkg-config --cflags --libs --static jixiao)
 *   ./score examples/karamay-2024/project.yaml [RULES]
 *
 * RULES (a rule-set name or path) replaces the rule set the file names.
 * Problems are printed as file:line:col: error: message. Exit status: 0 when
 * the file was scored, 1 when it could not be, 2 on wrong usage.
 */
#include <jixiao/common.h>
#include <jixiao/decimal.h>
#include <jixiao/diag.h>
#include <jixiao/doc.h>
#include <jixiao/rules.h>
#include <jixiao/score.h>

#include <stdio.h>
#include <string.h>

static const char *severity_name(jx_severity s)
{
	return s == JX_SEV_ERROR ? "error" : s == JX_SEV_WARNING ? "warning" : "note";
}

/* Every diagnostic as file:line:col (jx_diags_print does the same, with the
 * source line under it on request; a program with a user interface of its
 * own reads the fields as here). */
static void print_diags(const jx_diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		const jx_diag *g = &d->items[i];
		fputs(g->file ? g->file : "score", stderr);
		if (g->line)
			fprintf(stderr, ":%u", g->line);
		if (g->line && g->col)
			fprintf(stderr, ":%u", g->col);
		fprintf(stderr, ": %s: %s\n", severity_name(g->severity), g->message);
	}
	if (d->dropped)
		fprintf(stderr, "score: %zu more diagnostics not shown\n", d->dropped);
}

/* One claimed value that does not follow: where, what, as claimed (with the
 * places it was written with) and as recomputed (with the rule set's). */
static void print_mismatch(const char *where, const char *what, jx_dec claimed, int claimed_places,
			   jx_dec recomputed, int places)
{
	char c[JX_DEC_BUFSZ], r[JX_DEC_BUFSZ];
	const char *unit = strcmp(what, "rate") == 0 ? "%" : ""; /* rates are in percent */
	printf("mismatch: %s %s: claimed %s%s, recomputed %s%s\n", where, what,
	       jx_dec_format(c, claimed, claimed_places, 0), unit,
	       jx_dec_format(r, recomputed, places, 0), unit);
}

/* Every claimed value of the result that does not follow from the data. */
static void print_mismatches(const jx_result *res)
{
	const jx_doc *doc = res->doc;
	const jx_rules *rules = res->rules;
	char path[512];

	if (res->funds.rate_mismatch)
		print_mismatch(jx_funds_title(doc->kind), "rate", doc->funds.claimed.rate,
			       doc->funds.claimed.rate_places, res->funds.rate_pct, rules->rate_decimals);
	if (res->funds.score_mismatch)
		print_mismatch(jx_funds_title(doc->kind), "score", doc->funds.claimed.score,
			       doc->funds.claimed.score_places, res->funds.score, rules->decimals);
	for (size_t i = 0; i < res->nleaves; i++) {
		const jx_leaf_result *lr = &res->leaves[i];
		const jx_claim *claim = &lr->node->claimed;
		jx_node_path(path, sizeof(path), lr->node, "/");
		if (lr->rate_mismatch)
			print_mismatch(path, "rate", claim->rate, claim->rate_places, lr->rate_pct,
				       rules->rate_decimals);
		if (lr->score_mismatch)
			print_mismatch(path, "score", claim->score, claim->score_places, lr->score,
				       rules->decimals);
	}
	if (res->total_mismatch)
		print_mismatch("总分", "total", doc->claimed.total, doc->claimed.total_places, res->total,
			       rules->decimals);
	if (res->grade_mismatch)
		printf("mismatch: 等级 grade: claimed %s, recomputed %s\n", doc->claimed.grade,
		       res->grade ? res->grade->name : "");
}

int main(int argc, char **argv)
{
	jx_diags diags;
	jx_doc *doc = NULL;
	jx_rules *rules = NULL;
	jx_result *res = NULL;
	char total[JX_DEC_BUFSZ];
	int rc, status = 1;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: score FILE.yaml [RULES]\n");
		return 2;
	}
	jx_diags_init(&diags);

	/* On failure *out stays NULL and diags says why, at the file's line. */
	if ((rc = jx_doc_load(&doc, argv[1], &diags)) != 0)
		goto done;

	/* The rule set the file names is looked up next to the file; a name it
	 * does not know is reported at its `rules:` key. */
	if (argc == 3) {
		rc = jx_rules_load(&rules, argv[2], NULL, NULL, &diags);
	} else {
		jx_loc named_at = { &doc->src, doc->rules_mark.line, doc->rules_mark.col };
		rc = jx_rules_load(&rules, doc->rules, jx_doc_dir(doc),
				   doc->rules_mark.line ? &named_at : NULL, &diags);
	}
	if (rc != 0)
		goto done;

	/* The result borrows doc and rules: free it first. */
	if ((rc = jx_score_run(&res, doc, rules, &diags)) != 0)
		goto done;

	printf("file: %s\n", doc->path);
	printf("rules: %s\n", rules->name);
	printf("total: %s\n", jx_dec_format(total, res->total, rules->decimals, 0));
	printf("grade: %s\n", res->grade ? res->grade->name : "");
	printf("mismatches: %zu\n", res->mismatches);
	print_mismatches(res);
	status = 0;

done:
	print_diags(&diags); /* warnings too, when the file was scored */
	if (rc != 0 && diags.errors == 0)
		fprintf(stderr, "score: %s: %s\n", argv[1], jx_strerror(rc));
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
	return status;
}
