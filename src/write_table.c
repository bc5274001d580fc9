/*
 * write_table.c - the scored 自评表 for a terminal: header, funds block, the
 * indicator table with 一级/二级/三级 columns (a group name shown once, as a
 * merged cell would), totals and grade, and notes on claimed values that
 * differ from the recomputed ones.
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

static char *fmt(char *buf, jx_dec d, int places)
{
	return jx_dec_format(buf, d, places, 0);
}

static void header(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	bool dept = d->kind == JX_KIND_DEPARTMENT;

	fprintf(out, "%s（%d 年度）\n", dept ? "部门整体支出绩效自评表" : "项目支出绩效自评表", d->year);
	fprintf(out, "%s：%s\n", dept ? "部门名称" : "项目名称", d->title);
	if (*d->department && !(dept && strcmp(d->department, d->title) == 0))
		fprintf(out, "主管部门：%s\n", d->department);
	if (*d->implementer)
		fprintf(out, "实施单位：%s\n", d->implementer);
	if (strcmp(r->rules->title, r->rules->name) != 0)
		fprintf(out, "评分规则：%s（%s）\n", r->rules->name, r->rules->title);
	else
		fprintf(out, "评分规则：%s\n", r->rules->name);
}

/* What follows a value: "*" when it differs from the claim; when any value
 * of the table does (any), a blank after the others, so that the digits of
 * a right-aligned column stay under each other. */
static const char *mark(bool any, bool bad)
{
	return bad ? "*" : any ? " " : "";
}

/* Whether the indicator table marks a value (the funds block has its own). */
static bool table_marks(const jx_result *r)
{
	return r->mismatches > (size_t)r->funds.rate_mismatch + (size_t)r->funds.score_mismatch;
}

/* Weight, 完成率 and 得分 cells of a row, "/" when it does not apply, "*" on a
 * value that differs from the claim. */
static void score_cells(jx_table *t, size_t row, size_t col, const jx_rules *ru, bool any,
			jx_dec weight, bool na, jx_dec rate_pct, bool rate_bad, jx_dec score, bool score_bad)
{
	char a[JX_DEC_BUFSZ];
	jx_table_set(t, row, col, "%s", fmt(a, weight, -1));
	if (na) {
		jx_table_set(t, row, col + 1, "/%s", mark(any, false));
		jx_table_set(t, row, col + 2, "/%s", mark(any, false));
		return;
	}
	jx_table_set(t, row, col + 1, "%s%%%s", fmt(a, rate_pct, ru->rate_decimals), mark(any, rate_bad));
	jx_table_set(t, row, col + 2, "%s%s", fmt(a, score, ru->decimals), mark(any, score_bad));
}

enum { F_NAME, F_INITIAL, F_BUDGET, F_EXECUTED, F_WEIGHT, F_RATE, F_SCORE, F_NCOLS };

static int funds_block(FILE *out, const jx_result *r)
{
	const jx_funds *f = &r->doc->funds;
	const jx_funds_result *fr = &r->funds;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	jx_table t;
	int rc;

	if (!fr->present)
		return 0;
	jx_table_init(&t, F_NCOLS);
	for (int i = F_INITIAL; i < F_NCOLS; i++)
		jx_table_align(&t, (size_t)i, JX_RIGHT);
	size_t h = jx_table_row(&t);
	jx_table_set(&t, h, F_NAME, "%s（%s）", jx_funds_title(r->doc->kind), r->doc->money_unit);
	jx_table_set(&t, h, F_INITIAL, "年初预算数");
	jx_table_set(&t, h, F_BUDGET, "全年预算数");
	jx_table_set(&t, h, F_EXECUTED, "全年执行数");
	jx_table_set(&t, h, F_WEIGHT, "分值");
	jx_table_set(&t, h, F_RATE, "执行率");
	jx_table_set(&t, h, F_SCORE, "得分");
	jx_table_rule(&t, h);
	for (size_t i = 0; i < f->nrows; i++) {
		const jx_funds_row *row = &f->rows[i];
		size_t k = jx_table_row(&t);
		jx_table_set(&t, k, F_NAME, "%s", row->name);
		if (row->has_initial)
			jx_table_set(&t, k, F_INITIAL, "%s", jx_dec_format_money(a, row->initial));
		jx_table_set(&t, k, F_BUDGET, "%s", jx_dec_format_money(b, row->budget));
		jx_table_set(&t, k, F_EXECUTED, "%s", jx_dec_format_money(c, row->executed));
		if (i == 0)
			score_cells(&t, k, F_WEIGHT, r->rules, fr->rate_mismatch || fr->score_mismatch,
				    fr->weight, fr->na, fr->rate_pct, fr->rate_mismatch, fr->score,
				    fr->score_mismatch);
	}
	fputc('\n', out);
	rc = jx_table_print(&t, out);
	jx_table_release(&t);
	return rc;
}


/* One note per claimed value that does not follow from the data. */
static void claim_note(FILE *out, const char *what, const char *name, jx_dec claimed, int cplaces,
		       jx_dec recomputed, int rplaces, const char *unit)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	fprintf(out, "  * %s%s%s：填报 %s%s，重新计算 %s%s\n", name, *what ? " " : "", what,
		fmt(a, claimed, cplaces), unit, fmt(b, recomputed, rplaces), unit);
}

/* The leaf as the notes name it: its name when no other indicator has that
 * name, else its whole path (malloc'd into *owned), so that each note points
 * at one row. NULL when out of memory. */
static const char *leaf_label(char **owned, const jx_doc *d, const jx_node *leaf)
{
	*owned = NULL;
	if (jx_doc_find(d, leaf->name, NULL) == leaf)
		return leaf->name;
	return *owned = jx_node_path_dup(leaf, "/");
}

static int notes(FILE *out, const jx_result *r)
{
	const jx_rules *ru = r->rules;
	const jx_funds *f = &r->doc->funds;
	bool any = r->mismatches > 0;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ], e[JX_DEC_BUFSZ];

	if (r->na_weight.units > 0) {
		if (ru->na_drop)
			fprintf(out, "\n不适用指标分值 %s 不计入总分。\n", fmt(a, r->na_weight, -1));
		else
			fprintf(out, "\n不适用指标分值 %s，按百分制折算：%s × %s ÷ %s = %s。\n",
				fmt(a, r->na_weight, -1), fmt(b, r->raw, ru->decimals),
				fmt(c, r->max, -1), fmt(d, r->applicable, -1), fmt(e, r->total, ru->decimals));
	}
	if (!any)
		return 0;
	fprintf(out, "\n* 填报值与重新计算值不一致（%zu 处）：\n", r->mismatches);
	if (r->funds.rate_mismatch)
		claim_note(out, "执行率", "预算执行", f->claimed.rate, f->claimed.rate_places,
			   r->funds.rate_pct, ru->rate_decimals, "%");
	if (r->funds.score_mismatch)
		claim_note(out, "得分", "预算执行", f->claimed.score, f->claimed.score_places,
			   r->funds.score, ru->decimals, "");
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_claim *c2 = &lr->node->claimed;
		char *owned;
		if (!lr->rate_mismatch && !lr->score_mismatch)
			continue;
		const char *name = leaf_label(&owned, r->doc, lr->node);
		if (!name)
			return JX_ENOMEM;
		if (lr->rate_mismatch)
			claim_note(out, "完成率", name, c2->rate, c2->rate_places, lr->rate_pct,
				   ru->rate_decimals, "%");
		if (lr->score_mismatch)
			claim_note(out, "得分", name, c2->score, c2->score_places, lr->score,
				   ru->decimals, "");
		free(owned);
	}
	if (r->total_mismatch)
		claim_note(out, "", "总分", r->doc->claimed.total, r->doc->claimed.total_places,
			   r->total, ru->decimals, "");
	if (r->grade_mismatch)
		fprintf(out, "  * 等级：填报 %s，重新计算 %s\n", r->doc->claimed.grade, r->grade->name);
	return 0;
}

int jx_write_table(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	size_t levels = jx_level_columns(d);
	size_t c_target = levels, c_actual = levels + 1, c_weight = levels + 2, c_rate = levels + 3,
	       c_score = levels + 4, ncols = levels + 5;
	const jx_node *shown[JX_MAX_DEPTH + 1] = { 0 };
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	jx_table t;
	int rc;

	header(out, r);
	if ((rc = funds_block(out, r)) != 0)
		return rc;

	jx_table_init(&t, ncols);
	for (size_t c = c_weight; c < ncols; c++)
		jx_table_align(&t, c, JX_RIGHT);
	size_t h = jx_table_row(&t);
	for (size_t l = 0; l < levels; l++)
		jx_table_set(&t, h, l, "%s", jx_level_title((int)l + 1));
	jx_table_set(&t, h, c_target, "指标值");
	jx_table_set(&t, h, c_actual, "实际完成值");
	jx_table_set(&t, h, c_weight, "分值");
	jx_table_set(&t, h, c_rate, "完成率");
	jx_table_set(&t, h, c_score, "得分");
	jx_table_rule(&t, h);

	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *chain[JX_MAX_DEPTH];
		size_t depth = jx_node_chain(chain, lr->node);
		size_t k = jx_table_row(&t);
		/* Show a group's name on its first row only, like a merged cell. */
		for (size_t l = 0; l < depth; l++) {
			const jx_node *n = chain[l];
			if (shown[l] != n || l + 1 == depth)
				jx_table_set(&t, k, l, "%s", n->name);
			shown[l] = n;
		}
		for (size_t l = depth; l < levels; l++)
			shown[l] = NULL;
		jx_table_set(&t, k, c_target, "%s", lr->node->target.text);
		jx_table_set(&t, k, c_actual, "%s", lr->node->actual.present ? lr->node->actual.text : "");
		score_cells(&t, k, c_weight, r->rules, table_marks(r), lr->weight, lr->na, lr->rate_pct,
			    lr->rate_mismatch, lr->score, lr->score_mismatch);
	}
	jx_table_rule(&t, t.nrows - 1);
	size_t k = jx_table_row(&t);
	jx_table_set(&t, k, 0, "总分");
	jx_table_set(&t, k, c_weight, "%s", fmt(a, r->max, -1));
	jx_table_set(&t, k, c_score, "%s%s", fmt(b, r->total, r->rules->decimals),
		     mark(table_marks(r), r->total_mismatch));
	k = jx_table_row(&t);
	jx_table_set(&t, k, 0, "等级");
	jx_table_set(&t, k, c_score, "%s%s", r->grade ? r->grade->name : "",
		     mark(table_marks(r), r->grade_mismatch));
	fputc('\n', out);
	rc = jx_table_print(&t, out);
	jx_table_release(&t);
	if (rc == 0)
		rc = notes(out, r);
	if (rc == 0)
		rc = ferror(out) ? JX_EIO : 0;
	return rc;
}
