/*
 * cmd_validate.c - `jixiao validate FILE...`: every problem of every file,
 * as file:line:col diagnostics; nothing else is written.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

const cli_command cmd_validate = {
	"validate", "check evaluations; report every problem as file:line:col",
	"usage: jixiao validate FILE... [--rules R] [--quiet]\n"
	"\n"
	"Loads each evaluation (a directory: every *.yaml and *.yml file below it)\n"
	"and its rule set and checks everything that scoring needs. Prints\n"
	"'FILE: ok' for a good file and every problem of a bad one (file:line:col:\n"
	"error: …). Exit status 2 when any file has an error.\n"
	"\n"
	"  -r, --rules R   check against rule set R instead of the one each file names\n"
	"  -q, --quiet     print nothing for good files\n"
	"  -h, --help      show this help\n",
	run
};

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, 'r' }, { "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *rules = NULL;
	int c, status = EXIT_OK, quiet = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rules = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': cli_usage(stdout, &cmd_validate); return EXIT_OK;
		default: return cli_option_error(&cmd_validate, c, argv, opts);
		}
	}
	if (optind >= argc)
		return cli_usage_error(&cmd_validate, "no file to check");
	cli_files files;
	if ((status = cli_files_collect(&files, argv + optind, (size_t)(argc - optind))) != EXIT_OK)
		return status;
	jx_rules *shared;
	if ((status = cli_rules_option(&shared, rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}
	status = cli_files_none(&files, "check");
	for (size_t i = 0; i < files.n; i++) {
		jx_diags diags;
		cli_eval ev;
		jx_diags_init(&diags);
		int rc = cli_eval_load_shared(&ev, files.paths[i], shared, NULL, 0, false, &diags);
		fflush(stdout);
		cli_print_diags(&diags);
		if (rc == 0 && !quiet) {
			/* the name as the diagnostics write it: a control character in it
			 * cannot break the line or reach the terminal as a command */
			printf("%s: ok (%zu indicator%s, rule set %s)\n", ev.doc->path_shown, ev.doc->nleaves,
			       ev.doc->nleaves == 1 ? "" : "s", ev.rules->name);
		}
		if (rc && cli_exit_for(rc) > status)
			status = cli_exit_for(rc);
		cli_eval_release(&ev);
		jx_diags_release(&diags);
	}
	jx_rules_free(shared);
	cli_files_free(&files);
	/* 'FILE: ok' that could not be written is not a success */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "jixiao: cannot write to standard output: %s\n", strerror(errno));
		return EXIT_IO;
	}
	return status;
}
