/*
 * sensitivity.c - Monte Carlo weight sensitivity with GSL. Samples are drawn
 * in fixed blocks, each block with its own generator seeded from the base
 * seed and the block number, so the numbers do not depend on the number of
 * threads; floating-point sums are combined in block order for the same
 * reason. The sampling loop works in buffers allocated beforehand.
 */
#include "jixiao/sensitivity.h"

#include "criteria.h"
#include "jixiao/common.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 1024

/*
 * How a file's total follows from drawn shares x (Σ x = 1) of its criteria's
 * weight W: each criterion's leaves grow or shrink with it, so
 *   points scored        = W · Σ x·attain
 *   points that apply    = outside + W · Σ x·applies
 *   total                = scored (n/a dropped), or
 *                          max · scored ÷ apply (n/a rescaled, as score does).
 * At the file's own shares this is its total.
 */
typedef struct file_model {
	double w, max, outside;
	bool drop;
} file_model;

/* Totals are kept to this many decimals, so that binary noise plays no part. */
#define TOTAL_SCALE 1e9

/*
 * t (≥ 0, a multiple of 1/TOTAL_SCALE) at places decimals, rounded by mode
 * as score rounds: once, from the exact fraction of TOTAL_SCALE units, so
 * that binary noise neither decides a tie (2.675 half-up is 2.68) nor puts a
 * total of exactly 90 under 90, and 89.994999856 stays below 89.995.
 */
static double rounded(double t, int places, jx_rounding mode)
{
	double units = nearbyint(t * TOTAL_SCALE);
	jx_dec d;
	if (!(units >= 0 && units < 1e18) ||
	    jx_frac_round(&d, jx_frac_make((int64_t)units, (int64_t)TOTAL_SCALE), places, mode))
		return t; /* beyond the decimals: not a total */
	return (double)d.units / (double)JX_DEC_SCALE;
}

/* The shared state of a run. */
typedef struct run {
	jx_sens *s;
	size_t n, k, samples, nblocks;
	const double *attain;  /* n × k */
	const double *applies; /* n × k */
	file_model *model;     /* n */
	double *draws;      /* samples × k */
	double *totals;     /* n × samples */
	size_t *base_rank;  /* rank of each file in the base ordering */
	double *blk_central; /* nblocks × n × k */
	double *blk_tau;     /* nblocks */
	unsigned *rank_counts; /* jobs × n × n */
	size_t next_block;
	pthread_mutex_t lock;
	int rc;
} run;

/* --------------------------------------------------------------- drawing */

static unsigned long mix(unsigned long long x)
{
	/* splitmix64: decorrelates the seeds of neighbouring blocks */
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return (unsigned long)(x ^ (x >> 31));
}

/* Order files by a sample's totals, highest first, ties by file order. */
static void rank_order(const double *totals, size_t samples, size_t s, size_t n, size_t *order)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = i, f = i;
		double t = totals[f * samples + s];
		while (j > 0 && totals[order[j - 1] * samples + s] < t)
			order[j] = order[j - 1], j--;
		order[j] = f;
	}
}

/* Inversions of seq[0..n) by merge sort, using tmp; seq is sorted afterwards. */
static unsigned long long inversions(size_t *seq, size_t *tmp, size_t n)
{
	unsigned long long inv = 0;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				if (seq[i] <= seq[j])
					tmp[k++] = seq[i++];
				else {
					inv += mid - i;
					tmp[k++] = seq[j++];
				}
			}
			while (i < mid)
				tmp[k++] = seq[i++];
			while (j < hi)
				tmp[k++] = seq[j++];
		}
		memcpy(seq, tmp, n * sizeof(*seq));
	}
	return inv;
}

typedef struct worker {
	run *ru;
	size_t id;
	gsl_rng *rng;
	size_t *order, *seq, *tmp; /* n each */
} worker;

static void draw_block(worker *w, size_t b)
{
	run *ru = w->ru;
	size_t n = ru->n, k = ru->k, from = b * BLOCK, to = from + BLOCK;
	unsigned *counts = ru->rank_counts ? ru->rank_counts + w->id * n * n : NULL;
	double *central = ru->blk_central ? ru->blk_central + b * n * k : NULL;
	if (to > ru->samples)
		to = ru->samples;
	gsl_rng_set(w->rng, mix(ru->s->opts.seed + 0x1000003ull * b));
	for (size_t s = from; s < to; s++) {
		double *x = ru->draws + s * k;
		gsl_ran_dirichlet(w->rng, k, ru->s->alpha, x);
		for (size_t f = 0; f < n; f++) {
			const double *a = ru->attain + f * k, *p = ru->applies + f * k;
			const file_model *fm = &ru->model[f];
			double scored = 0, apply = 0;
			for (size_t c = 0; c < k; c++) {
				scored += x[c] * a[c];
				apply += x[c] * p[c];
			}
			scored *= fm->w;
			apply = fm->outside + fm->w * apply;
			double t = fm->drop || apply <= 0 ? scored : fm->max * scored / apply;
			ru->totals[f * ru->samples + s] = nearbyint(t * TOTAL_SCALE) / TOTAL_SCALE;
		}
		if (n < 2)
			continue;
		rank_order(ru->totals, ru->samples, s, n, w->order);
		/* Equal totals share the better rank (并列): two identical files
		 * are both first, not first and second by file order. */
		for (size_t r = 0, shared = 0; r < n; r++) {
			const double *t = ru->totals + s;
			if (r > 0 && t[w->order[r] * ru->samples] != t[w->order[r - 1] * ru->samples])
				shared = r;
			counts[w->order[r] * n + shared]++;
			if (shared == 0)
				for (size_t c = 0; c < k; c++)
					central[w->order[r] * k + c] += x[c];
		}
		for (size_t r = 0; r < n; r++)
			w->seq[r] = ru->base_rank[w->order[r]];
		double pairs = (double)n * (double)(n - 1) / 2;
		ru->blk_tau[b] += 1.0 - 2.0 * (double)inversions(w->seq, w->tmp, n) / pairs;
	}
}

static void *work(void *arg)
{
	worker *w = arg;
	run *ru = w->ru;
	for (;;) {
		pthread_mutex_lock(&ru->lock);
		size_t b = ru->next_block++;
		pthread_mutex_unlock(&ru->lock);
		if (b >= ru->nblocks)
			break;
		draw_block(w, b);
	}
	return NULL;
}

static int draw_all(run *ru)
{
	int jobs = ru->s->opts.jobs > 0 ? ru->s->opts.jobs : 1;
	worker *ws = calloc((size_t)jobs, sizeof(*ws));
	pthread_t *th = calloc((size_t)jobs, sizeof(*th));
	int rc = 0, started = 0;

	if (!ws || !th) {
		rc = JX_ENOMEM;
		goto done;
	}
	for (int j = 0; j < jobs; j++) {
		ws[j].ru = ru;
		ws[j].id = (size_t)j;
		ws[j].rng = gsl_rng_alloc(gsl_rng_mt19937);
		ws[j].order = calloc(ru->n, sizeof(size_t));
		ws[j].seq = calloc(ru->n, sizeof(size_t));
		ws[j].tmp = calloc(ru->n, sizeof(size_t));
		if (!ws[j].rng || !ws[j].order || !ws[j].seq || !ws[j].tmp)
			rc = JX_ENOMEM;
	}
	if (rc)
		goto done;
	for (int j = 1; j < jobs; j++) {
		if (pthread_create(&th[j], NULL, work, &ws[j]) != 0)
			break; /* fewer threads: the same numbers, later */
		started = j;
	}
	work(&ws[0]);
	for (int j = 1; j <= started; j++)
		pthread_join(th[j], NULL);
done:
	for (int j = 0; ws && j < jobs; j++) {
		if (ws[j].rng)
			gsl_rng_free(ws[j].rng);
		free(ws[j].order);
		free(ws[j].seq);
		free(ws[j].tmp);
	}
	free(ws);
	free(th);
	return rc;
}

/* ------------------------------------------------------------- counting */

static size_t grade_of(const jx_rules *rules, double total)
{
	for (size_t g = 0; g < rules->ngrades; g++)
		/* a hair of tolerance: a total exactly on a band's edge stays in it */
		if (total + 1e-9 >= jx_dec_to_double(rules->grades[g].min))
			return g;
	return rules->ngrades ? rules->ngrades - 1 : 0;
}

/*
 * The f-quantile of t[0..m) as gsl_stats_quantile_from_sorted_data gives it
 * for the sorted data, found by selection in linear time instead of a sort
 * (which took half of a million-sample run). Reorders t.
 */
static double quantile(double *t, size_t m, double f)
{
	double index = f * (double)(m - 1);
	size_t lhs = (size_t)index;
	double delta = index - (double)lhs, low = gsl_stats_select(t, 1, m, lhs);
	if (lhs + 1 >= m)
		return low;
	/* Selection leaves the larger values after lhs: the next one is their minimum. */
	double next = t[lhs + 1];
	for (size_t i = lhs + 2; i < m; i++)
		if (t[i] < next)
			next = t[i];
	return (1 - delta) * low + delta * next;
}

static int summarise(run *ru)
{
	jx_sens *s = ru->s;
	size_t n = ru->n, k = ru->k, m = ru->samples;
	double *in = malloc(k * sizeof(*in)), *out = malloc(k * sizeof(*out));
	if (!in || !out) {
		free(in);
		free(out);
		return JX_ENOMEM;
	}
	for (size_t f = 0; f < n; f++) {
		jx_sens_file *sf = &s->files[f];
		const jx_rules *rules = sf->result->rules;
		double *t = ru->totals + f * m;
		size_t changed = 0;
		memset(in, 0, k * sizeof(*in));
		memset(out, 0, k * sizeof(*out));
		for (size_t i = 0; i < m; i++) {
			/* graded as score grades: the total at the rule set's places */
			size_t g = grade_of(rules, rounded(t[i], rules->decimals, rules->rounding));
			sf->grades[g] += 1;
			double *acc = g != sf->base_grade ? in : out;
			changed += g != sf->base_grade;
			for (size_t c = 0; c < k; c++)
				acc[c] += ru->draws[i * k + c];
		}
		for (size_t g = 0; g < rules->ngrades; g++)
			sf->grades[g] /= (double)m;
		sf->p_change = (double)changed / (double)m;
		for (size_t c = 0; c < k; c++)
			sf->influence[c] = changed && changed < m ? in[c] / (double)changed - out[c] / (double)(m - changed) : 0;
		sf->mean = gsl_stats_mean(t, 1, m);
		sf->sd = m > 1 ? gsl_stats_sd(t, 1, m) : 0;
		static const double qs[5] = { 0.05, 0.25, 0.50, 0.75, 0.95 };
		for (int q = 0; q < 5; q++)
			sf->q[q] = quantile(t, m, qs[q]);
		gsl_stats_minmax(&sf->lo, &sf->hi, t, 1, m);
		double span = sf->hi - sf->lo;
		for (size_t i = 0; i < m; i++) {
			size_t bin = span > 0 ? (size_t)((t[i] - sf->lo) / span * JX_SENS_BINS) : 0;
			sf->hist[bin < JX_SENS_BINS ? bin : JX_SENS_BINS - 1]++;
		}
	}
	free(in);
	free(out);
	if (n < 2)
		return 0;
	/* Several files: ranks, central weights, Kendall tau, in block order. */
	int jobs = s->opts.jobs > 0 ? s->opts.jobs : 1;
	for (size_t r = 0; r < n; r++) {
		/* Without shared ranks, each rank is held once in every sample. */
		unsigned long long held = 0;
		for (size_t f = 0; f < n; f++)
			for (int j = 0; j < jobs; j++)
				held += ru->rank_counts[(size_t)j * n * n + f * n + r];
		s->ties |= held != m;
	}
	for (size_t f = 0; f < n; f++) {
		jx_sens_file *sf = &s->files[f];
		for (size_t r = 0; r < n; r++) {
			unsigned long long c = 0;
			for (int j = 0; j < jobs; j++)
				c += ru->rank_counts[(size_t)j * n * n + f * n + r];
			sf->ranks[r] = (double)c / (double)m;
		}
		double firsts = sf->ranks[0] * (double)m;
		sf->has_central = firsts > 0;
		for (size_t c = 0; c < k; c++) {
			double sum = 0;
			for (size_t b = 0; b < ru->nblocks; b++)
				sum += ru->blk_central[b * n * k + f * k + c];
			sf->central[c] = firsts > 0 ? sum / firsts : 0;
		}
	}
	double tau = 0;
	for (size_t b = 0; b < ru->nblocks; b++)
		tau += ru->blk_tau[b];
	s->kendall_tau = tau / (double)m;
	return 0;
}

/* ------------------------------------------------------------------ run */


typedef struct priv {
	jx_criteria_table table; /* the criteria and their attainments */
} priv;

static int setup(run *ru, const jx_result *const *results, jx_diags *diags)
{
	jx_sens *s = ru->s;
	priv *pv = s->priv;
	jx_criteria_table *t = &pv->table;
	double shares[JX_MAX_CRITERIA] = { 0 };
	size_t n = ru->n;
	int rc = jx_criteria_table_build(t, results, n, s->opts.level, 2, diags);
	if (rc)
		return rc;
	size_t k = t->k;
	ru->k = k;
	s->ncriteria = k;
	s->criteria = t->names;
	s->alpha = calloc(k, sizeof(*s->alpha));
	ru->attain = t->attain;
	ru->applies = t->applies;
	ru->model = calloc(n, sizeof(*ru->model));
	if (!s->alpha || !ru->model)
		return JX_ENOMEM;
	for (size_t f = 0; f < n; f++) {
		const jx_result *r = results[f];
		double sum = 0;
		for (size_t c = 0; c < k; c++)
			sum += t->weight[f * k + c];
		double inside = 0;
		for (size_t c = 0; c < k; c++)
			inside += t->weight[f * k + c] * t->applies[f * k + c];
		ru->model[f] = (file_model){ .w = sum, .max = jx_dec_to_double(r->max),
					     .outside = jx_dec_to_double(r->applicable) - inside,
					     .drop = r->rules->na_drop };
		for (size_t c = 0; c < k; c++)
			shares[c] += t->weight[f * k + c] / sum;
		s->files[f].result = r;
		s->files[f].base_total = jx_dec_to_double(r->total);
		s->files[f].base_grade = r->grade ? (size_t)(r->grade - r->rules->grades) : 0;
	}
	/* Uniform on the simplex, or around the files' mean shares: Dirichlet(K·w0). */
	for (size_t c = 0; c < k; c++)
		s->alpha[c] = s->opts.concentration > 0 ? s->opts.concentration * shares[c] / (double)n : 1.0;
	return 0;
}

int jx_sens_check(size_t n, const jx_sens_opts *opts, jx_diags *diags)
{
	if (opts->samples < 1 || opts->samples > JX_SENS_MAX_SAMPLES ||
	    (double)opts->samples * (double)n > JX_SENS_MAX_CELLS) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "samples must be from 1 to %d, and samples × files at most %d (here %zu × %zu)",
			     JX_SENS_MAX_SAMPLES, JX_SENS_MAX_CELLS, opts->samples, n);
		return JX_ELIMIT;
	}
	if (n > JX_SENS_MAX_FILES) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "at most %d files are ranked at once, not %zu (the probabilities of every "
			     "rank of every file grow with the square of their number)",
			     JX_SENS_MAX_FILES, n);
		return JX_ELIMIT;
	}
	if (opts->level != 1 && opts->level != 2) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "level must be 1 or 2, not %d", opts->level);
		return JX_EINVAL;
	}
	return 0;
}

int jx_sens_run(jx_sens *out, const jx_result *const *results, size_t n, const jx_sens_opts *opts,
		jx_diags *diags)
{
	run ru;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&ru, 0, sizeof(ru));
	out->generator = gsl_rng_mt19937->name;
	out->opts = *opts;
	out->nfiles = n;
	if ((rc = jx_sens_check(n, opts, diags)) != 0)
		return rc;
	gsl_set_error_handler_off();
	out->priv = calloc(1, sizeof(priv));
	out->files = calloc(n, sizeof(*out->files));
	if (!out->priv || !out->files) {
		jx_sens_release(out);
		return JX_ENOMEM;
	}
	ru.s = out;
	ru.n = n;
	ru.samples = opts->samples;
	ru.nblocks = (opts->samples + BLOCK - 1) / BLOCK;
	/* No more workers than blocks: more would only wait, each with rank
	 * counts of files² (1000 files: 4 MB a worker). */
	if (out->opts.jobs < 1)
		out->opts.jobs = 1;
	if ((size_t)out->opts.jobs > ru.nblocks)
		out->opts.jobs = (int)ru.nblocks;
	pthread_mutex_init(&ru.lock, NULL);
	if ((rc = setup(&ru, results, diags)) != 0)
		goto done;
	size_t k = ru.k;
	int jobs = out->opts.jobs;
	ru.draws = calloc(ru.samples * k, sizeof(double));
	ru.totals = calloc(ru.samples * n, sizeof(double));
	if (n > 1) {
		ru.base_rank = calloc(n, sizeof(size_t));
		ru.blk_central = calloc(ru.nblocks * n * k, sizeof(double));
		ru.blk_tau = calloc(ru.nblocks, sizeof(double));
		ru.rank_counts = calloc((size_t)jobs * n * n, sizeof(unsigned));
	}
	for (size_t f = 0; f < n; f++) {
		const jx_rules *rules = results[f]->rules;
		out->files[f].grades = calloc(rules->ngrades ? rules->ngrades : 1, sizeof(double));
		out->files[f].influence = calloc(k, sizeof(double));
		out->files[f].ranks = calloc(n, sizeof(double));
		out->files[f].central = calloc(k, sizeof(double));
		if (!out->files[f].grades || !out->files[f].influence || !out->files[f].ranks ||
		    !out->files[f].central)
			rc = JX_ENOMEM;
	}
	if (rc || !ru.draws || !ru.totals ||
	    (n > 1 && (!ru.base_rank || !ru.blk_central || !ru.blk_tau || !ru.rank_counts))) {
		rc = JX_ENOMEM;
		goto done;
	}
	/* The base ranking: by base total, ties by file order. */
	for (size_t f = 0; f < n && n > 1; f++) {
		size_t r = 0;
		for (size_t g = 0; g < n; g++)
			r += out->files[g].base_total > out->files[f].base_total ||
			     (out->files[g].base_total == out->files[f].base_total && g < f);
		ru.base_rank[f] = r;
	}
	if ((rc = draw_all(&ru)) == 0)
		rc = summarise(&ru);
done:
	if (rc == JX_ENOMEM)
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "out of memory for %zu samples of %zu files",
			     opts->samples, n);
	pthread_mutex_destroy(&ru.lock);
	free(ru.model);
	free(ru.draws);
	free(ru.totals);
	free(ru.base_rank);
	free(ru.blk_central);
	free(ru.blk_tau);
	free(ru.rank_counts);
	if (rc)
		jx_sens_release(out);
	return rc;
}

void jx_sens_release(jx_sens *s)
{
	priv *pv = s->priv;
	for (size_t f = 0; s->files && f < s->nfiles; f++) {
		free(s->files[f].grades);
		free(s->files[f].influence);
		free(s->files[f].ranks);
		free(s->files[f].central);
	}
	free(s->files);
	free(s->alpha);
	if (pv)
		jx_criteria_table_release(&pv->table);
	free(pv);
	memset(s, 0, sizeof(*s));
}
