/*
 * cmd_explain.c - `jixiao explain FILE [PATH] [--rules R] [--format text|json]`.
 */
#include "cli.h"

#include "jixiao/explain.h"
#include "text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

const cli_command cmd_explain = {
	"explain", "the computation trace of one indicator, or of all",
	"usage: jixiao explain FILE [PATH] [--rules R] [--format text|json]\n"
	"\n"
	"Shows how each number was reached: the target and actual as read, the\n"
	"direction, the rule and its parameters (with the rule-set file and line\n"
	"that define it), the exact rate and score, the rounding, the points lost and\n"
	"the claimed values. PATH names one indicator: names joined with '/'\n"
	"(产出指标/成本指标/经济成本指标/办公费), or a name unique in the file;\n"
	"'funds' (or 预算执行率) explains the funds row, when the file has one.\n"
	"Without PATH: everything.\n"
	"\n"
	"  -r, --rules R    score under rule set R instead of the file's own\n"
	"  -f, --format F   text (default) or json\n"
	"  -h, --help       show this help\n",
	run
};

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, 'r' }, { "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *rules = NULL, *format = "text";
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rules = optarg; break;
		case 'f': format = optarg; break;
		case 'h': cli_usage(stdout, &cmd_explain); return EXIT_OK;
		default: return cli_option_error(&cmd_explain, c, argv, opts);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error(&cmd_explain, "unknown format '%s' (text or json)", format);
	if (optind >= argc)
		return cli_usage_error(&cmd_explain, "no file to explain");
	if (optind + 2 < argc)
		return cli_usage_error(&cmd_explain, "one file and at most one indicator");
	const char *path = optind + 1 < argc ? argv[optind + 1] : NULL;

	jx_diags diags;
	cli_eval ev;
	jx_diags_init(&diags);
	int rc = cli_eval_load(&ev, argv[optind], rules, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc)
		return cli_exit_for(rc);

	jx_explain_what what = { NULL, false };
	int status = EXIT_OK;
	if (path && jx_doc_names_funds(ev.doc, path)) {
		what.funds = ev.doc->funds.present;
		if (!what.funds) {
			fprintf(stderr, "jixiao explain: %s has no funds section\n", ev.doc->path_shown);
			status = EXIT_INPUT;
		}
	} else if (path) {
		const char *why = "not found";
		const jx_node *n = jx_doc_find(ev.doc, path, &why);
		char *shown = n && jx_node_is_leaf(n) ? NULL : jx_text_escape(path); /* as names are shown */
		if (!n) {
			char did[1024] = "";
			if (strncmp(why, "ambiguous", 9) != 0)
				jx_doc_suggest(did, sizeof(did), ev.doc, path, true);
			fprintf(stderr, "jixiao explain: indicator '%s' %s in %s%s\n", shown ? shown : path, why,
				ev.doc->path_shown, did);
			status = EXIT_INPUT;
		} else if (!jx_node_is_leaf(n)) {
			fprintf(stderr, "jixiao explain: '%s' is a group; name one of its indicators\n",
				shown ? shown : path);
			status = EXIT_INPUT;
		} else {
			what.leaf = jx_result_leaf(ev.result, n);
		}
		free(shown);
	}
	if (status == EXIT_OK) {
		rc = strcmp(format, "json") == 0 ? jx_explain_write_json(stdout, ev.result, what)
						 : jx_explain_write_text(stdout, ev.result, what);
		if (rc || fflush(stdout) != 0)
			status = EXIT_IO;
	}
	cli_eval_release(&ev);
	return status;
}
