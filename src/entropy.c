/*
 * entropy.c - entropy weights from the attainments of several evaluations.
 */
#include "jixiao/entropy.h"

#include "criteria.h"
#include "jixiao/common.h"
#include "json.h"
#include "table.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct priv {
	jx_criteria_table table;
} priv;

int jx_entropy_run(jx_entropy *out, const jx_result *const *results, size_t m, int level,
		   jx_diags *diags)
{
	priv *pv = calloc(1, sizeof(*pv));
	int rc;

	memset(out, 0, sizeof(*out));
	out->level = level;
	out->m = m;
	out->priv = pv;
	if (!pv)
		return JX_ENOMEM;
	if (m < 2) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "entropy weights need at least 2 evaluations, not %zu", m);
		jx_entropy_release(out);
		return JX_EINVAL;
	}
	if ((rc = jx_criteria_table_build(&pv->table, results, m, level, 1, diags)) != 0) {
		jx_entropy_release(out);
		return rc;
	}
	size_t k = pv->table.k;
	out->k = k;
	out->criteria = pv->table.names;
	out->e = calloc(k, sizeof(double));
	out->w = calloc(k, sizeof(double));
	out->constant = calloc(k, sizeof(bool));
	if (!out->e || !out->w || !out->constant) {
		jx_entropy_release(out);
		return JX_ENOMEM;
	}
	/* Each criterion's score over the part of its weight that applies, as
	 * the total counts it: an indicator that does not apply is not a loss. */
	const double *x = pv->table.rate;
	for (size_t j = 0; j < k; j++)
		for (size_t i = 0; i < m; i++)
			if (isnan(x[i * k + j])) {
				jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
					     "no indicator of '%s' applies in %s: entropy weights need every "
					     "criterion to apply in every evaluation",
					     out->criteria[j], results[i]->doc->path);
				rc = JX_EINVAL;
			}
	if (rc) {
		jx_entropy_release(out);
		return rc;
	}
	double spread = 0, lnm = log((double)m);
	for (size_t j = 0; j < k; j++) {
		double sum = 0, d = 0; /* d: 1 − e */
		bool same = true;
		for (size_t i = 0; i < m; i++) {
			sum += x[i * k + j];
			same &= x[i * k + j] == x[j];
		}
		out->constant[j] = same || sum <= 0;
		if (out->constant[j]) {
			out->e[j] = 1; /* no information: every p is 1/m (or there is nothing) */
			continue;
		}
		/* 1 − e = (ln m − h) / ln m, and ln m − h = Σ p·ln(m·p) =
		 * (1/m)·Σ (1+q)·ln(1+q) with q = m·p − 1 and Σ q = 0: so it is
		 * (1/m)·Σ g(q), g(q) = (1+q)·ln(1+q) − q, every term at least 0.
		 * Summed as such, attainments that differ little keep their
		 * digits; 1 − h / ln m, with h within 10^-12 of ln m, kept only
		 * the rounding noise of h (weights wrong in the 4th decimal). */
		for (size_t i = 0; i < m; i++) {
			double q = ((double)m * x[i * k + j] - sum) / sum;
			d += x[i * k + j] > 0 ? (1 + q) * log1p(q) - q : 1; /* 0·ln 0 = 0: g(−1) = 1 */
		}
		d /= (double)m;
		d /= lnm;
		if (!(d > 0)) /* never below 0 (Gibbs' inequality) but for rounding */
			d = 0;
		out->e[j] = 1 - d;
		out->w[j] = d;
		spread += d;
	}
	out->equal_fallback = !(spread > 0);
	for (size_t j = 0; j < k; j++)
		out->w[j] = out->equal_fallback ? 1.0 / (double)k : out->w[j] / spread;
	return 0;
}

void jx_entropy_release(jx_entropy *e)
{
	priv *pv = e->priv;
	if (pv)
		jx_criteria_table_release(&pv->table);
	free(pv);
	free(e->e);
	free(e->w);
	free(e->constant);
	memset(e, 0, sizeof(*e));
}

int jx_entropy_write_text(FILE *out, const jx_entropy *e)
{
	jx_table t;
	fprintf(out, "熵权法：%zu 份自评表，%s级指标的得分率（得分 ÷ 适用的分值）\n\n", e->m, e->level == 1 ? "一" : "二");
	jx_table_init(&t, 4);
	jx_table_align(&t, 1, JX_RIGHT);
	jx_table_align(&t, 2, JX_RIGHT);
	static const char *const titles[4] = { "指标", "熵值 e", "权重 w", NULL };
	jx_table_header(&t, titles);
	for (size_t j = 0; j < e->k; j++) {
		size_t r = jx_table_row(&t);
		jx_table_set(&t, r, 0, "%s", e->criteria[j]);
		jx_table_set(&t, r, 1, "%s", JX_FIXED(e->e[j], 4));
		jx_table_set(&t, r, 2, "%s", JX_FIXED(e->w[j], 4));
		if (e->constant[j])
			jx_table_set(&t, r, 3, "各表得分率相同，不提供信息");
	}
	int rc = jx_table_print(&t, out);
	jx_table_release(&t);
	if (e->equal_fallback)
		fputs("\n各指标得分率在所有表中都相同：熵权无从区分，取等权。\n", out);
	return rc ? rc : (ferror(out) ? JX_EIO : 0);
}

int jx_entropy_write_json(FILE *out, const jx_entropy *e)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_kv_int(g, "level", e->level);
	jx_json_kv_int(g, "evaluations", (long long)e->m);
	jx_json_str(g, "weights");
	yajl_gen_map_open(g);
	for (size_t j = 0; j < e->k; j++)
		jx_json_kv_double(g, e->criteria[j], e->w[j], 6);
	yajl_gen_map_close(g);
	jx_json_str(g, "entropy");
	yajl_gen_map_open(g);
	for (size_t j = 0; j < e->k; j++)
		jx_json_kv_double(g, e->criteria[j], e->e[j], 6);
	yajl_gen_map_close(g);
	jx_json_str(g, "constant");
	yajl_gen_array_open(g);
	for (size_t j = 0; j < e->k; j++)
		if (e->constant[j])
			jx_json_str(g, e->criteria[j]);
	yajl_gen_array_close(g);
	jx_json_kv_bool(g, "equal_fallback", e->equal_fallback);
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
