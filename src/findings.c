/*
 * findings.c - what a re-scorer notices, computed from a score result: each
 * check reads the rates, scores and texts the scorer kept and writes a
 * finding with the numbers in Chinese. Thresholds come from the rule set's
 * `findings:` settings.
 */
#include "jixiao/findings.h"

#include "grow.h"
#include "jixiao/common.h"
#include "text.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ctx {
	jx_findings *f;
	const jx_result *r;
	int rc;
	bool messages;
} ctx;

/*
 * Record a finding. Returns whether its message is wanted: the caller then
 * says it (say), so that a run that only counts findings (the audit) does
 * not format numbers it would throw away.
 */
static bool add(ctx *c, const char *code, jx_fseverity sev, const jx_node *node, bool funds,
		unsigned line)
{
	jx_findings *f = c->f;

	if (c->rc)
		return false;
	if (!JX_GROW(f->items, f->cap, f->count + 1, 16)) {
		c->rc = JX_ENOMEM;
		return false;
	}
	jx_finding *g = &f->items[f->count++];
	memset(g, 0, sizeof(*g));
	g->code = code;
	g->severity = sev;
	g->node = node;
	g->funds = funds;
	g->line = line;
	return c->messages;
}

static void say(ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The message of the finding just added. */
static void say(ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!(c->f->items[c->f->count - 1].message = jx_vstrdupf(fmt, ap)))
		c->rc = JX_ENOMEM;
	va_end(ap);
}

static char *num(char *buf, jx_dec d, int places)
{
	return jx_dec_format(buf, d, places, 0);
}

/* A quantity's value as people write it, without the operator: "60万元". */
static char *value_text(char *buf, size_t n, const jx_quantity *q, const char *as_written)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	if (q->kind == JX_Q_NUMBER)
		jx_textf(buf, n, "%s%s", num(a, q->value, -1), q->unit.text);
	else if (q->kind == JX_Q_RANGE)
		jx_textf(buf, n, "%s%s-%s%s", num(a, q->value, -1), q->unit.text, num(b, q->high, -1),
			 q->unit.text);
	else
		jx_textf(buf, n, "%s", as_written);
	return buf;
}

/* ----------------------------------------------------------- reasons */

bool jx_findings_is_stock_reason(const char *text)
{
	static const char *const stock[] = {
		"", "无", "/", "-", "—", "——", "无偏差", "偏差在合理范围内", "在合理范围内",
		"偏差合理", "合理", "正常", "偏差较小", "已完成", "达到预期", "不适用"
	};
	const char *t = text ? text : "";
	size_t len = strlen(t);
	jx_text_trim(&t, &len);
	/* A closing full stop says nothing more. */
	while (len >= 3 && (memcmp(t + len - 3, "。", 3) == 0 || memcmp(t + len - 3, "；", 3) == 0))
		len -= 3;
	while (len >= 1 && (t[len - 1] == '.' || t[len - 1] == ';'))
		len--;
	for (size_t i = 0; i < sizeof(stock) / sizeof(stock[0]); i++)
		if (strlen(stock[i]) == len && memcmp(stock[i], t, len) == 0)
			return true;
	return false;
}

/* value_text of any length (malloc'd; NULL when out of memory): a number
 * or range fits the buffer, the text as written may be long. */
static char *value_dup(const jx_quantity *q, const char *as_written)
{
	char buf[2 * (JX_DEC_BUFSZ + JX_UNIT_MAX) + 2];
	if (q->kind == JX_Q_NUMBER || q->kind == JX_Q_RANGE)
		return jx_strdupf("%s", value_text(buf, sizeof(buf), q, as_written));
	return jx_strdupf("%s", as_written);
}

int jx_findings_draft_text(char **out, const jx_result *r, const jx_leaf_result *lr)
{
	const jx_node *node = lr->node;
	const jx_quantity *t = &node->target.q;
	char rate[JX_DEC_BUFSZ], lost[JX_DEC_BUFSZ], *tv = NULL;
	const char *actual = node->actual.text;
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	/* The exact rate, not the shown one: 100001 against 100000 shows 100.00%
	 * and is still above the target. */
	bool over = jx_frac_cmp(lr->rate, JX_FRAC_INT(1)) > 0;

	*out = NULL;
	num(rate, lr->rate_pct, rdec);
	num(lost, lr->lost, dec);
	switch (lr->direction) {
	case JX_DIR_POSITIVE:
		if ((tv = value_dup(t, node->target.text)))
			*out = jx_strdupf("实际完成 %s，%s指标值 %s，完成率 %s%%，扣 %s 分", actual,
					  over ? "高于" : "低于", tv, rate, lost);
		break;
	case JX_DIR_REVERSE:
		if ((tv = value_dup(t, node->target.text)))
			*out = jx_strdupf("实际完成 %s，%s指标值 %s（不超过），完成率 %s%%，扣 %s 分",
					  actual, over ? "低于" : "高于", tv, rate, lost);
		break;
	case JX_DIR_RANGE: {
		char lo[JX_DEC_BUFSZ], hi[JX_DEC_BUFSZ];
		bool below = jx_frac_cmp(lr->b, lr->a) < 0;
		*out = jx_strdupf("实际完成 %s，%s区间%s %s%s，完成率 %s%%，扣 %s 分", actual,
				  below ? "低于" : "高于", below ? "下限" : "上限",
				  below ? num(lo, t->value, -1) : num(hi, t->high, -1), t->unit.text, rate,
				  lost);
		break;
	}
	case JX_DIR_DEADLINE:
		if (node->actual.q.kind == JX_Q_TIME)
			*out = jx_strdupf("实际完成时间 %s，未在时限（%s）内完成，完成率 %s%%，扣 %s 分",
					  actual, node->target.text, rate, lost);
		else
			*out = jx_strdupf("完成情况为“%s”（时限 %s），完成率 %s%%，扣 %s 分", actual,
					  node->target.text, rate, lost);
		break;
	default:
		*out = jx_strdupf("完成情况为“%s”（指标值 %s），完成率 %s%%，扣 %s 分", actual,
				  node->target.text, rate, lost);
		break;
	}
	free(tv);
	return *out ? 0 : JX_ENOMEM;
}

char *jx_findings_draft(char *buf, size_t n, const jx_result *r, const jx_leaf_result *lr)
{
	char *s;
	if (jx_findings_draft_text(&s, r, lr) == 0)
		jx_textf(buf, n, "%s", s);
	else if (n > 0)
		*buf = '\0';
	free(s);
	return buf;
}

/* ------------------------------------------------------------- checks */

static bool under_cost_group(const jx_node *n)
{
	for (const jx_node *p = n->parent; p; p = p->parent)
		if (strstr(p->name, "成本"))
			return true;
	return false;
}

static void leaf_claims(ctx *c, const jx_leaf_result *lr)
{
	const jx_rules *ru = c->r->rules;
	const jx_claim *cl = &lr->node->claimed;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], th[JX_DEC_BUFSZ];
	if (lr->rate_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, lr->node, false, cl->rate_mark.line))
		say(c, "填报完成率 %s%%，按数据重新计算为 %s%%", num(a, cl->rate, cl->rate_places),
		    num(b, lr->rate_pct, ru->rate_decimals));
	if (lr->score_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, lr->node, false, cl->score_mark.line))
		say(c, "填报得分 %s，按数据重新计算为 %s", num(a, cl->score, cl->score_places),
		    num(b, lr->score, ru->decimals));
	/* Compared at its own precision, a whole 10 matches 9.60: full marks
	 * claimed for an indicator that lost points is worth saying anyway. */
	if (cl->has_score && !lr->score_mismatch && jx_dec_cmp(cl->score, lr->weight) == 0 &&
	    jx_dec_cmp(lr->score, lr->weight) < 0 &&
	    add(c, "claim-full-marks", JX_FIND_WARNING, lr->node, false, cl->score_mark.line))
		say(c, "填报得分 %s 为满分，按数据重新计算为 %s，扣 %s 分；按填报的小数位比较两者一致",
		    num(a, cl->score, cl->score_places), num(b, lr->score, ru->decimals),
		    num(th, lr->lost, ru->decimals));
}

static void leaf_rate_checks(ctx *c, const jx_leaf_result *lr)
{
	const jx_rules *ru = c->r->rules;
	const jx_node *n = lr->node;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], th[JX_DEC_BUFSZ], *draft;
	jx_frac pct;

	if (jx_frac_cmp(lr->rate, JX_FRAC_INT(1)) < 0) {
		bool stock = jx_findings_is_stock_reason(n->deviation);
		if (add(c, "shortfall", JX_FIND_INFO, n, false, n->mark.line)) {
			if (jx_findings_draft_text(&draft, c->r, lr) != 0)
				c->rc = JX_ENOMEM;
			else if (!*n->deviation)
				say(c, "%s；未说明偏差原因", draft);
			else
				say(c, "%s；偏差原因%s“%s”", draft, stock ? "只写了" : "：", n->deviation);
			free(draft);
		}
		if (jx_frac_cmp(lr->rate, ru->findings.reason_required_below) < 0 && lr->lost.units > 0 &&
		    stock && add(c, "missing-reason", JX_FIND_WARNING, n, false, n->mark.line)) {
			bool said = *n->deviation;
			jx_frac_mul(&pct, ru->findings.reason_required_below, JX_FRAC_INT(100));
			say(c, "完成率 %s%% 低于 %s%%，扣 %s 分，偏差原因%s%s%s",
			    num(a, lr->rate_pct, ru->rate_decimals), jx_frac_format(th, pct, 2),
			    num(b, lr->lost, ru->decimals), said ? "只写了“" : "为空", n->deviation,
			    said ? "”" : "");
		}
	}
	if (jx_frac_cmp(lr->rate, ru->findings.over_completion) > 0 &&
	    (lr->direction == JX_DIR_POSITIVE || lr->direction == JX_DIR_REVERSE) &&
	    add(c, "over-completion", JX_FIND_WARNING, n, false, n->mark.line)) {
		jx_frac_mul(&pct, ru->findings.over_completion, JX_FRAC_INT(100));
		say(c, "完成率 %s%% 超过 %s%%，指标值设置偏低", num(a, lr->rate_pct, ru->rate_decimals),
		    jx_frac_format(th, pct, 2));
	}
}

static void cost_direction(ctx *c, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	const jx_quantity *t = &n->target.q;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], s[JX_DEC_BUFSZ], tv[128];
	jx_dec rate, score;

	if (t->kind != JX_Q_NUMBER || lr->direction != JX_DIR_POSITIVE || !under_cost_group(n))
		return;
	if (jx_score_leaf_reversed(c->r, lr, &rate, &score) != 0)
		return;
	bool describe = add(c, "cost-direction", JX_FIND_WARNING, n, false, n->mark.line);
	if (c->rc)
		return;
	jx_finding *g = &c->f->items[c->f->count - 1];
	g->has_alt = true;
	g->alt_rate = rate;
	g->alt_score = score;
	if (describe)
		say(c, "成本指标以“%s”设定、按正向计分，节约支出反而扣分；按反向指标（≤%s）计分完成率 %s%%，得分 %s（现为 %s）",
		    *jx_op_symbol(t->op) ? jx_op_symbol(t->op) : "=",
		    value_text(tv, sizeof(tv), t, n->target.text),
		    num(a, rate, c->r->rules->rate_decimals), num(b, score, c->r->rules->decimals),
		    num(s, lr->score, c->r->rules->decimals));
}

/*
 * A target of 0 scored as positive is met by any actual (spec §2.1: A = 0
 * gives 100%), so an indicator such as 安全事故发生次数 "=0次" with 2 accidents
 * scores full: it can only mean "no more than 0" (≤0).
 */
static void zero_target(ctx *c, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	const jx_quantity *t = &n->target.q;
	if (t->kind != JX_Q_NUMBER || lr->direction != JX_DIR_POSITIVE || t->value.units != 0 ||
	    n->actual.q.kind != JX_Q_NUMBER || jx_frac_cmp(lr->b, JX_FRAC_INT(0)) <= 0)
		return;
	if (add(c, "zero-target", JX_FIND_WARNING, n, false, n->mark.line))
		say(c, "指标值为 0（%s），按正向计分，实际完成 %s 也得满分；指标若意为不超过 0（如事故、投诉次数），"
		       "应写作“≤0”，实际完成 %s 则不得分",
		    n->target.text, n->actual.text, n->actual.text);
}

/* What compare_value gives for values it cannot compare. */
#define INCOMPARABLE 2

/* x against y (-1, 0, 1) when both are plain numbers in the same (or a
 * convertible) unit, else INCOMPARABLE. */
static int compare_value(const jx_quantity *x, const jx_quantity *y)
{
	if (x->kind != JX_Q_NUMBER || y->kind != JX_Q_NUMBER)
		return INCOMPARABLE;
	if (x->unit.kind == JX_UNIT_MONEY && y->unit.kind == JX_UNIT_MONEY) {
		jx_frac fx = jx_frac_from_dec(x->value), fy = jx_frac_from_dec(y->value), p10;
		int e = x->unit.money_exp - y->unit.money_exp;
		p10 = JX_FRAC_INT(1);
		for (int i = 0; i < (e < 0 ? -e : e); i++)
			if (jx_frac_mul(&p10, p10, JX_FRAC_INT(10)))
				return INCOMPARABLE;
		if (jx_frac_mul(e > 0 ? &fx : &fy, e > 0 ? fx : fy, p10))
			return INCOMPARABLE;
		return jx_frac_cmp(fx, fy);
	}
	if (!jx_unit_compatible(&x->unit, &y->unit))
		return INCOMPARABLE;
	return jx_dec_cmp(x->value, y->value);
}

/* A target equal to last year's result, or short of it: no ambition. */
static void last_year_checks(ctx *c, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	const jx_quantity *t = &n->target.q, *l = &n->last_year.q;
	char tv[128], lv[128];
	if (!n->last_year.present)
		return;
	int cmp = compare_value(t, l);
	/* A percentage of 100% or more cannot be raised: not a sign of low ambition. */
	bool ceiling = t->unit.kind == JX_UNIT_PERCENT && jx_dec_cmp(t->value, jx_dec_from_int(100)) >= 0;
	bool laxer = (lr->direction == JX_DIR_POSITIVE && cmp == -1) ||
		     (lr->direction == JX_DIR_REVERSE && cmp == 1);
	if (cmp == 0 && !ceiling && add(c, "target-equals-last-year", JX_FIND_INFO, n, false, n->mark.line))
		say(c, "指标值 %s 与上年完成情况 %s 相同，指标未体现提高",
		    value_text(tv, sizeof(tv), t, n->target.text), value_text(lv, sizeof(lv), l, n->last_year.text));
	else if (laxer && add(c, "target-below-last-year", JX_FIND_INFO, n, false, n->mark.line))
		say(c, "指标值 %s %s上年完成情况 %s%s，目标低于上年已达到的水平",
		    value_text(tv, sizeof(tv), t, n->target.text), cmp < 0 ? "低于" : "高于",
		    value_text(lv, sizeof(lv), l, n->last_year.text), cmp < 0 ? "" : "（反向指标，越低越好）");
}

static void leaf_text_checks(ctx *c, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	const jx_quantity *t = &n->target.q, *a = &n->actual.q;

	last_year_checks(c, lr);
	if (!*n->evidence && add(c, "missing-evidence", JX_FIND_INFO, n, false, n->mark.line))
		say(c, "未填写佐证资料");
	if ((t->kind == JX_Q_NUMBER || t->kind == JX_Q_RANGE) && t->unit.kind != JX_UNIT_NONE &&
	    a->kind == JX_Q_NUMBER && a->unit.kind == JX_UNIT_NONE &&
	    add(c, "unit-mismatch", JX_FIND_WARNING, n, false, n->actual.mark.line))
		say(c, "实际完成值“%s”未写单位，按指标值的单位“%s”计", n->actual.text, t->unit.text);
}

/* A leaf whose target says it does not apply, while its actual value says
 * something was done: its weight leaves the total (rescaled or dropped),
 * which may hide an indicator that was not met. */
static void na_with_actual(ctx *c, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	char w[64];
	if (n->actual.present && n->actual.q.kind != JX_Q_NA && lr->weight.units > 0 &&
	    add(c, "not-applicable-with-actual", JX_FIND_WARNING, n, false, n->actual.mark.line))
		say(c, "指标值%s%s%s（不适用），实际完成值却填写了“%s”：该指标的 %s 分不计入总分%s；"
		       "指标如适用，应填写指标值",
		    *n->target.text ? "为“" : "为空", n->target.text, *n->target.text ? "”" : "",
		    n->actual.text, num(w, lr->weight, -1),
		    c->r->rules->na_drop ? "" : "，按百分制折算");
}

static const char *stock_or_empty(const char *s)
{
	return jx_findings_is_stock_reason(s) ? "未说明原因" : "已说明原因";
}

/* ------------------------------------------------------- funds rows */

/* The columns of the funds rows that must add up. */
static const struct {
	const char *label;
	size_t offset, places;
} funds_columns[] = {
	{ "年初预算数", offsetof(jx_funds_row, initial), offsetof(jx_funds_row, initial_places) },
	{ "全年预算数", offsetof(jx_funds_row, budget), offsetof(jx_funds_row, budget_places) },
	{ "全年执行数", offsetof(jx_funds_row, executed), offsetof(jx_funds_row, executed_places) },
};

static jx_dec amount(const jx_funds_row *row, size_t col)
{
	return *(const jx_dec *)((const char *)row + funds_columns[col].offset);
}

/* Decimal places of a column: the most any of its amounts has as written
 * ("2,443.80" has two). */
static int column_places(const jx_funds *f, size_t col)
{
	int places = 0;
	for (size_t i = 0; i < f->nrows; i++) {
		int written = *(const int *)((const char *)&f->rows[i] + funds_columns[col].places);
		places = written > places ? written : places;
	}
	return places;
}

enum { SUM_EXACT, SUM_TAIL, SUM_OFF, SUM_RANGE };

/*
 * How sum, of count amounts, stands against total: equal, within the tail
 * that rounding each amount to places decimals leaves (at most half a unit
 * of the last place per amount, the total's included), or not. Amounts
 * without decimals are taken as exact.
 */
static int tail_state(jx_dec total, jx_dec sum, size_t count, int places)
{
	int64_t d = total.units - sum.units, unit = JX_DEC_SCALE;
	if (d == 0)
		return SUM_EXACT;
	for (int i = 0; i < places; i++)
		unit /= 10;
	if (d < 0)
		d = -d;
	return places > 0 && (jx_i128)d * 2 <= (jx_i128)unit * (jx_i128)(count + 1) ? SUM_TAIL : SUM_OFF;
}

/* How rows from..to of a column add up to the first row (tail_state), their sum in *sum. */
static int adds_up(const jx_funds *f, size_t col, size_t from, size_t to, jx_dec *sum)
{
	*sum = (jx_dec){ 0 };
	for (size_t i = from; i <= to; i++)
		if (jx_dec_add(sum, *sum, amount(&f->rows[i], col)) != 0)
			return SUM_RANGE; /* beyond any real budget */
	return tail_state(amount(&f->rows[0], col), *sum, to - from + 1, column_places(f, col));
}

#define FUNDS_COLS (sizeof(funds_columns) / sizeof(funds_columns[0]))

/*
 * Where the rows after the first split into two sets that each add up to
 * it (a department table lists them by source, then 基本支出 and 项目支出):
 * the last row of the first set, or 0 for one set. Two sets are taken
 * when one set does not add up in some column and a split adds up in more
 * columns than the one set does: a column doubled by mistake in every row
 * (executed 100 + 100 against 100) is one set wrong in that column, not
 * two sets wrong in all the others. One pass over the rows.
 */
static size_t funds_split(const jx_funds *f, size_t col0)
{
	size_t n = f->nrows - 1, best = 0, best_cols = 0;
	jx_dec whole[FUNDS_COLS], first[FUNDS_COLS] = { { 0 } };
	int places[FUNDS_COLS];
	for (size_t col = col0; col < FUNDS_COLS; col++) {
		int state = adds_up(f, col, 1, n, &whole[col]);
		if (state == SUM_RANGE)
			return 0;
		best_cols += state <= SUM_TAIL;
		places[col] = column_places(f, col);
	}
	if (best_cols == FUNDS_COLS - col0)
		return 0;
	for (size_t k = 1; k < n; k++) {
		size_t cols = 0;
		for (size_t col = col0; col < FUNDS_COLS; col++) {
			jx_dec total = amount(&f->rows[0], col), rest;
			if (jx_dec_add(&first[col], first[col], amount(&f->rows[k], col)) != 0 ||
			    jx_dec_sub(&rest, whole[col], first[col]) != 0)
				return 0;
			cols += tail_state(total, first[col], k, places[col]) <= SUM_TAIL &&
				tail_state(total, rest, n - k, places[col]) <= SUM_TAIL;
		}
		if (cols > best_cols) {
			best = k;
			best_cols = cols;
		}
	}
	return best;
}

/* One set of rows against the first row in one column. */
static void funds_set(ctx *c, size_t col, size_t from, size_t to, bool whole)
{
	const jx_funds *f = &c->r->doc->funds;
	const char *unit = c->r->doc->money_unit, *name = f->rows[0].name;
	int places = column_places(f, col), shown = places > 2 ? places : 2;
	jx_dec sum, total = amount(&f->rows[0], col);
	int state = adds_up(f, col, from, to, &sum);
	if (state == SUM_EXACT || state == SUM_RANGE ||
	    !add(c, "funds-sum", state == SUM_TAIL ? JX_FIND_INFO : JX_FIND_WARNING, NULL, true,
		 f->rows[0].mark.line))
		return;
	char a[JX_DEC_BUFSZ], t[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ], why[64] = "";
	const char *first = f->rows[from].name, *last = f->rows[to].name;
	char *rows; /* by name, however long the names */
	if (whole)
		rows = jx_strdupf("其余各行");
	else if (from == to && *first)
		rows = jx_strdupf("“%s”一行", first);
	else if (from == to)
		rows = jx_strdupf("第 %zu 行", from + 1);
	else if (*first && *last)
		rows = jx_strdupf("“%s”至“%s”各行", first, last);
	else
		rows = jx_strdupf("第 %zu 至 %zu 行", from + 1, to + 1);
	if (!rows) {
		c->rc = JX_ENOMEM;
		return;
	}
	jx_dec diff = { total.units - sum.units };
	if (diff.units < 0)
		diff.units = -diff.units;
	if (state == SUM_TAIL)
		snprintf(why, sizeof(why), "，是各行分别四舍五入到 %d 位小数的尾差", places);
	say(c, "%s：%s%s %s %s，与第一行%s%s%s %s %s相差 %s %s%s", funds_columns[col].label, rows,
	    from == to ? "为" : "合计",
	    jx_dec_format(a, sum, shown, JX_FMT_GROUP), unit, *name ? "“" : "", name, *name ? "”" : "",
	    jx_dec_format(t, total, shown, JX_FMT_GROUP), unit, jx_dec_format(d, diff, shown, JX_FMT_GROUP),
	    unit, why);
	free(rows);
}

/*
 * The rows after the first (当年财政拨款, 其他资金…) add up to the first
 * (年度资金总额), column by column. A difference that rounding each amount
 * separately explains is a note that says so; a larger one is a warning.
 */
static void funds_sum_checks(ctx *c)
{
	const jx_funds *f = &c->r->doc->funds;
	size_t n = f->nrows - 1;
	if (f->nrows < 3)
		return; /* one row, or a total with a single source: nothing to add up */
	bool initial = true;
	for (size_t i = 0; i < f->nrows; i++)
		initial = initial && f->rows[i].has_initial;
	size_t col0 = initial ? 0 : 1, k = funds_split(f, col0);
	for (size_t col = col0; col < FUNDS_COLS; col++) {
		if (k == 0) {
			funds_set(c, col, 1, n, true);
		} else {
			funds_set(c, col, 1, k, false);
			funds_set(c, col, k + 1, n, false);
		}
	}
}

/* Decimal places to show two amounts with: 2, or as many as they have, so
 * that 12.3457 万元 and 12.3456 万元 do not both show as 12.34. */
static int money_places(jx_dec x, jx_dec y)
{
	int p = jx_dec_places(x) > jx_dec_places(y) ? jx_dec_places(x) : jx_dec_places(y);
	return p > 2 ? p : 2;
}

static void funds_checks(ctx *c)
{
	const jx_result *r = c->r;
	const jx_funds *f = &r->doc->funds;
	const jx_funds_result *fr = &r->funds;
	const jx_rules *ru = r->rules;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ], p[JX_DEC_BUFSZ];
	const char *unit = r->doc->money_unit;

	if (!fr->present)
		return;
	const jx_funds_row *row = &f->rows[0];
	funds_sum_checks(c);
	if (row->has_initial && jx_dec_cmp(row->initial, row->budget) != 0 &&
	    add(c, "budget-adjusted", JX_FIND_INFO, NULL, true, f->mark.line)) {
		jx_dec diff, pct = { 0 };
		jx_frac ratio;
		jx_dec_sub(&diff, row->budget, row->initial);
		bool has_pct = row->initial.units != 0 &&
			       jx_frac_div(&ratio, jx_frac_from_dec(diff), jx_frac_from_dec(row->initial)) == 0 &&
			       jx_frac_mul(&ratio, ratio, JX_FRAC_INT(100)) == 0 &&
			       jx_frac_round(&pct, ratio, 2, JX_ROUND_HALF_UP) == 0;
		jx_dec mag = diff;
		if (mag.units < 0)
			mag.units = -mag.units;
		char pcts[JX_DEC_BUFSZ + 8] = "";
		if (has_pct)
			snprintf(pcts, sizeof(pcts), "（%s%%）", num(p, pct, 2));
		int places = money_places(row->budget, row->initial);
		say(c, "全年预算数 %s %s较年初预算数 %s %s调%s %s %s%s",
		    jx_dec_format(a, row->budget, places, JX_FMT_GROUP), unit,
		    jx_dec_format(b, row->initial, places, JX_FMT_GROUP), unit,
		    diff.units < 0 ? "减" : "增", jx_dec_format(d, mag, places, JX_FMT_GROUP), unit, pcts);
	}
	if (fr->na)
		return;
	if (fr->rate_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, NULL, true, f->claimed.rate_mark.line))
		say(c, "填报预算执行率 %s%%，按数据重新计算为 %s%%",
		    num(a, f->claimed.rate, f->claimed.rate_places), num(b, fr->rate_pct, ru->rate_decimals));
	if (fr->score_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, NULL, true, f->claimed.score_mark.line))
		say(c, "填报预算执行得分 %s，按数据重新计算为 %s",
		    num(a, f->claimed.score, f->claimed.score_places), num(b, fr->score, ru->decimals));
	/* Spending without a budget is scored as 100% (nothing to divide by), yet
	 * it is spending beyond the budget all the same. */
	int places = money_places(row->executed, row->budget);
	if (row->budget.units == 0 &&
	    add(c, "over-budget", JX_FIND_WARNING, NULL, true, f->mark.line))
		say(c, "全年执行数 %s %s，全年预算数为 0（执行率按 100%% 计），%s",
		    jx_dec_format(a, row->executed, places, JX_FMT_GROUP), unit, stock_or_empty(f->deviation));
	if (jx_frac_cmp(fr->rate, JX_FRAC_INT(1)) > 0 &&
	    add(c, "over-budget", JX_FIND_WARNING, NULL, true, f->mark.line))
		say(c, "全年执行数 %s %s超过全年预算数 %s %s（执行率 %s%%），%s",
		    jx_dec_format(a, row->executed, places, JX_FMT_GROUP), unit,
		    jx_dec_format(b, row->budget, places, JX_FMT_GROUP), unit,
		    num(p, fr->rate_pct, ru->rate_decimals), stock_or_empty(f->deviation));
	if (jx_frac_cmp(fr->rate, ru->findings.funds_reason_below) < 0 &&
	    jx_findings_is_stock_reason(f->deviation) &&
	    add(c, "low-execution", JX_FIND_WARNING, NULL, true, f->mark.line)) {
		jx_frac th;
		jx_frac_mul(&th, ru->findings.funds_reason_below, JX_FRAC_INT(100));
		say(c, "预算执行率 %s%% 低于 %s%%，%s", num(a, fr->rate_pct, ru->rate_decimals),
		    jx_frac_format(b, th, 2), stock_or_empty(f->deviation));
	}
}

static void document_checks(ctx *c)
{
	const jx_result *r = c->r;
	const jx_doc *d = r->doc;
	const jx_rules *ru = r->rules;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], pc[JX_DEC_BUFSZ];

	/* Level-1 and funds weights against the national standard. */
	for (size_t i = 0; i < ru->nstandard_weights; i++) {
		const jx_std_weight *sw = &ru->standard_weights[i];
		if (jx_doc_names_funds(d, sw->name)) {
			if (r->funds.present && jx_dec_cmp(r->funds.weight, sw->weight) != 0 &&
			    add(c, "weights-vs-standard", JX_FIND_INFO, NULL, true, d->funds.weight_mark.line))
				say(c, "预算执行分值 %s，规则集“%s”的标准分值为 %s", num(a, r->funds.weight, -1),
				    ru->name, num(b, sw->weight, -1));
			continue;
		}
		for (size_t k = 0; k < d->nroots; k++)
			if (strcmp(d->roots[k].name, sw->name) == 0 &&
			    jx_dec_cmp(d->roots[k].weight, sw->weight) != 0 &&
			    add(c, "weights-vs-standard", JX_FIND_INFO, &d->roots[k], false, d->roots[k].mark.line))
				say(c, "一级指标“%s”分值 %s，规则集“%s”的标准分值为 %s", sw->name,
				    num(a, d->roots[k].weight, -1), ru->name, num(b, sw->weight, -1));
	}
	/* The 分值 of the table against the standard's total (100): a slip in one
	 * 分值 scores the table out of 110, and nothing else would say so.
	 * The table's own 分值, not the maximum less what does not apply when
	 * the rule set drops it; but the total is said out of that maximum, as
	 * it is computed. Standard weights that leave out the funds row do not
	 * give the full mark: nothing to compare with. */
	jx_dec std = { 0 }, all = r->applicable;
	bool full = false;
	for (size_t i = 0; i < ru->nstandard_weights; i++) {
		jx_dec_add(&std, std, ru->standard_weights[i].weight);
		full |= jx_doc_names_funds(d, ru->standard_weights[i].name);
	}
	jx_dec_add(&all, all, r->na_weight); /* the funds and level-1 weights */
	if (full && jx_dec_cmp(all, std) != 0 &&
	    add(c, "weights-total", JX_FIND_WARNING, NULL, false, 0))
		say(c, "分值合计 %s，不是规则集“%s”的满分 %s：总分按满分 %s 计算", num(a, all, -1), ru->name,
		    num(b, std, -1), num(pc, r->max, -1));
	/* Weight on qualitative indicators, which are easy to claim. */
	jx_dec q = { 0 };
	for (size_t i = 0; i < r->nleaves; i++)
		if (!r->leaves[i].na && r->leaves[i].direction == JX_DIR_QUALITATIVE)
			jx_dec_add(&q, q, r->leaves[i].weight);
	jx_frac share;
	if (q.units > 0 && r->max.units > 0 &&
	    jx_frac_div(&share, jx_frac_from_dec(q), jx_frac_from_dec(r->max)) == 0) {
		bool high = jx_frac_cmp(share, ru->findings.qualitative_share) > 0;
		if (add(c, "qualitative-share", high ? JX_FIND_WARNING : JX_FIND_INFO, NULL, false, 0)) {
			jx_frac p100, th;
			jx_dec pct = { 0 };
			jx_frac_mul(&p100, share, JX_FRAC_INT(100));
			jx_frac_round(&pct, p100, 2, JX_ROUND_HALF_UP);
			jx_frac_mul(&th, ru->findings.qualitative_share, JX_FRAC_INT(100));
			say(c, "定性指标分值 %s，占总分值的 %s%%%s%s%s", num(a, q, -1), num(b, pct, 2),
			    high ? "，超过 " : "", high ? jx_frac_format(pc, th, 2) : "",
			    high ? "%，可衡量性不足" : "");
		}
	}
	if (r->total_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, NULL, false, d->claimed.total_mark.line))
		say(c, "填报总分 %s，按数据重新计算为 %s", num(a, d->claimed.total, d->claimed.total_places),
		    num(b, r->total, ru->decimals));
	if (d->claimed.has_total && !r->total_mismatch && jx_dec_cmp(d->claimed.total, r->max) == 0 &&
	    jx_dec_cmp(r->total, r->max) < 0 &&
	    add(c, "claim-full-marks", JX_FIND_WARNING, NULL, false, d->claimed.total_mark.line))
		say(c, "填报总分 %s 为满分，按数据重新计算为 %s；按填报的小数位比较两者一致",
		    num(a, d->claimed.total, d->claimed.total_places), num(b, r->total, ru->decimals));
	if (r->grade_mismatch &&
	    add(c, "claim-mismatch", JX_FIND_ERROR, NULL, false, d->claimed.grade_mark.line))
		say(c, "填报等级“%s”，按总分 %s 应为“%s”", d->claimed.grade, num(a, r->total, ru->decimals),
		    r->grade->name);
}

int jx_findings_run(jx_findings *f, const jx_result *r)
{
	return jx_findings_collect(f, r, 0);
}

int jx_findings_collect(jx_findings *f, const jx_result *r, int flags)
{
	ctx c = { f, r, 0, !(flags & JX_FINDINGS_NO_MESSAGES) };
	memset(f, 0, sizeof(*f));
	funds_checks(&c);
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		if (lr->na) {
			na_with_actual(&c, lr);
			continue;
		}
		leaf_claims(&c, lr);
		leaf_rate_checks(&c, lr);
		cost_direction(&c, lr);
		zero_target(&c, lr);
		leaf_text_checks(&c, lr);
	}
	document_checks(&c);
	if (c.rc)
		jx_findings_release(f);
	return c.rc;
}

void jx_findings_release(jx_findings *f)
{
	for (size_t i = 0; i < f->count; i++)
		free(f->items[i].message);
	free(f->items);
	memset(f, 0, sizeof(*f));
}

size_t jx_findings_count(const jx_findings *f, jx_fseverity s)
{
	size_t n = 0;
	for (size_t i = 0; i < f->count; i++)
		n += f->items[i].severity == s;
	return n;
}

const char *jx_fseverity_name(jx_fseverity s)
{
	switch (s) {
	case JX_FIND_ERROR: return "error";
	case JX_FIND_WARNING: return "warning";
	default: return "info";
	}
}

const char *jx_fseverity_label(jx_fseverity s)
{
	switch (s) {
	case JX_FIND_ERROR: return "错误";
	case JX_FIND_WARNING: return "警告";
	default: return "提示";
	}
}
