/*
 * write_xlsx.c - the scored 自评表 as an Excel workbook in the published
 * layout: title, 项目名称 / 主管部门 / 实施单位, the funds block, 年度总体目标, the
 * indicator table with 一级/二级/三级 cells merged over their indicators, 总分
 * and 等级; numbers as numbers with the rule set's decimals, 完成率 as
 * percentages; a claimed value that does not follow is filled red and carries
 * a comment with the recomputed value. A second sheet lists the findings.
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* Excel's longest cell text and sheet name, in characters. */
#define XLSX_MAX_TEXT 32767
#define XLSX_MAX_SHEET_NAME 31

/* Red fill of a claimed value that does not follow. */
#define BAD_FILL 0xF4CCCC

enum { PLAIN, BAD };

typedef struct book {
	lxw_workbook *wb;
	lxw_format *title, *head, *label, *text, *name;
	lxw_format *num[JX_DEC_PLACES + 1][2];  /* by places, plain or bad */
	lxw_format *pct[JX_DEC_PLACES + 1][2];  /* 完成率: 0.00% */
	lxw_format *money[JX_DEC_PLACES + 1];   /* #,##0.00 */
	lxw_error e;                            /* the first error */
	char *cut;                              /* text shortened to fit a cell */
} book;

static void keep(book *b, lxw_error e)
{
	if (e && !b->e)
		b->e = e;
}

static lxw_format *format(book *b, const char *num, bool bad)
{
	lxw_format *f = workbook_add_format(b->wb);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (num)
		format_set_num_format(f, num);
	if (bad)
		format_set_bg_color(f, BAD_FILL);
	return f;
}

static void formats(book *b)
{
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 16);
	format_set_align(b->title, LXW_ALIGN_CENTER);
	b->head = format(b, NULL, false);
	format_set_bold(b->head);
	format_set_align(b->head, LXW_ALIGN_CENTER);
	format_set_text_wrap(b->head);
	format_set_bg_color(b->head, 0xDDEBF7);
	b->label = format(b, NULL, false);
	format_set_bold(b->label);
	b->text = format(b, NULL, false);
	format_set_text_wrap(b->text);
	b->name = format(b, NULL, false);
	format_set_text_wrap(b->name);
	format_set_align(b->name, LXW_ALIGN_CENTER);
	static const char *const num[JX_DEC_PLACES + 1] = { "0", "0.0", "0.00", "0.000", "0.0000",
							     "0.00000", "0.000000" };
	static const char *const pct[JX_DEC_PLACES + 1] = { "0%", "0.0%", "0.00%", "0.000%",
							     "0.0000%", "0.00000%", "0.000000%" };
	static const char *const money[JX_DEC_PLACES + 1] = { "#,##0", "#,##0.0", "#,##0.00",
							       "#,##0.000", "#,##0.0000",
							       "#,##0.00000", "#,##0.000000" };
	for (int p = 0; p <= JX_DEC_PLACES; p++) {
		for (int k = PLAIN; k <= BAD; k++) {
			b->num[p][k] = format(b, num[p], k == BAD);
			b->pct[p][k] = format(b, pct[p], k == BAD);
		}
		b->money[p] = format(b, money[p], false);
	}
}

/* Text that fits in a cell: longer text ends in "…". */
static const char *fit(book *b, const char *text)
{
	return jx_text_fit(text, XLSX_MAX_TEXT, &b->cut);
}

static void text(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f)
{
	keep(b, worksheet_write_string(ws, r, c, fit(b, s ? s : ""), f));
}

/* Text over the cells c0..c1 of rows r0..r1 (one cell: written plainly). */
static void merged(book *b, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		   lxw_col_t c1, const char *s, lxw_format *f)
{
	if (r0 == r1 && c0 == c1)
		text(b, ws, r0, c0, s, f);
	else
		keep(b, worksheet_merge_range(ws, r0, c0, r1, c1, fit(b, s ? s : ""), f));
}

/* A decimal as a number: values are below 10^12 with at most 6 places, exact in a double. */
static double value(jx_dec d)
{
	return (double)d.units / (double)JX_DEC_SCALE;
}

static int places_of(jx_dec d)
{
	return jx_dec_places(d);
}

static void number(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, jx_dec d,
		   lxw_format *f)
{
	keep(b, worksheet_write_number(ws, r, c, value(d), f));
}

/* Money as the tables print it: thousands separators, at least 2 decimals. */
static void money(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, jx_dec d)
{
	int p = places_of(d);
	number(b, ws, r, c, d, b->money[p < 2 ? 2 : p]);
}

/* A 完成率 in percent (74.58) as the fraction Excel shows as 74.58%. */
static void percent(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, jx_dec pct,
		    lxw_format *f)
{
	/* One division, so the double is the one nearest 0.7458, not 74.58 / 100. */
	keep(b, worksheet_write_number(ws, r, c, (double)pct.units / (100.0 * JX_DEC_SCALE), f));
}

/* The comment on a claimed value that does not follow. */
static void claim_comment(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, jx_dec claimed,
			  int cplaces, jx_dec recomputed, int rplaces, const char *unit)
{
	char a[JX_DEC_BUFSZ], x[JX_DEC_BUFSZ], note[160];
	jx_textf(note, sizeof(note), "填报 %s%s，按数据重新计算为 %s%s",
		 jx_dec_format(a, claimed, cplaces, 0), unit, jx_dec_format(x, recomputed, rplaces, 0),
		 unit);
	keep(b, worksheet_write_comment(ws, r, c, note));
}

/* The columns of 分值, 完成率 and 得分. */
typedef struct score_cols {
	lxw_col_t weight, rate, score;
} score_cols;

/* 分值, 完成率 and 得分: "/" when not applicable; claims checked. */
static void score_cells(book *b, lxw_worksheet *ws, lxw_row_t r, score_cols c, const jx_rules *ru,
			jx_dec weight, bool na, jx_dec rate_pct, jx_dec score, const jx_claim *cl,
			bool rate_bad, bool score_bad)
{
	int dec = ru->decimals;
	number(b, ws, r, c.weight, weight, b->num[places_of(weight)][PLAIN]);
	if (na) {
		text(b, ws, r, c.rate, "/", b->name);
		text(b, ws, r, c.score, "/", b->name);
		return;
	}
	percent(b, ws, r, c.rate, rate_pct, b->pct[ru->rate_decimals][rate_bad]);
	number(b, ws, r, c.score, score, b->num[dec][score_bad]);
	if (rate_bad)
		claim_comment(b, ws, r, c.rate, cl->rate, cl->rate_places, rate_pct,
			      ru->rate_decimals, "%");
	if (score_bad)
		claim_comment(b, ws, r, c.score, cl->score, cl->score_places, score, dec, "");
}

/* Rows above the indicator table; returns the next free row. */
static lxw_row_t head_rows(book *b, lxw_worksheet *ws, const jx_result *r, lxw_col_t ncols)
{
	const jx_doc *d = r->doc;
	bool dept = d->kind == JX_KIND_DEPARTMENT;
	char title[128];
	lxw_col_t last = ncols - 1, mid = ncols / 2;
	lxw_row_t row = 0;

	jx_textf(title, sizeof(title), "%s（%d 年度）",
		 dept ? "部门整体支出绩效自评表" : "项目支出绩效自评表", d->year);
	merged(b, ws, row, 0, row, last, title, b->title);
	keep(b, worksheet_set_row(ws, row++, 30, NULL));
	text(b, ws, row, 0, dept ? "部门名称" : "项目名称", b->label);
	merged(b, ws, row, 1, row, last, d->title, b->text);
	row++;
	text(b, ws, row, 0, "主管部门", b->label);
	if (*d->implementer) {
		merged(b, ws, row, 1, row, mid - 1, d->department, b->text);
		text(b, ws, row, mid, "实施单位", b->label);
		merged(b, ws, row, mid + 1, row, last, d->implementer, b->text);
	} else { /* a department's own table has no 实施单位 */
		merged(b, ws, row, 1, row, last, d->department, b->text);
	}
	row++;
	char rules[512];
	if (strcmp(r->rules->name, r->rules->title) == 0)
		jx_textf(rules, sizeof(rules), "%s", r->rules->name);
	else
		jx_textf(rules, sizeof(rules), "%s（%s）", r->rules->name, r->rules->title);
	text(b, ws, row, 0, "评分规则", b->label);
	merged(b, ws, row, 1, row, last, rules, b->text);
	return row + 2;
}

/* The funds block: name over the level columns, six figures, then the reason
 * for a low execution rate over the rest of the row. */
static lxw_row_t funds_rows(book *b, lxw_worksheet *ws, const jx_result *r, lxw_row_t row,
			    lxw_col_t levels, lxw_col_t ncols)
{
	const jx_doc *d = r->doc;
	const jx_funds *f = &d->funds;
	const jx_funds_result *fr = &r->funds;
	static const char *const titles[6] = { "年初预算数", "全年预算数", "全年执行数", "分值",
					       "执行率", "得分" };
	char name[64];
	if (!fr->present)
		return row;
	jx_textf(name, sizeof(name), "%s（%s）", jx_funds_title(d->kind), d->money_unit);
	merged(b, ws, row, 0, row, levels - 1, name, b->head);
	for (lxw_col_t c = 0; c < 6; c++)
		text(b, ws, row, levels + c, titles[c], b->head);
	merged(b, ws, row, levels + 6, row, ncols - 1, "偏差原因分析及改进措施", b->head);
	row++;
	for (size_t i = 0; i < f->nrows; i++, row++) {
		const jx_funds_row *fw = &f->rows[i];
		merged(b, ws, row, 0, row, levels - 1, fw->name, b->text);
		if (fw->has_initial)
			money(b, ws, row, levels, fw->initial);
		money(b, ws, row, levels + 1, fw->budget);
		money(b, ws, row, levels + 2, fw->executed);
		if (i == 0) {
			score_cols cols = { levels + 3, levels + 4, levels + 5 };
			score_cells(b, ws, row, cols, r->rules, fr->weight, fr->na, fr->rate_pct,
				    fr->score, &f->claimed, fr->rate_mismatch, fr->score_mismatch);
		}
		merged(b, ws, row, levels + 6, row, ncols - 1, i == 0 ? f->deviation : "", b->text);
	}
	return row + 1;
}

static lxw_row_t goal_rows(book *b, lxw_worksheet *ws, const jx_doc *d, lxw_row_t row,
			   lxw_col_t ncols)
{
	lxw_col_t last = ncols - 1, mid = ncols / 2;
	if (d->ngoals == 0)
		return row;
	merged(b, ws, row, 0, row + (lxw_row_t)d->ngoals, 0, "年度总体目标", b->head);
	merged(b, ws, row, 1, row, mid, "预期目标", b->head);
	merged(b, ws, row, mid + 1, row, last, "实际完成情况", b->head);
	row++;
	for (size_t i = 0; i < d->ngoals; i++, row++) {
		merged(b, ws, row, 1, row, mid, d->goals[i].expected, b->text);
		merged(b, ws, row, mid + 1, row, last, d->goals[i].achieved, b->text);
	}
	return row + 1;
}

/* The columns after the levels, in the published order. */
enum {
	T_TARGET, T_BASIS, T_LAST_YEAR, T_WEIGHT, T_RULE, T_EVIDENCE, T_ACTUAL, T_RATE, T_SCORE,
	T_DEVIATION, T_NCOLS
};

/* The indicator table; group names merged down over their indicators. */
static lxw_row_t indicator_rows(book *b, lxw_worksheet *ws, const jx_result *r, lxw_row_t row,
				lxw_col_t levels)
{
	static const char *const titles[T_NCOLS] = {
		"指标值", "指标值设定依据", "上年完成情况", "分值", "赋分规则", "佐证资料", "实际完成值",
		"完成率", "得分", "偏差原因分析及改进措施"
	};
	const jx_rules *ru = r->rules;
	score_cols cols = { levels + T_WEIGHT, levels + T_RATE, levels + T_SCORE };
	for (lxw_col_t l = 0; l < levels; l++)
		text(b, ws, row, l, jx_level_title((int)l + 1), b->head);
	for (lxw_col_t c = 0; c < T_NCOLS; c++)
		text(b, ws, row, levels + c, titles[c], b->head);
	row++;

	/* Where each level's current group started, to merge it when it ends. */
	const jx_node *open[JX_MAX_DEPTH] = { 0 };
	lxw_row_t from[JX_MAX_DEPTH] = { 0 };
	for (size_t i = 0; i <= r->nleaves; i++, row++) {
		const jx_node *chain[JX_MAX_DEPTH];
		size_t depth = i < r->nleaves ? jx_node_chain(chain, r->leaves[i].node) : 0;
		/* Merge the groups that end here; open the ones that start. */
		for (size_t l = 0; l < levels && l < JX_MAX_DEPTH; l++) {
			const jx_node *now = l + 1 < depth ? chain[l] : NULL;
			if (open[l] && open[l] != now) {
				merged(b, ws, from[l], (lxw_col_t)l, row - 1, (lxw_col_t)l, open[l]->name,
				       b->name);
				open[l] = NULL;
			}
			if (now && !open[l]) {
				open[l] = now;
				from[l] = row;
			}
		}
		if (i == r->nleaves)
			break;
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *n = lr->node;
		merged(b, ws, row, (lxw_col_t)(depth - 1), row, levels - 1, n->name, b->text);
		/* An empty target does not apply; "/" says so, as import reads it. */
		const char *target = lr->na && !*n->target.text ? "/" : n->target.text;
		const char *texts[T_NCOLS] = {
			[T_TARGET] = target, [T_BASIS] = n->basis,
			[T_LAST_YEAR] = n->last_year.present ? n->last_year.text : "",
			[T_RULE] = n->rule ? n->rule : lr->rule ? jx_rule_label(lr->rule) : "", [T_EVIDENCE] = n->evidence,
			[T_ACTUAL] = n->actual.present ? n->actual.text : "", [T_DEVIATION] = n->deviation,
		};
		for (lxw_col_t c = 0; c < T_NCOLS; c++)
			if (c != T_WEIGHT && c != T_RATE && c != T_SCORE)
				text(b, ws, row, levels + c, texts[c], c == T_DEVIATION ? b->text : b->name);
		score_cells(b, ws, row, cols, ru, lr->weight, lr->na, lr->rate_pct, lr->score,
			    &n->claimed, lr->rate_mismatch, lr->score_mismatch);
	}
	merged(b, ws, row, 0, row, cols.weight - 1, "总分", b->label);
	number(b, ws, row, cols.weight, r->max, b->num[places_of(r->max)][PLAIN]);
	merged(b, ws, row, cols.weight + 1, row, cols.score - 1, "", b->text);
	number(b, ws, row, cols.score, r->total, b->num[ru->decimals][r->total_mismatch]);
	if (r->total_mismatch)
		claim_comment(b, ws, row, cols.score, r->doc->claimed.total,
			      r->doc->claimed.total_places, r->total, ru->decimals, "");
	text(b, ws, row, levels + T_DEVIATION, "", b->text);
	row++;
	merged(b, ws, row, 0, row, cols.score - 1, "等级", b->label);
	text(b, ws, row, cols.score, r->grade ? r->grade->name : "",
	     r->grade_mismatch ? b->num[0][BAD] : b->name);
	if (r->grade_mismatch) {
		char note[160];
		jx_textf(note, sizeof(note), "填报 %s，按数据重新计算为 %s", r->doc->claimed.grade,
			 r->grade->name);
		keep(b, worksheet_write_comment(ws, row, cols.score, note));
	}
	text(b, ws, row, levels + T_DEVIATION, "", b->text);
	return row + 1;
}

static void table_sheet(book *b, const char *name, const jx_result *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	lxw_col_t levels = (lxw_col_t)jx_level_columns(r->doc);
	lxw_col_t ncols = levels + T_NCOLS;
	static const double widths[T_NCOLS] = { 14, 12, 12, 7, 16, 12, 14, 10, 8, 40 };
	keep(b, worksheet_set_column(ws, 0, levels - 1, 14, NULL));
	for (lxw_col_t c = 0; c < T_NCOLS; c++)
		keep(b, worksheet_set_column(ws, levels + c, levels + c, widths[c], NULL));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_row_t row = head_rows(b, ws, r, ncols);
	row = funds_rows(b, ws, r, row, levels, ncols);
	row = goal_rows(b, ws, r->doc, row, ncols);
	keep(b, worksheet_repeat_rows(ws, row, row)); /* the indicator header on every page */
	indicator_rows(b, ws, r, row, levels);
}

static void findings_sheet(book *b, const char *name, const jx_findings *f)
{
	static const char *const titles[5] = { "严重程度", "代码", "指标", "行", "说明" };
	static const double widths[5] = { 10, 22, 40, 6, 80 };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (lxw_col_t c = 0; c < 5; c++) {
		keep(b, worksheet_set_column(ws, c, c, widths[c], NULL));
		text(b, ws, 0, c, titles[c], b->head);
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t i = 0; f && i < f->count; i++) {
		const jx_finding *g = &f->items[i];
		lxw_row_t r = (lxw_row_t)i + 1;
		/* the whole path, however long (a cell holds 32,767 characters) */
		char *path = NULL;
		if (g->node && !(path = jx_node_path_dup(g->node, "/"))) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		text(b, ws, r, 0, jx_fseverity_label(g->severity), b->text);
		text(b, ws, r, 1, g->code, b->text);
		text(b, ws, r, 2, path ? path : g->funds ? "预算执行" : "", b->text);
		free(path);
		if (g->line)
			keep(b, worksheet_write_number(ws, r, 3, g->line, b->num[0][PLAIN]));
		else
			text(b, ws, r, 3, "", b->text);
		text(b, ws, r, 4, g->message ? g->message : "", b->text);
	}
}

/* The name of sheet `what` of the i-th of several evaluations: "2 发现", or
 * with what NULL its title ("2 2024 年社区卫生服务项目"), as much of it as a
 * sheet name holds, the characters Excel refuses in one ([]:*?/\ and
 * control characters) written as '_'. The number keeps names unique and a
 * table next to its findings. NULL when out of memory. */
static char *sheet_name(size_t i, const char *title, const char *what)
{
	char *name = jx_strdupf("%zu %s", i + 1, what ? what : title), *fitted = NULL;
	if (!name)
		return NULL;
	for (char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || strchr("[]:*?/\\", *p))
			*p = '_';
	size_t len = strlen(name);
	if (name[len - 1] == '\'')
		name[len - 1] = '_'; /* Excel refuses a name ending in an apostrophe */
	const char *fit = jx_text_fit(name, XLSX_MAX_SHEET_NAME, &fitted);
	if (fit != name) {
		free(name);
		return *fit ? fitted : NULL;
	}
	free(fitted);
	return name;
}

int jx_write_xlsx(const char *path, const jx_result *const *results,
		  const jx_findings *const *findings, size_t n, char *err, size_t errlen)
{
	book b = { 0 };
	if (!(b.wb = workbook_new(path))) {
		snprintf(err, errlen, "cannot create the workbook");
		return JX_EIO;
	}
	formats(&b);
	for (size_t i = 0; i < n; i++) {
		char *table = n == 1 ? strdup("自评表") : sheet_name(i, results[i]->doc->title, NULL);
		char *found = n == 1 ? strdup("发现") : sheet_name(i, NULL, "发现");
		if (table && found && strcmp(table, found) == 0) { /* a project called 发现 */
			free(table);
			table = sheet_name(i, "自评表", NULL);
		}
		if (table && found) {
			table_sheet(&b, table, results[i]);
			findings_sheet(&b, found, findings ? findings[i] : NULL);
		} else {
			keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		}
		free(table);
		free(found);
	}
	lxw_error e = workbook_close(b.wb);
	keep(&b, e);
	free(b.cut);
	if (b.e) {
		snprintf(err, errlen, "%s", lxw_strerror(b.e));
		return JX_EIO;
	}
	return 0;
}
