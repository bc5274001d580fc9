/*
 * cmd_ahp.c - `jixiao ahp FILE [--ri classic|saaty2005|dd] [--format text|json]
 * [--apply EVAL.yaml [--to PATH]]`.
 */
#include "cli.h"

#include "jixiao/ahp.h"
#include "jixiao/whatif.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv);

const cli_command cmd_ahp = {
	"ahp", "weights from pairwise comparisons (层次分析法), with the consistency ratio",
	"usage: jixiao ahp FILE [--ri classic|saaty2005|dd] [--format text|json]\n"
	"                  [--apply EVAL.yaml [--to PATH]]\n"
	"\n"
	"Computes the weights of each comparison matrix of FILE (the principal\n"
	"eigenvector), λmax, CI and CR, and warns when CR ≥ 0.10, naming the most\n"
	"inconsistent comparison. With --apply, writes the weights into the groups of\n"
	"an evaluation (apportioned exactly, as `whatif --weight` does) and shows the\n"
	"evaluation scored both ways. See docs/whatif.md for the file format.\n"
	"\n"
	"  --ri T            random-index table: classic (default), saaty2005 or dd\n"
	"  -f, --format F    text (default) or json (docs/whatif.md)\n"
	"  -a, --apply EVAL  score EVAL with the weights\n"
	"  -t, --to PATH     the group whose children a file of one matrix weights\n"
	"                    (default: its 'path', else level 1); an error with\n"
	"                    several matrices, which name theirs with 'path'\n"
	"  -h, --help        show this help\n",
	run
};

/*
 * A path of node that jx_doc_find (and so the what-if) takes back to it,
 * whatever its length (malloc'd): the full path, else the bare name when
 * a name holding '/' makes the full path read otherwise. NULL after a
 * message when neither does, or when memory runs out.
 */
static char *path_of(const jx_doc *d, const jx_node *node)
{
	size_t len = jx_node_path(NULL, 0, node, "/");
	char *path = malloc(len + 1);
	if (!path) {
		fprintf(stderr, "jixiao: out of memory\n");
		return NULL;
	}
	jx_node_path(path, len + 1, node, "/");
	if (jx_doc_find(d, path, NULL) == node)
		return path;
	if (jx_doc_find(d, node->name, NULL) == node)
		return strcpy(path, node->name); /* shorter than the path */
	fprintf(stderr, "jixiao ahp: indicator '%s' of %s cannot be named by its path: a name in it holds '/'\n",
		path, d->path);
	free(path);
	return NULL;
}

/* The weights of a matrix as what-if settings of the group's children,
 * appended at sets[*nsets] (with their texts and paths at the same index;
 * the caller frees the paths). */
static int weights_for(const jx_ahp_matrix *m, const char *group, const cli_eval *ev,
		       jx_whatif_set *sets, char (*texts)[JX_DEC_BUFSZ], char **paths, size_t *nsets)
{
	const jx_doc *d = ev->doc;
	const jx_node *g = *group ? jx_doc_find(d, group, NULL) : NULL;
	const jx_node *kids = g ? g->children : d->roots;
	size_t nkids = g ? g->nchildren : d->nroots;
	jx_frac shares[JX_AHP_MAX_N];
	jx_dec parts[JX_AHP_MAX_N], total = g ? g->weight : ev->result->max;

	if (*group && (!g || jx_node_is_leaf(g))) {
		fprintf(stderr, "jixiao ahp: group '%s' not found in %s\n", group, d->path);
		return EXIT_INPUT;
	}
	/* A group a parent matrix has just reweighted shares out its new weight. */
	if (g) {
		char *full = path_of(d, g);
		if (!full)
			return EXIT_INPUT;
		for (size_t i = 0; i < *nsets; i++)
			if (strcmp(sets[i].path, full) == 0)
				jx_dec_parse(&total, NULL, sets[i].value, strlen(sets[i].value), NULL);
		free(full);
	}
	/* Every criterion names a child (or the funds row at level 1), and back;
	 * at level 1 the funds row takes part only when a criterion names it. */
	size_t funds = 0;
	for (size_t i = 0; !g && i < m->n; i++)
		if (strcmp(m->criteria[i], "预算执行率") == 0 || strcmp(m->criteria[i], "funds") == 0)
			funds = 1;
	if (!g && !funds) {
		total.units = 0;
		for (size_t k = 0; k < nkids; k++)
			total.units += kids[k].weight.units;
	}
	if (funds && !d->funds.present) {
		fprintf(stderr, "jixiao ahp: %s has no funds section to weight\n", d->path);
		return EXIT_INPUT;
	}
	if (m->n != nkids + funds) {
		fprintf(stderr, "jixiao ahp: %zu criteria for %zu %s of '%s'\n", m->n, nkids + funds,
			g ? "indicators" : "level-1 groups (with the funds row)", g ? group : d->path);
		return EXIT_INPUT;
	}
	for (size_t i = 0; i < m->n; i++) {
		const char *name = m->criteria[i];
		bool is_funds = !g && (strcmp(name, "预算执行率") == 0 || strcmp(name, "funds") == 0);
		const jx_node *kid = NULL;
		for (size_t k = 0; k < nkids && !is_funds; k++)
			if (strcmp(kids[k].name, name) == 0)
				kid = &kids[k];
		if (!is_funds && !kid) {
			fprintf(stderr, "jixiao ahp: criterion '%s' is not an indicator of '%s'\n", name,
				g ? group : "level 1");
			return EXIT_INPUT;
		}
		char **path = &paths[*nsets + i];
		*path = is_funds ? strdup("funds") : path_of(d, kid);
		if (!*path) {
			if (is_funds)
				fprintf(stderr, "jixiao: out of memory\n");
			return EXIT_INPUT;
		}
		/* w_i to 9 places is far below the decimals of any weight */
		int64_t ppb = (int64_t)(m->weights[i] * 1e9 + 0.5);
		if (jx_frac_mul(&shares[i], jx_frac_from_dec(total), jx_frac_make(ppb, 1000000000)))
			return EXIT_INPUT;
	}
	if (jx_apportion(parts, shares, m->n, total, ev->rules->decimals)) {
		fprintf(stderr, "jixiao ahp: cannot share the weight of '%s' exactly\n", *group ? group : "level 1");
		return EXIT_INPUT;
	}
	for (size_t i = 0; i < m->n; i++) {
		jx_dec_format(texts[*nsets], parts[i], -1, 0);
		sets[*nsets].path = paths[*nsets];
		sets[*nsets].value = texts[*nsets];
		(*nsets)++;
	}
	return EXIT_OK;
}

typedef struct ahp_output {
	bool json;
	const jx_ahp *a;
	const jx_whatif *w; /**< with --apply */
} ahp_output;

static int write_output(FILE *f, const void *ctx)
{
	const ahp_output *o = ctx;
	if (o->w)
		return o->json ? jx_whatif_write_json(f, o->w) : jx_whatif_write_text(f, o->w);
	return o->json ? jx_ahp_write_json(f, o->a) : jx_ahp_write_text(f, o->a);
}

static int apply(const jx_ahp *a, const char *eval, const char *to, bool json)
{
	size_t nsets = 0, max = 0;
	jx_diags diags;
	cli_eval ev;
	int status = EXIT_OK;

	for (size_t k = 0; k < a->nmatrices; k++)
		max += a->matrices[k].n;
	jx_whatif_set *sets = calloc(max, sizeof(*sets));
	char (*texts)[JX_DEC_BUFSZ] = calloc(max, sizeof(*texts));
	char **paths = calloc(max, sizeof(*paths));
	if (!sets || !texts || !paths) {
		fprintf(stderr, "jixiao: out of memory\n");
		status = EXIT_IO;
		goto done;
	}
	jx_diags_init(&diags);
	int rc = cli_eval_load(&ev, eval, NULL, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc) {
		status = cli_exit_for(rc);
		goto done;
	}
	/* Parents first, so a group's new weight is spread before its children's. */
	for (size_t depth = 0; depth <= 6 && status == EXIT_OK; depth++)
		for (size_t k = 0; k < a->nmatrices && status == EXIT_OK; k++) {
			const jx_ahp_matrix *m = &a->matrices[k];
			const char *group = a->nmatrices == 1 && to ? to : m->path;
			size_t d = *group ? 1 : 0;
			for (const char *p = group; *p; p++)
				d += *p == '/';
			if (d == depth)
				status = weights_for(m, group, &ev, sets, texts, paths, &nsets);
		}
	if (status == EXIT_OK) {
		jx_whatif w;
		jx_whatif_spec spec = { sets, nsets, NULL, 0, false, NULL };
		jx_diags_init(&diags);
		rc = jx_whatif_run(&w, ev.result, &spec, &diags);
		cli_print_diags(&diags);
		jx_diags_release(&diags);
		if (rc) {
			status = cli_exit_for(rc);
		} else {
			ahp_output o = { json, a, &w };
			status = cli_write(NULL, write_output, &o);
			jx_whatif_release(&w);
		}
	}
	cli_eval_release(&ev);
done:
	for (size_t i = 0; paths && i < max; i++)
		free(paths[i]);
	free(paths);
	free(texts);
	free(sets);
	return status;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ri", required_argument, NULL, 'R' }, { "format", required_argument, NULL, 'f' },
		{ "apply", required_argument, NULL, 'a' }, { "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *format = "text", *eval = NULL, *to = NULL;
	jx_ri_table ri = JX_RI_CLASSIC;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:a:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'R':
			if (jx_ahp_ri_parse(optarg, &ri))
				return cli_usage_error(&cmd_ahp, "unknown random-index table '%s' (classic, saaty2005 or dd)", optarg);
			break;
		case 'f': format = optarg; break;
		case 'a': eval = optarg; break;
		case 't': to = optarg; break;
		case 'h': cli_usage(stdout, &cmd_ahp); return EXIT_OK;
		default: return cli_usage_error(&cmd_ahp, "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error(&cmd_ahp, "unknown format '%s' (text or json)", format);
	if (optind + 1 != argc)
		return cli_usage_error(&cmd_ahp, optind >= argc ? "no comparison file" : "one comparison file at a time");
	if (to && !eval)
		return cli_usage_error(&cmd_ahp, "--to goes with --apply");

	jx_diags diags;
	jx_ahp *a = NULL;
	jx_diags_init(&diags);
	int rc = jx_ahp_load(&a, argv[optind], ri, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc)
		return cli_exit_for(rc);
	int status;
	if (to && a->nmatrices > 1) {
		/* Which of them would it be for? Each names its group with 'path'. */
		status = cli_usage_error(&cmd_ahp, "--to is for a file with one matrix; %s has %zu, each with its 'path'",
					 a->path, a->nmatrices);
	} else if (eval) {
		status = apply(a, eval, to, strcmp(format, "json") == 0);
	} else {
		ahp_output o = { strcmp(format, "json") == 0, a, NULL };
		status = cli_write(NULL, write_output, &o);
	}
	jx_ahp_free(a);
	return status;
}
