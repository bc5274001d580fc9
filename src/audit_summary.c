/*
 * audit_summary.c - what a bureau reads at the end of a run: how many files
 * were scored, how many claims do not follow, grades as claimed and as
 * recomputed, the spread of the recomputed totals (exact, with GSL's
 * definition of quartiles) and the
 * files whose totals moved most.
 */
#include "jixiao/audit.h"

#include "grow.h"
#include "jixiao/common.h"
#include "table.h"

#include <gsl/gsl_sort_long.h>
#include <stdlib.h>
#include <string.h>

/* Files listed under the largest deltas. */
#define TOP 10

typedef struct grade_count {
	char *name;
	int rank;          /* in its rule set; -1: a claimed grade no rule set knows */
	size_t claimed, recomputed;
} grade_count;

typedef struct top_delta {
	char *file;
	jx_dec magnitude;
	char claimed[48], total[48], delta[48];
} top_delta;

struct jx_audit_summary {
	size_t files, failed, mismatched, unclaimed_grade, grade_changed;
	size_t by_field[4]; /* rate, score, total, grade */
	grade_count *grades;
	size_t ngrades;
	long *totals;   /* recomputed totals, in units of 10^-6 (jx_dec) */
	size_t ntotals, cap;
	top_delta top[TOP];
	size_t ntop;
};

jx_audit_summary *jx_audit_summary_new(void)
{
	return calloc(1, sizeof(jx_audit_summary));
}

/* The row of grade name; rank is its place in the rule set, -1 for a claimed
 * grade no rule set knows. A name one file's rule set knows is a known
 * grade, whatever the order the files come in. */
static grade_count *grade_entry(jx_audit_summary *s, const char *name, int rank)
{
	for (size_t i = 0; i < s->ngrades; i++)
		if (strcmp(s->grades[i].name, name) == 0) {
			if (s->grades[i].rank < 0)
				s->grades[i].rank = rank;
			return &s->grades[i];
		}
	grade_count *g = realloc(s->grades, (s->ngrades + 1) * sizeof(*g));
	if (!g)
		return NULL;
	s->grades = g;
	g = &g[s->ngrades];
	if (!(g->name = strdup(name)))
		return NULL;
	g->rank = rank;
	g->claimed = g->recomputed = 0;
	s->ngrades++;
	return g;
}

/* Keep the TOP largest |delta|; on ties the earlier file (path order) stays. */
static int add_top(jx_audit_summary *s, const jx_audit_row *row)
{
	jx_dec mag = row->delta_value;
	if (mag.units < 0)
		mag.units = -mag.units;
	if (mag.units == 0)
		return 0;
	size_t at = s->ntop;
	while (at > 0 && mag.units > s->top[at - 1].magnitude.units)
		at--;
	if (at == TOP)
		return 0;
	char *file = strdup(row->file);
	if (!file)
		return JX_ENOMEM;
	if (s->ntop == TOP)
		free(s->top[--s->ntop].file);
	memmove(&s->top[at + 1], &s->top[at], (s->ntop - at) * sizeof(s->top[0]));
	top_delta *t = &s->top[at];
	t->file = file;
	t->magnitude = mag;
	memcpy(t->claimed, row->claimed_total, sizeof(t->claimed));
	memcpy(t->total, row->total, sizeof(t->total));
	memcpy(t->delta, row->delta, sizeof(t->delta));
	s->ntop++;
	return 0;
}

int jx_audit_summary_add(jx_audit_summary *s, const jx_audit_row *row)
{
	static const char *const fields[4] = { "rate", "score", "total", "grade" };
	s->files++;
	if (!row->ok) {
		s->failed++;
		return 0;
	}
	s->mismatched += row->nmismatches > 0;
	for (size_t i = 0; i < row->nmismatches; i++)
		for (int k = 0; k < 4; k++)
			s->by_field[k] += strcmp(row->mismatches[i].field, fields[k]) == 0;
	grade_count *g = grade_entry(s, row->grade, row->grade_rank);
	if (!g)
		return JX_ENOMEM;
	g->recomputed++;
	if (row->claimed_grade[0]) {
		if (!(g = grade_entry(s, row->claimed_grade_name, row->claimed_grade_rank)))
			return JX_ENOMEM;
		g->claimed++;
		s->grade_changed += strcmp(row->claimed_grade_name, row->grade) != 0;
	} else {
		s->unclaimed_grade++;
	}
	if (!JX_GROW(s->totals, s->cap, s->ntotals + 1, 1024))
		return JX_ENOMEM;
	s->totals[s->ntotals++] = (long)row->total_value.units;
	return row->has_delta ? add_top(s, row) : 0;
}

size_t jx_audit_summary_failed(const jx_audit_summary *s)
{
	return s->failed;
}

size_t jx_audit_summary_mismatched(const jx_audit_summary *s)
{
	return s->mismatched;
}

/* Grades best first; claimed grades no rule set knows after them, by name. */
static int grade_cmp(const void *pa, const void *pb)
{
	const grade_count *a = pa, *b = pb;
	unsigned ra = (unsigned)a->rank, rb = (unsigned)b->rank; /* -1 sorts last */
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const char *count(char *buf, size_t n)
{
	return jx_dec_format(buf, jx_dec_from_int((int64_t)n), 0, JX_FMT_GROUP);
}

static void print_grades(FILE *out, jx_audit_summary *s)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	jx_table t;
	jx_table_init(&t, 3);
	jx_table_align(&t, 1, JX_RIGHT);
	jx_table_align(&t, 2, JX_RIGHT);
	static const char *const titles[3] = { "等级", "自评", "复核" };
	jx_table_header(&t, titles);
	qsort(s->grades, s->ngrades, sizeof(*s->grades), grade_cmp);
	size_t r;
	for (size_t i = 0; i < s->ngrades; i++) {
		r = jx_table_row(&t);
		jx_table_set(&t, r, 0, "%s", s->grades[i].name);
		jx_table_set(&t, r, 1, "%s", count(a, s->grades[i].claimed));
		jx_table_set(&t, r, 2, "%s", s->grades[i].rank >= 0 ? count(b, s->grades[i].recomputed) : "—");
	}
	if (s->unclaimed_grade) {
		r = jx_table_row(&t);
		jx_table_set(&t, r, 0, "未填报");
		jx_table_set(&t, r, 1, "%s", count(a, s->unclaimed_grade));
		jx_table_set(&t, r, 2, "—");
	}
	jx_table_print(&t, out);
	jx_table_release(&t);
}

__extension__ typedef __int128 wide;

/* num / den units of 10^-6 (totals: never negative), rounded half-up to two
 * places, as text. 128 bits: a million totals near the limit still add up. */
static const char *units_text(char *buf, wide num, int64_t den)
{
	const wide cent = JX_DEC_SCALE / 100;
	wide cents = (2 * num + (wide)den * cent) / (2 * (wide)den * cent);
	jx_dec d = { (int64_t)(cents * cent) };
	return jx_dec_format(buf, d, 2, 0);
}

/*
 * The q/4 quantile of the sorted x[0..n) as GSL defines it
 * (gsl_stats_quantile_from_sorted_data: index q(n − 1)/4, linear between
 * neighbours), but exact: no binary fraction, so 91.005 rounds to 91.01.
 */
static const char *quartile(char *buf, const long *x, size_t n, int q)
{
	size_t at = (size_t)q * (n - 1), lhs = at / 4, r = at % 4;
	if (r == 0)
		return units_text(buf, x[lhs], 1);
	return units_text(buf, (wide)x[lhs] * (4 - (wide)r) + (wide)x[lhs + 1] * (wide)r, 4);
}

static void print_totals(FILE *out, jx_audit_summary *s)
{
	char mean[JX_DEC_BUFSZ], q1[JX_DEC_BUFSZ], q2[JX_DEC_BUFSZ], q3[JX_DEC_BUFSZ];
	char lo[JX_DEC_BUFSZ], hi[JX_DEC_BUFSZ];
	long *x = s->totals;
	size_t n = s->ntotals;
	wide sum = 0;
	gsl_sort_long(x, 1, n);
	for (size_t i = 0; i < n; i++)
		sum += x[i];
	fprintf(out, "复核总分：平均 %s，中位数 %s，四分位 %s / %s，最低 %s，最高 %s\n",
		units_text(mean, sum, (int64_t)n), quartile(q2, x, n, 2), quartile(q1, x, n, 1),
		quartile(q3, x, n, 3), units_text(lo, x[0], 1), units_text(hi, x[n - 1], 1));
}

static void print_top(FILE *out, const jx_audit_summary *s)
{
	jx_table t;
	jx_table_init(&t, 4);
	for (size_t c = 0; c < 3; c++)
		jx_table_align(&t, c, JX_RIGHT);
	static const char *const titles[4] = { "差异", "自评总分", "复核总分", "文件" };
	jx_table_header(&t, titles);
	for (size_t i = 0; i < s->ntop; i++) {
		const top_delta *d = &s->top[i];
		size_t r = jx_table_row(&t);
		jx_table_set(&t, r, 0, "%s%s", d->delta[0] == '-' ? "" : "+", d->delta);
		jx_table_set(&t, r, 1, "%s", d->claimed);
		jx_table_set(&t, r, 2, "%s", d->total);
		jx_table_set(&t, r, 3, "%s", d->file);
	}
	fprintf(out, "\n总分差异最大的 %zu 个文件（复核 − 自评）：\n", s->ntop);
	jx_table_print(&t, out);
	jx_table_release(&t);
}

void jx_audit_summary_print(FILE *out, jx_audit_summary *s)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	fprintf(out, "复核 %s 个文件：%s 个已评分，%s 个无法评分\n", count(a, s->files),
		count(b, s->files - s->failed), count(c, s->failed));
	if (s->files == s->failed)
		return;
	fprintf(out, "填报值不一致：%s 个文件", count(a, s->mismatched));
	if (s->mismatched) {
		static const char *const labels[4] = { "完成率", "得分", "总分", "等级" };
		const char *sep = "（";
		for (int k = 0; k < 4; k++)
			if (s->by_field[k]) {
				fprintf(out, "%s%s %s 处", sep, labels[k], count(b, s->by_field[k]));
				sep = "，";
			}
		fputs("）", out);
	}
	fprintf(out, "\n等级与自评不同：%s 个文件\n\n", count(a, s->grade_changed));
	print_grades(out, s);
	fputc('\n', out);
	print_totals(out, s);
	if (s->ntop)
		print_top(out, s);
}

void jx_audit_summary_free(jx_audit_summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->ngrades; i++)
		free(s->grades[i].name);
	free(s->grades);
	free(s->totals);
	for (size_t i = 0; i < s->ntop; i++)
		free(s->top[i].file);
	free(s);
}
