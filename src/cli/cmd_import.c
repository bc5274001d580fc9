/*
 * cmd_import.c - `jixiao import FILE.csv|FILE.xlsx [--sheet NAME] [-o OUT.yaml]`:
 * a 自评表 kept in a spreadsheet, as evaluation YAML, checked by loading and
 * scoring it.
 */
#include "cli.h"

#include "jixiao/common.h"
#include "jixiao/import.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

const cli_command cmd_import = {
	"import", "a 自评表 from a spreadsheet (CSV or XLSX) as evaluation YAML",
	"usage: jixiao import FILE.csv|FILE.xlsx [--sheet NAME] [-o OUT.yaml]\n"
	"\n"
	"Reads the 项目支出绩效自评表 or 部门整体支出绩效自评表 as Excel or WPS keep it:\n"
	"the title and 项目名称/主管部门/实施单位, the funds block, 年度总体目标 and the\n"
	"indicator table, its columns found by their titles (一级指标, 二级指标, 三级指标,\n"
	"指标值, 分值, 实际完成值, 完成率, 得分, 偏差原因分析及改进措施 …), merged cells\n"
	"read as they look. Writes the evaluation as YAML with every claimed value as\n"
	"written, then loads and scores it: cells it could not place are listed with\n"
	"their reference (B12), and problems of the result with their line in it.\n"
	"\n"
	"CSV may be UTF-8 or GB18030, separated by commas or tabs. XLSX cells are\n"
	"read as Excel shows them.\n"
	"\n"
	"  -s, --sheet NAME   the worksheet to read (default: the first with an\n"
	"                     indicator table, else the first)\n"
	"  -o, --output OUT   write to OUT (replaced only when complete)\n"
	"  -h, --help         show this help\n",
	run
};

/* Load and score the result, as `jixiao validate` would. */
static int check_text(const char *name, const char *text, size_t len, jx_diags *diags)
{
	jx_doc *doc = NULL;
	jx_rules *rules = NULL;
	jx_result *res = NULL;
	int rc = jx_doc_parse(&doc, name, text, len, diags);
	if (rc == 0)
		rc = jx_rules_load(&rules, doc->rules, NULL, NULL, diags);
	if (rc == 0)
		rc = jx_score_run(&res, doc, rules, diags);
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	return rc;
}

static int write_text(FILE *f, const void *ctx)
{
	const char *text = ctx;
	return fputs(text, f) == EOF ? JX_EIO : 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "sheet", required_argument, NULL, 's' }, { "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *sheet = NULL, *output = NULL;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': sheet = optarg; break;
		case 'o': output = optarg; break;
		case 'h': cli_usage(stdout, &cmd_import); return EXIT_OK;
		default: return cli_option_error(&cmd_import, c, argv, opts);
		}
	}
	if (optind >= argc)
		return cli_usage_error(&cmd_import, "no spreadsheet to import");
	if (argc - optind > 1)
		return cli_usage_error(&cmd_import, "one spreadsheet at a time");
	if (cli_check_output("-o", output, argv + optind, 1, NULL) != EXIT_OK)
		return EXIT_INPUT;

	jx_diags diags;
	jx_import_trace trace = { 0 };
	char *text = NULL;
	size_t len = 0;
	jx_diags_init(&diags);
	int rc = cli_import_text(argv[optind], sheet, &text, &len, &trace, &diags);
	cli_print_diags(&diags);
	if (rc == 0 && diags.errors > 0)
		rc = JX_EINVAL; /* part of the table could not be read: write nothing */
	jx_diags_release(&diags);
	if (rc) {
		free(text);
		jx_import_trace_release(&trace);
		return cli_exit_for(rc);
	}
	/* Write what was imported, then say what it still needs, and where in
	 * the table each value it names came from. */
	int status = cli_write(output, write_text, text);
	if (status == EXIT_OK) {
		const char *name = output && strcmp(output, "-") ? output : "<import>";
		jx_diags_init(&diags);
		if (check_text(name, text, len, &diags)) {
			if (jx_import_trace_locate(&trace, text, len) == 0)
				jx_import_trace_notes(&trace, name, argv[optind], &diags);
			cli_print_diags(&diags);
			fprintf(stderr, "jixiao: the table was imported%s%s, but as it stands it cannot "
					"be scored: it needs the fixes above\n",
				output ? " to " : "", output ? output : "");
			status = EXIT_INPUT;
		}
		jx_diags_release(&diags);
	}
	free(text);
	jx_import_trace_release(&trace);
	return status;
}
