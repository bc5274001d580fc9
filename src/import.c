/*
 * import.c - the published 自评表 layout recognised in a sheet of cells and
 * written as evaluation YAML. Columns are found by their titles (in any order,
 * with the common variants); an empty 一级/二级/三级 cell continues the one
 * above, as a merged cell does; a 三级指标 title over two columns makes the
 * second one a 四级 column. Every claimed value is kept as written.
 */
#include "jixiao/import.h"

#include "grow.h"
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/quantity.h"
#include "text.h"
#include "yemit.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- titles */

enum col_kind {
	COL_NONE = -1,
	COL_L1, COL_L2, COL_L3, COL_L4, COL_L5, COL_L6, /* levels, JX_MAX_DEPTH of them */
	COL_TARGET, COL_BASIS, COL_LAST_YEAR, COL_WEIGHT, COL_RULE, COL_EVIDENCE, COL_ACTUAL,
	COL_RATE, COL_SCORE, COL_DEVIATION, COL_MEASURE, NCOLKINDS
};

static const char *const col_yaml_key[NCOLKINDS] = {
	NULL, NULL, NULL, NULL, NULL, NULL, "target", "basis", "last_year", "weight", "rule", "evidence",
	"actual", "rate", "score", "deviation", NULL /* added to deviation */
};

/* Column titles as the published tables write them, and their variants. */
static const struct {
	const char *title;
	enum col_kind kind;
} col_titles[] = {
	{ "一级指标", COL_L1 }, { "二级指标", COL_L2 }, { "三级指标", COL_L3 }, { "四级指标", COL_L4 },
	{ "五级指标", COL_L5 }, { "六级指标", COL_L6 },
	{ "指标值", COL_TARGET }, { "预期指标值", COL_TARGET }, { "年度指标值", COL_TARGET },
	{ "指标目标值", COL_TARGET }, { "目标值", COL_TARGET },
	{ "指标值设定依据", COL_BASIS }, { "设定依据", COL_BASIS },
	{ "上年完成情况", COL_LAST_YEAR }, { "上年实际完成值", COL_LAST_YEAR },
	{ "上年完成值", COL_LAST_YEAR },
	{ "分值", COL_WEIGHT }, { "指标分值权重", COL_WEIGHT }, { "分值权重", COL_WEIGHT },
	{ "指标分值", COL_WEIGHT }, { "权重", COL_WEIGHT },
	{ "赋分规则", COL_RULE }, { "指标赋分规则", COL_RULE }, { "评分规则", COL_RULE },
	{ "佐证资料", COL_EVIDENCE }, { "佐证材料", COL_EVIDENCE },
	{ "实际完成值", COL_ACTUAL }, { "指标实际完成值", COL_ACTUAL },
	{ "实际完成指标值", COL_ACTUAL }, { "全年实际值", COL_ACTUAL }, { "实际值", COL_ACTUAL },
	{ "完成率", COL_RATE }, { "指标完成率", COL_RATE },
	{ "得分", COL_SCORE }, { "指标得分", COL_SCORE }, { "自评得分", COL_SCORE },
	{ "偏差原因分析及改进措施", COL_DEVIATION }, { "偏差原因分析", COL_DEVIATION },
	{ "偏差原因", COL_DEVIATION }, { "未完成原因分析", COL_DEVIATION },
	{ "改进措施", COL_MEASURE }, { "整改措施", COL_MEASURE },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Indicator levels a table may have: the level columns above. */
#define LEVELS (COL_L6 - COL_L1 + 1)
_Static_assert(LEVELS == JX_MAX_DEPTH, "a level column for each level a document may have");

/* A title without blanks and without a bracketed note: "分值(%)" is "分值". */
static void title_key(char *out, size_t n, const char *s)
{
	size_t k = 0;
	int depth = 0;
	for (const char *p = s; *p && k + 4 < n;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if (strncmp(p, "\xe3\x80\x80", 3) == 0) { /* 全角 space */
			p += 3;
		} else if (*p == '(' || strncmp(p, "\xef\xbc\x88", 3) == 0) { /* ( （ */
			depth++;
			p += *p == '(' ? 1 : 3;
		} else if (*p == ')' || strncmp(p, "\xef\xbc\x89", 3) == 0) { /* ) ） */
			depth -= depth > 0;
			p += *p == ')' ? 1 : 3;
		} else if (depth > 0) {
			p++;
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
}

static bool title_is(const char *cell, const char *title)
{
	char key[256];
	if (!cell)
		return false;
	title_key(key, sizeof(key), cell);
	return strcmp(key, title) == 0;
}

static enum col_kind column_kind(const char *cell)
{
	char key[256];
	if (!cell)
		return COL_NONE;
	title_key(key, sizeof(key), cell);
	for (size_t i = 0; i < COUNT(col_titles); i++)
		if (strcmp(key, col_titles[i].title) == 0)
			return col_titles[i].kind;
	return COL_NONE;
}

/* ------------------------------------------------------------- state */

typedef struct inode {
	const char *name;
	size_t name_col;
	size_t parent; /* index + 1; 0 for a root */
	size_t first, last, next; /* children and the next sibling: index + 1, 0 for none */
	bool leaf;
	bool header; /* a group with a row of its own (its 分值 and 得分) */
	size_t row;
	const char *cell[NCOLKINDS];
} inode;

typedef struct fund_row {
	const char *name, *initial, *budget, *executed;
	size_t row, name_col, cols[3]; /* of the three amounts */
} fund_row;

typedef struct goal_row {
	char *expected, *achieved; /* owned: HTML paragraph tags taken out */
} goal_row;

typedef struct importer {
	const jx_sheet *s;
	jx_diags *diags;
	jx_source src;
	bool *used;
	/* what was found */
	bool dept;
	int year;
	const char *title, *department, *implementer, *grade;
	char total[64];
	size_t max_row, max_col; /* the 分值 of the 总分 row; SIZE_MAX when none */
	char max_text[64];
	char money_unit[32];
	char rules[64];
	const char *funds_weight, *funds_rate, *funds_score, *funds_deviation, *funds_measure;
	fund_row *funds;
	size_t nfunds, capfunds;
	goal_row *goals;
	size_t ngoals, capgoals;
	inode *nodes;
	size_t nnodes, capnodes;
	size_t first, last; /* the roots: index + 1, 0 for none */
	size_t col[NCOLKINDS]; /* of the indicator table; SIZE_MAX when absent */
	jx_import_trace *trace; /* where the values written come from; may be NULL */
	bool oom;
} importer;

static const char *cell(importer *im, size_t r, size_t c)
{
	return jx_sheet_cell(im->s, r, c);
}

/* A cell with a text of its own: NULL when it is empty or shows the text of
 * a cell merged down over it. */
static const char *own(importer *im, size_t r, size_t c)
{
	return jx_sheet_merged(im->s, r, c) ? NULL : cell(im, r, c);
}

/* Whether row r shows in the columns cols nothing of its own, only texts of
 * cells merged down over it: the lower part of a taller row. */
static bool merged_down(importer *im, size_t r, const size_t *cols, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (cols[i] == SIZE_MAX || !cell(im, r, cols[i]))
			continue;
		if (!jx_sheet_merged(im->s, r, cols[i]))
			return false;
		any = true;
	}
	return any;
}

static void use(importer *im, size_t r, size_t c)
{
	if (r < im->s->nrows && c < im->s->ncols)
		im->used[r * im->s->ncols + c] = true;
}

/* A cell, marked as used; NULL when empty. */
static const char *take(importer *im, size_t r, size_t c)
{
	const char *v = cell(im, r, c);
	if (v)
		use(im, r, c);
	return v;
}

/*
 * A name, title, rule or value on one line, as jixiao reads them: a line break in a cell
 * (Alt+Enter in Excel) with the blanks around it is dropped after a Chinese
 * character and becomes one space after others ("会议召开⏎及时率" is
 * 会议召开及时率); a tab becomes a space. Returns v itself when it is on one
 * line already, else the line in *buf (the caller frees it); v when out of
 * memory (the import then fails).
 */
static const char *one_line(importer *im, const char *v, char **buf)
{
	*buf = NULL;
	if (!v || !v[strcspn(v, "\t\r\n")])
		return v;
	char *line = *buf = malloc(strlen(v) + 1);
	if (!line) {
		im->oom = true;
		return v;
	}
	size_t k = 0;
	for (const char *p = v; *p;) {
		if (*p == '\r' || *p == '\n') {
			while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
				k--;
			p += strspn(p, " \t\r\n");
			if (k > 0 && *p && (unsigned char)line[k - 1] < 0x80)
				line[k++] = ' ';
		} else {
			line[k++] = *p == '\t' ? ' ' : *p;
			p++;
		}
	}
	line[k] = '\0';
	return line;
}

static void report(importer *im, jx_severity sev, size_t r, size_t c, const char *fmt, va_list ap)
{
	if (im->diags->count >= im->diags->limit) {
		/* counted, not kept: a sheet may have millions of stray cells */
		jx_diags_add(im->diags, sev, &im->src, (unsigned)r + 1, (unsigned)c + 1, "%s", "");
		return;
	}
	/* on one line, like the cells it quotes */
	char ref[16], *msg = jx_vstrdupf(fmt, ap), *buf;
	const char *line = one_line(im, msg, &buf);
	jx_diags_add(im->diags, sev, &im->src, (unsigned)r + 1, (unsigned)c + 1, "%s: %s",
		     jx_cell_ref(ref, r, c), line ? line : "out of memory");
	free(buf);
	free(msg);
}

static void warn_at(importer *im, size_t r, size_t c, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void error_at(importer *im, size_t r, size_t c, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void warn_at(importer *im, size_t r, size_t c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(im, JX_SEV_WARNING, r, c, fmt, ap);
	va_end(ap);
}

static void error_at(importer *im, size_t r, size_t c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(im, JX_SEV_ERROR, r, c, fmt, ap);
	va_end(ap);
}

/* The first cell right of column c in row r that is not empty. */
static size_t next_filled(importer *im, size_t r, size_t c)
{
	for (size_t k = c + 1; k < im->s->ncols; k++)
		if (cell(im, r, k))
			return k;
	return SIZE_MAX;
}

/* "—", "-", "/" and the like: nothing written in this cell. */
static bool is_dash(const char *v)
{
	static const char *const dashes[] = { "-", "--", "/", "\xe2\x80\x94", "\xe2\x80\x94\xe2\x80\x94",
					      "\xe2\x80\x93", "\xef\xbc\x8d", "\xef\xbc\x8f" };
	for (size_t i = 0; v && i < COUNT(dashes); i++)
		if (strcmp(v, dashes[i]) == 0)
			return true;
	return false;
}

/* A number cell in ASCII: full-width digits, point, percent sign and comma,
 * typed with a Chinese input method, as the ones they stand for ("９７．２６"
 * is 97.26, "1，200.00" 1,200.00: a comma in a number is a thousands
 * separator, checked where it stands when the number is read). A cell too
 * long to be a number is copied as it is, cut. */
static void ascii_cell(char *out, size_t n, const char *v)
{
	size_t len = strlen(v), k = 0;
	for (size_t i = 0; i < len;) {
		size_t start = i;
		int32_t cp = jx_utf8_next(v, len, &i);
		char a = cp == 0xFF0C ? ',' : cp > 0x7F ? jx_text_ascii_of(cp) : 0; /* ， */
		size_t w = a ? 1 : i - start;
		if (k + w >= n) {
			jx_textf(out, n, "%s", v);
			return;
		}
		if (a)
			out[k] = a;
		else
			memcpy(out + k, v + start, w);
		k += w;
	}
	out[k] = '\0';
}

/* A number as the tables write scores: "10.00分" is 10.00. */
static void strip_fen(char *out, size_t n, const char *v)
{
	ascii_cell(out, n, v);
	size_t len = strlen(out);
	if (len >= 3 && strcmp(out + len - 3, "\xe5\x88\x86") == 0) /* 分 */
		out[len - 3] = '\0';
}

/* The number a cell holds: "10.00分" and "97.97%" are numbers too (97.97). */
static bool number_in(jx_dec *out, const char *v)
{
	char buf[64];
	strip_fen(buf, sizeof(buf), v);
	size_t len = strlen(buf);
	if (len > 0 && buf[len - 1] == '%')
		buf[--len] = '\0';
	return jx_dec_parse(out, NULL, buf, len, NULL) == 0;
}

static bool numeric(const char *v)
{
	jx_dec d;
	return v && number_in(&d, v);
}

/* A 序号 cell: a row's number ("3", "3."), written left of the indicators. */
static bool serial(const char *v)
{
	size_t n = strspn(v, "0123456789");
	return n > 0 && n <= 4 && (v[n] == '\0' || (v[n] == '.' && v[n + 1] == '\0'));
}

/* ------------------------------------------------------------- header */

/* 评分规则 "standard（财预〔2020〕10号 通行赋分办法）": the rule set's name, when
 * the cell starts with one (what jixiao's own export writes). */
static void rules_name(importer *im, const char *v)
{
	size_t n = 0;
	while ((v[n] >= 'a' && v[n] <= 'z') || (v[n] >= 'A' && v[n] <= 'Z') ||
	       (v[n] >= '0' && v[n] <= '9') || v[n] == '-' || v[n] == '_')
		n++;
	if (n > 0 && n < sizeof(im->rules) &&
	    (v[n] == '\0' || v[n] == '(' || strncmp(v + n, "\xef\xbc\x88", 3) == 0)) /* （ */
		jx_textf(im->rules, sizeof(im->rules), "%.*s", (int)n, v);
}

/* The year of "（2024 年度）" in v, possibly the title cell, in ASCII or in
 * full-width digits ("（２０２４年度）"); 0 when there is none. */
static int year_in(importer *im, const char *v)
{
	size_t n = strlen(v) + 1;
	char *a = malloc(n);
	int year = 0;
	if (!a) {
		im->oom = true;
		return 0;
	}
	ascii_cell(a, n, v); /* never longer than v: not cut */
	for (const char *p = a; *p && year == 0; p++)
		if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
		    p[3] >= '0' && p[3] <= '9' && (p == a || p[-1] < '0' || p[-1] > '9')) {
			const char *q = p + 4;
			while (*q == ' ')
				q++;
			if (strncmp(q, "\xe5\xb9\xb4\xe5\xba\xa6", 6) == 0) /* 年度 */
				year = atoi(p);
		}
	free(a);
	return year;
}

/* Title (kind and year), and the labelled fields anywhere above the tables. */
static void header(importer *im, size_t until)
{
	for (size_t r = 0; r < until; r++)
		for (size_t c = 0; c < im->s->ncols; c++) {
			const char *v = cell(im, r, c);
			if (!v)
				continue;
			if (strstr(v, "\xe7\xbb\xa9\xe6\x95\x88\xe8\x87\xaa\xe8\xaf\x84\xe8\xa1\xa8")) { /* 绩效自评表 */
				im->dept = strstr(v, "\xe9\x83\xa8\xe9\x97\xa8\xe6\x95\xb4\xe4\xbd\x93") != NULL; /* 部门整体 */
				use(im, r, c);
			}
			if (im->year == 0 && (im->year = year_in(im, v)) != 0)
				use(im, r, c);
			if (title_is(v, "评分规则")) {
				use(im, r, c);
				size_t k = next_filled(im, r, c);
				if (k != SIZE_MAX)
					rules_name(im, take(im, r, k));
				continue;
			}
			const char **field = NULL;
			if (title_is(v, "项目名称") || title_is(v, "部门名称"))
				field = &im->title;
			else if (title_is(v, "主管部门"))
				field = &im->department;
			else if (title_is(v, "实施单位"))
				field = &im->implementer;
			if (field) {
				use(im, r, c);
				size_t k = next_filled(im, r, c);
				if (k != SIZE_MAX && !*field)
					*field = take(im, r, k);
			}
		}
}

/* ------------------------------------------------------------- funds */

static bool row_has(importer *im, size_t r, const char *title, size_t *col)
{
	for (size_t c = 0; c < im->s->ncols; c++)
		if (title_is(cell(im, r, c), title)) {
			*col = c;
			return true;
		}
	return false;
}

/* The money unit in a title such as "项目资金（万元）". */
static void unit_of(importer *im, const char *v)
{
	static const char *const units[] = { "\xe4\xba\xbf\xe5\x85\x83", "\xe4\xb8\x87\xe5\x85\x83",
					     "\xe5\x8d\x83\xe5\x85\x83" }; /* 亿元 万元 千元 */
	for (size_t i = 0; v && i < COUNT(units) && !im->money_unit[0]; i++)
		if (strstr(v, units[i]))
			jx_textf(im->money_unit, sizeof(im->money_unit), "%s", units[i]);
}

/* The funds block whose title row is r0, if it is one; rows up to until. */
static size_t funds_block(importer *im, size_t r0, size_t until)
{
	size_t c_init, c_budget, c_exec, c_weight = SIZE_MAX, c_rate = SIZE_MAX, c_score = SIZE_MAX,
	       c_dev = SIZE_MAX, c_measure = SIZE_MAX, c;
	if (!row_has(im, r0, "年初预算数", &c_init) || !row_has(im, r0, "全年预算数", &c_budget) ||
	    !row_has(im, r0, "全年执行数", &c_exec))
		return r0;
	if (row_has(im, r0, "分值", &c) || row_has(im, r0, "分值权重", &c) || row_has(im, r0, "权重", &c))
		c_weight = c;
	if (row_has(im, r0, "执行率", &c) || row_has(im, r0, "预算执行率", &c))
		c_rate = c;
	if (row_has(im, r0, "得分", &c) || row_has(im, r0, "自评得分", &c))
		c_score = c;
	for (size_t k = 0; k < im->s->ncols; k++) {
		enum col_kind kind = column_kind(cell(im, r0, k));
		if (kind == COL_DEVIATION && c_dev == SIZE_MAX)
			c_dev = k; /* the reason for a low execution rate */
		else if (kind == COL_MEASURE && c_measure == SIZE_MAX)
			c_measure = k;
	}
	for (size_t k = 0; k < im->s->ncols; k++)
		if (take(im, r0, k))
			unit_of(im, cell(im, r0, k));
	const size_t amount_cols[3] = { c_init, c_budget, c_exec };
	size_t r = r0 + 1;
	for (; r < until; r++) {
		/* the name: the nearest filled cell left of 年初预算数 */
		size_t cn = SIZE_MAX;
		for (size_t k = c_init; k-- > 0;)
			if (cell(im, r, k)) {
				cn = k;
				break;
			}
		const char *amounts[3] = { cell(im, r, c_init), cell(im, r, c_budget), cell(im, r, c_exec) };
		if (merged_down(im, r, amount_cols, 3))
			continue;
		/* The block ends at a row without a number in the amount columns
		 * (the 年度总体目标 titles that follow, for instance). */
		bool any = false;
		for (int k = 0; k < 3; k++)
			any |= amounts[k] && numeric(amounts[k]);
		if (cn == SIZE_MAX || !any)
			break;
		if (!JX_GROW(im->funds, im->capfunds, im->nfunds + 1, 8)) {
			im->oom = true;
			break;
		}
		fund_row *f = &im->funds[im->nfunds++];
		f->name = take(im, r, cn);
		f->row = r;
		f->name_col = cn;
		memcpy(f->cols, amount_cols, sizeof(amount_cols));
		f->initial = take(im, r, c_init);
		f->budget = take(im, r, c_budget);
		f->executed = take(im, r, c_exec);
		if (is_dash(f->initial))
			f->initial = NULL;
		unit_of(im, f->name);
		if (im->nfunds == 1) {
			if (c_weight != SIZE_MAX)
				im->funds_weight = take(im, r, c_weight);
			if (c_rate != SIZE_MAX)
				im->funds_rate = take(im, r, c_rate);
			if (c_score != SIZE_MAX)
				im->funds_score = take(im, r, c_score);
			if (c_dev != SIZE_MAX)
				im->funds_deviation = take(im, r, c_dev);
			if (c_measure != SIZE_MAX)
				im->funds_measure = take(im, r, c_measure);
		} else {
			/* the "—" under 分值, 执行率, 得分 of the other rows */
			size_t cols[3] = { c_weight, c_rate, c_score };
			for (int i = 0; i < 3; i++)
				if (cols[i] != SIZE_MAX && is_dash(cell(im, r, cols[i])))
					use(im, r, cols[i]);
		}
		for (size_t k = 0; k < cn; k++)
			take(im, r, k); /* a row label such as 部门资金 */
	}
	return r;
}

/* ------------------------------------------------------------- goals */

/* Text without the HTML paragraph tags some exports keep ("<p>…</p>",
 * "<br>"): a paragraph or line they end is a line of the text, so that
 * "<p>1.会议</p><p>2.培训</p>" is two lines, not "1.会议2.培训". */
static char *plain_text(const char *v)
{
	static const char *const breaks[] = { "</p>", "<br>", "<br/>", "<br />" };
	size_t n = strlen(v);
	char *out = malloc(n + 1), *o = out; /* a tag is longer than the line break it leaves */
	bool line = false; /* a line ended by a tag: broken before what follows */
	if (!out)
		return NULL;
	for (const char *p = v; *p;) {
		size_t k = 0;
		for (size_t i = 0; i < COUNT(breaks) && !k; i++)
			if (strncmp(p, breaks[i], strlen(breaks[i])) == 0)
				k = strlen(breaks[i]);
		if (k || strncmp(p, "<p>", 3) == 0) {
			line |= k > 0;
			p += k ? k : 3;
			continue;
		}
		if (line && o > out && o[-1] != '\n' && *p != '\n')
			*o++ = '\n';
		line = false;
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}

static size_t goals_block(importer *im, size_t r0)
{
	size_t c_exp, c_ach;
	if (!row_has(im, r0, "预期目标", &c_exp) || !row_has(im, r0, "实际完成情况", &c_ach))
		return r0;
	for (size_t k = 0; k < im->s->ncols; k++)
		take(im, r0, k);
	size_t r = r0 + 1;
	for (; r < im->s->nrows; r++) {
		size_t dummy;
		const size_t cols[2] = { c_exp, c_ach };
		const char *e = cell(im, r, c_exp), *a = cell(im, r, c_ach);
		if ((!e && !a) || row_has(im, r, "一级指标", &dummy))
			break;
		if (merged_down(im, r, cols, 2))
			continue;
		if (!JX_GROW(im->goals, im->capgoals, im->ngoals + 1, 8)) {
			im->oom = true;
			break;
		}
		goal_row *g = &im->goals[im->ngoals++];
		g->expected = plain_text(e ? take(im, r, c_exp) : "");
		g->achieved = plain_text(a ? take(im, r, c_ach) : "");
		im->oom |= !g->expected || !g->achieved;
		for (size_t k = 0; k < c_exp; k++)
			take(im, r, k); /* 年度总体目标, merged down */
	}
	return r;
}

/* ------------------------------------------------------------- indicators */

static size_t add_node(importer *im, const char *name, size_t parent, size_t row, size_t col)
{
	/* The same group again right after itself: the rows of a merged cell.
	 * Children are linked, not searched for: a table of 100,000 rows. */
	size_t last = parent ? im->nodes[parent - 1].last : im->last;
	if (last && !im->nodes[last - 1].leaf && strcmp(im->nodes[last - 1].name, name) == 0)
		return last;
	if (!JX_GROW(im->nodes, im->capnodes, im->nnodes + 1, 64)) {
		im->oom = true;
		return 0;
	}
	inode *n = &im->nodes[im->nnodes++];
	memset(n, 0, sizeof(*n));
	n->name = name;
	n->name_col = col;
	n->parent = parent;
	n->row = row;
	if (last)
		im->nodes[last - 1].next = im->nnodes;
	else if (parent)
		im->nodes[parent - 1].first = im->nnodes;
	else
		im->first = im->nnodes;
	*(parent ? &im->nodes[parent - 1].last : &im->last) = im->nnodes;
	return im->nnodes;
}

/*
 * Whether v labels the 总分 row (总分, 合计, 总得分, 自评总分…, with blanks and a
 * bracketed note ignored); *rest is what follows a colon in the same cell
 * ("总分：97.26"), NULL when nothing does.
 */
static bool total_label(const char *v, const char **rest)
{
	static const char *const labels[] = { "总分", "合计", "总计", "总得分", "自评总分", "综合得分",
					      "得分合计", "自评得分合计" };
	char key[256];
	size_t n = 0;
	*rest = NULL;
	if (!v)
		return false;
	for (const char *p = v; *p; p++)
		if (*p == ':' || strncmp(p, "\xef\xbc\x9a", 3) == 0) { /* ： */
			const char *r = p + (*p == ':' ? 1 : 3);
			r += strspn(r, " ");
			*rest = *r ? r : NULL;
			break;
		} else {
			n++;
		}
	char head[256];
	jx_textf(head, sizeof(head), "%.*s", (int)(n < sizeof(head) ? n : sizeof(head) - 1), v);
	title_key(key, sizeof(key), head);
	for (size_t i = 0; i < COUNT(labels); i++)
		if (strcmp(key, labels[i]) == 0)
			return true;
	*rest = NULL;
	return false;
}

/*
 * The 总分 row: the claimed total after a 得分 label, else under the 得分
 * column, else the last number in it, else the number after the label's
 * colon ("总分：97.26"); and the 分值 the row gives (100, checked against the
 * 分值 of the table once it is read): the number under the 分值 column, else
 * the first other number (总分,100,…,得分,97.26 in the seed), else the one
 * after the label's colon ("总分：100,…,得分,97.26"). The number under 分值
 * is never the claimed total: a 总分 row with only its 分值 filled claims no
 * total.
 */
static void total_row(importer *im, size_t r)
{
	size_t c_weight = im->col[COL_WEIGHT], c_score = im->col[COL_SCORE], at = SIZE_MAX, label = SIZE_MAX,
	       lc = SIZE_MAX;
	const char *rest = NULL, *max = NULL;
	for (size_t c = 0; c < im->s->ncols; c++) {
		const char *v = take(im, r, c), *after;
		if (lc == SIZE_MAX && v && total_label(v, &after)) {
			lc = c;
			rest = after && numeric(after) ? after : NULL;
		} else if (v && (title_is(v, "得分") || title_is(v, "总得分") || title_is(v, "自评得分"))) {
			label = c;
			if ((at = next_filled(im, r, c)) != SIZE_MAX)
				take(im, r, at);
			break;
		}
	}
	/* A 得分 label with nothing after it claims no total: the number before
	 * it is the 分值 (总分,100,…,得分, in the seed's layout), not a total. */
	if (label == SIZE_MAX && c_score != SIZE_MAX &&
	    (numeric(cell(im, r, c_score)) || is_dash(cell(im, r, c_score))))
		at = c_score;
	for (size_t c = im->s->ncols; label == SIZE_MAX && at == SIZE_MAX && c-- > 0;)
		if (c != c_weight && c != lc && numeric(cell(im, r, c)))
			at = c;
	if (at != SIZE_MAX && !is_dash(cell(im, r, at)))
		strip_fen(im->total, sizeof(im->total), cell(im, r, at));
	else if (at == SIZE_MAX && label == SIZE_MAX && rest)
		strip_fen(im->total, sizeof(im->total), rest), at = lc, rest = NULL;
	if (c_weight != SIZE_MAX && c_weight != at && numeric(cell(im, r, c_weight))) {
		im->max_col = c_weight;
	} else {
		for (size_t c = 0; c < (label == SIZE_MAX ? im->s->ncols : label) && im->max_col == SIZE_MAX; c++)
			if (c != at && c != lc && numeric(cell(im, r, c)))
				im->max_col = c;
	}
	if (im->max_col != SIZE_MAX)
		max = cell(im, r, im->max_col);
	else if (rest)
		max = rest, im->max_col = lc;
	if (max) {
		im->max_row = r;
		jx_textf(im->max_text, sizeof(im->max_text), "%s", max);
	}
}

/* Whether v is a grade label (等级, 自评等级…) or the start of the lines under
 * a table that say who filled it in (填报人：张三, 联系电话：…): rows that end the
 * table where it has no 总分 row. */
static bool below_table(const char *v)
{
	static const char *const grades[] = { "等级", "评价等级", "自评等级", "绩效等级" };
	static const char *const footer[] = { "填报人", "填表人", "联系人", "联系电话", "填报日期", "填表日期",
					      "单位负责人", "财务负责人", "项目负责人", "审核人" };
	char key[256];
	title_key(key, sizeof(key), v);
	for (size_t i = 0; i < COUNT(grades); i++)
		if (strcmp(key, grades[i]) == 0)
			return true;
	for (size_t i = 0; i < COUNT(footer); i++) {
		size_t n = strlen(footer[i]);
		/* the label alone or before a colon: 联系人员覆盖率 is an indicator */
		if (strncmp(key, footer[i], n) == 0 &&
		    (key[n] == '\0' || key[n] == ':' || strncmp(key + n, "\xef\xbc\x9a", 3) == 0))
			return true;
	}
	return false;
}

static size_t indicator_table(importer *im, size_t r0)
{
	const jx_sheet *s = im->s;
	size_t *col = im->col;
	for (int k = 0; k < NCOLKINDS; k++)
		col[k] = SIZE_MAX;
	/* A header of two rows, as the 财政部 template has it: 绩效指标 over
	 * 一级/二级/三级指标, and beside it the other titles over both rows, merged
	 * down in a workbook (their text is in the upper row) or, in a CSV file,
	 * in the upper row only. */
	bool upper = false;
	for (size_t c = 0; c < s->ncols; c++) {
		enum col_kind k = column_kind(cell(im, r0, c));
		size_t at = r0;
		if (k == COL_NONE && !cell(im, r0, c) && r0 > 0 && (k = column_kind(cell(im, r0 - 1, c))) != COL_NONE)
			at = r0 - 1;
		if (k != COL_NONE && col[k] == SIZE_MAX) {
			col[k] = c;
			use(im, at, c);
			for (size_t up = at; up > 0 && jx_sheet_merged(s, up, c);)
				use(im, --up, c); /* up to the first cell of the merged title */
			upper |= at != r0 || jx_sheet_merged(s, r0, c);
		}
	}
	/* the label over the level columns in the upper row (绩效指标) */
	for (size_t l = 0; upper && l < LEVELS && col[COL_L1 + l] != SIZE_MAX; l++)
		for (size_t c = 0; c <= col[COL_L1 + l]; c++)
			if (!im->used[(r0 - 1) * s->ncols + c] && own(im, r0 - 1, c) &&
			    column_kind(cell(im, r0 - 1, c)) == COL_NONE)
				use(im, r0 - 1, c);
	for (size_t c = 0; c < s->ncols; c++) {
		if (!cell(im, r0, c) || im->used[r0 * s->ncols + c])
			continue;
		if (col[COL_L1] != SIZE_MAX && c < col[COL_L1])
			use(im, r0, c); /* a row label such as 年度绩效指标完成情况 */
		else
			warn_at(im, r0, c, "column '%s' is not a column of the 自评表; not imported",
				cell(im, r0, c));
		use(im, r0, c);
	}
	/* 三级指标 over two columns: the second, untitled, holds a 四级 indicator. */
	bool titled = false;
	for (int k = 0; k < NCOLKINDS && col[COL_L3] != SIZE_MAX; k++)
		titled |= col[k] == col[COL_L3] + 1;
	if (col[COL_L4] == SIZE_MAX && col[COL_L3] != SIZE_MAX && !cell(im, r0, col[COL_L3] + 1) && !titled)
		col[COL_L4] = col[COL_L3] + 1;
	size_t levels = 0, first_level = SIZE_MAX;
	while (levels < LEVELS && col[COL_L1 + levels] != SIZE_MAX)
		levels++;
	if (levels > 0)
		first_level = col[COL_L1];

	size_t cur[LEVELS] = { 0 }; /* node index + 1 of each level's current name */
	size_t r = r0 + 1;
	for (; r < s->nrows; r++) {
		/* labelled in its first filled cell after the 序号: a text such as
		 * 合计：3项 further right (a 偏差原因) does not make a 总分 row */
		bool total = false, after = false;
		const char *rest;
		for (size_t c = 0; c < s->ncols; c++)
			if (own(im, r, c) && !(c < first_level && serial(own(im, r, c)))) {
				/* not a label merged down beside the table */
				total = total_label(own(im, r, c), &rest);
				/* left of the levels or in 一级指标: a 二级 named 联系人 is one */
				after = !total && c <= first_level && below_table(own(im, r, c));
				break;
			}
		if (after)
			break; /* a table without a 总分 row, then its 等级 or who filled it in */
		if (total) {
			total_row(im, r);
			r++;
			break;
		}
		/* The deepest level named on this row. A level cell merged down
		 * continues its group as an empty one does: it is not read again. */
		int d = -1;
		for (size_t l = 0; l < levels; l++)
			if (own(im, r, col[COL_L1 + l]))
				d = (int)l;
		bool any = d >= 0;
		for (int k = COL_TARGET; k < NCOLKINDS && !any; k++)
			any = col[k] != SIZE_MAX && own(im, r, col[k]);
		if (!any)
			continue; /* a blank row, one with labels only, or the rest of a taller one */
		if (d < 0) {
			error_at(im, r, first_level, "this row has values but no indicator name");
			for (size_t c = 0; c < s->ncols; c++)
				use(im, r, c);
			continue;
		}
		size_t parent = 0;
		bool ok = true;
		for (int l = 0; l < d && ok; l++) {
			const char *v = own(im, r, col[COL_L1 + l]);
			if (v) {
				use(im, r, col[COL_L1 + l]);
				parent = cur[l] = add_node(im, v, parent, r, col[COL_L1 + l]);
				for (int k = l + 1; k < LEVELS; k++)
					cur[k] = 0;
			} else if (cur[l] && !im->nodes[cur[l] - 1].leaf) {
				parent = cur[l];
			} else {
				error_at(im, r, col[COL_L1 + l],
					 cur[l] ? "empty %s, and the indicator above is not a group"
						: "empty %s, and no group above to continue",
					 jx_level_title(l + 1));
				ok = false;
			}
		}
		if (!ok || im->oom)
			continue;
		/* A row that names a group above the deepest level with its 分值
		 * (产出指标 50) but no 指标值 or 实际完成值: the group's own row, its
		 * indicators on the rows below (a leaf again if none follow). */
		bool header = d + 1 < (int)levels && !(col[COL_TARGET] != SIZE_MAX && own(im, r, col[COL_TARGET])) &&
			      !(col[COL_ACTUAL] != SIZE_MAX && own(im, r, col[COL_ACTUAL]));
		size_t leaf = add_node(im, take(im, r, col[COL_L1 + d]), parent, r, col[COL_L1 + d]);
		if (!leaf)
			continue;
		inode *n = &im->nodes[leaf - 1];
		if (header) {
			n->header = true;
			n->row = r; /* where its 分值 and 得分 are */
		} else {
			n->leaf = true;
		}
		cur[d] = leaf;
		for (int k = d + 1; k < LEVELS; k++)
			cur[k] = 0;
		for (int k = COL_TARGET; k < NCOLKINDS; k++)
			if (col[k] != SIZE_MAX && (!header || k == COL_WEIGHT || k == COL_SCORE))
				n->cell[k] = take(im, r, col[k]);
		for (size_t c = 0; c < first_level && c < s->ncols; c++)
			take(im, r, c); /* a row label such as 年度绩效指标完成情况 */
	}
	return r;
}

/* ------------------------------------------------------------- checks */

/*
 * The groups that had a row of their own: one without indicators below it
 * is an indicator after all (without a 指标值, as check_leaf then says); a
 * group's 分值 is its weight (the loader checks that its indicators add up
 * to it); its 得分, a subtotal, is not kept, and said so.
 */
static void groups_with_rows(importer *im)
{
	for (size_t i = 0; i < im->nnodes; i++) {
		inode *n = &im->nodes[i];
		if (!n->header)
			continue;
		if (!n->first) {
			n->leaf = true;
			continue;
		}
		const char *w = n->cell[COL_WEIGHT], *sc = n->cell[COL_SCORE];
		if (w && !is_dash(w) && !numeric(w))
			error_at(im, n->row, im->col[COL_WEIGHT], "分值 '%s' is not a number", w);
		if (sc && !is_dash(sc))
			warn_at(im, n->row, im->col[COL_SCORE],
				"得分 %s of the group '%s' is not kept: jixiao adds up the scores of its indicators",
				sc, n->name);
	}
}

/* Where a leaf's cell of kind k is (or would be). */
static size_t col_or_name(const importer *im, int k)
{
	return im->col[k] != SIZE_MAX ? im->col[k] : im->col[COL_L1];
}

/*
 * What loading would refuse, said at the cell: a 分值 that is not a number, a
 * 指标值 without a 分值, a 指标值 or 实际完成值 that cannot be read, a claimed
 * 完成率 or 得分 that is not a number.
 */
static void check_leaf(importer *im, const inode *n)
{
	static const int numbers[] = { COL_WEIGHT, COL_RATE, COL_SCORE };
	static const char *const what[] = { "分值", "完成率", "得分" };
	for (size_t i = 0; i < COUNT(numbers); i++) {
		const char *v = n->cell[numbers[i]];
		if (v && !is_dash(v) && !numeric(v))
			error_at(im, n->row, im->col[numbers[i]], "%s '%s' is not a number", what[i], v);
	}
	static const int cells[] = { COL_TARGET, COL_ACTUAL };
	static const char *const names[] = { "指标值", "实际完成值" };
	bool applies = true;
	for (size_t i = 0; i < COUNT(cells); i++) {
		const char *v = n->cell[cells[i]];
		jx_quantity q;
		jx_qerror err;
		if (!v)
			continue;
		if (jx_quantity_parse(&q, v, strlen(v), i == 0 ? JX_QROLE_TARGET : JX_QROLE_ACTUAL, &err) != 0)
			error_at(im, n->row, im->col[cells[i]], "%s '%s': %s", names[i], v, err.message);
		else if (i == 0)
			applies = q.kind != JX_Q_NA;
	}
	const char *w = n->cell[COL_WEIGHT];
	if (applies && n->cell[COL_TARGET] && (!w || is_dash(w)))
		error_at(im, n->row, col_or_name(im, COL_WEIGHT), "'%s' has a 指标值 but no 分值", n->name);
	if (!n->cell[COL_TARGET])
		error_at(im, n->row, col_or_name(im, COL_TARGET), "'%s' has no 指标值 (write / when it does not apply)",
			 n->name);
}

/*
 * The 分值 of the 总分 row (100) against the 分值 of the table: the funds row's
 * and every indicator's. A table whose 分值 add up to 110 under a 总分 of 100
 * would be scored out of 110: said at the cell, so that it is not lost. Not
 * checked when a 分值 above is not a number (an error already).
 */
static void check_max(importer *im)
{
	jx_dec max, sum = jx_dec_from_int(0), w;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], parts[512] = "";
	if (im->col[COL_WEIGHT] == SIZE_MAX || im->max_col == SIZE_MAX || !number_in(&max, im->max_text))
		return; /* no 分值 column read: nothing to add up */
	if (im->funds_weight && !is_dash(im->funds_weight)) {
		if (!number_in(&w, im->funds_weight) || jx_dec_add(&sum, sum, w) != 0)
			return;
		jx_textf(parts, sizeof(parts), "预算执行 %s", jx_dec_format(a, w, -1, 0));
	}
	/* by level-1 group, so that the one that is wrong can be found; a node
	 * comes after its parent, so one pass finds each node's group */
	jx_dec *part = calloc(im->nnodes + 1, sizeof(*part));
	size_t *top = calloc(im->nnodes + 1, sizeof(*top));
	bool ok = part && top;
	im->oom |= !ok;
	for (size_t i = 0; i < im->nnodes && ok; i++) {
		const inode *n = &im->nodes[i];
		top[i] = n->parent ? top[n->parent - 1] : i;
		if (n->leaf && n->cell[COL_WEIGHT] && !is_dash(n->cell[COL_WEIGHT]))
			ok = number_in(&w, n->cell[COL_WEIGHT]) && jx_dec_add(&part[top[i]], part[top[i]], w) == 0;
	}
	for (size_t i = 0; i < im->nnodes && ok; i++)
		if (im->nodes[i].parent == 0) {
			ok = jx_dec_add(&sum, sum, part[i]) == 0;
			jx_textf_append(parts, sizeof(parts), "%s%s %s", parts[0] ? " + " : "", im->nodes[i].name,
					jx_dec_format(a, part[i], -1, 0));
		}
	if (ok && jx_dec_cmp(max, sum) != 0)
		warn_at(im, im->max_row, im->max_col,
			"the 总分 row gives 分值 %s, but the 分值 of the table add up to %s (%s); jixiao scores "
			"out of %s: correct the 分值 that are wrong",
			jx_dec_format(a, max, -1, 0), jx_dec_format(b, sum, -1, 0), parts, b);
	free(part);
	free(top);
}

/* The amounts of the funds rows must be numbers. */
static void check_funds(importer *im)
{
	for (size_t i = 0; i < im->nfunds; i++) {
		const char *v[3] = { im->funds[i].initial, im->funds[i].budget, im->funds[i].executed };
		for (int k = 0; k < 3; k++)
			if (v[k] && !numeric(v[k]))
				error_at(im, im->funds[i].row, im->funds[i].cols[k],
					 "amount '%s' of '%s' is not a number", v[k], im->funds[i].name);
	}
}

/* 等级 (or 评价等级, 自评等级) and the cell after it, anywhere. */
static void grade(importer *im)
{
	for (size_t r = 0; r < im->s->nrows; r++)
		for (size_t c = 0; c < im->s->ncols; c++) {
			const char *v = cell(im, r, c);
			if (title_is(v, "等级") || title_is(v, "评价等级") || title_is(v, "自评等级") ||
			    title_is(v, "绩效等级")) {
				size_t k = next_filled(im, r, c);
				use(im, r, c);
				if (k != SIZE_MAX && !im->grade)
					im->grade = take(im, r, k);
			}
		}
}

/* ------------------------------------------------------------- YAML */

/* The value written last came from cell (r, c) of the sheet, when one was
 * written since e had written `before` scalars. */
static void came_from(importer *im, const jx_yemit *e, size_t before, size_t r, size_t c)
{
	jx_import_trace *t = im->trace;
	if (!t || e->scalars == before || r == SIZE_MAX || c == SIZE_MAX)
		return;
	if (!JX_GROW(t->items, t->cap, t->count + 1, 64)) {
		im->oom = true;
		return;
	}
	t->items[t->count++] = (jx_import_origin){ .scalar = e->scalars - 1, .row = r, .column = c };
}

static void kv_opt(jx_yemit *e, const char *key, const char *v)
{
	if (v && *v)
		jx_yemit_kv(e, key, v);
}

/* kv_opt for a name or title: on one line. */
static void kv_line(importer *im, jx_yemit *e, const char *key, const char *v, bool always)
{
	char *buf;
	const char *line = one_line(im, v, &buf);
	if (always)
		jx_yemit_kv(e, key, line);
	else
		kv_opt(e, key, line);
	free(buf);
}

/* kv_opt for a text (指标值设定依据, 佐证资料, 偏差原因): it keeps its lines,
 * without the HTML paragraph tags some exports leave in long texts. */
static void kv_text(importer *im, jx_yemit *e, const char *key, const char *v)
{
	if (!v)
		return;
	char *text = plain_text(v);
	if (!text)
		im->oom = true;
	kv_opt(e, key, text ? text : v);
	free(text);
}

/* The claims of row r (its rate and score in the columns given; SIZE_MAX
 * when not known). */
static void emit_claims(importer *im, jx_yemit *e, const char *rate, const char *score, size_t r,
			size_t rate_col, size_t score_col)
{
	char buf[64];
	bool has_rate = rate && !is_dash(rate), has_score = score && !is_dash(score);
	if (!has_rate && !has_score)
		return;
	jx_yemit_str(e, "claimed");
	jx_yemit_map(e, true);
	if (has_rate) {
		ascii_cell(buf, sizeof(buf), rate);
		jx_yemit_kv(e, "rate", buf);
		came_from(im, e, e->scalars - 1, r, rate_col);
	}
	if (has_score) {
		strip_fen(buf, sizeof(buf), score);
		jx_yemit_kv(e, "score", buf);
		came_from(im, e, e->scalars - 1, r, score_col);
	}
	jx_yemit_map_end(e);
}

/*
 * 偏差原因分析 and 改进措施 in two columns, as one deviation text (what a
 * table with one column holds): "场地受限；改进措施：明年增加场次". NULL when there
 * is no measure to add (or out of memory, said through im): the reason is
 * the text. The caller frees the result.
 */
static char *with_measure(importer *im, const char *reason, const char *measure)
{
	if (!measure || is_dash(measure))
		return NULL;
	bool r = reason && *reason && !is_dash(reason);
	char *text = jx_strdupf("%s%s改进措施：%s", r ? reason : "", r ? "；" : "", measure);
	im->oom |= !text;
	return text;
}

static void emit_node(importer *im, jx_yemit *e, size_t idx)
{
	const inode *n = &im->nodes[idx];
	char buf[64];
	jx_yemit_map(e, false);
	kv_line(im, e, "name", n->name, true);
	came_from(im, e, e->scalars - 1, n->row, n->name_col);
	if (!n->leaf) {
		const char *w = n->cell[COL_WEIGHT];
		if (w && !is_dash(w)) {
			strip_fen(buf, sizeof(buf), w); /* the loader checks the sum */
			jx_yemit_kv(e, "weight", buf);
			came_from(im, e, e->scalars - 1, n->row, im->col[COL_WEIGHT]);
		}
		jx_yemit_str(e, "children");
		jx_yemit_seq(e, false);
		for (size_t c = n->first; c; c = im->nodes[c - 1].next)
			emit_node(im, e, c - 1);
		jx_yemit_seq_end(e);
		jx_yemit_map_end(e);
		return;
	}
	char *deviation = with_measure(im, n->cell[COL_DEVIATION], n->cell[COL_MEASURE]);
	for (int k = COL_TARGET; k < NCOLKINDS; k++) {
		const char *v = k == COL_DEVIATION && deviation ? deviation : n->cell[k];
		if (!v || k == COL_RATE || k == COL_SCORE || k == COL_MEASURE)
			continue;
		if (k == COL_WEIGHT) {
			if (is_dash(v))
				continue;
			strip_fen(buf, sizeof(buf), v);
			v = buf;
		}
		/* texts keep their lines; a rule name and the cells are one line */
		size_t before = e->scalars;
		if (k == COL_BASIS || k == COL_EVIDENCE || k == COL_DEVIATION)
			kv_text(im, e, col_yaml_key[k], v);
		else
			kv_line(im, e, col_yaml_key[k], v, true);
		came_from(im, e, before, n->row, im->col[k]);
	}
	emit_claims(im, e, n->cell[COL_RATE], n->cell[COL_SCORE], n->row, im->col[COL_RATE],
		    im->col[COL_SCORE]);
	jx_yemit_map_end(e);
	free(deviation);
}

/* A row label without the colon the 财政部 template writes after it
 * ("年度资金总额：" is 年度资金总额); NULL when there is none to take off (or
 * out of memory, said through im). The caller frees the result. */
static char *label(importer *im, const char *v)
{
	size_t n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == ':'))
		n--;
	while (n >= 3 && strncmp(v + n - 3, "\xef\xbc\x9a", 3) == 0) /* ： */
		n -= 3;
	if (n == strlen(v) || n == 0)
		return NULL;
	char *out = jx_strdupf("%.*s", (int)n, v);
	im->oom |= !out;
	return out;
}

static int emit(importer *im, FILE *out)
{
	jx_yemit e;
	char buf[64];
	/* names as the outputs write them: a line break would end the comment */
	char *file = jx_text_escape(im->s->name), *sheet = im->s->sheet ? jx_text_escape(im->s->sheet) : NULL;
	if (!file || (im->s->sheet && !sheet))
		im->oom = true;
	fprintf(out, "# %s, imported by jixiao import from %s%s%s%s.\n"
		     "# Claimed values are kept as written; check the file with jixiao validate.\n",
		im->dept ? "部门整体支出绩效自评表" : "项目支出绩效自评表", file ? file : "",
		sheet ? ", sheet '" : "", sheet ? sheet : "", sheet ? "'" : "");
	free(file);
	free(sheet);
	if (!jx_yemit_begin(&e, out))
		return JX_EIO;
	jx_yemit_map(&e, false);
	jx_yemit_kv(&e, "jixiao", "1");
	jx_yemit_kv(&e, "kind", im->dept ? "department" : "project");
	kv_line(im, &e, "title", im->title, false);
	kv_line(im, &e, "department", im->department, false);
	kv_line(im, &e, "implementer", im->implementer, false);
	if (im->year) {
		snprintf(buf, sizeof(buf), "%d", im->year);
		jx_yemit_kv(&e, "year", buf);
	}
	jx_yemit_kv(&e, "rules", im->rules[0] ? im->rules : "standard");
	kv_opt(&e, "money_unit", im->money_unit);
	if (im->nfunds) {
		jx_yemit_str(&e, "funds");
		jx_yemit_map(&e, false);
		if (im->funds_weight && !is_dash(im->funds_weight)) {
			strip_fen(buf, sizeof(buf), im->funds_weight);
			jx_yemit_kv(&e, "weight", buf);
		}
		jx_yemit_str(&e, "rows");
		jx_yemit_seq(&e, false);
		for (size_t i = 0; i < im->nfunds; i++) {
			const fund_row *f = &im->funds[i];
			jx_yemit_map(&e, true);
			const char *amounts[3] = { f->initial, f->budget, f->executed };
			static const char *const keys[3] = { "initial", "budget", "executed" };
			char *name = label(im, f->name);
			kv_line(im, &e, "name", name ? name : f->name, true);
			came_from(im, &e, e.scalars - 1, f->row, f->name_col);
			free(name);
			for (int k = 0; k < 3; k++)
				if (amounts[k]) {
					size_t before = e.scalars;
					ascii_cell(buf, sizeof(buf), amounts[k]);
					kv_opt(&e, keys[k], buf);
					came_from(im, &e, before, f->row, f->cols[k]);
				}
			jx_yemit_map_end(&e);
		}
		jx_yemit_seq_end(&e);
		emit_claims(im, &e, im->funds_rate, im->funds_score, SIZE_MAX, SIZE_MAX, SIZE_MAX);
		char *deviation = with_measure(im, im->funds_deviation, im->funds_measure);
		kv_text(im, &e, "deviation", deviation ? deviation : im->funds_deviation);
		free(deviation);
		jx_yemit_map_end(&e);
	}
	if (im->ngoals) {
		jx_yemit_str(&e, "goals");
		jx_yemit_seq(&e, false);
		for (size_t i = 0; i < im->ngoals; i++) {
			jx_yemit_map(&e, false);
			jx_yemit_kv(&e, "expected", im->goals[i].expected);
			jx_yemit_kv(&e, "achieved", im->goals[i].achieved);
			jx_yemit_map_end(&e);
		}
		jx_yemit_seq_end(&e);
	}
	jx_yemit_str(&e, "indicators");
	jx_yemit_seq(&e, false);
	for (size_t c = im->first; c; c = im->nodes[c - 1].next)
		emit_node(im, &e, c - 1);
	jx_yemit_seq_end(&e);
	if (im->total[0] || im->grade) {
		jx_yemit_str(&e, "claimed");
		jx_yemit_map(&e, true);
		kv_opt(&e, "total", im->total);
		kv_opt(&e, "grade", im->grade);
		jx_yemit_map_end(&e);
	}
	jx_yemit_map_end(&e);
	if (!jx_yemit_end(&e))
		return JX_EIO;
	return im->oom ? JX_ENOMEM : 0; /* a text or name left as it was */
}

/* ------------------------------------------------------------- entry */

/* The row of the indicator table's titles (一级指标…); SIZE_MAX when none. */
static size_t table_row(importer *im)
{
	size_t col;
	for (size_t r = 0; r < im->s->nrows; r++)
		if (row_has(im, r, "一级指标", &col))
			return r;
	return SIZE_MAX;
}

bool jx_import_finds_table(const jx_sheet *s)
{
	importer im = { .s = s };
	return table_row(&im) != SIZE_MAX;
}

int jx_import(FILE *out, const jx_sheet *s, jx_diags *diags)
{
	return jx_import_traced(out, s, NULL, diags);
}

int jx_import_traced(FILE *out, const jx_sheet *s, jx_import_trace *trace, jx_diags *diags)
{
	importer im = { .s = s, .diags = diags, .src = { s->name, NULL, 0 }, .max_row = SIZE_MAX,
			.max_col = SIZE_MAX, .trace = trace };
	size_t r = 0, table = SIZE_MAX, dummy, first = diags->count;
	int rc = 0;

	im.used = calloc(s->nrows * s->ncols + 1, sizeof(*im.used));
	if (!im.used)
		return JX_ENOMEM;
	if ((table = table_row(&im)) == SIZE_MAX) {
		/* jixiao's own CSV lists scores by path: it is not a 自评表 */
		bool scores = s->nrows > 0 && row_has(&im, 0, "行类型", &dummy) &&
			      row_has(&im, 0, "指标路径", &dummy);
		jx_diags_add(diags, JX_SEV_ERROR, &im.src, 0, 0,
			     scores ? "no indicator table: this is the list of scores 'jixiao score --format csv' "
				      "writes, without the table's texts; import the workbook of 'jixiao score "
				      "--format xlsx' instead"
				    : "no indicator table: no row has the column title 一级指标");
		free(im.used);
		return JX_EINVAL;
	}
	header(&im, table);
	while (r < table) {
		size_t next = funds_block(&im, r, table);
		if (next == r)
			next = goals_block(&im, r);
		r = next == r ? r + 1 : next;
	}
	indicator_table(&im, table);
	groups_with_rows(&im);
	grade(&im);
	for (size_t i = 0; i < im.nnodes; i++)
		if (im.nodes[i].leaf)
			check_leaf(&im, &im.nodes[i]);
	check_funds(&im);
	check_max(&im);
	if (!im.title)
		jx_diags_add(diags, JX_SEV_WARNING, &im.src, 0, 0,
			     "no 项目名称 or 部门名称 found; add 'title' to the output");
	if (!im.year)
		jx_diags_add(diags, JX_SEV_WARNING, &im.src, 0, 0,
			     "no year (such as '2024 年度') found; add 'year' to the output");
	/* a merged cell is reported once, at its first row */
	for (size_t i = 0; i < s->nrows; i++)
		for (size_t c = 0; c < s->ncols; c++)
			if (!im.used[i * s->ncols + c] && own(&im, i, c))
				warn_at(&im, i, c, "'%s' is not part of the table as read; not imported",
					cell(&im, i, c));
	if (im.oom) {
		jx_diags_add(diags, JX_SEV_ERROR, &im.src, 0, 0, "out of memory");
		rc = JX_ENOMEM;
	}
	jx_diags_sort(diags, first);
	if (rc == 0 && (rc = emit(&im, out)) == JX_ENOMEM) /* a text or name it could not copy */
		jx_diags_add(diags, JX_SEV_ERROR, &im.src, 0, 0, "out of memory");
	for (size_t i = 0; i < im.ngoals; i++) {
		free(im.goals[i].expected);
		free(im.goals[i].achieved);
	}
	free(im.goals);
	free(im.funds);
	free(im.nodes);
	free(im.used);
	return rc;
}

/* ------------------------------------------------------------- trace */

int jx_import_trace_locate(jx_import_trace *t, const char *yaml, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	size_t scalar = 0, next = 0;
	int rc = 0;
	if (!yaml_parser_initialize(&p))
		return JX_ENOMEM;
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	while (next < t->count) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = p.error == YAML_MEMORY_ERROR ? JX_ENOMEM : JX_EINVAL;
			break;
		}
		bool end = ev.type == YAML_STREAM_END_EVENT;
		if (ev.type == YAML_SCALAR_EVENT) {
			for (; next < t->count && t->items[next].scalar == scalar; next++) {
				t->items[next].line = (unsigned)ev.start_mark.line + 1;
				t->items[next].col = (unsigned)ev.start_mark.column + 1;
			}
			scalar++;
		}
		yaml_event_delete(&ev);
		if (end) {
			rc = next < t->count ? JX_EINVAL : 0;
			break;
		}
	}
	yaml_parser_delete(&p);
	return rc;
}

/* The origin of the value at line:col, or NULL. */
static const jx_import_origin *origin_at(const jx_import_trace *t, unsigned line, unsigned col)
{
	const jx_import_origin *first = NULL, *best = NULL;
	for (size_t i = 0; i < t->count; i++) {
		const jx_import_origin *o = &t->items[i];
		if (o->line != line)
			continue;
		if (!first)
			first = o;
		if (o->col <= col)
			best = o;
	}
	return best ? best : first;
}

/* Whether g is at a place of the YAML (file yaml_name). */
static bool in_yaml(const jx_diag *g, const char *yaml_name)
{
	return g->file && g->line && strcmp(g->file, yaml_name) == 0;
}

void jx_import_trace_notes(const jx_import_trace *t, const char *yaml_name, const char *sheet_name,
			   jx_diags *d)
{
	const jx_source sheet = { sheet_name, NULL, 0 };
	jx_diags out;
	jx_diags_init(&out);
	out.limit = 2 * d->limit; /* a note for each diagnostic kept */
	for (size_t i = 0; i < d->count; i++) {
		const jx_diag *g = &d->items[i];
		jx_diags_copy(&out, g);
		const jx_import_origin *o =
			g->severity != JX_SEV_NOTE && in_yaml(g, yaml_name) ? origin_at(t, g->line, g->col) : NULL;
		char ref[16];
		if (o)
			jx_diags_add(&out, JX_SEV_NOTE, &sheet, (unsigned)o->row + 1, (unsigned)o->column + 1,
				     "%s: the cell of the table this value comes from",
				     jx_cell_ref(ref, o->row, o->column));
	}
	if (out.dropped > 0) {
		jx_diags_release(&out); /* out of memory: keep d as it is */
		return;
	}
	out.errors = d->errors;
	out.warnings = d->warnings;
	out.dropped = d->dropped;
	out.limit = d->limit;
	jx_diags_release(d);
	*d = out;
}

void jx_import_trace_move(const jx_import_trace *t, const char *yaml_name, const char *sheet_name,
			  jx_diags *d, size_t from)
{
	for (size_t i = from; i < d->count; i++) {
		jx_diag *g = &d->items[i];
		if (!in_yaml(g, yaml_name))
			continue;
		const jx_import_origin *o = origin_at(t, g->line, g->col);
		char ref[16], *file = strcmp(yaml_name, sheet_name) ? jx_strdupf("%s", sheet_name) : NULL,
			      *message = o ? jx_strdupf("%s: %s", jx_cell_ref(ref, o->row, o->column), g->message)
				       : NULL;
		if (file) {
			free(g->file);
			g->file = file;
		}
		if (message) {
			free(g->message);
			g->message = message;
		}
		g->line = o ? (unsigned)o->row + 1 : 0;
		g->col = o ? (unsigned)o->column + 1 : 0;
		free(g->source);
		g->source = NULL;
	}
}

void jx_import_trace_release(jx_import_trace *t)
{
	free(t->items);
	*t = (jx_import_trace){ 0 };
}
