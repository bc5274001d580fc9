/*
 * cmd_rules.c - `jixiao rules [NAME]`: list the rule sets, or show one
 * resolved (after `extends`) as YAML.
 */
#include "cli.h"

#include "jixiao/write.h"
#include "table.h"

#include <getopt.h>
#include <stdio.h>

static int run(int argc, char **argv);

const cli_command cmd_rules = {
	"rules", "list the rule sets, or show one resolved",
	"usage: jixiao rules [NAME|PATH]\n"
	"\n"
	"Without an argument, lists the rule sets that can be named: those in the\n"
	"directories of $JIXIAO_RULES_PATH, then the built-in ones. With one, prints\n"
	"that rule set as YAML after following 'extends', with every default filled in.\n"
	"\n"
	"  -h, --help   show this help\n",
	run
};

static int list(void)
{
	jx_rules_entry *e;
	size_t n;
	jx_table t;
	if (jx_rules_list(&e, &n) != 0) {
		fprintf(stderr, "jixiao: out of memory\n");
		return EXIT_IO;
	}
	jx_table_init(&t, 3);
	size_t h = jx_table_row(&t);
	jx_table_set(&t, h, 0, "名称");
	jx_table_set(&t, h, 1, "标题");
	jx_table_set(&t, h, 2, "来源");
	jx_table_rule(&t, h);
	for (size_t i = 0; i < n; i++) {
		jx_diags diags;
		jx_rules *r = NULL;
		jx_diags_init(&diags);
		jx_rules_load(&r, e[i].name, NULL, NULL, &diags);
		size_t k = jx_table_row(&t);
		jx_table_set(&t, k, 0, "%s", e[i].name);
		jx_table_set(&t, k, 1, "%s", r ? r->title : "(有错误，见 jixiao rules NAME)");
		jx_table_set(&t, k, 2, "%s", e[i].origin);
		jx_rules_free(r);
		jx_diags_release(&diags);
	}
	int rc = jx_table_print(&t, stdout);
	jx_table_release(&t);
	jx_rules_list_free(e, n);
	return rc ? EXIT_IO : EXIT_OK;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = { { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			cli_usage(stdout, &cmd_rules);
			return EXIT_OK;
		}
		return cli_option_error(&cmd_rules, c, argv, opts);
	}
	if (optind >= argc)
		return list();
	if (optind + 1 < argc)
		return cli_usage_error(&cmd_rules, "one rule set at a time");

	jx_diags diags;
	jx_rules *r = NULL;
	jx_diags_init(&diags);
	int rc = jx_rules_load(&r, argv[optind], NULL, NULL, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc)
		return cli_exit_for(rc);
	rc = jx_write_rules(stdout, r);
	jx_rules_free(r);
	return rc ? EXIT_IO : EXIT_OK;
}
