/*
 * report_html.c - the bias-analysis report as one HTML file: inline CSS for
 * screen and A4 print, two inline SVG charts (a waterfall of points lost
 * from the maximum to the total, and completion rate per indicator against
 * the 100% line). No scripts, no fonts or images from the network.
 */
#include "jixiao/report.h"

#include "jixiao/common.h"
#include "report_priv.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void esc(FILE *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*p, out); break;
		}
	}
}

static const char css[] =
	"@page{size:A4;margin:15mm 14mm}"
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif;"
	"font-size:10.5pt;line-height:1.5;color:#1d1d1f;max-width:182mm;margin:12px auto;padding:0 8px}"
	"h1{font-size:17pt;margin:0 0 4px}h1 small{display:block;font-size:11pt;color:#555;font-weight:normal}"
	"h2{font-size:13pt;border-bottom:2px solid #34495e;padding-bottom:2px;margin:18px 0 8px}"
	"h3{font-size:11pt;margin:12px 0 4px}"
	"table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:9.5pt}"
	"th,td{border:1px solid #a0a7b0;padding:2px 5px;vertical-align:top}"
	"th{background:#eef1f5;font-weight:600;white-space:nowrap}"
	"thead{display:table-header-group}h2,h3{page-break-after:avoid;break-after:avoid}"
	"td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
	"table.meta td:first-child{width:22%;background:#f7f8fa}"
	".big{font-size:15pt;font-weight:700}"
	".bad{color:#b3261e;font-weight:700}.ok{color:#1e7b34}"
	".draft{background:#fff4d6;border-left:3px solid #e0a800;padding:2px 6px}"
	".sev-error{color:#b3261e}.sev-warning{color:#9a5b00}.sev-info{color:#3d5a80}"
	"code{font-size:9pt;background:#f0f2f5;padding:0 3px;border-radius:2px}"
	"ul{margin:2px 0 8px;padding-left:20px}li{margin:1px 0}"
	".chart{margin:6px 0 12px;page-break-inside:avoid}"
	"svg{font-family:inherit;max-width:100%;height:auto}"
	"tr,li,.dev{page-break-inside:avoid}.dev p{white-space:pre-line}"
	"footer{margin-top:16px;color:#666;font-size:8.5pt;border-top:1px solid #ccc;padding-top:4px}";

static char *fmt(char *buf, jx_dec d, int places)
{
	return jx_report_fmt(buf, d, places);
}

/* Values for charts in hundredths, integers: charts need no exactness,
 * but nothing here uses floating point either. */
static long long centi(jx_dec d)
{
	return d.units / 10000;
}

/* Print a coordinate given in tenths of a pixel. */
static void px(FILE *out, long long tenths)
{
	if (tenths < 0) {
		fputc('-', out);
		tenths = -tenths;
	}
	fprintf(out, "%lld.%lld", tenths / 10, tenths % 10);
}

/* ------------------------------------------------------------ header */

static void header(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];

	fputs("<h1>", out);
	esc(out, d->title);
	fprintf(out, "<small>%s（%d 年度）</small></h1>\n", jx_report_title(r), d->year);
	const char *labels[4], *values[4];
	char year[16];
	size_t n = jx_report_meta(r, labels, values, year, sizeof(year));
	fputs("<table class=\"meta\">", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "<tr><td>%s</td><td>", labels[i]);
		esc(out, values[i]);
		fputs("</td></tr>", out);
	}
	fputs("<tr><td>评分规则</td><td>", out);
	esc(out, r->rules->name);
	fputs("（", out);
	esc(out, r->rules->title);
	fputs("）</td></tr>", out);
	fputs("<tr><td>重新计算</td><td><span class=\"big\">", out);
	fputs(fmt(a, r->total, r->rules->decimals), out);
	fputs(" 分　", out);
	esc(out, r->grade ? r->grade->name : "");
	fprintf(out, "</span>（满分 %s）</td></tr>", fmt(b, r->max, -1));
	if (d->claimed.has_total || d->claimed.grade) {
		bool bad = r->total_mismatch || r->grade_mismatch;
		fputs("<tr><td>自评表填报</td><td>", out);
		if (d->claimed.has_total)
			fprintf(out, "%s 分　", fmt(a, d->claimed.total, d->claimed.total_places));
		if (d->claimed.grade)
			esc(out, d->claimed.grade);
		fprintf(out, "　<span class=\"%s\">%s</span></td></tr>", bad ? "bad" : "ok",
			bad ? "与重新计算结果不一致" : "一致");
	}
	fputs("</table>\n", out);
}

/* ---------------------------------------------------------- waterfall */

enum { WF_W = 680, WF_H = 270, WF_TOP = 40, WF_LEFT = 44, WF_PLOT_H = 160 };

/* A round number at or below v (hundredths): the chart's floor. */
/* A chart label of at most max characters, the rest as "…"; the whole name
 * is its tooltip. */
static void label(FILE *out, const char *name, size_t max)
{
	char *buf = NULL;
	const char *shown = jx_text_fit(name, max, &buf);
	esc(out, shown);
	if (shown != name) {
		fputs("<title>", out);
		esc(out, name);
		fputs("</title>", out);
	}
	free(buf);
}

static long long floor_tick(long long v, long long step)
{
	return v <= 0 ? 0 : v / step * step;
}

static void waterfall(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals;
	long long hi = centi(r->max), total = centi(r->total), gap = hi - total;
	size_t nsteps = 0;
	char a[JX_DEC_BUFSZ];

	for (size_t i = 0; i < r->nleaves; i++)
		nsteps += r->leaves[i].lost_in_total.units > 0;
	nsteps += r->funds.present && r->funds.lost_in_total.units > 0;
	/* Room below the total for the losses to read, on a round number. */
	long long pad = gap * 2 > hi / 20 ? gap * 2 : hi / 20;
	long long lo = floor_tick(total - pad, hi >= 5000 ? 1000 : 100);
	if (lo < 0)
		lo = 0;
	long long span = hi - lo > 0 ? hi - lo : 1;
	size_t nbars = nsteps + 2;
	long long slot = (long long)(WF_W - WF_LEFT - 10) * 10 / (long long)nbars;
	long long bar = slot * 6 / 10 > 450 ? 450 : slot * 6 / 10;
	/* Bars too narrow for "−10.53" across them (a department's table with
	 * twenty indicators short) carry their values upright, above a taller
	 * margin, so that neighbours do not print over each other. */
	bool upright = slot < 320;
	int head = WF_TOP + (upright ? 28 : 0), height = WF_H + (upright ? 28 : 0);
#define Y(v) ((long long)head * 10 + ((hi - (v)) * WF_PLOT_H * 10) / span)

	fprintf(out, "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"扣分瀑布图\">\n",
		WF_W, height, WF_W, height);
	jx_dec adjust;
	fprintf(out, "<text x=\"%d\" y=\"14\" font-size=\"11\" font-weight=\"600\">扣分瀑布图：从满分到总分%s</text>\n",
		WF_LEFT, jx_report_rescaled(r, &adjust) ? "（扣分已按不适用指标折算）" : "");
	/* axis with the floor and the maximum; every tick with the same places */
	int tick_places = 0;
	for (int t = 0; t <= 4; t++)
		if ((lo + span * t / 4) % 100)
			tick_places = 2;
	for (int t = 0; t <= 4; t++) {
		long long v = lo + span * t / 4;
		fputs("<line x1=\"", out);
		px(out, WF_LEFT * 10);
		fputs("\" x2=\"", out);
		px(out, (WF_W - 10) * 10);
		fputs("\" y1=\"", out);
		px(out, Y(v));
		fputs("\" y2=\"", out);
		px(out, Y(v));
		fputs("\" stroke=\"#e1e4e8\"/><text x=\"", out);
		px(out, (WF_LEFT - 4) * 10);
		fputs("\" y=\"", out);
		px(out, Y(v) + 30);
		fprintf(out, "\" font-size=\"9\" text-anchor=\"end\">%s</text>\n",
			fmt(a, (jx_dec){ v * 10000 }, tick_places));
	}
	long long level = hi;
	for (size_t k = 0; k < nbars; k++) {
		long long x = WF_LEFT * 10 + slot * (long long)k + (slot - bar) / 2;
		long long top, bottom;
		const char *color, *name;
		jx_dec shown;
		if (k == 0) {
			top = hi, bottom = lo, color = "#8a94a6", name = "满分";
			shown = r->max;
		} else if (k == nbars - 1) {
			top = total, bottom = lo, color = "#2f6db5", name = "总分";
			shown = r->total;
		} else {
			/* the k-th leaf (or the funds row) that lost points, in table order */
			size_t seen = 0;
			const jx_leaf_result *lr = NULL;
			bool funds = r->funds.present && r->funds.lost_in_total.units > 0;
			if (funds && k == 1) {
				shown = r->funds.lost_in_total;
				name = "预算执行率";
			} else {
				for (size_t i = 0; i < r->nleaves && !lr; i++)
					if (r->leaves[i].lost_in_total.units > 0 && ++seen == k - (funds ? 1 : 0))
						lr = &r->leaves[i];
				shown = lr->lost_in_total;
				name = lr->node->name;
			}
			top = level, bottom = level - centi(shown), color = "#d1495b";
			level = bottom;
		}
		fputs("<rect x=\"", out);
		px(out, x);
		fputs("\" y=\"", out);
		px(out, Y(top));
		fputs("\" width=\"", out);
		px(out, bar);
		fputs("\" height=\"", out);
		px(out, Y(bottom) - Y(top) > 5 ? Y(bottom) - Y(top) : 5);
		fprintf(out, "\" fill=\"%s\"/>\n", color);
		if (upright) {
			fputs("<text transform=\"translate(", out);
			px(out, x + bar / 2 + 30);
			fputc(',', out);
			px(out, Y(top) - 30);
			fputs(") rotate(-90)\" font-size=\"9\">", out);
		} else {
			fputs("<text x=\"", out);
			px(out, x + bar / 2);
			fputs("\" y=\"", out);
			px(out, Y(top) - 30);
			fputs("\" font-size=\"9\" text-anchor=\"middle\">", out);
		}
		fprintf(out, "%s%s</text>\n",
			k > 0 && k < nbars - 1 ? "−" : "", fmt(a, shown, dec));
		if (k < nbars - 1) {
			/* a dotted line carries the level on to the next bar */
			long long y = Y(k == 0 ? top : bottom);
			fputs("<line x1=\"", out);
			px(out, x + bar);
			fputs("\" x2=\"", out);
			px(out, x + slot);
			fputs("\" y1=\"", out);
			px(out, y);
			fputs("\" y2=\"", out);
			px(out, y);
			fputs("\" stroke=\"#888\" stroke-dasharray=\"2,2\"/>\n", out);
		}
		fputs("<text transform=\"translate(", out);
		px(out, x + bar / 2);
		fputc(',', out);
		px(out, (head + WF_PLOT_H + 12) * 10);
		fputs(") rotate(-35)\" font-size=\"9\" text-anchor=\"end\">", out);
		label(out, name, 10);
		fputs("</text>\n", out);
	}
#undef Y
	fputs("</svg></div>\n", out);
}

/* --------------------------------------------------------- rate chart */

enum { RC_W = 680, RC_LABEL = 190, RC_ROW = 17, RC_TOP = 30 };

static void rate_chart(FILE *out, const jx_result *r)
{
	int rdec = r->rules->rate_decimals;
	size_t rows = 0;
	long long xmax = 12000; /* 120% in hundredths of a percent */
	char a[JX_DEC_BUFSZ];

	for (size_t i = 0; i < r->nleaves; i++) {
		if (r->leaves[i].na)
			continue;
		rows++;
		long long v = centi(r->leaves[i].rate_pct);
		if (v > xmax)
			xmax = v;
	}
	if (xmax > 30000)
		xmax = 30000; /* bars beyond 300% are cut and labelled */
	xmax = (xmax + 1999) / 2000 * 2000;
	long long plot = (RC_W - RC_LABEL - 60) * 10;
	int height = RC_TOP + (int)rows * RC_ROW + 24;
#define X(v) ((long long)RC_LABEL * 10 + (v) * plot / xmax)

	fprintf(out, "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"各指标完成率\">\n",
		RC_W, height, RC_W, height);
	fputs("<text x=\"4\" y=\"14\" font-size=\"11\" font-weight=\"600\">各指标完成率（虚线为 100%）</text>\n", out);
	for (long long t = 0; t <= xmax; t += 2000) {
		fputs("<line x1=\"", out);
		px(out, X(t));
		fputs("\" x2=\"", out);
		px(out, X(t));
		fprintf(out, "\" y1=\"%d\" y2=\"%d\" stroke=\"#eef0f3\"/><text x=\"", RC_TOP - 6,
			RC_TOP + (int)rows * RC_ROW);
		px(out, X(t));
		fprintf(out, "\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%lld%%</text>\n",
			RC_TOP + (int)rows * RC_ROW + 12, t / 100);
	}
	size_t row = 0;
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		if (lr->na)
			continue;
		long long v = centi(lr->rate_pct), y = RC_TOP + (long long)row * RC_ROW;
		long long shown = v > xmax ? xmax : v;
		bool over = jx_frac_cmp(lr->rate, r->rules->findings.over_completion) > 0;
		const char *color = v < 10000 ? "#d1495b" : over ? "#7b4fa3" : "#3a9d5d";
		fprintf(out, "<text x=\"%d\" y=\"%lld\" font-size=\"9.5\" text-anchor=\"end\">", RC_LABEL - 6, y + 12);
		label(out, lr->node->name, 18);
		fprintf(out, "</text><rect x=\"%d\" y=\"%lld\" width=\"", RC_LABEL, y + 3);
		px(out, X(shown) - RC_LABEL * 10 > 5 ? X(shown) - RC_LABEL * 10 : 5);
		fprintf(out, "\" height=\"%d\" fill=\"%s\"/><text x=\"", RC_ROW - 6, color);
		px(out, X(shown) + 30);
		fprintf(out, "\" y=\"%lld\" font-size=\"9\">%s%%%s</text>\n", y + 12,
			fmt(a, lr->rate_pct, rdec), v > xmax ? " →" : "");
		row++;
	}
	fputs("<line x1=\"", out);
	px(out, X(10000));
	fputs("\" x2=\"", out);
	px(out, X(10000));
	fprintf(out, "\" y1=\"%d\" y2=\"%d\" stroke=\"#1d1d1f\" stroke-width=\"1.2\" stroke-dasharray=\"4,3\"/>\n",
		RC_TOP - 6, RC_TOP + (int)rows * RC_ROW);
#undef X
	fputs("</svg></div>\n", out);
}

/* ------------------------------------------------------------- tables */

static void lost_table(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	jx_dec lost;
	jx_dec_sub(&lost, r->max, r->total);

	jx_dec adjust;
	bool rescaled = jx_report_rescaled(r, &adjust);
	if (r->na_weight.units > 0)
		fprintf(out, "<p>不适用指标分值 %s，%s。</p>\n", fmt(a, r->na_weight, -1),
			rescaled ? "已按百分制折算，扣分按比例放大" : "不计入满分");
	fprintf(out, "<table><thead><tr><th>一级指标</th><th>分值</th><th>得分</th><th>%s</th></tr></thead>\n",
		rescaled ? "扣分（折算后）" : "扣分");
	if (r->funds.present)
		fprintf(out, "<tr><td>预算执行率</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			fmt(a, jx_result_funds_max(r), -1), r->funds.na ? "/" : fmt(b, r->funds.score, dec),
			r->funds.na ? "/" : fmt(c, r->funds.lost_in_total, dec));
	for (size_t i = 0; i < r->doc->nroots; i++) {
		const jx_node *n = &r->doc->roots[i];
		jx_dec score, part;
		jx_result_node(r, n, &score, &part);
		fputs("<tr><td>", out);
		esc(out, n->name);
		fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			fmt(a, jx_result_node_max(r, n), -1), fmt(b, score, dec), fmt(c, part, dec));
	}
	if (rescaled)
		fprintf(out, "<tr><td>不适用指标折算</td><td></td><td class=\"n\">%s%s</td><td></td></tr>\n",
			adjust.units > 0 ? "+" : "", fmt(b, adjust, dec));
	fprintf(out, "<tr><th>合计</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></table>\n",
		fmt(a, r->max, -1), fmt(b, r->total, dec), fmt(c, lost, dec));
}

/* Rows a group spans: its leaves, so a merged cell can cover them. */
static size_t leaf_count(const jx_node *n)
{
	if (jx_node_is_leaf(n))
		return 1;
	size_t k = 0;
	for (size_t i = 0; i < n->nchildren; i++)
		k += leaf_count(&n->children[i]);
	return k;
}

/* A value marked as not what the table claims, with the claim as a tooltip. */
static void marked(FILE *out, bool bad, const char *shown, const char *unit, jx_dec claimed,
		   int places)
{
	char c[JX_DEC_BUFSZ];
	if (bad)
		fprintf(out, "<td class=\"n bad\" title=\"填报 %s%s\">%s%s</td>", fmt(c, claimed, places),
			unit, shown, unit);
	else
		fprintf(out, "<td class=\"n\">%s%s</td>", shown, unit);
}

/* The funds rows: amounts as written, the first row's 执行率 and 得分. */
static void funds_table(FILE *out, const jx_result *r)
{
	const jx_funds *f = &r->doc->funds;
	const jx_funds_result *fr = &r->funds;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];
	if (!fr->present)
		return;
	fprintf(out, "<table><thead><tr><th>%s（%s）</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th>"
		     "<th>分值</th><th>执行率</th><th>得分</th></tr></thead>\n",
		jx_funds_title(r->doc->kind), r->doc->money_unit);
	for (size_t i = 0; i < f->nrows; i++) {
		const jx_funds_row *row = &f->rows[i];
		fputs("<tr><td>", out);
		esc(out, row->name);
		fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>",
			row->has_initial ? jx_dec_format_money(a, row->initial) : "", jx_dec_format_money(b, row->budget),
			jx_dec_format_money(c, row->executed));
		if (i > 0) {
			fputs("<td></td><td></td><td></td></tr>\n", out);
		} else if (fr->na) {
			fprintf(out, "<td class=\"n\">%s</td><td class=\"n\">/</td><td class=\"n\">/</td></tr>\n",
				fmt(a, fr->weight, -1));
		} else {
			fprintf(out, "<td class=\"n\">%s</td>", fmt(a, fr->weight, -1));
			marked(out, fr->rate_mismatch, fmt(b, fr->rate_pct, r->rules->rate_decimals), "%",
			       f->claimed.rate, f->claimed.rate_places);
			marked(out, fr->score_mismatch, fmt(c, fr->score, r->rules->decimals), "",
			       f->claimed.score, f->claimed.score_places);
			fputs("</tr>\n", out);
		}
	}
	fputs("</table>\n", out);
}

static void score_table(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	size_t levels = jx_level_columns(r->doc);
	const jx_node *shown[JX_MAX_DEPTH + 1] = { 0 };
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ];

	bool any = r->funds.present && (r->funds.rate_mismatch || r->funds.score_mismatch);
	funds_table(out, r);
	fputs("<table><thead><tr>", out);
	for (size_t l = 0; l < levels; l++)
		fprintf(out, "<th>%s</th>", jx_level_title((int)l + 1));
	fputs("<th>指标值</th><th>实际完成值</th><th>分值</th><th>完成率</th><th>得分</th><th>扣分</th></tr></thead>\n", out);
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *chain[JX_MAX_DEPTH];
		size_t depth = jx_node_chain(chain, lr->node);
		fputs("<tr>", out);
		/* Groups as merged cells; a leaf spans the columns below its depth. */
		for (size_t l = 0; l < depth; l++) {
			const jx_node *n = chain[l];
			if (l + 1 == depth) {
				fprintf(out, "<td colspan=\"%zu\">", levels - l);
				esc(out, n->name);
				fputs("</td>", out);
			} else if (shown[l] != n) {
				fprintf(out, "<td rowspan=\"%zu\">", leaf_count(n));
				esc(out, n->name);
				fputs("</td>", out);
			}
			shown[l] = n;
		}
		for (size_t l = depth; l <= JX_MAX_DEPTH; l++)
			shown[l] = NULL;
		fputs("<td>", out);
		esc(out, lr->node->target.text);
		fputs("</td><td>", out);
		esc(out, lr->node->actual.present ? lr->node->actual.text : "");
		fprintf(out, "</td><td class=\"n\">%s</td>", fmt(a, lr->weight, -1));
		if (lr->na) {
			fputs("<td class=\"n\">/</td><td class=\"n\">/</td><td class=\"n\">/</td></tr>\n", out);
			continue;
		}
		const jx_claim *cl = &lr->node->claimed;
		marked(out, lr->rate_mismatch, fmt(b, lr->rate_pct, rdec), "%", cl->rate, cl->rate_places);
		marked(out, lr->score_mismatch, fmt(c, lr->score, dec), "", cl->score, cl->score_places);
		fprintf(out, "<td class=\"n\">%s</td></tr>\n", fmt(a, lr->lost, dec));
		any |= lr->rate_mismatch || lr->score_mismatch;
	}
	fputs("</table>\n", out);
	if (any)
		fputs("<p>标红的数值与自评表填报值不一致（指针停在数值上可见填报值），见“发现的问题”。</p>\n", out);
}

static int deviations(FILE *out, const jx_result *r)
{
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], c[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ];
	size_t k = 0;

	if (jx_report_funds_off_target(r)) {
		const jx_funds_row *row = &r->doc->funds.rows[0];
		const char *unit = r->doc->money_unit;
		fprintf(out, "<div class=\"dev\"><h3>%zu. 预算执行率</h3><p>全年预算数 %s %s，全年执行数 %s %s，执行率 %s%%，扣 %s 分</p>\n",
			++k, jx_dec_format_money(a, row->budget), unit, jx_dec_format_money(b, row->executed), unit,
			fmt(c, r->funds.rate_pct, rdec), fmt(d, r->funds.lost, dec));
		bool draft;
		const char *reason = jx_report_funds_reason(r, &draft);
		if (draft && *r->doc->funds.deviation) {
			fputs("<p>自评表填写：", out);
			esc(out, r->doc->funds.deviation);
			fputs("</p>", out);
		}
		fputs(draft ? "<p class=\"draft\">" : "<p>偏差原因分析及改进措施：", out);
		esc(out, reason);
		fputs(draft ? "。</p></div>\n" : "</p></div>\n", out);
	}
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		bool draft;
		if (!jx_report_off_target(lr))
			continue;
		char *reason = jx_report_reason(r, lr, &draft);
		if (!reason)
			return JX_ENOMEM;
		fprintf(out, "<div class=\"dev\"><h3>%zu. ", ++k);
		esc(out, lr->node->name);
		fprintf(out, "</h3><p>指标值 ");
		esc(out, lr->node->target.text);
		fputs("，实际完成值 ", out);
		esc(out, lr->node->actual.text);
		fprintf(out, "，完成率 %s%%，扣 %s 分（第 %u 行）</p>\n", fmt(a, lr->rate_pct, rdec),
			fmt(b, lr->lost, dec), lr->node->mark.line);
		if (draft) {
			if (*lr->node->deviation) {
				fputs("<p>自评表填写：", out);
				esc(out, lr->node->deviation);
				fputs("</p>", out);
			}
			fputs("<p class=\"draft\"><b>偏差原因（草稿，由 jixiao 根据数据生成，请核实补充原因和改进措施）：</b>", out);
			esc(out, reason);
			fputs("。</p></div>\n", out);
		} else {
			fputs("<p>偏差原因分析及改进措施：", out);
			esc(out, reason);
			fputs("</p></div>\n", out);
		}
		free(reason);
	}
	if (k == 0)
		fputs("<p>所有指标完成率均为 100%，无偏差。</p>\n", out);
	return 0;
}

static void findings(FILE *out, const jx_findings *f)
{
	static const jx_fseverity order[] = { JX_FIND_ERROR, JX_FIND_WARNING, JX_FIND_INFO };
	for (size_t s = 0; s < 3; s++) {
		size_t n = jx_findings_count(f, order[s]);
		fprintf(out, "<h3 class=\"sev-%s\">%s（%zu）</h3>\n", jx_fseverity_name(order[s]),
			jx_fseverity_label(order[s]), n);
		if (!n)
			continue;
		fputs("<ul>\n", out);
		for (size_t i = 0; i < f->count; i++) {
			const jx_finding *g = &f->items[i];
			if (g->severity != order[s])
				continue;
			fprintf(out, "<li><code>%s</code> ", g->code);
			esc(out, g->node ? g->node->name : g->funds ? "预算执行" : "全表");
			if (g->line)
				fprintf(out, "（第 %u 行）", g->line);
			fputs("：", out);
			esc(out, g->message);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
}

int jx_report_write_html(FILE *out, const jx_report *rep)
{
	const jx_result *r = rep->result;

	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	esc(out, r->doc->title);
	fprintf(out, " · %s</title>\n<style>%s</style>\n</head>\n<body>\n", jx_report_title(r), css);
	header(out, r);
	fputs("<h2>一、总体结果</h2>\n", out);
	lost_table(out, r);
	waterfall(out, r);
	fputs("<h2>二、绩效自评表（重新计算）</h2>\n", out);
	score_table(out, r);
	rate_chart(out, r);
	fputs("<h2>三、偏差原因分析</h2>\n", out);
	if (deviations(out, r) != 0)
		return JX_ENOMEM;
	fputs("<h2>四、发现的问题</h2>\n", out);
	findings(out, rep->findings);
	if (rep->nwhatifs) {
		fputs("<h2>五、情景测算</h2>\n<ul>\n", out);
		for (size_t i = 0; i < rep->nwhatifs; i++) {
			char *line = jx_report_whatif_line(rep, i);
			if (!line)
				return JX_ENOMEM;
			fputs("<li>", out);
			esc(out, line);
			fputs("。</li>\n", out);
			free(line);
		}
		fputs("</ul>\n", out);
	}
	fputs("<footer>由 jixiao 按数据重新计算生成；标为草稿的偏差原因须由填报单位核实。文件：", out);
	esc(out, r->doc->path_shown);
	fputs("</footer>\n</body>\n</html>\n", out);
	return ferror(out) ? JX_EIO : 0;
}
