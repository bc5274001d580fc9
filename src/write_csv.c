/*
 * write_csv.c - scored evaluations as CSV for spreadsheets: RFC 4180 quoting,
 * CRLF line ends, a UTF-8 byte-order mark, Chinese column titles.
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "csv_cell.h"

#include <stdlib.h>
#include <string.h>

static const char *const titles[] = {
	"文件", "行类型", "指标路径", "指标值", "实际完成值", "方向", "分值", "赋分规则",
	"完成率(%)", "得分", "扣分", "填报完成率(%)", "填报得分", "填报值是否一致", "等级"
};

#define NCOLS (sizeof(titles) / sizeof(titles[0]))

static void row(FILE *out, const char *const *cells)
{
	for (size_t i = 0; i < NCOLS; i++)
		jx_csv_cell(out, cells[i], i + 1 == NCOLS);
}

typedef struct cellbuf {
	char b[6][JX_DEC_BUFSZ];
} cellbuf;

static const char *opt(char *buf, bool has, jx_dec d, int places)
{
	return has ? jx_dec_format(buf, d, places, 0) : "";
}

static int write_result(FILE *out, const jx_result *r)
{
	const jx_doc *d = r->doc;
	const jx_funds *f = &d->funds;
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;
	cellbuf cb;

	if (r->funds.present) {
		const jx_funds_result *fr = &r->funds;
		bool na = fr->na;
		const char *cells[NCOLS] = {
			d->path_shown, "资金", "预算执行率",
			jx_dec_format(cb.b[0], f->rows[0].budget, -1, 0),
			jx_dec_format(cb.b[1], f->rows[0].executed, -1, 0), "positive",
			jx_dec_format(cb.b[2], fr->weight, -1, 0), fr->rule->name,
			na ? "" : jx_dec_format(cb.b[3], fr->rate_pct, rdec, 0),
			na ? "" : jx_dec_format(cb.b[4], fr->score, dec, 0),
			na ? "" : jx_dec_format(cb.b[5], fr->lost, dec, 0),
			NULL, NULL, fr->rate_mismatch || fr->score_mismatch ? "否" : "是", ""
		};
		char c1[JX_DEC_BUFSZ], c2[JX_DEC_BUFSZ];
		cells[11] = opt(c1, f->claimed.has_rate, f->claimed.rate, f->claimed.rate_places);
		cells[12] = opt(c2, f->claimed.has_score, f->claimed.score, f->claimed.score_places);
		row(out, cells);
	}
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *n = lr->node;
		char c1[JX_DEC_BUFSZ], c2[JX_DEC_BUFSZ];
		/* the whole path, however long: it names the row */
		char *path = jx_node_path_dup(n, "/");
		if (!path)
			return JX_ENOMEM;
		const char *cells[NCOLS] = {
			d->path_shown, lr->na ? "不适用指标" : "指标", path, n->target.text,
			n->actual.present ? n->actual.text : "",
			lr->na ? "" : jx_direction_name(lr->direction),
			jx_dec_format(cb.b[0], lr->weight, -1, 0), lr->na ? "" : lr->rule->name,
			lr->na ? "" : jx_dec_format(cb.b[1], lr->rate_pct, rdec, 0),
			lr->na ? "" : jx_dec_format(cb.b[2], lr->score, dec, 0),
			lr->na ? "" : jx_dec_format(cb.b[3], lr->lost, dec, 0),
			opt(c1, n->claimed.has_rate, n->claimed.rate, n->claimed.rate_places),
			opt(c2, n->claimed.has_score, n->claimed.score, n->claimed.score_places),
			lr->rate_mismatch || lr->score_mismatch ? "否" : "是", ""
		};
		row(out, cells);
		free(path);
	}
	const char *cells[NCOLS] = {
		d->path_shown, "总分", "", "", "", "",
		jx_dec_format(cb.b[0], r->max, -1, 0), "", "",
		jx_dec_format(cb.b[1], r->total, dec, 0), "", "",
		opt(cb.b[2], d->claimed.has_total, d->claimed.total, d->claimed.total_places),
		r->total_mismatch || r->grade_mismatch ? "否" : "是", r->grade ? r->grade->name : ""
	};
	row(out, cells);
	return 0;
}

int jx_write_csv(FILE *out, const jx_result *const *results, size_t n)
{
	fputs(JX_CSV_BOM, out);
	row(out, titles);
	for (size_t i = 0; i < n; i++)
		if (write_result(out, results[i]) != 0)
			return JX_ENOMEM;
	return ferror(out) ? JX_EIO : 0;
}
