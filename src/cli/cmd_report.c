/*
 * cmd_report.c - `jixiao report FILE [--rules R] [--format md|html|json] [-o OUT]`.
 */
#include "cli.h"

#include "jixiao/report.h"
#include "jixiao/whatif.h"

#include <getopt.h>
#include <string.h>

static int run(int argc, char **argv);

typedef struct report_output {
	const char *format;
	jx_report rep;
} report_output;

static int write_report(FILE *f, const void *ctx)
{
	const report_output *o = ctx;
	if (strcmp(o->format, "html") == 0)
		return jx_report_write_html(f, &o->rep);
	if (strcmp(o->format, "json") == 0)
		return jx_report_write_json(f, &o->rep);
	return jx_report_write_md(f, &o->rep);
}

const cli_command cmd_report = {
	"report", "bias-analysis report (偏差分析报告): losses, deviations, findings, what-ifs",
	"usage: jixiao report FILE [--rules R] [--format md|html|json] [-o OUT]\n"
	"\n"
	"Writes the 偏差分析报告 of one evaluation: the recomputed total and grade\n"
	"against the claimed ones, points lost per level-1 group, the scored table,\n"
	"a deviation note for every indicator off 100% (the table's own reason, or a\n"
	"draft stating the facts), the findings by severity, and the what-ifs they\n"
	"imply. See docs/report.md for every finding.\n"
	"\n"
	"  -r, --rules R      score under rule set R instead of the file's own\n"
	"  -f, --format F     md (default), html (one file, A4, with charts) or json\n"
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
	const char *rules = NULL, *format = "md", *output = NULL;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rules = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': cli_usage(stdout, &cmd_report); return EXIT_OK;
		default: return cli_option_error(&cmd_report, c, argv, opts);
		}
	}
	if (strcmp(format, "md") && strcmp(format, "html") && strcmp(format, "json"))
		return cli_usage_error(&cmd_report, "unknown format '%s' (md, html or json)", format);
	if (optind >= argc)
		return cli_usage_error(&cmd_report, "no file to report on");
	if (optind + 1 < argc)
		return cli_usage_error(&cmd_report, "one file at a time");
	if (cli_check_output("-o", output, argv + optind, 1, rules) != EXIT_OK)
		return EXIT_INPUT;

	jx_diags diags;
	cli_eval ev;
	jx_whatif whatifs[1];
	int nwhatifs = 0, status;
	jx_diags_init(&diags);
	int rc = cli_eval_load(&ev, argv[optind], rules, &diags);
	if (rc == 0)
		nwhatifs = jx_whatif_from_findings(whatifs, 1, ev.result, &ev.findings, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc || nwhatifs < 0) {
		if (rc == 0)
			cli_eval_release(&ev);
		return cli_exit_for(rc ? rc : nwhatifs);
	}

	report_output o = { format, { ev.result, &ev.findings, whatifs, (size_t)nwhatifs } };
	status = cli_write(output, write_report, &o);
	for (int i = 0; i < nwhatifs; i++)
		jx_whatif_release(&whatifs[i]);
	cli_eval_release(&ev);
	return status;
}
