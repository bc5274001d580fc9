/*
 * cmd_weights.c - `jixiao weights --entropy PATH... [--level 1|2] [--format text|json]`.
 */
#include "cli.h"

#include "jixiao/entropy.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

const cli_command cmd_weights = {
	"weights", "weights from data: entropy weights (熵权法) of a set of evaluations",
	"usage: jixiao weights --entropy PATH... [--level 1|2] [--format text|json]\n"
	"\n"
	"Computes the entropy weights of the level-1 groups and funds (or of the\n"
	"level-2 groups) from their attainments (score ÷ weight) across the\n"
	"evaluations: the more the evaluations differ on a criterion, the more weight\n"
	"it gets. PATH is a file or a directory searched for *.yaml and *.yml. A\n"
	"criterion on which every evaluation attains the same gets weight 0; when\n"
	"all do, the weights are equal (docs/whatif.md).\n"
	"\n"
	"  -e, --entropy     entropy weights (the only method so far)\n"
	"  -l, --level L     1 (default) or 2\n"
	"  -f, --format F    text (default) or json\n"
	"  -h, --help        show this help\n",
	run
};

typedef struct weights_output {
	bool json;
	const jx_entropy *e;
} weights_output;

static int write_weights(FILE *f, const void *ctx)
{
	const weights_output *o = ctx;
	return o->json ? jx_entropy_write_json(f, o->e) : jx_entropy_write_text(f, o->e);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "entropy", no_argument, NULL, 'e' }, { "level", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = "text";
	bool entropy = false;
	int level = 1, c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":el:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': entropy = true; break;
		case 'l':
			if (strcmp(optarg, "1") && strcmp(optarg, "2"))
				return cli_usage_error(&cmd_weights, "--level must be 1 or 2");
			level = optarg[0] - '0';
			break;
		case 'f': format = optarg; break;
		case 'h': cli_usage(stdout, &cmd_weights); return EXIT_OK;
		default: return cli_option_error(&cmd_weights, c, argv, opts);
		}
	}
	if (!entropy)
		return cli_usage_error(&cmd_weights, "say which weights: --entropy");
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error(&cmd_weights, "unknown format '%s' (text or json)", format);
	if (optind >= argc)
		return cli_usage_error(&cmd_weights, "no evaluations");

	cli_files files;
	int status = cli_files_collect(&files, argv + optind, (size_t)(argc - optind));
	if (status == EXIT_OK)
		status = cli_files_unique(&files);
	if (status == EXIT_OK) /* a mistyped directory, or spreadsheets not imported yet */
		status = cli_files_none(&files, "weigh");
	cli_eval *evs = status == EXIT_OK ? calloc(files.n ? files.n : 1, sizeof(*evs)) : NULL;
	const jx_result **results = evs ? calloc(files.n ? files.n : 1, sizeof(*results)) : NULL;
	if (status == EXIT_OK && !results)
		status = EXIT_IO;
	/* Every file is read, so that all their problems show at once. */
	for (size_t i = 0; results && i < files.n; i++) {
		jx_diags diags;
		jx_diags_init(&diags);
		int rc = cli_eval_load(&evs[i], files.paths[i], NULL, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc && cli_exit_for(rc) > status)
			status = cli_exit_for(rc);
		results[i] = evs[i].result;
	}
	if (status == EXIT_OK) {
		jx_diags diags;
		jx_entropy e;
		jx_diags_init(&diags);
		int rc = jx_entropy_run(&e, results, files.n, level, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc) {
			status = cli_exit_for(rc);
		} else {
			weights_output wo = { strcmp(format, "json") == 0, &e };
			status = cli_write(NULL, write_weights, &wo);
			jx_entropy_release(&e);
		}
	}
	for (size_t i = 0; evs && i < files.n; i++)
		cli_eval_release(&evs[i]);
	free(evs);
	free(results);
	cli_files_free(&files);
	return status;
}
