/*
 * cmd_ahp.c - `jixiao ahp FILE [--ri classic|saaty2005|dd] [--format text|json]
 * [--apply EVAL.yaml [--to PATH]]`.
 */
#include "cli.h"

#include "jixiao/ahp.h"
#include "jixiao/whatif.h"

#include <getopt.h>
#include <math.h>
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
 * *out = a path of node that jx_doc_find (and so the what-if) takes back
 * to it, whatever its length (malloc'd): the full path, else the bare name
 * when a name holding '/' makes the full path read otherwise. Returns an
 * exit status, after a message when it is not EXIT_OK.
 */
static int path_of(char **out, const jx_doc *d, const jx_node *node)
{
	size_t len = jx_node_path(NULL, 0, node, "/");
	char *path = malloc(len + 1);
	*out = NULL;
	if (!path) {
		fprintf(stderr, "jixiao: out of memory\n");
		return EXIT_IO;
	}
	jx_node_path(path, len + 1, node, "/");
	if (jx_doc_find(d, path, NULL) == node) {
		*out = path;
		return EXIT_OK;
	}
	if (jx_doc_find(d, node->name, NULL) == node) {
		*out = strcpy(path, node->name); /* shorter than the path */
		return EXIT_OK;
	}
	fprintf(stderr, "jixiao ahp: indicator '%s' of %s cannot be named by its path: a name in it holds '/'\n",
		path, d->path);
	free(path);
	return EXIT_INPUT;
}

/* Whether d has a level-1 group or indicator called name. */
static bool has_root(const jx_doc *d, const char *name)
{
	for (size_t i = 0; i < d->nroots; i++)
		if (strcmp(d->roots[i].name, name) == 0)
			return true;
	return false;
}

/* A matrix placed in the evaluation: the group it weights and the child
 * each of its criteria names. */
typedef struct placed {
	const jx_ahp_matrix *m;
	const char *group;     /**< as named: the matrix's 'path' or --to; "" for level 1 */
	const jx_node *node;   /**< that group; NULL for level 1 */
	const jx_node **kids;  /**< per criterion; NULL for the funds row */
} placed;

/*
 * Find the group of a matrix and the child each criterion names: every
 * criterion names a child (or, at level 1, the funds row), and every child
 * is named; at level 1 the funds row takes part only when a criterion names
 * it (in a table without one, 预算执行率 may name a level-1 group).
 * Problems go to diags at the matrix (at no place for a group given by
 * --to); returns whether there were none.
 */
static bool place(placed *p, const jx_doc *d, const jx_source *src, bool by_to, jx_diags *diags)
{
	const jx_ahp_matrix *m = p->m;
	const char *why = "not found";
	if (*p->group) {
		p->node = jx_doc_find(d, p->group, &why);
		if (!p->node || jx_node_is_leaf(p->node)) {
			jx_diags_add(diags, JX_SEV_ERROR, by_to ? NULL : src, m->line, m->col,
				     p->node ? "'%s' is an indicator of %s, not a group" : "group '%s' %s in %s",
				     p->group, p->node ? d->path : why, d->path);
			return false;
		}
	}
	const jx_node *kids = p->node ? p->node->children : d->roots;
	size_t nkids = p->node ? p->node->nchildren : d->nroots, funds = 0, first = 0;
	for (size_t i = 0; !p->node && i < m->n; i++) {
		if (!jx_funds_word(m->criteria[i]))
			continue;
		if (d->funds.present) {
			/* one row: weighted twice, it would take two shares */
			if (funds++ > 0) {
				jx_diags_add(diags, JX_SEV_ERROR, src, m->line, m->col,
					     "criteria '%s' and '%s' both name the funds row of %s", m->criteria[first],
					     m->criteria[i], d->path);
				return false;
			}
			first = i;
		} else if (!has_root(d, m->criteria[i])) {
			jx_diags_add(diags, JX_SEV_ERROR, src, m->line, m->col, "%s has no funds section to weight", d->path);
			return false;
		}
	}
	if (m->n != nkids + funds) {
		if (p->node)
			jx_diags_add(diags, JX_SEV_ERROR, src, m->line, m->col,
				     "%zu criteria for the %zu indicators of '%s' in %s", m->n, nkids, p->group, d->path);
		else
			jx_diags_add(diags, JX_SEV_ERROR, src, m->line, m->col,
				     "%zu criteria for the %zu level-1 groups%s of %s", m->n, nkids,
				     funds ? " and the funds row" : "", d->path);
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < m->n; i++) {
		p->kids[i] = NULL;
		if (!p->node && d->funds.present && jx_funds_word(m->criteria[i]))
			continue;
		for (size_t k = 0; k < nkids && !p->kids[i]; k++)
			if (strcmp(kids[k].name, m->criteria[i]) == 0)
				p->kids[i] = &kids[k];
		if (!p->kids[i]) {
			jx_diags_add(diags, JX_SEV_ERROR, src, m->line, m->col, "criterion '%s' is not %s%s%s in %s",
				     m->criteria[i], p->node ? "an indicator of '" : "a level-1 group",
				     p->node ? p->group : "", p->node ? "'" : "", d->path);
			ok = false;
		}
	}
	return ok;
}

/* A weight to set, as the what-if takes it. */
typedef struct setting {
	char *path;
	char value[JX_DEC_BUFSZ];
} setting;

/* The node of the copy sim that is n in the evaluation it was made from. */
static jx_node *twin(jx_doc *sim, const jx_node *n)
{
	return jx_node_is_leaf(n) ? sim->leaves[n->index] : sim->groups[n->index];
}

/*
 * Share the weight of a matrix's group among its children by the AHP
 * weights, in sim, and append each child's weight to out. The group's
 * weight is what it is in sim: its new weight once the matrices above it
 * have been shared, whether a parent matrix set it or it was scaled with
 * a group further up. When that differs from the file and no setting names
 * it yet, it is added before the children's. named marks the groups whose
 * weight a setting names.
 */
static int share(const placed *p, const cli_eval *ev, jx_doc *sim, bool *named, setting *out, size_t *nout)
{
	const jx_ahp_matrix *m = p->m;
	jx_frac shares[JX_AHP_MAX_N];
	jx_dec parts[JX_AHP_MAX_N], total = { 0 };
	jx_node *g = p->node ? twin(sim, p->node) : NULL;
	int places = ev->rules->decimals, status;

	if (g) {
		total = g->weight;
		/* The group's own weight is set only when a matrix above has
		 * changed it: the what-if keeps the others as the file has them. */
		if (!named[g->index] && jx_dec_cmp(total, p->node->weight) != 0) {
			if ((status = path_of(&out[*nout].path, ev->doc, p->node)) != EXIT_OK)
				return status;
			jx_dec_format(out[(*nout)++].value, total, -1, 0);
			named[g->index] = true;
		}
	} else {
		for (size_t i = 0; i < m->n; i++)
			if (!p->kids[i])
				total = sim->funds.weight;
		for (size_t k = 0; k < sim->nroots; k++)
			if (jx_dec_add(&total, total, sim->roots[k].weight))
				goto cannot;
	}
	/* The weights to 9 places, far below the decimals of any weight, and
	 * scaled to add up to exactly 1. */
	int64_t ppb[JX_AHP_MAX_N], sum = 0;
	for (size_t i = 0; i < m->n; i++)
		sum += ppb[i] = (int64_t)llround(m->weights[i] * 1e9);
	for (size_t i = 0; i < m->n; i++)
		if (jx_frac_mul(&shares[i], jx_frac_from_dec(total), jx_frac_make(ppb[i], sum)))
			goto cannot;
	if (jx_apportion(parts, shares, m->n, total, places))
		goto cannot;
	for (size_t i = 0; i < m->n; i++) {
		setting *s = &out[*nout];
		jx_dec_format(s->value, parts[i], -1, 0);
		if (!p->kids[i]) {
			if (!(s->path = strdup("funds"))) {
				fprintf(stderr, "jixiao: out of memory\n");
				return EXIT_IO;
			}
			sim->funds.weight = parts[i];
		} else {
			/* as the what-if will: a weight it already has is left alone */
			jx_node *kid = twin(sim, p->kids[i]);
			jx_diags diags;
			jx_diags_init(&diags);
			status = path_of(&s->path, ev->doc, p->kids[i]);
			if (status == EXIT_OK && jx_dec_cmp(parts[i], kid->weight) != 0 &&
			    jx_doc_set_weight(sim, kid, parts[i], places, &diags) != 0)
				status = EXIT_INPUT;
			cli_print_diags(&diags);
			jx_diags_release(&diags);
			if (status != EXIT_OK) {
				free(s->path);
				return status;
			}
			if (!jx_node_is_leaf(p->kids[i]))
				named[p->kids[i]->index] = true;
		}
		(*nout)++;
	}
	return EXIT_OK;
cannot:
	fprintf(stderr, "jixiao ahp: cannot share the weight of '%s' exactly\n", *p->group ? p->group : "level 1");
	return EXIT_INPUT;
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
		return o->json ? jx_ahp_write_applied_json(f, o->a, o->w) : jx_whatif_write_text(f, o->w);
	return o->json ? jx_ahp_write_json(f, o->a) : jx_ahp_write_text(f, o->a);
}

/*
 * Score the evaluation eval with the weights of every matrix, parents
 * before children whatever their order in the file, and write the what-if.
 */
static int apply(const jx_ahp *a, const char *eval, const char *to, bool json)
{
	const jx_source src = { a->path, NULL, 0 };
	size_t nout = 0, max = 0, n = a->nmatrices;
	placed *pl = calloc(n, sizeof(*pl));
	const jx_node **kids = NULL;
	const placed **owner = NULL;
	setting *out = NULL;
	jx_whatif_set *sets = NULL;
	bool *named = NULL;
	jx_doc *sim = NULL;
	jx_diags diags;
	cli_eval ev;
	int status = EXIT_OK;

	for (size_t k = 0; k < n; k++)
		max += a->matrices[k].n;
	kids = calloc(max, sizeof(*kids));
	max += n; /* a setting for each child and one for each group */
	out = calloc(max, sizeof(*out));
	sets = calloc(max, sizeof(*sets));
	jx_diags_init(&diags);
	if (!pl || !kids || !out || !sets) {
		fprintf(stderr, "jixiao: out of memory\n");
		status = EXIT_IO;
		goto done;
	}
	int rc = cli_eval_load(&ev, eval, NULL, &diags);
	cli_print_diags(&diags);
	jx_diags_release(&diags);
	if (rc) {
		status = cli_exit_for(rc);
		goto done;
	}
	/* Every matrix in its place, and each group weighted by one of them;
	 * all the problems at once. */
	const jx_doc *d = ev.doc;
	owner = calloc(d->ngroups + 1, sizeof(*owner));
	named = calloc(d->ngroups + 1, sizeof(*named));
	if (!owner || !named) {
		fprintf(stderr, "jixiao: out of memory\n");
		status = EXIT_IO;
		goto release;
	}
	for (size_t k = 0, at = 0; k < n; at += pl[k].m->n, k++) {
		pl[k].m = &a->matrices[k];
		pl[k].group = n == 1 && to ? to : pl[k].m->path;
		pl[k].kids = &kids[at];
		if (!place(&pl[k], d, &src, n == 1 && to, &diags))
			continue;
		const placed **o = &owner[pl[k].node ? pl[k].node->index + 1 : 0];
		if (*o)
			jx_diags_add(&diags, JX_SEV_ERROR, &src, pl[k].m->line, pl[k].m->col,
				     "a second matrix for %s%s%s of %s (the first is at line %u)",
				     *pl[k].group ? "'" : "level 1", pl[k].group, *pl[k].group ? "'" : "", d->path,
				     (*o)->m->line);
		else
			*o = &pl[k];
	}
	cli_print_diags(&diags);
	if (diags.errors) {
		status = EXIT_INPUT;
		goto release;
	}
	/* Parents first, so that each group shares out its new weight. */
	jx_diags_release(&diags);
	if ((rc = jx_doc_clone(&sim, d, &diags)) != 0) {
		cli_print_diags(&diags);
		status = cli_exit_for(rc);
		goto release;
	}
	for (int depth = 0; depth <= JX_MAX_DEPTH && status == EXIT_OK; depth++)
		for (size_t k = 0; k < n && status == EXIT_OK; k++)
			if ((pl[k].node ? pl[k].node->depth : 0) == depth)
				status = share(&pl[k], &ev, sim, named, out, &nout);
	if (status == EXIT_OK) {
		jx_whatif w;
		for (size_t i = 0; i < nout; i++)
			sets[i] = (jx_whatif_set){ out[i].path, out[i].value };
		jx_whatif_spec spec = { sets, nout, NULL, 0, false, NULL };
		jx_diags_release(&diags);
		rc = jx_whatif_run(&w, ev.result, &spec, &diags);
		/* The weights are applied, not shown: say when they are not to be trusted. */
		if (rc == 0)
			jx_ahp_warn(a, &diags);
		cli_print_diags(&diags);
		if (rc) {
			status = cli_exit_for(rc);
		} else {
			ahp_output o = { json, a, &w };
			status = cli_write(NULL, write_output, &o);
			jx_whatif_release(&w);
		}
	}
release:
	jx_doc_free(sim);
	cli_eval_release(&ev);
done:
	jx_diags_release(&diags);
	for (size_t i = 0; i < nout; i++)
		free(out[i].path);
	free(out);
	free(sets);
	free(named);
	free(owner);
	free(kids);
	free(pl);
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
	while ((c = getopt_long(argc, argv, ":f:a:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'R':
			if (jx_ahp_ri_parse(optarg, &ri))
				return cli_usage_error(&cmd_ahp, "unknown random-index table '%s' (classic, saaty2005 or dd)", optarg);
			break;
		case 'f': format = optarg; break;
		case 'a': eval = optarg; break;
		case 't': to = optarg; break;
		case 'h': cli_usage(stdout, &cmd_ahp); return EXIT_OK;
		default: return cli_option_error(&cmd_ahp, c, argv, opts);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error(&cmd_ahp, "unknown format '%s' (text or json)", format);
	if (optind + 1 != argc)
		return cli_usage_error(&cmd_ahp, optind >= argc ? "no comparison file" : "one comparison file at a time");
	if (to && !eval)
		return cli_usage_error(&cmd_ahp, "--to goes with --apply");
	/* read once, it is empty the second time */
	if (eval && strcmp(eval, "-") == 0 && strcmp(argv[optind], "-") == 0)
		return cli_usage_error(&cmd_ahp, "standard input ('-') is named more than once: "
						 "the comparisons and --apply cannot both come from it");

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
