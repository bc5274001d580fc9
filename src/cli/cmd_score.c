/*
 * cmd_score.c - `jixiao score FILE... [--rules R] [--format table|json|csv|xlsx] [-o OUT]`.
 */
#include "cli.h"

#include "jixiao/write.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

/* What the writer needs: the format and every scored file. */
typedef struct score_output {
	const char *format;
	const jx_result **results;
	const jx_findings **findings;
	size_t n;
} score_output;

static int write_scores(FILE *f, const void *ctx)
{
	const score_output *o = ctx;
	int rc = 0;
	if (strcmp(o->format, "json") == 0)
		return jx_write_json(f, o->results, o->findings, o->n, o->n > 1);
	if (strcmp(o->format, "csv") == 0)
		return jx_write_csv(f, o->results, o->n);
	for (size_t i = 0; i < o->n && rc == 0; i++) {
		if (i > 0)
			fputc('\n', f);
		rc = jx_write_table(f, o->results[i]);
	}
	return rc;
}

/* The workbook, through a temporary renamed into place when complete. */
static int write_workbook(const char *path, const score_output *o)
{
	jx_tmp t;
	char err[256];
	cli_catch_signals();
	if (jx_tmp_create(&t, path, false) != 0) {
		fprintf(stderr, "jixiao: %s: cannot write: %s\n", path, strerror(errno));
		return EXIT_IO;
	}
	if (jx_write_xlsx(jx_tmp_name(&t), o->results, o->findings, o->n, err, sizeof(err)) != 0) {
		jx_tmp_abort(&t);
		fprintf(stderr, "jixiao: %s: %s\n", path, err);
		return EXIT_IO;
	}
	if (jx_tmp_commit(&t) != 0) {
		fprintf(stderr, "jixiao: %s: cannot write: %s\n", path, strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

const cli_command cmd_score = {
	"score", "score evaluations: the 自评表 with every rate, score, total and grade",
	"usage: jixiao score FILE... [--rules R] [--format table|json|csv|xlsx] [-o OUT]\n"
	"\n"
	"Scores each evaluation and prints the scored 自评表, marking claimed values\n"
	"that do not follow from the data. FILE '-' reads standard input; a\n"
	"directory stands for every *.yaml and *.yml file below it.\n"
	"\n"
	"  -r, --rules R      score under rule set R (a name or a path) instead of\n"
	"                     the one each file names\n"
	"  -f, --format F     table (default), json (docs/output.md), csv, or xlsx (the\n"
	"                     published layout and the findings; needs -o)\n"
	"  -o, --output OUT   write to OUT (replaced only when complete)\n"
	"  -h, --help         show this help\n",
	run
};

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, 'r' }, { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rules = NULL, *format = "table", *output = NULL;
	int c, status = EXIT_OK;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rules = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': cli_usage(stdout, &cmd_score); return EXIT_OK;
		default: return cli_option_error(&cmd_score, c, argv, opts);
		}
	}
	if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "csv") &&
	    strcmp(format, "xlsx"))
		return cli_usage_error(&cmd_score, "unknown format '%s' (table, json, csv or xlsx)", format);
	if (strcmp(format, "xlsx") == 0 && (!output || strcmp(output, "-") == 0))
		return cli_usage_error(&cmd_score, "--format xlsx needs -o FILE.xlsx");
	if (optind >= argc)
		return cli_usage_error(&cmd_score, "no file to score");

	cli_files files;
	status = cli_files_collect(&files, argv + optind, (size_t)(argc - optind));
	if (status != EXIT_OK)
		return status;
	if ((status = cli_check_output("-o", output, files.paths, files.n, rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}
	jx_rules *shared;
	if ((status = cli_rules_option(&shared, rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}
	size_t n = files.n;
	cli_eval *evs = calloc(n ? n : 1, sizeof(*evs));
	const jx_result **results = calloc(n ? n : 1, sizeof(*results));
	const jx_findings **findings = calloc(n ? n : 1, sizeof(*findings));
	if (!evs || !results || !findings) {
		free(evs);
		free(results);
		free(findings);
		jx_rules_free(shared);
		cli_files_free(&files);
		fprintf(stderr, "jixiao: out of memory\n");
		return EXIT_IO;
	}
	status = cli_files_none(&files, "score");
	/* Score everything first: bad input means no output at all. */
	for (size_t i = 0; i < n; i++) {
		jx_diags diags;
		jx_diags_init(&diags);
		int rc = cli_eval_load_shared(&evs[i], files.paths[i], shared, NULL, 0, false, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc) {
			int s = cli_exit_for(rc);
			if (s > status)
				status = s;
		}
		results[i] = evs[i].result;
		findings[i] = &evs[i].findings;
	}
	if (status == EXIT_OK) {
		score_output o = { format, results, findings, n };
		status = strcmp(format, "xlsx") == 0 ? write_workbook(output, &o)
						      : cli_write(output, write_scores, &o);
	}
	for (size_t i = 0; i < n; i++)
		cli_eval_release(&evs[i]);
	free(evs);
	free(results);
	free(findings);
	jx_rules_free(shared);
	cli_files_free(&files);
	return status;
}
