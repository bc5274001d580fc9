/*
 * cmd_whatif.c - `jixiao whatif FILE [--weight PATH=W]... [--actual PATH=V]...
 * [--standard-weights] [--rules R] [--format text|json] [--emit-yaml OUT]`.
 */
#include "cli.h"

#include "jixiao/whatif.h"
#include "jixiao/write.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int run(int argc, char **argv);

const cli_command cmd_whatif = {
	"whatif", "what-if experiments: other weights, actual values or rule set, side by side",
	"usage: jixiao whatif FILE [--weight PATH=W]... [--actual PATH=V]... [--standard-weights]\n"
	"                     [--rules R] [--format text|json] [--emit-yaml OUT]\n"
	"\n"
	"Scores a changed copy of FILE and shows it next to the file as it is: the\n"
	"indicators that changed, the level-1 groups, total and grade (docs/whatif.md).\n"
	"\n"
	"  -w, --weight PATH=W   set a weight; a group's indicators are scaled to W and\n"
	"                        rounded by largest remainders (they add up to W exactly),\n"
	"                        but for weights set inside it, which are kept;\n"
	"                        PATH 'funds' is the funds weight; each PATH once\n"
	"  -a, --actual PATH=V   replace an indicator's actual value (e.g. 办公费=60万元)\n"
	"  -s, --standard-weights  use the rule set's standard_weights for level 1 and funds\n"
	"  -r, --rules R         score the copy under rule set R (a name or a path)\n"
	"  -f, --format F        text (default) or json ({\"base\", \"whatif\", \"changes\"})\n"
	"  -e, --emit-yaml OUT   also write the changed evaluation as YAML to the file OUT\n"
	"                        (not '-': the report is on standard output)\n"
	"  -h, --help            show this help\n",
	run
};

/* "产出指标=50" into path and value; false when there is no '='. */
static bool split_set(char *arg, jx_whatif_set *out)
{
	char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return false;
	*eq = '\0';
	out->path = arg;
	out->value = eq + 1;
	return true;
}

/* The rules: line of the emitted file: a path made absolute, so it still
 * names the same file wherever OUT is written. */
static const char *rules_for_yaml(const char *spec, const char *base, char *buf)
{
	size_t n = strlen(spec);
	bool path = strchr(spec, '/') || (n > 5 && !strcmp(spec + n - 5, ".yaml")) ||
		    (n > 4 && !strcmp(spec + n - 4, ".yml"));
	if (!path)
		return spec;
	char joined[PATH_MAX];
	snprintf(joined, sizeof(joined), "%s/%s", spec[0] == '/' ? "" : base, spec);
	return realpath(spec[0] == '/' ? spec : joined, buf) ? buf : spec;
}

typedef struct whatif_output {
	bool json;
	const jx_whatif *w;
} whatif_output;

static int write_whatif(FILE *f, const void *ctx)
{
	const whatif_output *o = ctx;
	return o->json ? jx_whatif_write_json(f, o->w) : jx_whatif_write_text(f, o->w);
}

static int write_yaml(FILE *f, const void *ctx)
{
	const void *const *p = ctx;
	return jx_write_doc_yaml(f, p[0], p[1]);
}

/* True when path is standard output ("-", /dev/stdout, the file or
 * terminal it is redirected to), where the report goes. */
static bool is_stdout(const char *path)
{
	struct stat a, b;
	return strcmp(path, "-") == 0 ||
	       (stat(path, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 && a.st_dev == b.st_dev &&
		a.st_ino == b.st_ino && a.st_rdev == b.st_rdev);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "weight", required_argument, NULL, 'w' }, { "actual", required_argument, NULL, 'a' },
		{ "standard-weights", no_argument, NULL, 's' }, { "rules", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' }, { "emit-yaml", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	jx_whatif_set *weights = calloc((size_t)argc, sizeof(*weights));
	jx_whatif_set *actuals = calloc((size_t)argc, sizeof(*actuals));
	jx_whatif_spec spec = { weights, 0, actuals, 0, false, NULL };
	const char *rules = NULL, *format = "text", *emit = NULL;
	int c, status = EXIT_OK;

	if (!weights || !actuals) {
		free(weights);
		free(actuals);
		fprintf(stderr, "jixiao: out of memory\n");
		return EXIT_IO;
	}
	optind = 1;
	opterr = 0;
	while (status == EXIT_OK && (c = getopt_long(argc, argv, ":w:a:sr:f:e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'w':
			if (!split_set(optarg, &weights[spec.nweights++]))
				status = cli_usage_error(&cmd_whatif, "--weight needs PATH=W, not '%s'", optarg);
			break;
		case 'a':
			if (!split_set(optarg, &actuals[spec.nactuals++]))
				status = cli_usage_error(&cmd_whatif, "--actual needs PATH=VALUE, not '%s'", optarg);
			break;
		case 's': spec.standard_weights = true; break;
		case 'r': rules = optarg; break;
		case 'f': format = optarg; break;
		case 'e': emit = optarg; break;
		case 'h':
			cli_usage(stdout, &cmd_whatif);
			status = -1;
			break;
		default:
			status = cli_option_error(&cmd_whatif, c, argv, opts);
			break;
		}
	}
	if (status == EXIT_OK && strcmp(format, "text") && strcmp(format, "json"))
		status = cli_usage_error(&cmd_whatif, "unknown format '%s' (text or json)", format);
	/* Both on standard output, the YAML could not be read back. */
	if (status == EXIT_OK && emit && is_stdout(emit))
		status = cli_usage_error(&cmd_whatif, "--emit-yaml %s would mix the YAML into the report on "
					 "standard output; give a file", emit);
	if (status == EXIT_OK && optind + 1 != argc)
		status = cli_usage_error(&cmd_whatif, optind >= argc ? "no file to experiment on"
								    : "one file at a time");
	if (status == EXIT_OK)
		status = cli_check_output("--emit-yaml", emit, argv + optind, 1, rules);
	if (status != EXIT_OK) {
		free(weights);
		free(actuals);
		return status < 0 ? EXIT_OK : status;
	}

	jx_diags diags;
	cli_eval ev;
	jx_rules *whatif_rules = NULL;
	jx_whatif w;
	bool have_whatif = false;
	jx_diags_init(&diags);
	int rc = cli_eval_load(&ev, argv[optind], NULL, &diags);
	if (rc == 0 && rules)
		rc = jx_rules_load(&whatif_rules, rules, NULL, NULL, &diags);
	if (rc == 0) {
		spec.rules = whatif_rules;
		rc = jx_whatif_run(&w, ev.result, &spec, &diags);
		have_whatif = rc == 0;
	}
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc) {
		status = cli_exit_for(rc);
	} else {
		whatif_output o = { strcmp(format, "json") == 0, &w };
		status = cli_write(NULL, write_whatif, &o);
		if (status == EXIT_OK && emit) {
			char buf[PATH_MAX];
			const char *r = rules ? rules_for_yaml(rules, ".", buf)
					      : rules_for_yaml(ev.doc->rules, jx_doc_dir(ev.doc), buf);
			const void *ctx[2] = { w.doc, r };
			status = cli_write(emit, write_yaml, ctx);
		}
	}
	if (have_whatif)
		jx_whatif_release(&w);
	jx_rules_free(whatif_rules);
	if (rc == 0 || ev.doc)
		cli_eval_release(&ev);
	free(weights);
	free(actuals);
	return status;
}
