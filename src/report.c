/*
 * report.c - the bias-analysis report as Markdown and JSON. The HTML page
 * is in report_html.c; both read the same result, findings and what-ifs.
 */
#include "jixiao/report.h"

#include "jixiao/common.h"
#include "json.h"
#include "report_priv.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ shared */

const char *jx_report_title(const jx_result *r)
{
	return r->doc->kind == JX_KIND_DEPARTMENT ? "部门整体支出绩效自评偏差分析报告"
						  : "项目支出绩效自评偏差分析报告";
}

bool jx_report_off_target(const jx_leaf_result *lr)
{
	return !lr->na && jx_frac_cmp(lr->rate, jx_frac_make(1, 1)) != 0;
}

char *jx_report_reason(const jx_result *r, const jx_leaf_result *lr, bool *draft)
{
	const char *dev = lr->node->deviation;
	char *s;
	*draft = jx_findings_is_stock_reason(dev);
	if (!*draft)
		return jx_strdupf("%s", dev);
	return jx_findings_draft_text(&s, r, lr) == 0 ? s : NULL;
}

bool jx_report_funds_off_target(const jx_result *r)
{
	return r->funds.present && !r->funds.na && jx_frac_cmp(r->funds.rate, jx_frac_make(1, 1)) < 0;
}

const char *jx_report_funds_reason(const jx_result *r, bool *draft)
{
	const char *dev = r->doc->funds.deviation;
	*draft = jx_findings_is_stock_reason(dev);
	return *draft ? "自评表未说明执行率偏低的原因，请补充原因和改进措施" : dev;
}

bool jx_report_rescaled(const jx_result *r, jx_dec *adjust)
{
	if (r->na_weight.units <= 0 || r->rules->na_drop)
		return false;
	return jx_dec_sub(adjust, r->total, r->raw) == 0;
}

char *jx_report_fmt(char *buf, jx_dec d, int places)
{
	return jx_dec_format(buf, d, places, 0);
}

char *jx_report_whatif_line(const jx_report *rep, size_t i)
{
	const jx_whatif *w = &rep->whatifs[i];
	int dec = rep->result->rules->decimals;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	jx_dec mag = { w->delta.units < 0 ? -w->delta.units : w->delta.units };
	return jx_strdupf("%s，总分为 %s（%s），%s %s 分", w->label, jx_report_fmt(a, w->result->total, dec),
			  w->result->grade ? w->result->grade->name : "",
			  w->delta.units > 0 ? "比现在高" : w->delta.units < 0 ? "比现在低" : "与现在相差",
			  jx_report_fmt(b, mag, dec));
}

size_t jx_report_meta(const jx_result *r, const char *labels[], const char *values[], char *year,
		      size_t year_size)
{
	const jx_doc *d = r->doc;
	size_t n = 0;
	labels[n] = d->kind == JX_KIND_DEPARTMENT ? "部门名称" : "项目名称";
	values[n++] = d->title;
	/* a department's table names itself: no 主管部门 row repeating it, as
	 * in jixiao score's header */
	if (*d->department && !(d->kind == JX_KIND_DEPARTMENT && strcmp(d->department, d->title) == 0)) {
		labels[n] = "主管部门";
		values[n++] = d->department;
	}
	if (*d->implementer) {
		labels[n] = "实施单位";
		values[n++] = d->implementer;
	}
	snprintf(year, year_size, "%d", d->year);
	labels[n] = "年度";
	values[n++] = year;
	return n;
}

/* ---------------------------------------------------------- markdown */

/*
 * Text on one Markdown line: each run of line breaks becomes one space (none
 * at the end), so that a reason written over several lines, blank ones or
 * lines starting with '#' or '-' among them, stays inside its list item or
 * table cell; in a cell '|' is escaped too. Characters that make emphasis,
 * strikethrough, code, links, HTML or entities are escaped, so that a name is
 * shown as written.
 */
static void md_text(FILE *out, const char *s, bool cell)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '\n' || *p == '\r') {
			while (p[1] == '\n' || p[1] == '\r')
				p++;
			if (p[1])
				fputc(' ', out);
		} else if ((cell && *p == '|') || strchr("\\`*_[]~", *p) ||
			   (*p == '<' && (isalpha((unsigned char)p[1]) || (p[1] && strchr("/!?", p[1])))) ||
			   (*p == '&' && (isalpha((unsigned char)p[1]) || p[1] == '#'))) {
			/* markup: emphasis, strikethrough (3~5天 … 8~10天), code, links, HTML
			 * tags ("<=60万元" is none) and entities (&amp;) */
			fputc('\\', out);
			fputc(*p, out);
		} else {
			fputc(*p, out);
		}
	}
}

/* Text for a Markdown table cell. */
static void md_cell(FILE *out, const char *s)
{
	fputc(' ', out);
	md_text(out, s, true);
	fputs(" |", out);
}

static void md_header(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	const char *labels[4], *values[4];
	char year[16];
	size_t n = jx_report_meta(r, labels, values, year, sizeof(year));
	fputs("# ", out);
	md_text(out, d->title, false);
	fprintf(out, " · %s\n\n", jx_report_title(r));
	fputs("| 项目 | 内容 |\n|---|---|\n", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "| %s |", labels[i]);
		md_cell(out, values[i]);
		fputc('\n', out);
	}
	fputs("| 评分规则 | ", out);
	md_text(out, r->rules->name, true);
	fputs("（", out);
	md_text(out, r->rules->title, true);
	fputs("） |\n| 自评表文件 |", out);
	md_cell(out, d->path_shown);
	fputs("\n\n", out);
}

static void md_totals(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	int dec = r->rules->decimals;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ], l[JX_DEC_BUFSZ];
	jx_dec lost;

	fputs("## 一、总体结果\n\n", out);
	fprintf(out, "按数据重新计算总分 **%s**，等级 **", jx_report_fmt(a, r->total, dec));
	md_text(out, r->grade ? r->grade->name : "", false);
	fputs("**", out);
	if (d->claimed.has_total) {
		fprintf(out, "；自评表填报总分 %s",
			jx_report_fmt(b, d->claimed.total, d->claimed.total_places));
		if (d->claimed.grade) {
			fputs("、等级 ", out);
			md_text(out, d->claimed.grade, false);
		}
		fputs(r->total_mismatch || r->grade_mismatch ? "，**与重新计算结果不一致**" : "，一致", out);
	} else if (d->claimed.grade) {
		fputs("；自评表填报等级 ", out);
		md_text(out, d->claimed.grade, false);
		fputs(r->grade_mismatch ? "，**与重新计算结果不一致**" : "，一致", out);
	}
	jx_dec_sub(&lost, r->max, r->total);
	fprintf(out, "。满分 %s，共扣 %s 分。\n\n", jx_report_fmt(c, r->max, -1),
		jx_report_fmt(l, lost, dec));
	if (r->na_weight.units > 0)
		fprintf(out, "不适用指标分值 %s，%s。\n\n", jx_report_fmt(a, r->na_weight, -1),
			r->rules->na_drop ? "不计入满分" : "已按百分制折算，扣分按比例放大");

	jx_dec adjust;
	bool rescaled = jx_report_rescaled(r, &adjust);
	fprintf(out, "| 一级指标 | 分值 | 得分 | %s |\n|---|---:|---:|---:|\n",
		rescaled ? "扣分（折算后）" : "扣分");
	if (r->funds.present)
		fprintf(out, "| 预算执行率 | %s | %s | %s |\n", jx_report_fmt(a, jx_result_funds_max(r), -1),
			r->funds.na ? "/" : jx_report_fmt(b, r->funds.score, dec),
			r->funds.na ? "/" : jx_report_fmt(c, r->funds.lost_in_total, dec));
	for (size_t i = 0; i < d->nroots; i++) {
		const jx_node *n = &d->roots[i];
		jx_dec score, part;
		jx_result_node(r, n, &score, &part);
		fputc('|', out);
		md_cell(out, n->name);
		fprintf(out, " %s | %s | %s |\n", jx_report_fmt(a, jx_result_node_max(r, n), -1),
			jx_report_fmt(b, score, dec), jx_report_fmt(c, part, dec));
	}
	if (rescaled)
		fprintf(out, "| 不适用指标折算 | | %s%s | |\n", adjust.units > 0 ? "+" : "",
			jx_report_fmt(b, adjust, dec));
	fprintf(out, "| **合计** | %s | %s | %s |\n\n", jx_report_fmt(a, r->max, -1),
		jx_report_fmt(b, r->total, dec), jx_report_fmt(c, lost, dec));
}

/* The funds rows: amounts as written, the first row's 执行率 and 得分. */
static void md_funds(FILE *out, const jx_result *r)
{
	const jx_funds *f = &r->doc->funds;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	if (!r->funds.present)
		return;
	fprintf(out, "| %s（%s） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
		     "|---|---:|---:|---:|---:|---:|---:|\n",
		jx_funds_title(r->doc->kind), r->doc->money_unit);
	for (size_t i = 0; i < f->nrows; i++) {
		const jx_funds_row *row = &f->rows[i];
		fputc('|', out);
		md_cell(out, row->name);
		fprintf(out, " %s | %s | %s |", row->has_initial ? jx_dec_format_money(a, row->initial) : "",
			jx_dec_format_money(b, row->budget), jx_dec_format_money(c, row->executed));
		if (i > 0)
			fputs(" | | |\n", out);
		else if (r->funds.na)
			fprintf(out, " %s | / | / |\n", jx_report_fmt(a, r->funds.weight, -1));
		else
			fprintf(out, " %s | %s%%%s | %s%s |\n", jx_report_fmt(a, r->funds.weight, -1),
				jx_report_fmt(b, r->funds.rate_pct, r->rules->rate_decimals),
				r->funds.rate_mismatch ? "*" : "",
				jx_report_fmt(c, r->funds.score, r->rules->decimals),
				r->funds.score_mismatch ? "*" : "");
	}
	fputc('\n', out);
}

static void md_table(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	size_t levels = jx_level_columns(r->doc);
	const jx_node *shown[JX_MAX_DEPTH + 1] = { 0 };
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ];

	fputs("## 二、绩效自评表（重新计算）\n\n", out);
	md_funds(out, r);
	fputc('|', out);
	for (size_t l = 0; l < levels; l++)
		fprintf(out, " %s |", jx_level_title((int)l + 1));
	fputs(" 指标值 | 实际完成值 | 分值 | 完成率 | 得分 | 扣分 |\n|", out);
	for (size_t l = 0; l < levels; l++)
		fputs("---|", out);
	fputs("---|---|---:|---:|---:|---:|\n", out);
	bool starred = r->funds.present && (r->funds.rate_mismatch || r->funds.score_mismatch);
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *chain[JX_MAX_DEPTH];
		size_t depth = jx_node_chain(chain, lr->node);
		starred |= !lr->na && (lr->rate_mismatch || lr->score_mismatch);
		fputc('|', out);
		for (size_t l = 0; l < levels; l++) {
			const jx_node *n = l < depth ? chain[l] : NULL;
			md_cell(out, n && (shown[l] != n || l + 1 == depth) ? n->name : "");
			shown[l] = n;
		}
		md_cell(out, lr->node->target.text);
		md_cell(out, lr->node->actual.present ? lr->node->actual.text : "");
		if (lr->na) {
			fprintf(out, " %s | / | / | / |\n", jx_report_fmt(a, lr->weight, -1));
			continue;
		}
		fprintf(out, " %s | %s%%%s | %s%s | %s |\n", jx_report_fmt(a, lr->weight, -1),
			jx_report_fmt(b, lr->rate_pct, rdec), lr->rate_mismatch ? "*" : "",
			jx_report_fmt(c, lr->score, dec), lr->score_mismatch ? "*" : "",
			jx_report_fmt(d, lr->lost, dec));
	}
	fputs(starred ? "\n带 `*` 的数值与自评表填报值不一致，见“发现的问题”。\n\n" : "\n", out);
}

static int md_deviations(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ];
	size_t k = 0;

	fputs("## 三、偏差原因分析\n\n", out);
	if (jx_report_funds_off_target(r)) {
		const jx_funds_row *row = &r->doc->funds.rows[0];
		fprintf(out, "### %zu. 预算执行率\n\n", ++k);
		fprintf(out, "- 全年预算数 %s %s，全年执行数 %s %s，执行率 %s%%，扣 %s 分\n",
			jx_dec_format_money(a, row->budget), r->doc->money_unit,
			jx_dec_format_money(b, row->executed), r->doc->money_unit,
			jx_report_fmt(c, r->funds.rate_pct, rdec), jx_report_fmt(d, r->funds.lost, dec));
		bool draft;
		const char *reason = jx_report_funds_reason(r, &draft);
		if (draft && *r->doc->funds.deviation) {
			fputs("- 自评表填写：", out);
			md_text(out, r->doc->funds.deviation, false);
			fputc('\n', out);
		}
		fputs(draft ? "- 偏差原因：" : "- 偏差原因分析及改进措施（自评表填写）：", out);
		md_text(out, reason, false);
		fputs(draft ? "。\n\n" : "\n\n", out);
	}
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		bool draft;
		if (!jx_report_off_target(lr))
			continue;
		char *reason = jx_report_reason(r, lr, &draft);
		if (!reason)
			return JX_ENOMEM;
		const jx_node *chain[JX_MAX_DEPTH];
		size_t depth = jx_node_chain(chain, lr->node);
		fprintf(out, "### %zu. ", ++k);
		md_text(out, lr->node->name, false);
		fputs("\n\n- 指标：", out);
		/* the path name by name, however long */
		for (size_t l = 0; l < depth; l++) {
			if (l)
				fputc('/', out);
			md_text(out, chain[l]->name, false);
		}
		fprintf(out, "（第 %u 行）\n- 指标值 ", lr->node->mark.line);
		md_text(out, lr->node->target.text, false);
		fputs("，实际完成值 ", out);
		md_text(out, lr->node->actual.text, false);
		fprintf(out, "，完成率 %s%%，扣 %s 分\n", jx_report_fmt(a, lr->rate_pct, rdec),
			jx_report_fmt(b, lr->lost, dec));
		if (draft) {
			if (*lr->node->deviation) {
				fputs("- 自评表填写：", out);
				md_text(out, lr->node->deviation, false);
				fputc('\n', out);
			}
			fputs("- 偏差原因（**草稿**，由 jixiao 根据数据生成，请核实补充原因和改进措施）：", out);
			md_text(out, reason, false);
			fputs("。\n\n", out);
		} else {
			fputs("- 偏差原因分析及改进措施（自评表填写）：", out);
			md_text(out, reason, false);
			fputs("\n\n", out);
		}
		free(reason);
	}
	if (k == 0)
		fputs("所有指标完成率均为 100%，无偏差。\n\n", out);
	return 0;
}

static void md_findings(FILE *out, const jx_result *r, const jx_findings *f)
{
	static const jx_fseverity order[] = { JX_FIND_ERROR, JX_FIND_WARNING, JX_FIND_INFO };
	(void)r;
	fputs("## 四、发现的问题\n\n", out);
	for (size_t s = 0; s < 3; s++) {
		size_t n = jx_findings_count(f, order[s]);
		fprintf(out, "### %s（%zu）\n\n", jx_fseverity_label(order[s]), n);
		for (size_t i = 0; i < f->count; i++) {
			const jx_finding *g = &f->items[i];
			if (g->severity != order[s])
				continue;
			fprintf(out, "- `%s` ", g->code);
			if (g->node)
				md_text(out, g->node->name, false);
			else
				fputs(g->funds ? "预算执行" : "全表", out);
			if (g->line)
				fprintf(out, "（第 %u 行）", g->line);
			fputs("：", out);
			md_text(out, g->message, false);
			fputc('\n', out);
		}
		if (n)
			fputc('\n', out);
	}
}

static int md_whatifs(FILE *out, const jx_report *rep)
{
	if (rep->nwhatifs == 0)
		return 0;
	fputs("## 五、情景测算\n\n", out);
	for (size_t i = 0; i < rep->nwhatifs; i++) {
		char *line = jx_report_whatif_line(rep, i);
		if (!line)
			return JX_ENOMEM;
		fputs("- ", out);
		md_text(out, line, false);
		fputs("。\n", out);
		free(line);
	}
	fputc('\n', out);
	return 0;
}

int jx_report_write_md(FILE *out, const jx_report *rep)
{
	md_header(out, rep->result);
	md_totals(out, rep->result);
	md_table(out, rep->result);
	if (md_deviations(out, rep->result) != 0)
		return JX_ENOMEM;
	md_findings(out, rep->result, rep->findings);
	if (md_whatifs(out, rep) != 0)
		return JX_ENOMEM;
	fputs("---\n由 jixiao 按数据重新计算生成；标为草稿的偏差原因须由填报单位核实。\n", out);
	return ferror(out) ? JX_EIO : 0;
}

/* -------------------------------------------------------------- json */

int jx_report_write_json(FILE *out, const jx_report *rep)
{
	const jx_result *r = rep->result;
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;

	yajl_gen_map_open(g);
	jx_json_str(g, "result");
	jx_json_result(g, r, rep->findings);

	jx_json_str(g, "lost_by_group");
	yajl_gen_array_open(g);
	if (r->funds.present) {
		yajl_gen_map_open(g);
		jx_json_str(g, "path");
		yajl_gen_array_open(g);
		jx_json_str(g, "funds");
		yajl_gen_array_close(g);
		jx_json_kv_num(g, "weight", r->funds.weight, -1);
		jx_json_kv_num(g, "max", jx_result_funds_max(r), -1);
		/* nothing budgeted or spent: not scored (null, as in result.funds), and
		 * nothing of 满分 − 总分 lost there (0) */
		if (r->funds.na)
			jx_json_kv_null(g, "score");
		else
			jx_json_kv_num(g, "score", r->funds.score, dec);
		jx_json_kv_num(g, "lost", r->funds.lost_in_total, dec);
		yajl_gen_map_close(g);
	}
	for (size_t i = 0; i < r->doc->nroots; i++) {
		const jx_node *n = &r->doc->roots[i];
		jx_dec score, part;
		jx_result_node(r, n, &score, &part);
		yajl_gen_map_open(g);
		jx_json_path(g, n);
		jx_json_kv_num(g, "weight", n->weight, -1);
		jx_json_kv_num(g, "max", jx_result_node_max(r, n), -1);
		jx_json_kv_num(g, "score", score, dec);
		jx_json_kv_num(g, "lost", part, dec);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);

	jx_json_str(g, "deviations");
	yajl_gen_array_open(g);
	if (jx_report_funds_off_target(r)) {
		/* the funds row: path ["funds"], as in audit records */
		yajl_gen_map_open(g);
		jx_json_funds_head(g, &r->doc->funds);
		jx_json_kv_num(g, "rate", r->funds.rate_pct, rdec);
		jx_json_kv_num(g, "lost", r->funds.lost, dec);
		bool draft;
		jx_json_kv_str(g, "reason", jx_report_funds_reason(r, &draft));
		jx_json_kv_bool(g, "draft", draft);
		jx_json_kv_int(g, "line", r->doc->funds.mark.line);
		yajl_gen_map_close(g);
	}
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		bool draft;
		if (!jx_report_off_target(lr))
			continue;
		char *reason = jx_report_reason(r, lr, &draft);
		if (!reason) {
			yajl_gen_free(g);
			return JX_ENOMEM;
		}
		yajl_gen_map_open(g);
		jx_json_path(g, lr->node);
		jx_json_kv_str(g, "target", lr->node->target.text);
		jx_json_kv_str(g, "actual", lr->node->actual.text);
		jx_json_kv_num(g, "rate", lr->rate_pct, rdec);
		jx_json_kv_num(g, "lost", lr->lost, dec);
		jx_json_kv_str(g, "reason", reason);
		jx_json_kv_bool(g, "draft", draft);
		jx_json_kv_int(g, "line", lr->node->mark.line);
		yajl_gen_map_close(g);
		free(reason);
	}
	yajl_gen_array_close(g);

	jx_json_str(g, "whatifs");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < rep->nwhatifs; i++) {
		const jx_result *w = rep->whatifs[i].result;
		yajl_gen_map_open(g);
		jx_json_kv_str(g, "label", rep->whatifs[i].label);
		jx_json_kv_num(g, "total", w->total, dec);
		jx_json_kv_str(g, "grade", w->grade ? w->grade->name : "");
		jx_json_kv_num(g, "delta", rep->whatifs[i].delta, dec);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
