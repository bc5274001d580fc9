/*
 * sensitivity_write.c - the results of a sensitivity run: text with bar
 * charts, JSON (spec §6), and an HTML page with SVG histograms. Numbers of
 * an experiment, printed with fixed decimals so that runs compare byte for byte.
 */
#include "jixiao/sensitivity.h"

#include "jixiao/common.h"
#include "json.h"
#include "table.h"
#include "text.h"

#include <math.h>
#include <string.h>

/* Ranks shown in the rank tables (JSON has them all). */
#define RANKS_SHOWN 10

static size_t ranks_shown(const jx_sens *s)
{
	return s->nfiles < RANKS_SHOWN ? s->nfiles : RANKS_SHOWN;
}

/* The notes under a rank table, each between pre and post: when it leaves
 * ranks out, and when files shared a rank. */
static void rank_notes(FILE *out, const jx_sens *s, const char *pre, const char *post)
{
	if (s->nfiles > RANKS_SHOWN)
		fprintf(out, "%s只列出第1名至第%d名；每一名次的概率见 --format json 的 ranks。%s", pre,
			RANKS_SHOWN, post);
	if (s->ties)
		fprintf(out, "%s总分相同的文件并列同一名次，所以同一名次的概率合计可以超过 100%%。%s", pre, post);
}

/* Whether another file of the run has the title of file f: the rank
 * tables then name each such file by its path too, or their rows could
 * not be told apart. */
static bool title_shared(const jx_sens *s, size_t f)
{
	for (size_t g = 0; g < s->nfiles; g++)
		if (g != f && strcmp(s->files[g].result->doc->title, s->files[f].result->doc->title) == 0)
			return true;
	return false;
}

/* x as jx_fixed writes it, with a '+' when not negative ("+0.0123"), in
 * buf of JX_FIXED_BUFSZ + 1 bytes. */
static const char *with_sign(char *buf, double x, int places)
{
	jx_fixed(buf + 1, x, places);
	if (buf[1] == '-')
		return buf + 1;
	buf[0] = '+';
	return buf;
}

#define SIGNED_FIXED(x, places) with_sign((char[JX_FIXED_BUFSZ + 1]){ 0 }, (x), (places))

/* "  ####" for a share of width, nothing for none; then the line end. */
static void bar(FILE *out, double share, int width)
{
	int n = (int)(share * width + 0.5);
	if (n > 0)
		fputs("  ", out);
	for (int i = 0; i < n; i++)
		fputc('#', out);
	fputc('\n', out);
}

/*
 * How the draws were made, then the criteria: two lines of text, or two HTML
 * paragraphs. open and close go around each, stop ends the first sentence,
 * and put writes a criterion's name (escaped for HTML).
 */
static void describe(FILE *out, const jx_sens *s, void (*put)(FILE *, const char *),
		     const char *open, const char *stop, const char *close)
{
	fprintf(out, "%s生成器 %s，种子 %lu，样本 %zu，层级 %d，权重分布：", open, s->generator,
		s->opts.seed, s->opts.samples, s->opts.level);
	if (s->opts.concentration > 0)
		fprintf(out, "围绕基准权重的 Dirichlet(K·w0)，K = %s",
			jx_shortest((char[JX_SHORTEST_BUFSZ]){ 0 }, s->opts.concentration));
	else
		fputs("单纯形上均匀分布（Dirichlet(1,…,1)）", out);
	fprintf(out, "%s%s%s准则：", stop, close, open);
	for (size_t c = 0; c < s->ncriteria; c++) {
		fputs(c ? "、" : "", out);
		put(out, s->criteria[c]);
	}
	fputs(close, out);
}

static void put_text(FILE *out, const char *s)
{
	fputs(s, out);
}

/* The criteria ordered by how much their weight moves the grade. */
static void influence_order(const jx_sens *s, const jx_sens_file *f, size_t *order)
{
	for (size_t c = 0; c < s->ncriteria; c++) {
		size_t j = c;
		while (j > 0 && fabs(f->influence[order[j - 1]]) < fabs(f->influence[c]))
			order[j] = order[j - 1], j--;
		order[j] = c;
	}
}

/* Decimals that tell the edges of bins of width w apart: 2, up to 6 for
 * draws packed closely (a high --concentration). */
static int bin_places(double w)
{
	int places = 2;
	while (places < 6 && w > 0 && w < pow(10, -places))
		places++;
	return places;
}

static void text_file(FILE *out, const jx_sens *s, const jx_sens_file *f)
{
	const jx_rules *rules = f->result->rules;
	size_t order[64];
	size_t maxhist = 1;

	fprintf(out, "\n%s（%s）\n", f->result->doc->title, f->result->doc->path_shown);
	fprintf(out, "  基准总分   %s（%s）\n", JX_FIXED(f->base_total, rules->decimals),
		rules->grades[f->base_grade].name);
	fprintf(out, "  总分分布   均值 %s，标准差 %s\n", JX_FIXED(f->mean, 2), JX_FIXED(f->sd, 2));
	fprintf(out, "             5%% %s   25%% %s   50%% %s   75%% %s   95%% %s\n", JX_FIXED(f->q[0], 2),
		JX_FIXED(f->q[1], 2), JX_FIXED(f->q[2], 2), JX_FIXED(f->q[3], 2), JX_FIXED(f->q[4], 2));
	fputs("  等级概率", out);
	/* the names padded to the widest, so that the percentages line up (优秀, 不合格) */
	size_t namew = 0;
	for (size_t g = 0; g < rules->ngrades; g++)
		if (jx_text_width0(rules->grades[g].name) > namew)
			namew = jx_text_width0(rules->grades[g].name);
	for (size_t g = 0; g < rules->ngrades; g++) {
		fprintf(out, "%s%s%*s %7s%%", g ? "             " : "   ", rules->grades[g].name,
			(int)(namew - jx_text_width0(rules->grades[g].name)), "",
			JX_FIXED(f->grades[g] * 100, 2));
		bar(out, f->grades[g], 40);
	}
	fprintf(out, "  等级改变   %s%%", JX_FIXED(f->p_change * 100, 2));
	if (f->p_change > 0) {
		influence_order(s, f, order);
		fputs("；最易改变等级的权重：", out);
		for (size_t i = 0; i < s->ncriteria && i < 3; i++)
			fprintf(out, "%s%s %s", i ? "，" : "", s->criteria[order[i]],
				SIGNED_FIXED(f->influence[order[i]], 4));
	}
	fputs("\n  总分直方图\n", out);
	for (int b = 0; b < JX_SENS_BINS; b++)
		if (f->hist[b] > maxhist)
			maxhist = f->hist[b];
	double w = (f->hi - f->lo) / JX_SENS_BINS;
	int places = bin_places(w), rows = w > 0 ? JX_SENS_BINS : 1; /* one row when every total is the same */
	int edge = 7; /* the widest edge, so that the rows line up past 99.99 or 9999.99 */
	for (int b = 0; b <= rows; b++)
		if ((int)strlen(JX_FIXED(f->lo + w * b, places)) > edge)
			edge = (int)strlen(JX_FIXED(f->lo + w * b, places));
	for (int b = 0; b < rows; b++) {
		fprintf(out, "    %*s–%-*s %7zu", edge, JX_FIXED(f->lo + w * b, places), edge,
			JX_FIXED(f->lo + w * (b + 1), places), f->hist[b]);
		bar(out, (double)f->hist[b] / (double)maxhist, 40);
	}
}

int jx_sens_write_text(FILE *out, const jx_sens *s)
{
	fputs("权重敏感性分析（蒙特卡洛）\n", out);
	describe(out, s, put_text, "", "", "\n");
	for (size_t f = 0; f < s->nfiles; f++)
		text_file(out, s, &s->files[f]);
	if (s->nfiles < 2)
		return ferror(out) ? JX_EIO : 0;

	/* Several files: rank acceptability (SMAA-2) and central weights. */
	size_t nranks = ranks_shown(s);
	jx_table t;
	jx_table_init(&t, 2 + nranks);
	for (size_t c = 1; c < 2 + nranks; c++)
		jx_table_align(&t, c, JX_RIGHT);
	size_t h = jx_table_row(&t);
	jx_table_set(&t, h, 0, "排名概率");
	jx_table_set(&t, h, 1, "基准总分");
	for (size_t r = 0; r < nranks; r++)
		jx_table_set(&t, h, 2 + r, "第%zu名", r + 1);
	jx_table_rule(&t, h);
	for (size_t f = 0; f < s->nfiles; f++) {
		size_t k = jx_table_row(&t);
		const jx_doc *d = s->files[f].result->doc;
		if (title_shared(s, f))
			jx_table_set(&t, k, 0, "%s（%s）", d->title, d->path_shown);
		else
			jx_table_set(&t, k, 0, "%s", d->title);
		jx_table_set(&t, k, 1, "%s", JX_FIXED(s->files[f].base_total, s->files[f].result->rules->decimals));
		for (size_t r = 0; r < nranks; r++)
			jx_table_set(&t, k, 2 + r, "%s%%", JX_FIXED(s->files[f].ranks[r] * 100, 2));
	}
	fputc('\n', out);
	int rc = jx_table_print(&t, out);
	jx_table_release(&t);
	if (rc)
		return rc;
	rank_notes(out, s, "\n", "\n");
	fputs("\n排名第一时的平均权重（central weights）\n", out);
	for (size_t f = 0; f < s->nfiles; f++) {
		const jx_sens_file *sf = &s->files[f];
		fprintf(out, "  %s", sf->result->doc->title);
		if (title_shared(s, f))
			fprintf(out, "（%s）", sf->result->doc->path_shown);
		fputs("：", out);
		if (!sf->has_central)
			fputs("从未排名第一", out);
		for (size_t c = 0; sf->has_central && c < s->ncriteria; c++)
			fprintf(out, "%s%s %s", c ? "，" : "", s->criteria[c], JX_FIXED(sf->central[c], 4));
		fputc('\n', out);
	}
	fprintf(out, "\n基准排名与抽样排名的 Kendall tau 均值：%s\n", JX_FIXED(s->kendall_tau, 4));
	return ferror(out) ? JX_EIO : 0;
}

/* ---------------------------------------------------------------- json */

int jx_sens_write_json(FILE *out, const jx_sens *s)
{
	static const char *const qnames[5] = { "q05", "q25", "q50", "q75", "q95" };
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "generator", s->generator);
	jx_json_kv_int(g, "seed", (long long)s->opts.seed);
	jx_json_kv_int(g, "samples", (long long)s->opts.samples);
	jx_json_kv_int(g, "level", s->opts.level);
	if (s->opts.concentration > 0) {
		jx_json_str(g, "concentration");
		jx_json_shortest(g, s->opts.concentration);
	}
	else
		jx_json_kv_null(g, "concentration");
	jx_json_str(g, "criteria");
	yajl_gen_array_open(g);
	for (size_t c = 0; c < s->ncriteria; c++)
		jx_json_str(g, s->criteria[c]);
	yajl_gen_array_close(g);
	jx_json_str(g, "alpha");
	yajl_gen_array_open(g);
	for (size_t c = 0; c < s->ncriteria; c++)
		jx_json_shortest(g, s->alpha[c]);
	yajl_gen_array_close(g);
	jx_json_str(g, "files");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < s->nfiles; i++) {
		const jx_sens_file *f = &s->files[i];
		const jx_rules *rules = f->result->rules;
		yajl_gen_map_open(g);
		jx_json_kv_str(g, "file", f->result->doc->path);
		jx_json_kv_str(g, "title", f->result->doc->title);
		jx_json_kv_double(g, "base_total", f->base_total, rules->decimals);
		jx_json_kv_str(g, "base_grade", rules->grades[f->base_grade].name);
		jx_json_str(g, "total");
		yajl_gen_map_open(g);
		jx_json_kv_double(g, "mean", f->mean, 4);
		jx_json_kv_double(g, "sd", f->sd, 4);
		for (int q = 0; q < 5; q++)
			jx_json_kv_double(g, qnames[q], f->q[q], 4);
		yajl_gen_map_close(g);
		jx_json_str(g, "grades");
		yajl_gen_map_open(g);
		for (size_t k = 0; k < rules->ngrades; k++)
			jx_json_kv_double(g, rules->grades[k].name, f->grades[k], 6);
		yajl_gen_map_close(g);
		jx_json_str(g, "grade_change");
		yajl_gen_map_open(g);
		jx_json_kv_double(g, "probability", f->p_change, 6);
		jx_json_str(g, "influence");
		yajl_gen_map_open(g);
		for (size_t c = 0; c < s->ncriteria; c++)
			jx_json_kv_double(g, s->criteria[c], f->influence[c], 6);
		yajl_gen_map_close(g);
		yajl_gen_map_close(g);
		/* spec §6: a file alone is first in every draw */
		jx_json_str(g, "ranks");
		yajl_gen_array_open(g);
		for (size_t r = 0; r < s->nfiles; r++)
			jx_json_double(g, s->nfiles > 1 ? f->ranks[r] : 1.0, 6);
		yajl_gen_array_close(g);
		if (s->nfiles > 1) {
			jx_json_str(g, "central_weights");
			if (f->has_central) {
				yajl_gen_map_open(g);
				for (size_t c = 0; c < s->ncriteria; c++)
					jx_json_kv_double(g, s->criteria[c], f->central[c], 6);
				yajl_gen_map_close(g);
			} else {
				yajl_gen_null(g);
			}
		}
		jx_json_str(g, "histogram");
		yajl_gen_map_open(g);
		jx_json_kv_double(g, "lo", f->lo, 4);
		jx_json_kv_double(g, "hi", f->hi, 4);
		jx_json_str(g, "counts");
		yajl_gen_array_open(g);
		for (int b = 0; b < JX_SENS_BINS; b++)
			yajl_gen_integer(g, (long long)f->hist[b]);
		yajl_gen_array_close(g);
		yajl_gen_map_close(g);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	if (s->nfiles > 1) {
		jx_json_kv_double(g, "kendall_tau", s->kendall_tau, 6);
		jx_json_kv_bool(g, "ties", s->ties);
	}
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}

/* ---------------------------------------------------------------- html */

static void esc(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else
			fputc(*s, out);
	}
}

/* The title of file f, with its path when another file has that title. */
static void esc_title(FILE *out, const jx_sens *s, size_t f)
{
	esc(out, s->files[f].result->doc->title);
	if (title_shared(s, f)) {
		fputs("（", out);
		esc(out, s->files[f].result->doc->path_shown);
		fputs("）", out);
	}
}

static void histogram_svg(FILE *out, const jx_sens_file *f)
{
	const int W = 560, H = 160, left = 40, top = 10, plot = 120;
	size_t maxhist = 1;
	for (int b = 0; b < JX_SENS_BINS; b++)
		if (f->hist[b] > maxhist)
			maxhist = f->hist[b];
	int bw = (W - left - 10) / JX_SENS_BINS;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"总分直方图\">\n", W, H);
	for (int b = 0; b < JX_SENS_BINS; b++) {
		int h = (int)((double)f->hist[b] / (double)maxhist * plot + 0.5);
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2f6db5\"/>\n",
			left + b * bw, top + plot - h, bw - 1, h);
	}
	fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left,
		left + bw * JX_SENS_BINS, top + plot, top + plot);
	int places = bin_places((f->hi - f->lo) / JX_SENS_BINS);
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", left, top + plot + 14,
		JX_FIXED(f->lo, places));
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>\n",
		left + bw * JX_SENS_BINS, top + plot + 14, JX_FIXED(f->hi, places));
	fputs("</svg>\n", out);
}

int jx_sens_write_html(FILE *out, const jx_sens *s)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<title>权重敏感性分析</title>\n<style>"
	      "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;max-width:182mm;margin:12px auto;font-size:10.5pt}"
	      "table{border-collapse:collapse;margin:4px 0 10px}th,td{border:1px solid #a0a7b0;padding:2px 6px}"
	      "td.n{text-align:right}h2{font-size:13pt;border-bottom:2px solid #34495e}"
	      "</style>\n</head>\n<body>\n<h1>权重敏感性分析（蒙特卡洛）</h1>\n", out);
	describe(out, s, esc, "<p>", "。", "</p>\n");
	for (size_t i = 0; i < s->nfiles; i++) {
		const jx_sens_file *f = &s->files[i];
		const jx_rules *rules = f->result->rules;
		fputs("<h2>", out);
		esc_title(out, s, i);
		fputs("</h2>\n<table><tr><th>基准总分</th><th>均值</th><th>标准差</th><th>5%</th><th>25%</th>"
		      "<th>50%</th><th>75%</th><th>95%</th><th>等级改变</th></tr>\n<tr>", out);
		fprintf(out, "<td class=\"n\">%s</td>", JX_FIXED(f->base_total, rules->decimals));
		const double cells[] = { f->mean, f->sd, f->q[0], f->q[1], f->q[2], f->q[3], f->q[4] };
		for (size_t c = 0; c < sizeof(cells) / sizeof(cells[0]); c++)
			fprintf(out, "<td class=\"n\">%s</td>", JX_FIXED(cells[c], 2));
		fprintf(out, "<td class=\"n\">%s%%</td></tr></table>\n", JX_FIXED(f->p_change * 100, 2));
		fputs("<table><tr>", out);
		for (size_t g = 0; g < rules->ngrades; g++) {
			fputs("<th>", out);
			esc(out, rules->grades[g].name);
			fputs("</th>", out);
		}
		fputs("</tr><tr>", out);
		for (size_t g = 0; g < rules->ngrades; g++)
			fprintf(out, "<td class=\"n\">%s%%</td>", JX_FIXED(f->grades[g] * 100, 2));
		fputs("</tr></table>\n", out);
		if (f->p_change > 0) {
			size_t order[64];
			influence_order(s, f, order);
			fputs("<p>最易改变等级的权重：", out);
			for (size_t c = 0; c < s->ncriteria && c < 3; c++) {
				fputs(c ? "，" : "", out);
				esc(out, s->criteria[order[c]]);
				fprintf(out, " %s", SIGNED_FIXED(f->influence[order[c]], 4));
			}
			fputs("</p>\n", out);
		}
		histogram_svg(out, f);
	}
	if (s->nfiles > 1) {
		/* rank acceptability and central weights, as in the text */
		size_t nranks = ranks_shown(s);
		fputs("<h2>排名概率</h2>\n<table><tr><th>项目</th><th>基准总分</th>", out);
		for (size_t r = 0; r < nranks; r++)
			fprintf(out, "<th>第%zu名</th>", r + 1);
		fputs("</tr>\n", out);
		for (size_t i = 0; i < s->nfiles; i++) {
			const jx_sens_file *f = &s->files[i];
			fputs("<tr><td>", out);
			esc_title(out, s, i);
			fprintf(out, "</td><td class=\"n\">%s</td>", JX_FIXED(f->base_total, f->result->rules->decimals));
			for (size_t r = 0; r < nranks; r++)
				fprintf(out, "<td class=\"n\">%s%%</td>", JX_FIXED(f->ranks[r] * 100, 2));
			fputs("</tr>\n", out);
		}
		fputs("</table>\n", out);
		rank_notes(out, s, "<p>", "</p>\n");
		fputs("<h2>排名第一时的平均权重</h2>\n<table><tr><th>项目</th>", out);
		for (size_t c = 0; c < s->ncriteria; c++) {
			fputs("<th>", out);
			esc(out, s->criteria[c]);
			fputs("</th>", out);
		}
		fputs("</tr>\n", out);
		for (size_t i = 0; i < s->nfiles; i++) {
			const jx_sens_file *f = &s->files[i];
			fputs("<tr><td>", out);
			esc_title(out, s, i);
			fputs("</td>", out);
			if (!f->has_central)
				fprintf(out, "<td colspan=\"%zu\">从未排名第一</td>", s->ncriteria);
			for (size_t c = 0; f->has_central && c < s->ncriteria; c++)
				fprintf(out, "<td class=\"n\">%s</td>", JX_FIXED(f->central[c], 4));
			fputs("</tr>\n", out);
		}
		fputs("</table>\n", out);
		fprintf(out, "<p>基准排名与抽样排名的 Kendall tau 均值：%s</p>\n", JX_FIXED(s->kendall_tau, 4));
	}
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? JX_EIO : 0;
}
