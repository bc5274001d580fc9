/*
 * ahp.c - pairwise-comparison files and their weights. Comparisons are read
 * as exact fractions (so 1/3 and 3 are checked as reciprocals exactly), then
 * the principal eigenvector is computed with GSL on a copy of the matrix.
 */
#include "jixiao/ahp.h"

#include "arena.h"
#include "jixiao/common.h"
#include "jixiao/decimal.h"
#include "jixiao/doc.h"
#include "json.h"
#include "schema.h"
#include "table.h"
#include "text.h"
#include "ytree.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct impl {
	jx_ahp pub;
	jx_ytree tree;
} impl;

/* ------------------------------------------------------- random indices */

static const double ri_tables[3][JX_AHP_MAX_N + 1] = {
	/* classic: n = 3..15 as in ../docs (Saaty 1980), the table of Chinese textbooks */
	{ 0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59 },
	/* saaty2005: Saaty's later estimates */
	{ 0, 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59 },
	/* dd: Donegan & Dodd (1991) */
	{ 0, 0, 0, 0.4887, 0.8045, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
	  1.4643, 1.4822, 1.4969 },
};

double jx_ahp_ri(jx_ri_table t, size_t n)
{
	return n <= JX_AHP_MAX_N && (unsigned)t < 3 ? ri_tables[t][n] : 0;
}

int jx_ahp_ri_parse(const char *name, jx_ri_table *out)
{
	static const char *const names[3] = { "classic", "saaty2005", "dd" };
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (jx_ri_table)i;
			return 0;
		}
	return JX_EINVAL;
}

/* ------------------------------------------------------------- reading */

typedef struct loader {
	impl *im;
	jx_reader rd;
} loader;

/*
 * A comparison: "3", "0.5", "1/3" as an exact fraction above 0. Its value
 * is bounded like a number's, and so is its reciprocal (which fills the
 * mirrored entry): above 10^-12 and below 10^12.
 */
static bool read_value(loader *ld, const jx_ynode *v, jx_frac *out)
{
	const jx_frac limit = JX_FRAC_INT(JX_DEC_LIMIT);
	const char *s = v->str, *slash;
	jx_dec a, b = jx_dec_from_int(1);
	size_t errpos = 0, off = 0;
	if (v->kind != JX_Y_SCALAR || v->null) {
		jx_read_error(&ld->rd, v, "expected a comparison such as 3 or 1/3, got %s", jx_ynode_kind_name(v));
		return false;
	}
	slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : v->len;
	int rc = jx_dec_parse(&a, NULL, s, alen, &errpos);
	if (rc == 0 && slash) {
		off = alen + 1;
		rc = jx_dec_parse(&b, NULL, slash + 1, v->len - off, &errpos);
	}
	if (rc == JX_DEC_EPLACES || rc == JX_DEC_ERANGE) {
		jx_read_error_at(&ld->rd, v, off + errpos, "%s in comparison '%s'", jx_dec_strerror(rc), s);
		return false;
	}
	if (rc || a.units <= 0 || b.units <= 0) {
		jx_read_error(&ld->rd, v, "a comparison is a number above 0 such as 3, 0.5 or 1/3, not '%s'", s);
		return false;
	}
	jx_frac inv;
	if (jx_frac_div(out, jx_frac_from_dec(a), jx_frac_from_dec(b)) ||
	    jx_frac_div(&inv, jx_frac_from_dec(b), jx_frac_from_dec(a)) || jx_frac_cmp(*out, limit) >= 0 ||
	    jx_frac_cmp(inv, limit) >= 0) {
		jx_read_error(&ld->rd, v, "comparison '%s' is %s (the limit is 10^%s)", s,
			      jx_frac_cmp(*out, JX_FRAC_INT(1)) > 0 ? "10^12 or more" : "10^-12 or less",
			      jx_frac_cmp(*out, JX_FRAC_INT(1)) > 0 ? "12" : "-12");
		return false;
	}
	return true;
}

static double to_double(jx_frac f)
{
	return (double)f.num / (double)f.den;
}

static int index_of(const jx_ahp_matrix *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->criteria[i], name) == 0)
			return (int)i;
	return -1;
}

/* The full matrix form: n rows of n; a missing (~) entry takes the
 * reciprocal of its mirror; given pairs must be exact reciprocals. */
static bool read_full(loader *ld, const jx_ynode *rows, jx_ahp_matrix *m, jx_frac *f, bool *given)
{
	size_t n = m->n;
	bool ok = true;
	bool bad[JX_AHP_MAX_N * JX_AHP_MAX_N] = { false };
	if (!jx_read_list(&ld->rd, rows, "a matrix (a list of rows)"))
		return false;
	if (rows->n != n) {
		jx_read_error(&ld->rd, rows, "the matrix has %zu rows for %zu criteria", rows->n, n);
		return false;
	}
	bool shape = true;
	for (size_t i = 0; i < n; i++) {
		const jx_ynode *row = rows->items[i];
		if (!jx_read_list(&ld->rd, row, "a row of comparisons")) {
			ok = shape = false;
			continue;
		}
		if (row->n != n) {
			jx_read_error(&ld->rd, row, "row %zu has %zu comparisons for %zu criteria", i + 1, row->n, n);
			ok = shape = false;
			continue;
		}
		for (size_t j = 0; j < n; j++) {
			const jx_ynode *v = row->items[j];
			if (v->kind == JX_Y_SCALAR && v->null)
				continue;
			if (!read_value(ld, v, &f[i * n + j])) {
				/* counted as given, so it is not also reported as missing */
				bad[i * n + j] = given[i * n + j] = true;
				ok = false;
				continue;
			}
			given[i * n + j] = true;
			if (i == j && jx_frac_cmp(f[i * n + j], jx_frac_make(1, 1)) != 0) {
				jx_read_error(&ld->rd, v, "a criterion compared with itself is 1, not '%s'", v->str);
				ok = false;
			}
		}
	}
	for (size_t i = 0; shape && i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			size_t ij = i * n + j, ji = j * n + i;
			if (bad[ij] || bad[ji])
				continue;
			if (given[ij] && given[ji]) {
				jx_frac p;
				if (jx_frac_mul(&p, f[ij], f[ji]) || jx_frac_cmp(p, jx_frac_make(1, 1)) != 0) {
					const jx_ynode *v = rows->items[j]->items[i];
					char a[JX_DEC_BUFSZ * 2];
					jx_frac inv;
					jx_frac_div(&inv, JX_FRAC_INT(1), f[ij]); /* f[ij] > 0, in range */
					jx_read_error(&ld->rd, v,
						      "'%s' is not the reciprocal of %s (row %zu, column %zu); write %s or leave it ~",
						      v->str, rows->items[i]->items[j]->str, i + 1, j + 1,
						      jx_frac_ratio(a, inv));
					ok = false;
				}
			} else if (!given[ij] && !given[ji]) {
				jx_read_error(&ld->rd, rows->items[i], "'%s' and '%s' are not compared",
					      m->criteria[i], m->criteria[j]);
				ok = false;
			}
		}
	return ok;
}

/* The pairs form: [a, b, v] for every unordered pair, once. */
static bool read_pairs(loader *ld, const jx_ynode *list, jx_ahp_matrix *m, jx_frac *f, bool *given)
{
	size_t n = m->n;
	bool ok = true;
	if (!jx_read_list(&ld->rd, list, "a list of pairs [a, b, value]"))
		return false;
	for (size_t k = 0; k < list->n; k++) {
		const jx_ynode *p = list->items[k];
		jx_frac v;
		if (p->kind != JX_Y_SEQ || p->n != 3 || p->items[0]->kind != JX_Y_SCALAR ||
		    p->items[1]->kind != JX_Y_SCALAR) {
			jx_read_error(&ld->rd, p, "a pair is [criterion, criterion, value], e.g. [产出指标, 效益指标, 3]");
			ok = false;
			continue;
		}
		int i = index_of(m, p->items[0]->str), j = index_of(m, p->items[1]->str);
		if (i < 0 || j < 0) {
			const jx_ynode *bad = i < 0 ? p->items[0] : p->items[1];
			jx_read_error(&ld->rd, bad, "'%s' is not one of the criteria", bad->str);
			ok = false;
			continue;
		}
		if (i == j) {
			jx_read_error(&ld->rd, p, "a pair compares two different criteria");
			ok = false;
			continue;
		}
		if (given[(size_t)i * n + (size_t)j]) {
			jx_read_error(&ld->rd, p, "'%s' and '%s' are compared twice", p->items[0]->str, p->items[1]->str);
			ok = false;
			continue;
		}
		if (!read_value(ld, p->items[2], &v)) {
			ok = false;
			continue;
		}
		f[(size_t)i * n + (size_t)j] = v;
		given[(size_t)i * n + (size_t)j] = given[(size_t)j * n + (size_t)i] = true;
		f[(size_t)j * n + (size_t)i] = jx_frac_make(1, 1);
		jx_frac_div(&f[(size_t)j * n + (size_t)i], jx_frac_make(1, 1), v);
	}
	for (size_t i = 0; ok && i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (!given[i * n + j]) {
				jx_read_error(&ld->rd, list, "'%s' and '%s' are not compared", m->criteria[i],
					      m->criteria[j]);
				ok = false;
			}
	return ok;
}

static bool compute(loader *ld, const jx_ynode *at, jx_ahp_matrix *m, jx_ri_table ri);

static bool read_one(loader *ld, const jx_ynode *map, jx_ahp_matrix *m, jx_ri_table ri)
{
	static const jx_field fields[] = { { "path", 0 }, { "criteria", 1 }, { "matrix", 2 },
					   { "pairs", 3 }, { "description", 4 }, { "jixiao-ahp", 5 },
					   { "路径", 0 }, { "准则", 1 }, { "判断矩阵", 2 } };
	const jx_ynode *vals[6] = { 0 };
	jx_keys seen = { 0 };
	bool ok = true;

	m->line = map->line;
	m->col = map->col;
	m->path = "";
	for (size_t i = 0; i < map->n; i++) {
		int id = jx_read_key(&ld->rd, map->items[2 * i], fields, sizeof(fields) / sizeof(fields[0]),
				     &seen, "comparison");
		if (id < 0)
			ok = false;
		else
			vals[id] = map->items[2 * i + 1];
	}
	if (vals[0] && !jx_read_opt_text(&ld->rd, vals[0], "a group path", &m->path)) {
		m->path = NULL; /* no group: not a second comparison for any */
		ok = false;
	}
	/* How deep the path goes is known only in an evaluation (a name may
	 * hold a '/'): --apply checks that it names a group there. */
	if (!vals[1]) {
		if (!jx_keys_has(&seen, 1))
			jx_read_error(&ld->rd, map, "no 'criteria' (the names compared)");
		return false;
	}
	if (!jx_read_texts(&ld->rd, vals[1], "criteria", &m->criteria, &m->n))
		return false;
	if (m->n < 1 || m->n > JX_AHP_MAX_N) {
		jx_read_error(&ld->rd, vals[1], "%zu criteria; a comparison has 1 to %d", m->n, JX_AHP_MAX_N);
		return false;
	}
	for (size_t i = 1; i < m->n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(m->criteria[i], m->criteria[j]) == 0) {
				jx_read_error(&ld->rd, vals[1]->kind == JX_Y_SEQ ? vals[1]->items[i] : vals[1],
					      "criterion '%s' is named twice", m->criteria[i]);
				return false;
			}
	if (!!vals[2] == !!vals[3]) {
		jx_read_error(&ld->rd, map, "give either 'matrix' (n rows of n) or 'pairs' ([a, b, value] each)");
		return false;
	}
	size_t nn = m->n * m->n;
	jx_frac *f = jx_arena_array(&ld->im->tree.arena, nn, sizeof(*f));
	bool *given = jx_arena_array(&ld->im->tree.arena, nn, sizeof(*given));
	m->a = jx_arena_array(&ld->im->tree.arena, nn, sizeof(double));
	m->weights = jx_arena_array(&ld->im->tree.arena, m->n, sizeof(double));
	if (!f || !given || !m->a || !m->weights)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		f[i * m->n + i] = jx_frac_make(1, 1);
		given[i * m->n + i] = true;
	}
	ok &= vals[2] ? read_full(ld, vals[2], m, f, given) : read_pairs(ld, vals[3], m, f, given);
	if (!ok)
		return false;
	/* Complete the missing side of each pair with the reciprocal. */
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; j < m->n; j++) {
			size_t ij = i * m->n + j, ji = j * m->n + i;
			if (!given[ij])
				jx_frac_div(&f[ij], jx_frac_make(1, 1), f[ji]);
			m->a[ij] = to_double(f[ij]);
		}
	return compute(ld, vals[2] ? vals[2] : vals[3], m, ri);
}

/* ------------------------------------------------------------ computing */

static bool compute(loader *ld, const jx_ynode *at, jx_ahp_matrix *m, jx_ri_table ri)
{
	size_t n = m->n;
	if (n == 1) {
		m->weights[0] = 1;
		m->lambda_max = 1;
		m->consistent = true;
		return true;
	}
	gsl_matrix *a = gsl_matrix_alloc(n, n);
	gsl_vector_complex *eval = gsl_vector_complex_alloc(n);
	gsl_matrix_complex *evec = gsl_matrix_complex_alloc(n, n);
	gsl_eigen_nonsymmv_workspace *w = gsl_eigen_nonsymmv_alloc(n);
	bool ok = false;

	if (!a || !eval || !evec || !w)
		goto done;
	/* gsl_eigen_nonsymmv overwrites its input: work on a copy. Entries may
	 * span 24 orders of magnitude; without balancing (off by default) the
	 * eigenvalues of such a matrix lose digits. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			gsl_matrix_set(a, i, j, m->a[i * n + j]);
	gsl_eigen_nonsymmv_params(1, w);
	if (gsl_eigen_nonsymmv(a, eval, evec, w) != GSL_SUCCESS) {
		jx_read_error(&ld->rd, at, "the eigenvalues of this matrix could not be computed");
		goto done;
	}
	/* The principal eigenvalue is the one with the largest real part (Perron). */
	size_t best = 0;
	for (size_t k = 1; k < n; k++)
		if (GSL_REAL(gsl_vector_complex_get(eval, k)) > GSL_REAL(gsl_vector_complex_get(eval, best)))
			best = k;
	m->lambda_max = GSL_REAL(gsl_vector_complex_get(eval, best));
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += GSL_REAL(gsl_matrix_complex_get(evec, i, best));
	for (size_t i = 0; i < n; i++)
		m->weights[i] = GSL_REAL(gsl_matrix_complex_get(evec, i, best)) / sum;
	/* A matrix of positive entries has a positive principal eigenvector
	 * (Perron); anything else is a solver that lost its accuracy. */
	for (size_t i = 0; i < n; i++)
		if (!(m->weights[i] > 0 && isfinite(m->weights[i])) || !isfinite(m->lambda_max)) {
			jx_read_error(&ld->rd, at,
				      "the weights of this matrix could not be computed accurately ('%s' came out as %g); "
				      "its comparisons are too far apart",
				      m->criteria[i], m->weights[i]);
			goto done;
		}
	m->ci = (m->lambda_max - (double)n) / (double)(n - 1);
	if (m->ci < 0 && m->ci > -1e-12)
		m->ci = 0; /* a consistent matrix, up to rounding */
	m->ri = jx_ahp_ri(ri, n);
	m->cr = m->ri > 0 ? m->ci / m->ri : 0;
	m->consistent = m->cr < 0.10;
	/* The comparison furthest from what the weights imply, as a ratio either way. */
	double worst = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double implied = m->weights[i] / m->weights[j];
			double dev = fabs(log(m->a[i * n + j] / implied));
			if (dev > worst) {
				worst = dev;
				m->worst_i = i;
				m->worst_j = j;
				m->worst_implied = implied;
			}
		}
	ok = true;
done:
	if (!ok && !(a && eval && evec && w))
		jx_read_error(&ld->rd, at, "out of memory");
	gsl_matrix_free(a);
	gsl_vector_complex_free(eval);
	gsl_matrix_complex_free(evec);
	gsl_eigen_nonsymmv_free(w);
	return ok;
}

/* A matrix's path and place, ordered by both: the matrices of one group
 * side by side, the first in the file first. */
typedef struct by_path {
	const char *path;
	size_t i;
} by_path;

static int by_path_cmp(const void *pa, const void *pb)
{
	const by_path *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Report each matrix whose group an earlier one weights, once, naming the
 * first, in the order of the file. Sorted, so that tens of thousands of
 * matrices take no quadratic time. False when out of memory. */
static bool two_for_one(loader *ld, const jx_ynode *list, const jx_ahp_matrix *m)
{
	by_path *sorted = malloc((list->n ? list->n : 1) * sizeof(*sorted));
	size_t *first = malloc((list->n ? list->n : 1) * sizeof(*first)), n = 0;
	if (!sorted || !first) {
		free(sorted);
		free(first);
		return false;
	}
	for (size_t i = 0; i < list->n; i++) {
		first[i] = i;
		if (m[i].path) /* (a comparison that could not be read has no path) */
			sorted[n++] = (by_path){ m[i].path, i };
	}
	qsort(sorted, n, sizeof(*sorted), by_path_cmp);
	for (size_t k = 1; k < n; k++)
		if (strcmp(sorted[k].path, sorted[k - 1].path) == 0)
			first[sorted[k].i] = first[sorted[k - 1].i];
	for (size_t i = 0; i < list->n; i++)
		if (first[i] != i) {
			const char *path = m[i].path;
			jx_read_error(&ld->rd, list->items[i], "two comparisons for %s%s%s (the first is at line %u)",
				      *path ? "group '" : "level 1", path, *path ? "'" : "", list->items[first[i]]->line);
		}
	free(sorted);
	free(first);
	return true;
}

/* The comparisons of a file read into im->tree (rc: how reading went). */
static int load(jx_ahp **out, impl *im, int rc, jx_ri_table ri, size_t errors, size_t first,
		jx_diags *diags)
{
	loader ld;
	long v;

	gsl_set_error_handler_off();
	im->pub.priv = im;
	im->pub.path = im->tree.src.file;
	im->pub.ri = ri;
	if (rc)
		goto done;
	ld.im = im;
	ld.rd = (jx_reader){ diags, &im->tree.src, &im->tree.arena, false };
	const jx_ynode *root = im->tree.root;
	if (!root) {
		jx_diags_add(diags, JX_SEV_ERROR, &im->tree.src, 1, 1, "empty file (expected 'jixiao-ahp: 1')");
		goto done;
	}
	if (!jx_read_map(&ld.rd, root, "a comparison file (a mapping starting with 'jixiao-ahp: 1')") ||
	    !jx_read_file_kind(&ld.rd, root, "jixiao-ahp"))
		goto done;
	const jx_ynode *ver = jx_ynode_get(root, "jixiao-ahp"), *list = jx_ynode_get(root, "matrices");
	if (!ver)
		jx_diags_add(diags, JX_SEV_ERROR, &im->tree.src, root->line, root->col,
			     "missing 'jixiao-ahp: 1' (the format version)");
	else if (jx_read_int(&ld.rd, ver, "jixiao-ahp", 1, 1000, &v) && v != 1)
		jx_read_error(&ld.rd, ver, "unsupported comparison-file version %ld (this jixiao reads 1)", v);
	if (list) {
		for (size_t i = 0; i < root->n; i++) {
			const char *k = root->items[2 * i]->str;
			if (root->items[2 * i]->kind != JX_Y_SCALAR)
				continue; /* reported by the tree builder */
			if (strcmp(k, "jixiao-ahp") && strcmp(k, "matrices") && strcmp(k, "description"))
				jx_read_error(&ld.rd, root->items[2 * i],
					      "unknown key '%s' next to 'matrices' (keys: jixiao-ahp, matrices, description)", k);
		}
		if (!jx_read_list(&ld.rd, list, "a list of comparisons"))
			goto done;
		if (list->n == 0) {
			jx_read_error(&ld.rd, list, "'matrices' is empty (give at least one comparison)");
			goto done;
		}
		im->pub.nmatrices = list->n;
		im->pub.matrices = jx_arena_array(&im->tree.arena, list->n ? list->n : 1, sizeof(jx_ahp_matrix));
		for (size_t i = 0; im->pub.matrices && i < list->n; i++)
			if (jx_read_map(&ld.rd, list->items[i], "a comparison (criteria and matrix)"))
				read_one(&ld, list->items[i], &im->pub.matrices[i], ri);
		if (im->pub.matrices && !two_for_one(&ld, list, im->pub.matrices))
			jx_diags_add(diags, JX_SEV_ERROR, &im->tree.src, 0, 0, "out of memory");
	} else {
		im->pub.nmatrices = 1;
		im->pub.matrices = jx_arena_array(&im->tree.arena, 1, sizeof(jx_ahp_matrix));
		if (im->pub.matrices)
			read_one(&ld, root, &im->pub.matrices[0], ri);
	}
	if (!im->pub.matrices)
		jx_diags_add(diags, JX_SEV_ERROR, &im->tree.src, 0, 0, "out of memory");
done:
	jx_diags_sort(diags, first);
	if (diags->errors != errors) {
		jx_ahp_free(&im->pub);
		return rc ? rc : JX_EINVAL;
	}
	*out = &im->pub;
	return 0;
}

int jx_ahp_load(jx_ahp **out, const char *path, jx_ri_table ri, jx_diags *diags)
{
	impl *im = calloc(1, sizeof(*im));
	size_t errors = diags->errors, first = diags->count;
	*out = NULL;
	if (!im)
		return JX_ENOMEM;
	return load(out, im, jx_ytree_load(&im->tree, path, diags), ri, errors, first, diags);
}

int jx_ahp_parse(jx_ahp **out, const char *name, const char *text, size_t len, jx_ri_table ri,
		 jx_diags *diags)
{
	impl *im = calloc(1, sizeof(*im));
	size_t errors = diags->errors, first = diags->count;
	*out = NULL;
	if (!im)
		return JX_ENOMEM;
	return load(out, im, jx_ytree_parse(&im->tree, name, text, len, diags), ri, errors, first,
		    diags);
}

void jx_ahp_free(jx_ahp *a)
{
	if (!a)
		return;
	impl *im = a->priv;
	jx_ytree_release(&im->tree);
	free(im);
}

/* ------------------------------------------------------------- writing */

static const char *ri_name(jx_ri_table t)
{
	return t == JX_RI_SAATY2005 ? "saaty2005" : t == JX_RI_DD ? "dd" : "classic";
}

/* Trailing zeros of the fraction in buf removed, and the point with them. */
static char *trim_zeros(char *buf)
{
	char *dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf);
		while (end > dot + 1 && end[-1] == '0')
			end--;
		*(end == dot + 1 ? dot : end) = '\0';
	}
	return buf;
}

/* x > 0 to 4 significant digits rounded half-up, without trailing zeros
 * ("0.2", "1", "3.333", "47637160"): what the text shows of a comparison. */
static char *approx(char *buf, double x)
{
	if (!(x >= 1e-6 && x < 1e15)) {
		snprintf(buf, JX_FIXED_BUFSZ, "%.4g", x);
		return buf;
	}
	int places = 3 - (int)floor(log10(x));
	return trim_zeros(jx_fixed(buf, x, places < 0 ? 0 : places > 9 ? 9 : places));
}

/* The consistency ratio to 4 decimals, or to as many more (up to 9) as it
 * takes not to read as the 0.10 it is compared with: 0.09997, not 0.1000
 * next to "< 0.10". */
static char *cr_text(char *buf, double cr)
{
	int places = 4;
	jx_fixed(buf, cr, places);
	while (cr < 0.10 && strtod(buf, NULL) >= 0.10 && places < 9)
		jx_fixed(buf, cr, ++places);
	if (cr < 0.10 && strtod(buf, NULL) >= 0.10)
		snprintf(buf, JX_FIXED_BUFSZ, "%.17g", cr);
	return buf;
}

void jx_ahp_warn(const jx_ahp *ahp, jx_diags *diags)
{
	const impl *im = ahp->priv;
	for (size_t k = 0; k < ahp->nmatrices; k++) {
		const jx_ahp_matrix *m = &ahp->matrices[k];
		char cr[JX_FIXED_BUFSZ], given[JX_FIXED_BUFSZ], implied[JX_FIXED_BUFSZ];
		if (m->consistent)
			continue;
		jx_diags_add(diags, JX_SEV_WARNING, &im->tree.src, m->line, m->col,
			     "comparisons not consistent enough (CR = %s, not below 0.10); their weights "
			     "are applied all the same: check '%s' against '%s', given %s, about %s by "
			     "the weights",
			     cr_text(cr, m->cr), m->criteria[m->worst_i], m->criteria[m->worst_j],
			     approx(given, m->a[m->worst_i * m->n + m->worst_j]), approx(implied, m->worst_implied));
	}
}

int jx_ahp_write_text(FILE *out, const jx_ahp *ahp)
{
	char *shown = jx_text_escape(ahp->path); /* a control character cannot reach the terminal */
	if (!shown)
		return JX_ENOMEM;
	fprintf(out, "层次分析法（AHP）：%s，随机一致性指标表 %s\n", shown, ri_name(ahp->ri));
	free(shown);
	for (size_t k = 0; k < ahp->nmatrices; k++) {
		const jx_ahp_matrix *m = &ahp->matrices[k];
		char ri[JX_FIXED_BUFSZ], cr[JX_FIXED_BUFSZ];
		fprintf(out, "\n%s（第 %u 行，%zu 个准则）\n", *m->path ? m->path : "一级指标", m->line, m->n);
		jx_table t;
		jx_table_init(&t, 2);
		jx_table_align(&t, 1, JX_RIGHT);
		for (size_t i = 0; i < m->n; i++) {
			size_t r = jx_table_row(&t);
			jx_table_set(&t, r, 0, "%s", m->criteria[i]);
			jx_table_set(&t, r, 1, "%s", JX_FIXED(m->weights[i], 4));
		}
		int rc = jx_table_print(&t, out);
		jx_table_release(&t);
		if (rc)
			return rc;
		/* RI as the tables give it: 0.58, 0.9, 0.4887 */
		fprintf(out, "λmax = %s，CI = %s，RI = %s，CR = %s（%s）\n", JX_FIXED(m->lambda_max, 4),
			JX_FIXED(m->ci, 4), trim_zeros(jx_fixed(ri, m->ri, 4)), cr_text(cr, m->cr),
			m->n <= 2 ? "两阶以下总是一致" : m->consistent ? "< 0.10，一致性可以接受" : "≥ 0.10，一致性不可接受");
		if (!m->consistent) {
			char given[JX_FIXED_BUFSZ], implied[JX_FIXED_BUFSZ];
			fprintf(out, "警告：最不一致的比较是“%s”对“%s”：填了 %s，按所得权重约为 %s；请复核这一判断\n",
				m->criteria[m->worst_i], m->criteria[m->worst_j],
				approx(given, m->a[m->worst_i * m->n + m->worst_j]), approx(implied, m->worst_implied));
		}
	}
	return ferror(out) ? JX_EIO : 0;
}

void jx_json_ahp(yajl_gen g, const jx_ahp *ahp)
{
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "file", ahp->path);
	jx_json_kv_str(g, "ri_table", ri_name(ahp->ri));
	jx_json_str(g, "matrices");
	yajl_gen_array_open(g);
	for (size_t k = 0; k < ahp->nmatrices; k++) {
		const jx_ahp_matrix *m = &ahp->matrices[k];
		yajl_gen_map_open(g);
		jx_json_kv_str(g, "path", m->path);
		jx_json_str(g, "criteria");
		yajl_gen_array_open(g);
		for (size_t i = 0; i < m->n; i++)
			jx_json_str(g, m->criteria[i]);
		yajl_gen_array_close(g);
		jx_json_str(g, "weights");
		yajl_gen_map_open(g);
		for (size_t i = 0; i < m->n; i++)
			jx_json_kv_double(g, m->criteria[i], m->weights[i], 6);
		yajl_gen_map_close(g);
		jx_json_kv_double(g, "lambda_max", m->lambda_max, 6);
		jx_json_kv_double(g, "ci", m->ci, 6);
		jx_json_kv_double(g, "ri", m->ri, 6);
		jx_json_kv_double(g, "cr", m->cr, 6);
		jx_json_kv_bool(g, "consistent", m->consistent);
		if (!m->consistent) {
			jx_json_str(g, "most_inconsistent");
			yajl_gen_map_open(g);
			jx_json_kv_str(g, "a", m->criteria[m->worst_i]);
			jx_json_kv_str(g, "b", m->criteria[m->worst_j]);
			jx_json_kv_double(g, "given", m->a[m->worst_i * m->n + m->worst_j], 6);
			jx_json_kv_double(g, "implied", m->worst_implied, 6);
			yajl_gen_map_close(g);
		}
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	yajl_gen_map_close(g);
}

int jx_ahp_write_json(FILE *out, const jx_ahp *ahp)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	jx_json_ahp(g, ahp);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}

int jx_ahp_write_applied_json(FILE *out, const jx_ahp *ahp, const jx_whatif *w)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_whatif_fields(g, w);
	jx_json_str(g, "ahp");
	jx_json_ahp(g, ahp);
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
