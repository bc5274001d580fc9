/*
 * stages.c - the first stages of `jixiao audit` alone, to show where its time
 * goes: `stages tree LIST` parses each file of LIST (one path per line) into
 * the YAML node tree; `stages doc LIST` goes on to the evaluation model
 * (every key, cell and weight read and checked). Nothing is scored or
 * written. bench/audit.sh times both against the bare libyaml scan.
 */
#define _POSIX_C_SOURCE 200809L
#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "ytree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool doc;
	if (argc != 3 || (strcmp(argv[1], "tree") != 0 && strcmp(argv[1], "doc") != 0)) {
		fprintf(stderr, "usage: stages tree|doc LIST\n");
		return 2;
	}
	doc = strcmp(argv[1], "doc") == 0;
	FILE *list = fopen(argv[2], "r");
	if (!list) {
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
		int rc;
		if (doc) {
			jx_doc *dc = NULL;
			rc = jx_doc_load(&dc, line, &d);
			jx_doc_free(dc);
		} else {
			jx_ytree t;
			rc = jx_ytree_load(&t, line, &d);
			jx_ytree_release(&t);
		}
		jx_diags_release(&d);
		files++;
		failed += rc != 0;
	}
	free(line);
	fclose(list);
	printf("%zu files, %zu not loaded\n", files, failed);
	return 0;
}
