/*
 * doc.c - evaluation loader: YAML node tree -> typed, validated jx_doc.
 * Every key is read through a table of English and Chinese spellings;
 * every problem is reported at its line and column, and loading goes on
 * so that one run shows all the problems of a file.
 */
#include "jixiao/doc.h"

#include "arena.h"
#include "grow.h"
#include "jixiao/common.h"
#include "schema.h"
#include "text.h"
#include "ytree.h"

#include <stdlib.h>
#include <string.h>

typedef struct impl {
	jx_doc pub;
	jx_ytree tree;
} impl;

/* Loader state for one file. */
typedef struct loader {
	impl *im;
	jx_reader rd;
	jx_arena *arena;
	size_t nodes;       /* indicator nodes seen */
	size_t weight_errors; /* weights that could not be read or are missing */
	bool too_many;
	jx_node **leaves, **groups; /* growing lists (malloc) */
	size_t nleaves, ngroups, capleaves, capgroups;
	bool oom;
	bool checkable;     /* read to the end with a readable rule-set name */
	size_t aside;       /* errors in parts that do not decide the scoring */
} loader;

/* ----------------------------------------------------------- key tables */

enum {
	D_VERSION, D_KIND, D_TITLE, D_DEPARTMENT, D_IMPLEMENTER, D_YEAR, D_RULES, D_MONEY_UNIT,
	D_FUNDS, D_GOALS, D_INDICATORS, D_CLAIMED
};

static const jx_field doc_fields[] = {
	{ "jixiao", D_VERSION }, { "kind", D_KIND }, { "title", D_TITLE },
	{ "department", D_DEPARTMENT }, { "implementer", D_IMPLEMENTER }, { "year", D_YEAR },
	{ "rules", D_RULES }, { "money_unit", D_MONEY_UNIT }, { "funds", D_FUNDS },
	{ "goals", D_GOALS }, { "indicators", D_INDICATORS }, { "claimed", D_CLAIMED },
	{ "类型", D_KIND }, { "项目名称", D_TITLE }, { "部门名称", D_TITLE },
	{ "主管部门", D_DEPARTMENT }, { "实施单位", D_IMPLEMENTER },
	{ "年度", D_YEAR }, { "评分规则", D_RULES }, { "金额单位", D_MONEY_UNIT },
	{ "项目资金", D_FUNDS }, { "部门资金", D_FUNDS }, { "预算执行", D_FUNDS },
	{ "年度总体目标", D_GOALS }, { "绩效指标", D_INDICATORS },
	{ "自评结果", D_CLAIMED },
};

enum {
	N_NAME, N_CHILDREN, N_WEIGHT, N_TARGET, N_ACTUAL, N_BASIS, N_LAST_YEAR, N_EVIDENCE,
	N_RULE, N_DIRECTION, N_DEVIATION, N_CLAIMED
};

static const jx_field node_fields[] = {
	{ "name", N_NAME }, { "children", N_CHILDREN }, { "weight", N_WEIGHT },
	{ "target", N_TARGET }, { "actual", N_ACTUAL }, { "basis", N_BASIS },
	{ "last_year", N_LAST_YEAR }, { "evidence", N_EVIDENCE }, { "rule", N_RULE },
	{ "direction", N_DIRECTION }, { "deviation", N_DEVIATION }, { "claimed", N_CLAIMED },
	{ "名称", N_NAME }, { "指标名称", N_NAME }, { "下级指标", N_CHILDREN },
	{ "分值", N_WEIGHT }, { "指标分值权重", N_WEIGHT }, { "分值权重", N_WEIGHT },
	{ "权重", N_WEIGHT }, { "指标值", N_TARGET }, { "预期指标值", N_TARGET },
	{ "年度指标值", N_TARGET }, { "实际完成值", N_ACTUAL },
	{ "指标实际完成值", N_ACTUAL }, { "实际完成指标值", N_ACTUAL },
	{ "指标值设定依据", N_BASIS }, { "上年完成情况", N_LAST_YEAR },
	{ "佐证资料", N_EVIDENCE }, { "赋分规则", N_RULE },
	{ "指标赋分规则", N_RULE }, { "指标方向", N_DIRECTION },
	{ "偏差原因分析及改进措施", N_DEVIATION }, { "偏差原因", N_DEVIATION },
	{ "自评结果", N_CLAIMED },
};

enum { C_RATE, C_SCORE, C_TOTAL, C_GRADE };

static const jx_field claim_fields[] = {
	{ "rate", C_RATE }, { "score", C_SCORE },
	{ "完成率", C_RATE }, { "执行率", C_RATE }, { "得分", C_SCORE },
	{ "指标得分", C_SCORE },
};

static const jx_field total_fields[] = {
	{ "total", C_TOTAL }, { "grade", C_GRADE },
	{ "得分", C_TOTAL }, { "总得分", C_TOTAL }, { "等级", C_GRADE },
	{ "评价等级", C_GRADE },
};

enum { P_WEIGHT, P_ROWS, P_RULE, P_CLAIMED, P_DEVIATION };

static const jx_field funds_fields[] = {
	{ "weight", P_WEIGHT }, { "rows", P_ROWS }, { "rule", P_RULE },
	{ "claimed", P_CLAIMED }, { "deviation", P_DEVIATION },
	{ "分值", P_WEIGHT }, { "分值权重", P_WEIGHT }, { "资金来源", P_ROWS },
	{ "赋分规则", P_RULE }, { "自评结果", P_CLAIMED },
	{ "偏差原因分析及改进措施", P_DEVIATION }, { "偏差原因", P_DEVIATION },
};

enum { W_NAME, W_INITIAL, W_BUDGET, W_EXECUTED };

static const jx_field row_fields[] = {
	{ "name", W_NAME }, { "initial", W_INITIAL }, { "budget", W_BUDGET },
	{ "executed", W_EXECUTED },
	{ "名称", W_NAME }, { "年初预算数", W_INITIAL }, { "全年预算数", W_BUDGET },
	{ "全年执行数", W_EXECUTED },
};

enum { G_EXPECTED, G_ACHIEVED };

static const jx_field goal_fields[] = {
	{ "expected", G_EXPECTED }, { "achieved", G_ACHIEVED },
	{ "预期目标", G_EXPECTED }, { "实际完成情况", G_ACHIEVED },
};

#define NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

/* ------------------------------------------------------------- helpers */

static jx_mark mark_of(const jx_ynode *n)
{
	jx_mark m = { n->line, jx_node_col(n, 0) };
	return m;
}

static bool push(loader *ld, jx_node ***list, size_t *n, size_t *cap, jx_node *node)
{
	if (!JX_GROW(*list, *cap, *n + 1, 32)) {
		ld->oom = true;
		return false;
	}
	(*list)[(*n)++] = node;
	return true;
}

/* Parse a cell; problems are reported at the column inside the scalar. */
static bool read_cell(loader *ld, const jx_ynode *v, jx_qrole role, const char *what,
		      jx_cell *cell)
{
	jx_qerror err;
	if (v->bad)
		return false;
	if (v->kind != JX_Y_SCALAR) {
		jx_read_error(&ld->rd, v, "expected %s (text such as '>=200份'), got %s", what,
			      jx_ynode_kind_name(v));
		return false;
	}
	/* The line break a block (|) ends with, and blanks around the value, are
	 * not part of it; one inside it would break the rows of the outputs. */
	const char *raw = v->null ? "" : v->str, *text = raw;
	size_t rawlen = v->null ? 0 : v->len, len = rawlen;
	jx_text_trim(&text, &len);
	size_t lead = (size_t)(text - raw), brk = strcspn(text, "\t\n");
	cell->present = true;
	cell->text = raw;
	cell->mark = (jx_mark){ v->line, jx_node_col(v, lead) };
	if (brk < len) {
		jx_read_error_at(&ld->rd, v, lead + brk, "%s cannot hold a %s: write it on one line",
				 what, text[brk] == '\t' ? "tab" : "line break");
		return false;
	}
	if (len < rawlen) {
		const char *trimmed = jx_arena_strndup(ld->arena, text, len);
		if (!trimmed) {
			ld->oom = true;
			return false;
		}
		cell->text = trimmed;
	}
	cell->verbatim = v->verbatim;
	if (jx_quantity_parse(&cell->q, cell->text, len, role, &err) != 0) {
		size_t off = lead + jx_utf8_offset(cell->text, len, err.col);
		jx_read_error_at(&ld->rd, v, off, "%s '%s': %s", what, cell->text, err.message);
		return false;
	}
	/* A date without a year is in the evaluation's year: 2月29日 needs a leap year. */
	const jx_when *w = &cell->q.when;
	int year = ld->im->pub.year;
	if (cell->q.kind == JX_Q_TIME && w->year == 0 && w->day && year &&
	    w->day > jx_days_in_month(year, w->month)) {
		jx_read_error(&ld->rd, v, "%s '%s': day %d does not exist in month %d of %d (the evaluation's year)",
			      what, cell->text, w->day, w->month, year);
		return false;
	}
	return true;
}

static bool read_claim(loader *ld, const jx_ynode *v, jx_claim *c)
{
	jx_keys seen = { 0 };
	bool ok = true;
	if (!jx_read_map(&ld->rd, v, "claimed values ({rate: 100%, score: 5})"))
		return false;
	for (size_t i = 0; i < v->n; i++) {
		const jx_ynode *k = v->items[2 * i], *x = v->items[2 * i + 1];
		/* "—" or "/" in a claimed cell: nothing was reported. */
		bool empty = x->kind == JX_Y_SCALAR && jx_quantity_is_na(x->str, x->len);
		switch (jx_read_key(&ld->rd, k, claim_fields, NFIELDS(claim_fields), &seen,
				    "claimed values")) {
		case C_RATE:
			if (empty)
				break;
			c->has_rate = jx_read_dec(&ld->rd, x, "a claimed rate", "%", &c->rate,
						  &c->rate_places);
			c->rate_mark = mark_of(x);
			ok &= c->has_rate;
			break;
		case C_SCORE:
			if (empty)
				break;
			c->has_score = jx_read_dec(&ld->rd, x, "a claimed score", "\xe5\x88\x86",
						   &c->score, &c->score_places);
			c->score_mark = mark_of(x);
			ok &= c->has_score;
			break;
		default: ok = false; break;
		}
	}
	return ok;
}

static bool read_weight(loader *ld, const jx_ynode *v, jx_dec *w, jx_mark *m)
{
	*m = mark_of(v);
	if (!jx_read_dec(&ld->rd, v, "a weight", "\xe5\x88\x86", w, NULL)) {
		ld->weight_errors++;
		return false;
	}
	if (w->units < 0) {
		jx_read_error(&ld->rd, v, "a weight must not be negative");
		ld->weight_errors++;
		w->units = 0;
		return false;
	}
	return true;
}

static bool read_amount(loader *ld, const jx_ynode *v, const char *what, jx_dec *out, int *places)
{
	if (!jx_read_dec(&ld->rd, v, what, NULL, out, places))
		return false;
	if (out->units < 0) {
		jx_read_error(&ld->rd, v, "%s must not be negative", what);
		return false;
	}
	return true;
}

static const char *const direction_words[] = {
	"auto", "positive", "reverse", "range", "deadline", "qualitative"
};

const char *jx_direction_name(jx_direction d)
{
	return (unsigned)d < 6 ? direction_words[d] : "?";
}

const char *jx_kind_name(jx_kind k)
{
	return k == JX_KIND_DEPARTMENT ? "department" : "project";
}

const char *jx_funds_title(jx_kind k)
{
	return k == JX_KIND_DEPARTMENT ? "部门资金" : "项目资金";
}

static bool read_direction(loader *ld, const jx_ynode *v, jx_direction *out)
{
	static const struct {
		const char *word;
		jx_direction d;
	} words[] = {
		{ "positive", JX_DIR_POSITIVE }, { "reverse", JX_DIR_REVERSE },
		{ "range", JX_DIR_RANGE }, { "正向", JX_DIR_POSITIVE },
		{ "反向", JX_DIR_REVERSE }, { "区间", JX_DIR_RANGE },
	};
	const char *s;
	if (!jx_read_text(&ld->rd, v, "a direction", &s))
		return false;
	for (size_t i = 0; i < NFIELDS(words); i++)
		if (strcmp(s, words[i].word) == 0) {
			*out = words[i].d;
			return true;
		}
	jx_read_error(&ld->rd, v, "direction must be positive, reverse or range (正向, 反向, 区间), not '%s'", s);
	return false;
}

/* ---------------------------------------------------------- indicators */

/* Cells of a leaf that fit together: the actual's kind and unit match the target's. */
static void check_leaf_cells(jx_diags *d, const jx_source *src, const jx_node *n)
{
	const jx_quantity *t = &n->target.q, *a = &n->actual.q;
	const jx_cell *ac = &n->actual;

	switch (t->kind) {
	case JX_Q_NA:
		return;
	case JX_Q_NUMBER:
	case JX_Q_RANGE:
		if (a->kind == JX_Q_NA)
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value of '%s' is '%s' but its target '%s' applies; write the value reached, or mark the target '/' too",
				     n->name, ac->text, n->target.text);
		else if (a->kind == JX_Q_TIME && t->kind == JX_Q_NUMBER && t->unit.kind == JX_UNIT_OTHER &&
			 strstr(t->unit.text, "\xe6\x9c\x88"))
			jx_diags_add(d, JX_SEV_ERROR, src, n->target.mark.line, n->target.mark.col,
				     "target '%s' is not a deadline but the actual '%s' is a month; write the target as '%s前' or '%s底前'",
				     n->target.text, ac->text, n->target.text, n->target.text);
		else if (a->kind != JX_Q_NUMBER)
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value '%s' of '%s' is not a number, but its target '%s' is%s",
				     ac->text, n->name, n->target.text,
				     jx_text_chinese_numeral(ac->text, strlen(ac->text)) ? "; write the number in digits" : "");
		else if (!jx_unit_compatible(&t->unit, &a->unit)) {
			const char *u = strstr(ac->text, a->unit.text);
			unsigned col = ac->mark.col;
			if (u && ac->verbatim)
				col += (unsigned)jx_utf8_count(ac->text, (size_t)(u - ac->text));
			if (t->unit.kind == JX_UNIT_NONE)
				jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, col,
					     "actual value '%s' has the unit '%s' but the target '%s' has none",
					     ac->text, a->unit.text, n->target.text);
			else
				jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, col,
					     "unit '%s' of the actual value does not match unit '%s' of the target",
					     a->unit.text, t->unit.text);
		}
		break;
	case JX_Q_TIME:
		if (a->kind != JX_Q_TIME && a->kind != JX_Q_TEXT)
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value '%s' of '%s' is not a month or date (such as '7月' or '2024年7月15日'), but its target '%s' is a deadline",
				     ac->text, n->name, n->target.text);
		break;
	case JX_Q_TEXT:
		if (a->kind == JX_Q_NUMBER && a->unit.kind == JX_UNIT_PERCENT &&
		    (a->value.units < 0 || jx_dec_cmp(a->value, jx_dec_from_int(100)) > 0))
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value '%s' of qualitative indicator '%s' must lie between 0%% and 100%%",
				     ac->text, n->name);
		else if (a->kind == JX_Q_NUMBER && a->unit.kind != JX_UNIT_PERCENT)
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value '%s' of qualitative indicator '%s' must name a level (such as '达成' or '部分达成(70%%)') or be a percentage",
				     ac->text, n->name);
		else if (a->kind != JX_Q_TEXT && a->kind != JX_Q_NUMBER)
			jx_diags_add(d, JX_SEV_ERROR, src, ac->mark.line, ac->mark.col,
				     "actual value '%s' of qualitative indicator '%s' must name a level (such as '达成' or '部分达成(70%%)')",
				     ac->text, n->name);
		break;
	}
	if (n->direction == JX_DIR_AUTO)
		return;
	bool fits = n->direction == JX_DIR_RANGE ? t->kind == JX_Q_RANGE : t->kind == JX_Q_NUMBER;
	if (!fits)
		jx_diags_add(d, JX_SEV_ERROR, src, n->direction_mark.line, n->direction_mark.col,
			     "direction '%s' does not fit the target '%s'",
			     jx_direction_name(n->direction), n->target.text);
}

/* The name of an indicator whose name could not be read (reported). */
static const char unnamed[] = "?";

static int node_name_cmp(const void *pa, const void *pb)
{
	const jx_node *a = *(const jx_node *const *)pa, *b = *(const jx_node *const *)pb;
	int c = strcmp(a->name, b->name);
	return c ? c : (a->mark.line > b->mark.line) - (a->mark.line < b->mark.line);
}

static void report_twin(loader *ld, const jx_node *first, const jx_node *dup)
{
	jx_diags_add(ld->rd.diags, JX_SEV_ERROR, ld->rd.src, dup->mark.line, dup->mark.col,
		     "two indicators named '%s' in one group (first at line %u)", dup->name,
		     first->mark.line);
}

/* Sibling names must differ: paths address nodes by name. */
static void check_sibling_names(loader *ld, jx_node *kids, size_t n)
{
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i && kids[i].name != unnamed; j++)
				if (strcmp(kids[i].name, kids[j].name) == 0) {
					report_twin(ld, &kids[j], &kids[i]);
					break;
				}
		return;
	}
	jx_node **sorted = malloc(n * sizeof(*sorted));
	if (!sorted) {
		ld->oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		sorted[i] = &kids[i];
	qsort(sorted, n, sizeof(*sorted), node_name_cmp);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (sorted[i]->name != unnamed && sorted[first]->name != unnamed &&
		    strcmp(sorted[i]->name, sorted[first]->name) == 0)
			report_twin(ld, sorted[first], sorted[i]);
		else
			first = i;
	}
	free(sorted);
}

static bool read_nodes(loader *ld, const jx_ynode *list, jx_node *parent, int depth,
		       jx_node **out, size_t *count);

static void read_node(loader *ld, const jx_ynode *m, jx_node *n, jx_node *parent, int depth)
{
	const jx_ynode *vals[NFIELDS(node_fields)] = { 0 };
	const jx_ynode *keys[NFIELDS(node_fields)] = { 0 };
	jx_keys seen = { 0 };
	jx_reader *rd = &ld->rd;

	n->parent = parent;
	n->depth = depth;
	n->mark.line = m->line;
	n->mark.col = m->col;
	n->basis = n->evidence = n->deviation = "";
	if (++ld->nodes > JX_MAX_INDICATORS) {
		if (!ld->too_many)
			jx_read_error(rd, m, "more than %d indicators in one file", JX_MAX_INDICATORS);
		ld->too_many = true;
		return;
	}
	if (!jx_read_map(rd, m, "an indicator (a mapping with 'name')"))
		return;
	for (size_t i = 0; i < m->n; i++) {
		int id = jx_read_key(rd, m->items[2 * i], node_fields, NFIELDS(node_fields), &seen,
				     "indicator");
		if (id >= 0) {
			keys[id] = m->items[2 * i];
			vals[id] = m->items[2 * i + 1];
		}
	}
	if (!vals[N_NAME] && !jx_keys_has(&seen, N_NAME))
		jx_read_error(rd, m, "indicator has no 'name'");
	else if (vals[N_NAME] && !jx_read_text(rd, vals[N_NAME], "an indicator name", &n->name))
		n->name = unnamed;
	if (depth > JX_MAX_DEPTH) {
		jx_read_error(rd, m, "indicator '%s' is nested %d levels deep (the limit is %d)",
			      n->name, depth, JX_MAX_DEPTH);
		return;
	}
	if (vals[N_WEIGHT])
		n->weight_given = read_weight(ld, vals[N_WEIGHT], &n->weight, &n->weight_mark);

	if (vals[N_CHILDREN]) {
		/* A group: leaf keys do not belong here. */
		static const int leaf_only[] = { N_TARGET, N_ACTUAL, N_RULE, N_DIRECTION, N_CLAIMED,
						 N_LAST_YEAR };
		for (size_t i = 0; i < NFIELDS(leaf_only); i++)
			if (keys[leaf_only[i]])
				jx_read_error(rd, keys[leaf_only[i]],
					      "'%s' belongs to indicators without children; '%s' has children",
					      keys[leaf_only[i]]->str, n->name);
		n->index = ld->ngroups;
		push(ld, &ld->groups, &ld->ngroups, &ld->capgroups, n);
		size_t weight_errors = ld->weight_errors;
		if (!read_nodes(ld, vals[N_CHILDREN], n, depth + 1, &n->children, &n->nchildren))
			return;
		if (ld->weight_errors != weight_errors)
			return; /* a sum without the unreadable weights would mislead */
		jx_dec sum = { 0 };
		for (size_t i = 0; i < n->nchildren; i++)
			if (jx_dec_add(&sum, sum, n->children[i].weight) != 0) {
				jx_read_error(rd, m, "weights of '%s' add up to more than 10^12", n->name);
				return;
			}
		if (n->weight_given && jx_dec_cmp(sum, n->weight) != 0) {
			char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
			jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, n->weight_mark.line,
				     n->weight_mark.col,
				     "group '%s' has weight %s but its indicators add up to %s", n->name,
				     jx_dec_format(a, n->weight, -1, 0), jx_dec_format(b, sum, -1, 0));
		}
		n->weight = sum;
		return;
	}

	/* A leaf. */
	n->index = ld->nleaves;
	push(ld, &ld->leaves, &ld->nleaves, &ld->capleaves, n);
	if (vals[N_RULE] && jx_read_text(rd, vals[N_RULE], "a rule name", &n->rule))
		n->rule_mark = mark_of(vals[N_RULE]);
	if (vals[N_DIRECTION] && read_direction(ld, vals[N_DIRECTION], &n->direction))
		n->direction_mark = mark_of(vals[N_DIRECTION]);
	/* Texts, claims and last year's value do not decide how the leaf is
	 * scored: their errors leave it whole for binding (jx_doc_load_partial). */
	size_t errors = rd->diags->errors;
	if (vals[N_BASIS])
		jx_read_opt_text(rd, vals[N_BASIS], "a text", &n->basis);
	if (vals[N_EVIDENCE])
		jx_read_opt_text(rd, vals[N_EVIDENCE], "a text", &n->evidence);
	if (vals[N_DEVIATION])
		jx_read_opt_text(rd, vals[N_DEVIATION], "a text", &n->deviation);
	if (vals[N_CLAIMED])
		read_claim(ld, vals[N_CLAIMED], &n->claimed);
	if (vals[N_LAST_YEAR])
		read_cell(ld, vals[N_LAST_YEAR], JX_QROLE_ACTUAL, "last year's value", &n->last_year);
	ld->aside += rd->diags->errors - errors;

	bool cells_ok = true;
	if (!vals[N_TARGET]) {
		/* A leaf cut short (a file cut off, a row half typed) lacks more:
		 * say all at once, as a leaf that does not apply needs only '/'. */
		bool no_actual = !vals[N_ACTUAL] && !jx_keys_has(&seen, N_ACTUAL),
		     no_weight = !vals[N_WEIGHT] && !jx_keys_has(&seen, N_WEIGHT);
		if (!jx_keys_has(&seen, N_TARGET) && (no_actual || no_weight))
			jx_read_error(rd, m, "indicator '%s' has no 'target' (指标值)%s%s; write %s, or the target '/' if it does not apply",
				      n->name, no_weight ? ", no 'weight' (分值)" : "",
				      no_actual ? ", no 'actual' (实际完成值)" : "",
				      no_actual && no_weight ? "all three" : "both");
		else if (!jx_keys_has(&seen, N_TARGET))
			jx_read_error(rd, m, "indicator '%s' has no 'target' (指标值); write '/' if it does not apply",
				      n->name);
		if (!vals[N_WEIGHT])
			ld->weight_errors++; /* its group's sum would mislead */
		return;
	}
	cells_ok &= read_cell(ld, vals[N_TARGET], JX_QROLE_TARGET, "target", &n->target);
	bool na = cells_ok && n->target.q.kind == JX_Q_NA;
	if (vals[N_ACTUAL])
		cells_ok &= read_cell(ld, vals[N_ACTUAL], JX_QROLE_ACTUAL, "actual value", &n->actual);
	else if (!na) {
		if (!jx_keys_has(&seen, N_ACTUAL))
			jx_read_error(rd, m, "indicator '%s' has no 'actual' (实际完成值)", n->name);
		cells_ok = false;
	}
	if (!vals[N_WEIGHT] && !na) {
		/* a misspelt key ('wieght') was reported as such */
		if (!jx_keys_has(&seen, N_WEIGHT))
			jx_read_error(rd, m, "indicator '%s' has no 'weight' (分值)", n->name);
		ld->weight_errors++; /* its group's sum would mislead */
	}
	if (cells_ok && vals[N_ACTUAL])
		check_leaf_cells(ld->rd.diags, ld->rd.src, n);
}

static bool read_nodes(loader *ld, const jx_ynode *list, jx_node *parent, int depth,
		       jx_node **out, size_t *count)
{
	if (!jx_read_list(&ld->rd, list, parent ? "a list of indicators under 'children'"
						: "a list of indicators"))
		return false;
	if (list->n == 0) {
		jx_read_error(&ld->rd, list, "%s has no indicators", parent ? parent->name : "the file");
		return false;
	}
	jx_node *kids = jx_arena_array(ld->arena, list->n, sizeof(*kids));
	if (!kids) {
		ld->oom = true;
		return false;
	}
	for (size_t i = 0; i < list->n; i++) {
		size_t errors = ld->rd.diags->errors, aside = ld->aside;
		kids[i].name = unnamed;
		if (!ld->too_many)
			read_node(ld, list->items[i], &kids[i], parent, depth);
		if (jx_node_is_leaf(&kids[i]))
			kids[i].faulty = ld->rd.diags->errors - errors > ld->aside - aside;
	}
	if (!ld->too_many)
		check_sibling_names(ld, kids, list->n);
	*out = kids;
	*count = list->n;
	return !ld->too_many;
}

/* --------------------------------------------------------------- funds */

/* The rows of the funds section: amounts in money_unit. */
static void read_funds_rows(loader *ld, const jx_ynode *rows, jx_funds *f)
{
	jx_reader *rd = &ld->rd;
	if (!jx_read_list(rd, rows, "a list of funds rows") )
		return;
	if (rows->n == 0) {
		jx_read_error(rd, rows, "funds section has no rows");
		return;
	}
	f->rows = jx_arena_array(ld->arena, rows->n, sizeof(*f->rows));
	if (!f->rows) {
		ld->oom = true;
		return;
	}
	f->nrows = rows->n;
	for (size_t r = 0; r < rows->n; r++) {
		const jx_ynode *row = rows->items[r];
		jx_funds_row *fr = &f->rows[r];
		jx_keys rseen = { 0 };
		fr->mark = mark_of(row);
		fr->name = "";
		if (!jx_read_map(rd, row, "a funds row ({name, initial, budget, executed})"))
			continue;
		for (size_t i = 0; i < row->n; i++) {
			const jx_ynode *v = row->items[2 * i + 1];
			switch (jx_read_key(rd, row->items[2 * i], row_fields, NFIELDS(row_fields),
					    &rseen, "funds row")) {
			case W_NAME: jx_read_opt_text(rd, v, "a row name", &fr->name); break;
			case W_INITIAL:
				fr->has_initial = read_amount(ld, v, "年初预算数 (initial)", &fr->initial,
							      &fr->initial_places);
				break;
			case W_BUDGET: read_amount(ld, v, "全年预算数 (budget)", &fr->budget, &fr->budget_places); break;
			case W_EXECUTED:
				read_amount(ld, v, "全年执行数 (executed)", &fr->executed, &fr->executed_places);
				break;
			default: break;
			}
		}
		if (!jx_keys_has(&rseen, W_BUDGET))
			jx_read_error(rd, row, "funds row has no 'budget' (全年预算数)");
		if (!jx_keys_has(&rseen, W_EXECUTED))
			jx_read_error(rd, row, "funds row has no 'executed' (全年执行数)");
	}
}

static void read_funds(loader *ld, const jx_ynode *m, jx_funds *f)
{
	const jx_ynode *vals[5] = { 0 };
	jx_keys seen = { 0 };
	jx_reader *rd = &ld->rd;

	f->present = true;
	f->mark = mark_of(m);
	f->deviation = "";
	if (!jx_read_map(rd, m, "the funds section (a mapping with 'weight' and 'rows')"))
		return;
	for (size_t i = 0; i < m->n; i++) {
		int id = jx_read_key(rd, m->items[2 * i], funds_fields, NFIELDS(funds_fields), &seen,
				     "funds");
		if (id >= 0)
			vals[id] = m->items[2 * i + 1];
	}
	if (vals[P_WEIGHT])
		read_weight(ld, vals[P_WEIGHT], &f->weight, &f->weight_mark);
	else if (!jx_keys_has(&seen, P_WEIGHT))
		jx_read_error(rd, m, "funds section has no 'weight' (分值)");
	if (vals[P_RULE] && jx_read_text(rd, vals[P_RULE], "a rule name", &f->rule))
		f->rule_mark = mark_of(vals[P_RULE]);
	/* The claims, the text and the amounts do not decide how the funds are
	 * scored: their errors leave the section whole for binding. */
	size_t errors = rd->diags->errors;
	if (vals[P_CLAIMED])
		read_claim(ld, vals[P_CLAIMED], &f->claimed);
	if (vals[P_DEVIATION])
		jx_read_opt_text(rd, vals[P_DEVIATION], "a text", &f->deviation);
	if (!vals[P_ROWS]) {
		if (!jx_keys_has(&seen, P_ROWS))
			jx_read_error(rd, m, "funds section has no 'rows' (年初预算数, 全年预算数, 全年执行数)");
	} else {
		read_funds_rows(ld, vals[P_ROWS], f);
	}
	ld->aside += rd->diags->errors - errors;
}

/* ------------------------------------------------------------ document */

static void read_goals(loader *ld, const jx_ynode *v)
{
	jx_doc *d = &ld->im->pub;
	if (!jx_read_list(&ld->rd, v, "a list of goals ({expected, achieved})"))
		return;
	d->goals = jx_arena_array(ld->arena, v->n ? v->n : 1, sizeof(*d->goals));
	if (!d->goals) {
		ld->oom = true;
		return;
	}
	d->ngoals = v->n;
	for (size_t i = 0; i < v->n; i++) {
		const jx_ynode *g = v->items[i];
		jx_keys seen = { 0 };
		d->goals[i].expected = d->goals[i].achieved = "";
		if (!jx_read_map(&ld->rd, g, "a goal ({expected, achieved})"))
			continue;
		for (size_t j = 0; j < g->n; j++) {
			const jx_ynode *x = g->items[2 * j + 1];
			switch (jx_read_key(&ld->rd, g->items[2 * j], goal_fields, NFIELDS(goal_fields),
					    &seen, "goal")) {
			case G_EXPECTED: jx_read_opt_text(&ld->rd, x, "a text", &d->goals[i].expected); break;
			case G_ACHIEVED: jx_read_opt_text(&ld->rd, x, "a text", &d->goals[i].achieved); break;
			default: break;
			}
		}
	}
}

static void read_total_claim(loader *ld, const jx_ynode *v)
{
	jx_doc *d = &ld->im->pub;
	jx_keys seen = { 0 };
	if (!jx_read_map(&ld->rd, v, "claimed values ({total: 97.26, grade: 优})"))
		return;
	for (size_t i = 0; i < v->n; i++) {
		const jx_ynode *x = v->items[2 * i + 1];
		switch (jx_read_key(&ld->rd, v->items[2 * i], total_fields, NFIELDS(total_fields),
				    &seen, "claimed values")) {
		case C_TOTAL:
			d->claimed.has_total = jx_read_dec(&ld->rd, x, "a claimed total", "\xe5\x88\x86",
							   &d->claimed.total, &d->claimed.total_places);
			d->claimed.total_mark = mark_of(x);
			break;
		case C_GRADE:
			if (jx_read_text(&ld->rd, x, "a grade", &d->claimed.grade))
				d->claimed.grade_mark = mark_of(x);
			break;
		default: break;
		}
	}
}

static void read_kind(loader *ld, const jx_ynode *v)
{
	static const struct {
		const char *word;
		jx_kind k;
	} words[] = {
		{ "project", JX_KIND_PROJECT }, { "department", JX_KIND_DEPARTMENT },
		{ "项目", JX_KIND_PROJECT }, { "项目支出", JX_KIND_PROJECT },
		{ "部门", JX_KIND_DEPARTMENT }, { "部门整体", JX_KIND_DEPARTMENT },
		{ "部门整体支出", JX_KIND_DEPARTMENT },
	};
	const char *s;
	if (!jx_read_text(&ld->rd, v, "a kind", &s))
		return;
	for (size_t i = 0; i < NFIELDS(words); i++)
		if (strcmp(s, words[i].word) == 0) {
			ld->im->pub.kind = words[i].k;
			return;
		}
	const char *const names[] = { "project", "department" };
	const char *hint = jx_text_suggest(s, names, 2);
	if (hint)
		jx_read_error(&ld->rd, v, "kind must be 'project' (项目支出) or 'department' (部门整体支出), not '%s'; did you mean '%s'?",
			      s, hint);
	else
		jx_read_error(&ld->rd, v, "kind must be 'project' (项目支出) or 'department' (部门整体支出), not '%s'", s);
}

static void read_doc(loader *ld)
{
	jx_doc *d = &ld->im->pub;
	const jx_ynode *root = ld->im->tree.root, *vals[NFIELDS(doc_fields)] = { 0 };
	jx_keys seen = { 0 };
	jx_reader *rd = &ld->rd;
	long v;

	if (!root) {
		jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, 1, 1, "empty file (expected an evaluation starting with 'jixiao: 1')");
		return;
	}
	if (!jx_read_map(rd, root, "an evaluation (a mapping starting with 'jixiao: 1')"))
		return;
	if (!jx_read_file_kind(rd, root, "jixiao"))
		return;
	for (size_t i = 0; i < root->n; i++) {
		int id = jx_read_key(rd, root->items[2 * i], doc_fields, NFIELDS(doc_fields), &seen,
				     "the evaluation");
		if (id >= 0)
			vals[id] = root->items[2 * i + 1];
	}
	if (!vals[D_VERSION] && !jx_keys_has(&seen, D_VERSION)) {
		jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, root->line, root->col,
			     "missing 'jixiao: 1' (the format version) at the top of the file");
	} else if (vals[D_VERSION] && jx_read_int(rd, vals[D_VERSION], "jixiao", 0, 1000000, &v) && v != 1) {
		jx_read_error(rd, vals[D_VERSION], "unsupported format version %ld (this jixiao reads version 1)", v);
		return;
	}
	if (vals[D_KIND])
		read_kind(ld, vals[D_KIND]);
	if (vals[D_TITLE])
		jx_read_text(rd, vals[D_TITLE], "a title (项目名称)", &d->title);
	else if (!jx_keys_has(&seen, D_TITLE))
		jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, root->line, root->col,
			     "missing 'title' (项目名称 or 部门名称)");
	if (vals[D_DEPARTMENT])
		jx_read_opt_text(rd, vals[D_DEPARTMENT], "a department (主管部门)", &d->department);
	if (vals[D_IMPLEMENTER])
		jx_read_opt_text(rd, vals[D_IMPLEMENTER], "an implementer (实施单位)", &d->implementer);
	if (!vals[D_YEAR] && !jx_keys_has(&seen, D_YEAR))
		jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, root->line, root->col,
			     "missing 'year' (年度)");
	else if (vals[D_YEAR] && jx_read_int(rd, vals[D_YEAR], "year", 1900, 2999, &v))
		d->year = (int)v;
	/* A misspelt key may have meant another rule set than the default. */
	bool rules_ok = vals[D_RULES] ? jx_read_text(rd, vals[D_RULES], "a rule-set name or path", &d->rules)
				      : !jx_keys_has(&seen, D_RULES);
	if (vals[D_RULES] && rules_ok)
		d->rules_mark = mark_of(vals[D_RULES]);
	if (vals[D_MONEY_UNIT] && jx_read_text(rd, vals[D_MONEY_UNIT], "a money unit", &d->money_unit)) {
		jx_unit u;
		jx_unit_classify(&u, d->money_unit, strlen(d->money_unit));
		if (u.kind != JX_UNIT_MONEY)
			jx_read_error(rd, vals[D_MONEY_UNIT],
				      "money_unit must be 元, 千元, 万元, 百万元 or 亿元, not '%s'", d->money_unit);
	}
	if (vals[D_FUNDS]) {
		size_t errors = rd->diags->errors, aside = ld->aside;
		read_funds(ld, vals[D_FUNDS], &d->funds);
		d->funds.faulty = rd->diags->errors - errors > ld->aside - aside;
	}
	if (vals[D_GOALS])
		read_goals(ld, vals[D_GOALS]);
	if (vals[D_CLAIMED])
		read_total_claim(ld, vals[D_CLAIMED]);
	if (!vals[D_INDICATORS] && !jx_keys_has(&seen, D_INDICATORS))
		jx_diags_add(rd->diags, JX_SEV_ERROR, rd->src, root->line, root->col,
			     "missing 'indicators' (the 绩效指标 table)");
	else if (vals[D_INDICATORS])
		read_nodes(ld, vals[D_INDICATORS], NULL, 1, &d->roots, &d->nroots);
	ld->checkable = rules_ok;
}

static jx_node **freeze(loader *ld, jx_node **list, size_t n)
{
	jx_node **out = jx_arena_array(ld->arena, n ? n : 1, sizeof(*out));
	if (!out)
		ld->oom = true;
	else if (n)
		memcpy(out, list, n * sizeof(*out));
	free(list);
	return out;
}

/* d->path_shown: d->path, or its escaped copy in the arena when it has a
 * byte that a text output must not write as it is. */
static bool shown_path(impl *im, jx_doc *d)
{
	const unsigned char *p = (const unsigned char *)d->path;
	while (*p >= 0x20 && *p < 0x7f) /* plain ASCII: the common case */
		p++;
	if (!*p)
		return true;
	char *e = jx_text_escape(d->path);
	d->path_shown = e ? jx_arena_strndup(&im->tree.arena, e, strlen(e)) : NULL;
	free(e);
	return d->path_shown != NULL;
}

/* The document of a loaded tree; on errors, *partial (when not NULL) gets
 * what was read if the YAML itself was sound (jx_doc_load_partial). */
static int finish(impl *im, int rc, jx_diags *diags, size_t errors0, size_t first,
		  jx_doc **out, jx_doc **partial)
{
	loader ld;
	jx_doc *d = &im->pub;
	bool checkable = false; /* the YAML was sound and the table read to the end */

	d->src = im->tree.src;
	d->path = d->path_shown = im->tree.src.file;
	if (!shown_path(im, d))
		rc = JX_ENOMEM;
	d->department = d->implementer = "";
	d->rules = "standard";
	d->money_unit = "\xe4\xb8\x87\xe5\x85\x83"; /* 万元 */
	if (rc == 0 || (rc == JX_EINVAL && im->tree.root)) {
		memset(&ld, 0, sizeof(ld));
		ld.im = im;
		ld.arena = &im->tree.arena;
		ld.rd.diags = diags;
		ld.rd.src = &im->tree.src;
		ld.rd.arena = &im->tree.arena;
		read_doc(&ld);
		checkable = rc == 0 && ld.checkable;
		d->leaves = freeze(&ld, ld.leaves, ld.nleaves);
		d->nleaves = ld.nleaves;
		for (size_t i = 0; d->leaves && i < d->nleaves; i++)
			if (d->leaves[i]->depth > d->depth)
				d->depth = d->leaves[i]->depth;
		d->groups = freeze(&ld, ld.groups, ld.ngroups);
		d->ngroups = ld.ngroups;
		if (ld.oom) {
			jx_diags_add(diags, JX_SEV_ERROR, &im->tree.src, 0, 0, "out of memory");
			rc = JX_ENOMEM;
		}
	}
	if (rc == 0 && diags->errors > errors0)
		rc = JX_EINVAL;
	jx_diags_sort(diags, first);
	if (rc == JX_EINVAL && partial && checkable) {
		d->partial = true;
		*partial = d;
		*out = NULL;
		return rc;
	}
	if (rc) {
		jx_doc_free(d);
		*out = NULL;
		return rc;
	}
	*out = d;
	return 0;
}

static impl *new_impl(void)
{
	impl *im = calloc(1, sizeof(*im));
	if (im)
		im->pub.priv = im;
	return im;
}

int jx_doc_load_partial(jx_doc **out, jx_doc **partial, const char *path, jx_diags *diags)
{
	size_t errors0 = diags->errors, first = diags->count;
	impl *im = new_impl();
	*out = NULL;
	if (partial)
		*partial = NULL;
	if (!im)
		return JX_ENOMEM;
	int rc = jx_ytree_load(&im->tree, path, diags);
	return finish(im, rc, diags, errors0, first, out, partial);
}

int jx_doc_load(jx_doc **out, const char *path, jx_diags *diags)
{
	return jx_doc_load_partial(out, NULL, path, diags);
}

int jx_doc_parse_partial(jx_doc **out, jx_doc **partial, const char *name, const char *text,
			 size_t len, jx_diags *diags)
{
	size_t errors0 = diags->errors, first = diags->count;
	impl *im = new_impl();
	*out = NULL;
	if (partial)
		*partial = NULL;
	if (!im)
		return JX_ENOMEM;
	int rc = jx_ytree_parse(&im->tree, name, text, len, diags);
	return finish(im, rc, diags, errors0, first, out, partial);
}

int jx_doc_parse(jx_doc **out, const char *name, const char *text, size_t len, jx_diags *diags)
{
	return jx_doc_parse_partial(out, NULL, name, text, len, diags);
}

int jx_doc_clone(jx_doc **out, const jx_doc *doc, jx_diags *diags)
{
	return jx_doc_parse(out, doc->path, doc->src.text, doc->src.len, diags);
}

void jx_doc_free(jx_doc *doc)
{
	if (!doc)
		return;
	impl *im = doc->priv;
	jx_ytree_release(&im->tree);
	free(im);
}

/* --------------------------------------------------------------- paths */

const char *jx_level_title(int level)
{
	static const char *const titles[JX_MAX_DEPTH] = { "一级指标", "二级指标", "三级指标",
							  "四级指标", "五级指标", "六级指标" };
	return level >= 1 && level <= JX_MAX_DEPTH ? titles[level - 1] : "指标";
}

size_t jx_level_columns(const jx_doc *doc)
{
	return doc->depth > 3 ? (size_t)doc->depth : 3;
}

bool jx_node_is_leaf(const jx_node *node)
{
	return node->nchildren == 0;
}

size_t jx_node_chain(const jx_node **out, const jx_node *node)
{
	size_t depth = 0;
	for (const jx_node *p = node; p && depth < JX_MAX_DEPTH; p = p->parent)
		depth++;
	size_t k = depth;
	for (const jx_node *p = node; p && k > 0; p = p->parent)
		out[--k] = p;
	return depth;
}

size_t jx_node_path(char *buf, size_t n, const jx_node *node, const char *sep)
{
	const jx_node *chain[JX_MAX_DEPTH];
	size_t depth = jx_node_chain(chain, node), len = 0, seplen = strlen(sep);
	for (size_t i = 0; i < depth; i++) {
		bool last = i + 1 == depth;
		const char *parts[2] = { chain[i]->name, last ? "" : sep };
		size_t lens[2] = { strlen(chain[i]->name), last ? 0 : seplen };
		for (int k = 0; k < 2; k++) {
			if (n > 0 && len < n - 1) {
				size_t room = n - 1 - len;
				memcpy(buf + len, parts[k], lens[k] < room ? lens[k] : room);
			}
			len += lens[k];
		}
	}
	if (n > 0)
		buf[len < n ? len : n - 1] = '\0';
	if (len >= n)
		jx_text_cut(buf, n);
	return len;
}

char *jx_node_path_dup(const jx_node *node, const char *sep)
{
	size_t len = jx_node_path(NULL, 0, node, sep);
	char *path = malloc(len + 1);
	if (path)
		jx_node_path(path, len + 1, node, sep);
	return path;
}

/* The nodes among kids[0..n) that path names, its '/'s read in every way
 * they can be: a name may itself contain '/' ("培训/会议费"), so
 * "A/培训/会议费" is A's child 培训/会议费 or the child 会议费 of A/培训.
 * Returns how many readings name a node, the first in *hit. A node's
 * ancestors fix where its name would start in path, so each node is
 * compared once at most. */
static size_t walk(const jx_node *kids, size_t n, const char *path, const jx_node **hit)
{
	size_t hits = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(kids[i].name);
		if (strncmp(kids[i].name, path, len) != 0)
			continue;
		const jx_node *h = &kids[i];
		size_t k = path[len] == '\0' ? 1
			 : path[len] == '/' ? walk(kids[i].children, kids[i].nchildren, path + len + 1, &h)
					    : 0;
		if (k && hits == 0)
			*hit = h;
		hits += k;
	}
	return hits;
}

static void find_named(const jx_node *kids, size_t n, const char *name, const jx_node **hit,
		       size_t *hits)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(kids[i].name, name) == 0) {
			if (*hits == 0)
				*hit = &kids[i];
			(*hits)++;
		}
		find_named(kids[i].children, kids[i].nchildren, name, hit, hits);
	}
}

const jx_node *jx_doc_find(const jx_doc *doc, const char *path, const char **why)
{
	const jx_node *hit = NULL;
	size_t paths = walk(doc->roots, doc->nroots, path, &hit), hits = 0;
	if (paths == 1)
		return hit;
	if (paths > 1) {
		if (why)
			*why = "ambiguous: with the '/' inside names it is the path of more than one "
			       "indicator";
		return NULL;
	}
	find_named(doc->roots, doc->nroots, path, &hit, &hits);
	if (hits == 1)
		return hit;
	if (why)
		*why = hits ? "ambiguous (give the full path, e.g. 产出指标/数量指标/NAME)" : "not found";
	return NULL;
}

#define SUGGEST_MAX 3

typedef struct suggest {
	const char *name;
	bool leaves;
	size_t n;
	const jx_node *hits[SUGGEST_MAX];
} suggest;

static void suggest_in(suggest *sg, const jx_node *kids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = kids[i].name;
		bool fits = !sg->leaves || jx_node_is_leaf(&kids[i]);
		if (fits && (strstr(name, sg->name) || (*name && strstr(sg->name, name)))) {
			if (sg->n < SUGGEST_MAX)
				sg->hits[sg->n] = &kids[i];
			sg->n++;
		}
		suggest_in(sg, kids[i].children, kids[i].nchildren);
	}
}

char *jx_doc_suggest(char *buf, size_t size, const jx_doc *doc, const char *path, bool leaves)
{
	const char *slash = strrchr(path, '/');
	suggest sg = { slash ? slash + 1 : path, leaves, 0, { NULL } };
	char one[512];
	if (size > 0)
		buf[0] = '\0';
	if (!*sg.name)
		return buf;
	suggest_in(&sg, doc->roots, doc->nroots);
	for (size_t i = 0; i < sg.n && i < SUGGEST_MAX; i++) {
		jx_node_path(one, sizeof(one), sg.hits[i], "/");
		jx_textf_append(buf, size, "%s'%s'", i == 0 ? "; did you mean " : i + 1 == sg.n ? " or " : ", ", one);
	}
	if (sg.n > SUGGEST_MAX)
		jx_textf_append(buf, size, " (or one of %zu more)", sg.n - SUGGEST_MAX);
	if (sg.n > 0)
		jx_textf_append(buf, size, "?");
	return buf;
}

bool jx_funds_word(const char *name)
{
	return strcmp(name, "funds") == 0 || strcmp(name, "预算执行率") == 0 ||
	       strcmp(name, "预算执行") == 0;
}

bool jx_doc_names_funds(const jx_doc *doc, const char *name)
{
	return jx_funds_word(name) && (doc->funds.present || !jx_doc_find(doc, name, NULL));
}

/* ------------------------------------------------------------- editing */

int jx_doc_set_actual(jx_doc *doc, jx_node *leaf, const char *text, jx_diags *diags)
{
	char path[512];
	jx_qerror err;
	jx_cell cell = { true, text, { 0 }, { 0, 0 }, false };
	size_t errors = diags->errors;

	(void)doc;
	jx_node_path(path, sizeof(path), leaf, "/");
	if (!jx_node_is_leaf(leaf)) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "'%s' is a group, not an indicator with an actual value", path);
		return JX_EINVAL;
	}
	if (jx_quantity_parse(&cell.q, text, strlen(text), JX_QROLE_ACTUAL, &err) != 0) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "actual value '%s' for '%s' (column %zu): %s",
			     text, path, err.col + 1, err.message);
		return JX_EINVAL;
	}
	jx_cell old = leaf->actual;
	leaf->actual = cell;
	check_leaf_cells(diags, NULL, leaf);
	if (diags->errors != errors) {
		jx_diags_add(diags, JX_SEV_NOTE, NULL, 0, 0, "in the new actual value '%s' of '%s'", text, path);
		leaf->actual = old;
		return JX_EINVAL;
	}
	return 0;
}

/* Group weights again as the sums of their children, bottom up. */
static int resum_groups(jx_doc *doc, jx_diags *diags)
{
	for (size_t i = doc->ngroups; i-- > 0;) {
		jx_node *g = doc->groups[i];
		jx_dec sum = { 0 };
		for (size_t k = 0; k < g->nchildren; k++)
			if (jx_dec_add(&sum, sum, g->children[k].weight)) {
				char path[512];
				jx_node_path(path, sizeof(path), g, "/");
				jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
					     "the weights in '%s' would add up to 10^12 or more (the limit is 10^12)",
					     path);
				return JX_ERANGE;
			}
		g->weight = sum;
	}
	return 0;
}

/* How a setting is named in messages: its own words, else "weight W of 'PATH'". */
static const char *set_name(char *buf, size_t n, const jx_weight_set *s)
{
	char path[512], w[JX_DEC_BUFSZ];
	if (s->what)
		return s->what;
	jx_node_path(path, sizeof(path), s->node, "/");
	jx_textf(buf, n, "weight %s of '%s'", jx_dec_format(w, s->weight, -1, 0), path);
	return buf;
}

/* The settings of jx_doc_set_weights while they are applied. at[slot(n)]
 * is the index + 1 of node n's setting, or 0; the other arrays are scratch
 * space for one group setting at a time. */
typedef struct weights_job {
	jx_doc *doc;
	const jx_weight_set *sets;
	int places;
	jx_diags *diags;
	size_t *at;
	size_t *inner;   /* settings inside the group */
	jx_node **loose; /* leaves of the group no setting inside it covers */
	jx_frac *shares;
	jx_dec *parts;
} weights_job;

/* A node's place in weights_job.at: leaves first, then groups. */
static size_t slot(const jx_doc *doc, const jx_node *n)
{
	return jx_node_is_leaf(n) ? n->index : doc->nleaves + n->index;
}

/* Walk the subtree of n: the settings met below it (not entered) go to
 * inner[] with their weights added into *pinned, the leaves they leave
 * uncovered to loose[]. */
static int gather(const weights_job *j, jx_node *n, bool top, size_t *ninner, size_t *nloose,
		  jx_dec *pinned)
{
	size_t k = j->at[slot(j->doc, n)];
	if (!top && k) {
		j->inner[(*ninner)++] = k - 1;
		return jx_dec_add(pinned, *pinned, j->sets[k - 1].weight);
	}
	if (jx_node_is_leaf(n)) {
		j->loose[(*nloose)++] = n;
		return 0;
	}
	for (size_t i = 0; i < n->nchildren; i++) {
		int rc = gather(j, &n->children[i], false, ninner, nloose, pinned);
		if (rc)
			return rc;
	}
	return 0;
}

/* Notes naming the settings inside a group that could not be met. */
static void note_inner(jx_diags *diags, const jx_weight_set *sets, const size_t *inner, size_t n)
{
	char buf[600];
	for (size_t i = 0; i < n && i < 5; i++)
		jx_diags_add(diags, JX_SEV_NOTE, NULL, 0, 0, "inside it: %s",
			     set_name(buf, sizeof(buf), &sets[inner[i]]));
	if (n > 5)
		jx_diags_add(diags, JX_SEV_NOTE, NULL, 0, 0, "and %zu more settings inside it", n - 5);
}

/* A group's setting: the leaves no setting inside it covers share what
 * those settings leave, in proportion to their weights as they stand (the
 * file's: no other setting changes them), or equally when they weigh 0. */
static int set_group(const weights_job *j, const jx_weight_set *s)
{
	char path[512], buf[600], a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	size_t nloose = 0, ninner = 0;
	jx_dec pinned = { 0 }, rest, old = { 0 };
	jx_frac scale;

	jx_node_path(path, sizeof(path), s->node, "/");
	const char *name = set_name(buf, sizeof(buf), s);
	int rc = gather(j, s->node, true, &ninner, &nloose, &pinned);
	if (rc || jx_dec_sub(&rest, s->weight, pinned) || rest.units < 0) {
		jx_diags_add(j->diags, JX_SEV_ERROR, NULL, 0, 0,
			     "%s: the weights set inside '%s' add up to %s, more than its %s", name, path,
			     rc ? "10^12 or more" : jx_dec_format(a, pinned, -1, 0),
			     jx_dec_format(b, s->weight, -1, 0));
		note_inner(j->diags, j->sets, j->inner, ninner);
		return JX_EINVAL;
	}
	if (nloose == 0) {
		if (rest.units == 0)
			return 0;
		jx_diags_add(j->diags, JX_SEV_ERROR, NULL, 0, 0,
			     "%s: the weights set inside '%s' add up to %s, and nothing else in it can take "
			     "the other %s of its %s", name, path, jx_dec_format(a, pinned, -1, 0),
			     jx_dec_format(b, rest, -1, 0), jx_dec_format(c, s->weight, -1, 0));
		note_inner(j->diags, j->sets, j->inner, ninner);
		return JX_EINVAL;
	}
	for (size_t i = 0; i < nloose && rc == 0; i++)
		rc = jx_dec_add(&old, old, j->loose[i]->weight); /* part of a sum the loader checked */
	jx_frac per = old.units == 0 ? jx_frac_make((int64_t)nloose, 1) : jx_frac_from_dec(old);
	if (rc == 0)
		rc = jx_frac_div(&scale, jx_frac_from_dec(rest), per);
	for (size_t i = 0; i < nloose && rc == 0; i++) {
		if (old.units == 0)
			j->shares[i] = scale;
		else
			rc = jx_frac_mul(&j->shares[i], jx_frac_from_dec(j->loose[i]->weight), scale);
	}
	if (rc == 0)
		rc = jx_apportion(j->parts, j->shares, nloose, rest, j->places);
	if (rc) {
		jx_diags_add(j->diags, JX_SEV_ERROR, NULL, 0, 0,
			     "%s: cannot share %s among the indicators of '%s'", name,
			     jx_dec_format(a, rest, -1, 0), path);
		return rc == JX_ENOMEM ? rc : JX_EINVAL;
	}
	for (size_t i = 0; i < nloose; i++)
		j->loose[i]->weight = j->parts[i];
	return 0;
}

int jx_doc_set_weights(jx_doc *doc, const jx_weight_set *sets, size_t n, int places, jx_diags *diags)
{
	size_t nnodes = doc->nleaves + doc->ngroups, nleaves = doc->nleaves ? doc->nleaves : 1;
	size_t errors = diags->errors;
	weights_job j = {
		doc, sets, places, diags,
		calloc(nnodes ? nnodes : 1, sizeof(*j.at)),
		malloc((nnodes ? nnodes : 1) * sizeof(*j.inner)),
		malloc(nleaves * sizeof(*j.loose)),
		malloc(nleaves * sizeof(*j.shares)),
		malloc(nleaves * sizeof(*j.parts)),
	};
	char name[600], other[600];
	int rc = 0;

	if (!j.at || !j.inner || !j.loose || !j.shares || !j.parts) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "out of memory");
		rc = JX_ENOMEM;
		goto done;
	}
	for (size_t k = 0; k < n; k++) {
		const jx_weight_set *s = &sets[k];
		size_t *at = &j.at[slot(doc, s->node)];
		if (s->weight.units < 0 || jx_dec_places(s->weight) > places)
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
				     "%s: a weight must be 0 or more with at most %d decimal places",
				     set_name(name, sizeof(name), s), places);
		else if (*at)
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "%s and %s set the same indicator",
				     set_name(other, sizeof(other), &sets[*at - 1]),
				     set_name(name, sizeof(name), s));
		else
			*at = k + 1;
	}
	if (diags->errors != errors) {
		rc = JX_EINVAL;
		goto done;
	}
	/* Each leaf is changed by one setting at most (its own, or the
	 * nearest group setting around it), so the order does not matter. */
	for (size_t k = 0; k < n; k++) {
		jx_node *node = sets[k].node;
		node->weight_given = true;
		if (jx_node_is_leaf(node)) {
			node->weight = sets[k].weight;
			continue;
		}
		int r = set_group(&j, &sets[k]);
		if (r == JX_ENOMEM) {
			rc = r;
			goto done;
		}
		if (r)
			rc = r;
	}
	if (rc == 0)
		rc = resum_groups(doc, diags);
done:
	free(j.at);
	free(j.inner);
	free(j.loose);
	free(j.shares);
	free(j.parts);
	return rc;
}

int jx_doc_set_weight(jx_doc *doc, jx_node *node, jx_dec weight, int places, jx_diags *diags)
{
	jx_weight_set s = { node, weight, NULL };
	return jx_doc_set_weights(doc, &s, 1, places, diags);
}

const char *jx_doc_dir(const jx_doc *doc)
{
	impl *im = doc->priv;
	const char *slash = strrchr(doc->path, '/');
	if (!slash || strcmp(doc->path, "<stdin>") == 0)
		return ".";
	if (slash == doc->path)
		return "/";
	char *dir = jx_arena_strndup(&im->tree.arena, doc->path, (size_t)(slash - doc->path));
	return dir ? dir : ".";
}
