/*
 * cmd_sensitivity.c - `jixiao sensitivity FILE... [--samples N] [--seed S]
 * [--level 1|2] [--concentration K] [--jobs N] [--format text|json|html] [-o OUT]`.
 */
#include "cli.h"

#include "jixiao/sensitivity.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(int argc, char **argv);

const cli_command cmd_sensitivity = {
	"sensitivity", "Monte Carlo weight sensitivity: grade and rank under random weights",
	"usage: jixiao sensitivity FILE... [--rules R] [--samples N] [--seed S] [--level 1|2]\n"
	"                          [--concentration K] [--jobs N] [--format text|json|html] [-o OUT]\n"
	"\n"
	"Draws weight vectors for the level-1 groups and funds (or the level-2 groups)\n"
	"from a Dirichlet distribution - uniform on the simplex, or around the files'\n"
	"own weights with --concentration K - keeps each group's attainment (score ÷\n"
	"weight), and reports the distribution of the total, the probability of each\n"
	"grade and the weights that move it; with several files also the probability\n"
	"of each rank (SMAA-2), central weights and the mean Kendall tau. The same\n"
	"seed gives the same numbers, whatever --jobs is. A directory stands for\n"
	"every *.yaml and *.yml file below it.\n"
	"\n"
	"  -n, --samples N        weight vectors to draw (default 10000, at most 1000000)\n"
	"  -s, --seed S           seed of the mt19937 generator (default 1)\n"
	"  -l, --level L          1 (default) or 2\n"
	"  -k, --concentration K  Dirichlet(K·w0) around the files' weights (default: uniform)\n"
	"  -j, --jobs N           threads (default: the number of processors)\n"
	"  -r, --rules R          score under rule set R instead of each file's own\n"
	"  -f, --format F         text (default), json (docs/whatif.md) or html\n"
	"  -o, --output OUT       write to OUT (replaced only when complete)\n"
	"  -h, --help             show this help\n",
	run
};

static bool parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v > max)
		return false;
	*out = v;
	return true;
}

typedef struct sens_output {
	const char *format;
	const jx_sens *s;
} sens_output;

static int write_sens(FILE *f, const void *ctx)
{
	const sens_output *o = ctx;
	if (strcmp(o->format, "json") == 0)
		return jx_sens_write_json(f, o->s);
	if (strcmp(o->format, "html") == 0)
		return jx_sens_write_html(f, o->s);
	return jx_sens_write_text(f, o->s);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "samples", required_argument, NULL, 'n' }, { "seed", required_argument, NULL, 's' },
		{ "level", required_argument, NULL, 'l' }, { "concentration", required_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' }, { "rules", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	jx_sens_opts o = { 10000, 1, 1, 0, cores > 0 ? (int)cores : 1 };
	const char *rules = NULL, *format = "text", *output = NULL;
	unsigned long v;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:s:l:k:j:r:f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (!parse_ulong(optarg, JX_SENS_MAX_SAMPLES, &v) || v == 0)
				return cli_usage_error(&cmd_sensitivity, "--samples must be from 1 to %d", JX_SENS_MAX_SAMPLES);
			o.samples = v;
			break;
		case 's':
			if (!parse_ulong(optarg, 4294967295ul, &v))
				return cli_usage_error(&cmd_sensitivity, "--seed must be a whole number from 0 to 4294967295");
			o.seed = v;
			break;
		case 'l':
			if (!parse_ulong(optarg, 2, &v) || v == 0)
				return cli_usage_error(&cmd_sensitivity, "--level must be 1 or 2");
			o.level = (int)v;
			break;
		case 'k': {
			char *end;
			errno = 0;
			o.concentration = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o.concentration > 0) || o.concentration > 1e6)
				return cli_usage_error(&cmd_sensitivity, "--concentration must be a number above 0 and "
									 "at most 1000000");
			break;
		}
		case 'j':
			if (!parse_ulong(optarg, 256, &v) || v == 0)
				return cli_usage_error(&cmd_sensitivity, "--jobs must be from 1 to 256");
			o.jobs = (int)v;
			break;
		case 'r': rules = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': cli_usage(stdout, &cmd_sensitivity); return EXIT_OK;
		default: return cli_option_error(&cmd_sensitivity, c, argv, opts);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
		return cli_usage_error(&cmd_sensitivity, "unknown format '%s' (text, json or html)", format);
	if (optind >= argc)
		return cli_usage_error(&cmd_sensitivity, "no file to analyse");

	cli_files files;
	int status = cli_files_collect(&files, argv + optind, (size_t)(argc - optind));
	if (status != EXIT_OK)
		return status;
	if ((status = cli_files_unique(&files)) != EXIT_OK ||
	    (status = cli_check_output("-o", output, files.paths, files.n, rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}
	/* The limits on files and samples are checked before the files are
	 * read: a directory of a million files would be loaded, then refused. */
	jx_diags limits;
	jx_diags_init(&limits);
	int over = jx_sens_check(files.n, &o, &limits);
	cli_print_diags(&limits);
	jx_diags_release(&limits);
	jx_rules *shared = NULL;
	if (over || (status = cli_rules_option(&shared, rules)) != EXIT_OK) {
		cli_files_free(&files);
		return over ? cli_exit_for(over) : status;
	}
	size_t n = files.n;
	cli_eval *evs = calloc(n ? n : 1, sizeof(*evs));
	const jx_result **results = calloc(n ? n : 1, sizeof(*results));
	if (!evs || !results) {
		free(evs);
		free(results);
		jx_rules_free(shared);
		cli_files_free(&files);
		fprintf(stderr, "jixiao: out of memory\n");
		return EXIT_IO;
	}
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		jx_diags diags;
		jx_diags_init(&diags);
		int rc = cli_eval_load_shared(&evs[i], files.paths[i], shared, NULL, 0, false, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc && cli_exit_for(rc) > status)
			status = cli_exit_for(rc);
		failed += rc != 0;
		results[i] = evs[i].result;
	}
	/* Ranks and totals are drawn over all the files at once: one that
	 * cannot be scored stops the run, which is said, not left to be guessed. */
	if (failed > 0 && n > 1)
		fprintf(stderr,
			"jixiao sensitivity: nothing analysed: %zu of the %zu files could not be scored; the files "
			"are analysed together, so correct %s or leave %s out\n",
			failed, n, failed > 1 ? "them" : "it", failed > 1 ? "them" : "it");
	if (status == EXIT_OK)
		status = cli_files_none(&files, "analyse");
	if (status == EXIT_OK) {
		jx_diags diags;
		jx_sens s;
		jx_diags_init(&diags);
		int rc = jx_sens_run(&s, results, n, &o, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc) {
			status = cli_exit_for(rc);
		} else {
			sens_output so = { format, &s };
			status = cli_write(output, write_sens, &so);
			jx_sens_release(&s);
		}
	}
	for (size_t i = 0; i < n; i++)
		cli_eval_release(&evs[i]);
	free(evs);
	free(results);
	jx_rules_free(shared);
	cli_files_free(&files);
	return status;
}
