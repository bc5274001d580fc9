/*
 * stages.c - the stages of `jixiao audit` alone, to show where its time goes.
 * `stages STAGE LIST` runs each file of LIST (one path per line) up to STAGE:
 *
 *   tree      the YAML node tree
 *   doc       the evaluation model (every key, cell and weight read and checked)
 *   score     its rule set (loaded once per run, as the audit does) and the score
 *   findings  the findings, counted as the audit counts them (no messages)
 *
 * Nothing is written. bench/audit.sh times each against the bare libyaml
 * scan; what `audit --jobs 1` takes beyond `stages findings` is the record
 * of each file, its JSON line and the file list.
 */
#define _POSIX_C_SOURCE 200809L
#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/findings.h"
#include "jixiao/rules.h"
#include "jixiao/score.h"
#include "ytree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum stage { TREE, DOC, SCORE, FINDINGS };

/* One file up to the stage; 0 when it got there. */
static int run(enum stage stage, const char *path, jx_rules_cache *cache, jx_diags *d)
{
	if (stage == TREE) {
		jx_ytree t;
		int rc = jx_ytree_load(&t, path, d);
		jx_ytree_release(&t);
		return rc;
	}
	jx_doc *doc = NULL;
	const jx_rules *rules;
	jx_result *res = NULL;
	jx_findings f;
	int rc = jx_doc_load(&doc, path, d);
	if (rc == 0 && stage >= SCORE &&
	    (rc = jx_rules_cache_get(cache, &rules, doc->rules, jx_doc_dir(doc), NULL, d)) == 0)
		rc = jx_score_run(&res, doc, rules, d);
	if (rc == 0 && stage >= FINDINGS &&
	    (rc = jx_findings_collect(&f, res, JX_FINDINGS_NO_MESSAGES)) == 0)
		jx_findings_release(&f);
	jx_result_free(res);
	jx_doc_free(doc);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *const names[] = { "tree", "doc", "score", "findings" };
	int stage = -1;
	for (int i = 0; argc == 3 && i < 4; i++)
		if (strcmp(argv[1], names[i]) == 0)
			stage = i;
	if (stage < 0) {
		fprintf(stderr, "usage: stages tree|doc|score|findings LIST\n");
		return 2;
	}
	FILE *list = fopen(argv[2], "r");
	jx_rules_cache *cache = jx_rules_cache_new();
	if (!list || !cache) {
		perror(argv[2]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0, files = 0, failed = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, list)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		jx_diags d;
		jx_diags_init(&d);
		failed += run((enum stage)stage, line, cache, &d) != 0;
		jx_diags_release(&d);
		files++;
	}
	free(line);
	fclose(list);
	jx_rules_cache_free(cache);
	printf("%zu files, %zu not processed to the end\n", files, failed);
	return 0;
}
