/*
 * explain.c - computation traces: every value the scorer kept for a leaf,
 * the funds row and the total, laid out so a reader can redo the sums.
 * Nothing is computed again; the trace reads the result.
 */
#include "jixiao/explain.h"

#include "jixiao/common.h"
#include "json.h"
#include "text.h"

#include <string.h>

#define FB JX_DEC_BUFSZ

static const char *rounding_label(jx_rounding m)
{
	switch (m) {
	case JX_ROUND_HALF_EVEN: return "四舍六入五成双";
	case JX_ROUND_DOWN: return "舍去";
	default: return "四舍五入";
	}
}

static const char *rounding_name(jx_rounding m)
{
	switch (m) {
	case JX_ROUND_HALF_EVEN: return "half-even";
	case JX_ROUND_DOWN: return "down";
	default: return "half-up";
	}
}

static const char *direction_label(jx_direction d)
{
	switch (d) {
	case JX_DIR_POSITIVE: return "正向指标：完成率 = 实际完成值 / 指标值";
	case JX_DIR_REVERSE: return "反向指标：完成率 = 指标值 / 实际完成值";
	case JX_DIR_RANGE: return "区间指标：区间内为 100%，低于下限 = 实际 / 下限，高于上限 = 上限 / 实际";
	case JX_DIR_DEADLINE: return "时限指标：按时完成 100%，否则 0%";
	default: return "定性指标：完成率为所达等级的百分比";
	}
}

static const char *money_unit(int exp)
{
	switch (exp) {
	case 3: return "千元";
	case 4: return "万元";
	case 6: return "百万元";
	case 8: return "亿元";
	default: return "元";
	}
}

/* The unit a and b are expressed in. */
static const char *common_unit(const jx_leaf_result *lr)
{
	const jx_quantity *t = &lr->node->target.q;
	if (t->unit.kind == JX_UNIT_MONEY)
		return money_unit(lr->unit_exp);
	return t->unit.text;
}

/* A share as the trace shows it: "80%", up to 4 decimals. */
static char *pct_of(char *buf, jx_frac f)
{
	return jx_frac_format_pct(buf, f, 4);
}

/* One line on the parameters of a rule: "ratio，封顶 100%，低于 0% 不得分";
 * rate is what the rate is called (完成率, or 执行率 for the funds row). */
static void rule_params(char *buf, size_t n, const jx_rule *r, const char *rate)
{
	char a[FB], b[FB], c[FB];
	switch (r->kind) {
	case JX_RULE_RATIO:
		jx_textf(buf, n, "ratio：得分比例 = min(%s, %s)，%s低于 %s 不得分", rate, pct_of(a, r->cap),
			 rate, pct_of(b, r->zero_below));
		break;
	case JX_RULE_THRESHOLD:
		jx_textf(buf, n, "threshold：%s达到 %s 得满分，否则 0 分", rate, pct_of(a, r->at));
		break;
	case JX_RULE_STEP:
		jx_textf(buf, n, "step：%s达到 %s 得满分，否则每差 %s（不足一档按一档）扣 %s 分，扣完为止",
			 rate, pct_of(a, r->full_at), pct_of(b, r->per), jx_dec_format(c, r->deduct, -1, 0));
		break;
	case JX_RULE_BANDS: {
		bool room = r->by_deviation ? jx_textf(buf, n, "bands（按|%s − 100%%|）：", rate) < (int)n
					    : jx_textf(buf, n, "bands（按%s）：", rate) < (int)n;
		for (size_t i = 0; i < r->nbands && room; i++) {
			const jx_band *bd = &r->bands[i];
			if (bd->has_bound)
				room = jx_textf_append(buf, n, "%s%s %s 得 %s", i ? "；" : "",
						       r->by_deviation ? "≤" : "≥", pct_of(a, bd->bound),
						       pct_of(b, bd->score));
			else
				room = jx_textf_append(buf, n, "%s其余得 %s", i ? "；" : "", pct_of(b, bd->score));
		}
		break;
	}
	case JX_RULE_LEVELS: {
		jx_textf(buf, n, "levels：");
		for (size_t i = 0; i < r->nlevels; i++)
			if (!jx_textf_append(buf, n, "%s%s %s（%s–%s）", i ? "；" : "", r->levels[i].name,
					     pct_of(a, r->levels[i].def), pct_of(b, r->levels[i].min),
					     pct_of(c, r->levels[i].max)))
				break;
		break;
	}
	}
}

/* How the rate (called rate: 完成率 or 执行率) became a share of the weight, in words. */
static void factor_words(char *buf, size_t n, const jx_rule *rule, const char *rate, jx_frac rate_used,
			 jx_frac factor)
{
	char a[FB], b[FB];
	switch (rule->kind) {
	case JX_RULE_RATIO:
		if (factor.num == 0 && rate_used.num != 0)
			jx_textf(buf, n, "%s低于 %s，不得分", rate, pct_of(a, rule->zero_below));
		else if (jx_frac_cmp(rate_used, rule->cap) > 0)
			jx_textf(buf, n, "%s超过封顶 %s，按 %s 计", rate, pct_of(a, rule->cap), pct_of(b, rule->cap));
		else
			jx_textf(buf, n, "按%s计", strcmp(rate, "完成率") == 0 ? "完成比例" : rate);
		break;
	case JX_RULE_THRESHOLD:
		jx_textf(buf, n, factor.num ? "%s达到 %s，得满分" : "%s未达到 %s，不得分", rate,
			 pct_of(a, rule->at));
		break;
	case JX_RULE_STEP: {
		jx_frac gap;
		long long steps;
		char c[FB], d[FB];
		if (jx_frac_cmp(factor, jx_frac_make(1, 1)) == 0)
			jx_textf(buf, n, "%s达到 %s，得满分", rate, pct_of(a, rule->full_at));
		else if (jx_score_steps(rule, rate_used, &gap, &steps) == 0)
			jx_textf(buf, n, "%s比 %s 低 %s，每 %s 一档（不足一档按一档）共 %lld 档，每档扣 %s 分，扣完为止",
				 rate, pct_of(a, rule->full_at), pct_of(b, gap), pct_of(c, rule->per), steps,
				 jx_dec_format(d, rule->deduct, -1, 0));
		else
			jx_textf(buf, n, "%s低于 %s，按档扣分", rate, pct_of(a, rule->full_at));
		break;
	}
	case JX_RULE_BANDS:
		jx_textf(buf, n, "落在得分 %s 的一档", pct_of(a, factor));
		break;
	case JX_RULE_LEVELS:
		jx_textf(buf, n, "按等级的百分比计");
		break;
	}
}

/* --------------------------------------------------------------- text */

static void claim_text(FILE *out, const char *what, bool has, jx_dec claimed, int places,
		       bool bad, jx_dec shown, int dplaces, const char *unit)
{
	char a[FB], b[FB];
	if (!has)
		return;
	fprintf(out, "%s %s%s：%s", what, jx_dec_format(a, claimed, places, 0), unit,
		bad ? "与重新计算的 " : "一致");
	if (bad)
		fprintf(out, "%s%s 不一致", jx_dec_format(b, shown, dplaces, 0), unit);
	fputs("；", out);
}

/* The rule, its parameters and where they are defined. */
static void text_rule(FILE *out, const jx_rule *rule, bool by_default, const char *rate)
{
	char words[512];
	rule_params(words, sizeof(words), rule, rate);
	/* the name, and its first alias (the label tables show) when it has one */
	const char *label = jx_rule_label(rule);
	bool same = strcmp(label, rule->name) == 0;
	fprintf(out, "  赋分规则    %s%s%s%s%s\n", rule->name, same ? "" : "（", same ? "" : label,
		same ? "" : "）", by_default ? "，默认规则" : "");
	fprintf(out, "              %s\n", words);
	fprintf(out, "              定义于 %s 第 %u 行\n", rule->origin, rule->line);
}

/* The claimed rate and score of a leaf or the funds row, each compared. */
static void text_claims(FILE *out, const char *rate_label, const jx_claim *c, bool rate_bad,
			bool score_bad, jx_dec rate_pct, jx_dec score, const jx_rules *ru)
{
	if (!c->has_rate && !c->has_score)
		return;
	fputs("  填报值      ", out);
	claim_text(out, rate_label, c->has_rate, c->rate, c->rate_places, rate_bad, rate_pct,
		   ru->rate_decimals, "%");
	claim_text(out, "得分", c->has_score, c->score, c->score_places, score_bad, score,
		   ru->decimals, "");
	fputs("按填报值自身的小数位比较\n", out);
}

/* The end of the 完成率 (执行率) line: the exact rate, the rate shown, and
 * the rate scored when the rule set scores the rounded one. */
static void text_rate(FILE *out, const jx_rules *ru, const char *word, jx_frac rate, jx_dec rate_pct,
		      jx_frac rate_used)
{
	char a[FB], b[FB];
	fprintf(out, "%s → %s%%（保留 %d 位小数，%s）\n", jx_frac_format(a, rate, 6),
		jx_dec_format(b, rate_pct, ru->rate_decimals, 0), ru->rate_decimals,
		rounding_label(ru->rounding));
	if (ru->score_from_rounded)
		fprintf(out, "              规则集 score_from: rounded_rate，按显示的%s %s 计分\n", word,
			pct_of(a, rate_used));
}

/* The 得分 and 扣分 lines of a leaf or the funds row. */
static void text_score(FILE *out, const jx_rules *ru, const jx_rule *rule, const char *rate,
		       jx_frac rate_used, jx_frac factor, jx_dec weight, jx_frac score_exact, jx_dec score,
		       jx_dec lost, jx_dec lost_in_total)
{
	char a[FB], b[FB], c[FB], d[FB], words[512];
	factor_words(words, sizeof(words), rule, rate, rate_used, factor);
	fprintf(out, "  得分        %s；%s × %s = %s → %s（保留 %d 位小数，%s）\n", words,
		jx_dec_format(a, weight, -1, 0), jx_frac_format(b, factor, 6),
		jx_frac_format(c, score_exact, 6), jx_dec_format(d, score, ru->decimals, 0),
		ru->decimals, rounding_label(ru->rounding));
	fprintf(out, "  扣分        %s − %s = %s\n", jx_dec_format(a, weight, -1, 0),
		jx_dec_format(b, score, ru->decimals, 0), jx_dec_format(c, lost, ru->decimals, 0));
	if (jx_dec_cmp(lost, lost_in_total) != 0)
		fprintf(out, "              折算后计入总分扣分 %s\n",
			jx_dec_format(a, lost_in_total, ru->decimals, 0));
}

/* A month or date with its year: the evaluation's when it is not written. */
static char *when_text(char *buf, size_t n, jx_when w, int year)
{
	int len = snprintf(buf, n, "%d年%d月", w.year ? w.year : year, w.month);
	if (w.day && len > 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, "%d日", w.day);
	return buf;
}

/* "时限  2024年11月底前（含 11 月）；实际完成 2024年12月，晚于时限": the
 * deadline and the actual month or date with the year they are taken in. */
static void text_deadline(FILE *out, int year, jx_when target, jx_when actual, bool met)
{
	char t[64], a[64];
	when_text(t, sizeof(t), target, year);
	fprintf(out, "  时限        ");
	switch (target.deadline) {
	case JX_DL_BEFORE_MONTH:
		fprintf(out, "%s前（不含 %d 月）", t, target.month);
		break;
	case JX_DL_BY_MONTH_END:
		fprintf(out, "%s底前（含 %d 月）", t, target.month);
		break;
	default:
		fprintf(out, "%s前（含当日）", t);
		break;
	}
	fprintf(out, "；实际完成 %s，%s\n", when_text(a, sizeof(a), actual, year), met ? "在时限内" : "晚于时限");
}

static void text_leaf(FILE *out, const jx_result *r, const jx_leaf_result *lr)
{
	const jx_rules *ru = r->rules;
	const jx_node *n = lr->node;
	const jx_node *chain[JX_MAX_DEPTH];
	size_t depth = jx_node_chain(chain, n);
	char a[FB], b[FB], c[FB];

	fprintf(out, "%s\n  路径        ", n->name);
	/* the path name by name, however long */
	for (size_t l = 0; l < depth; l++)
		fprintf(out, "%s%s", l ? "/" : "", chain[l]->name);
	fprintf(out, "（%s 第 %u 行）\n", r->doc->path_shown, n->mark.line);
	if (lr->na) {
		fprintf(out, "  指标值      %s：不适用，不计分（分值 %s 计入不适用分值）\n\n", n->target.text,
			jx_dec_format(a, lr->weight, -1, 0));
		return;
	}
	fprintf(out, "  指标值      %s\n", n->target.text);
	fprintf(out, "  实际完成值  %s\n", n->actual.text);
	fprintf(out, "  方向        %s%s\n", direction_label(lr->direction),
		lr->reversed_by_rules ? "（规则集 reverse_groups 指定）"
		: n->direction != JX_DIR_AUTO ? "（文件中 direction 指定）" : "");
	if (lr->direction == JX_DIR_POSITIVE || lr->direction == JX_DIR_REVERSE ||
	    lr->direction == JX_DIR_RANGE) {
		/* "10 万元", "98%", "10" */
		const char *u = common_unit(lr), *sp = *u && strcmp(u, "%") != 0 ? " " : "";
		if (lr->direction == JX_DIR_RANGE)
			fprintf(out, "  数值        指标值 %s–%s%s%s，实际 %s%s%s\n", jx_frac_format(a, lr->a, 6),
				jx_frac_format(b, lr->a_high, 6), sp, u, jx_frac_format(c, lr->b, 6), sp, u);
		else
			fprintf(out, "  数值        A = %s%s%s，B = %s%s%s\n", jx_frac_format(a, lr->a, 6), sp, u,
				jx_frac_format(b, lr->b, 6), sp, u);
	}
	if (lr->direction == JX_DIR_DEADLINE && n->target.q.kind == JX_Q_TIME && n->actual.q.kind == JX_Q_TIME)
		text_deadline(out, r->doc->year, n->target.q.when, n->actual.q.when,
			      jx_frac_cmp(lr->rate, JX_FRAC_INT(1)) >= 0);
	if (lr->level)
		fprintf(out, "  等级        “%s”→ %s（规则 %s 的等级，允许 %s–%s）\n", n->actual.text,
			lr->level->name, lr->levels_rule->name, pct_of(a, lr->level->min),
			pct_of(b, lr->level->max));
	text_rule(out, lr->rule, n->rule == NULL, "完成率");

	/* the rate */
	fputs("  完成率      ", out);
	switch (lr->direction) {
	case JX_DIR_POSITIVE:
		if (lr->a.num == 0)
			fputs("指标值为 0，按 100% 计 ", out);
		else
			fprintf(out, "%s / %s = ", jx_frac_format(a, lr->b, 6), jx_frac_format(b, lr->a, 6));
		break;
	case JX_DIR_REVERSE:
		if (lr->b.num == 0)
			fputs("实际完成值为 0，按 100% 计 ", out);
		else
			fprintf(out, "%s / %s = ", jx_frac_format(a, lr->a, 6), jx_frac_format(b, lr->b, 6));
		break;
	case JX_DIR_RANGE:
		if (jx_frac_cmp(lr->b, lr->a) < 0)
			fprintf(out, "%s / %s = ", jx_frac_format(a, lr->b, 6), jx_frac_format(b, lr->a, 6));
		else if (jx_frac_cmp(lr->b, lr->a_high) > 0)
			fprintf(out, "%s / %s = ", jx_frac_format(a, lr->a_high, 6), jx_frac_format(b, lr->b, 6));
		else
			fputs("在区间内 ", out);
		break;
	case JX_DIR_DEADLINE:
		if (!lr->level)
			fputs(lr->rate.num ? "按时完成 " : "未按时完成 ", out);
		break;
	default:
		break;
	}
	text_rate(out, ru, "完成率", lr->rate, lr->rate_pct, lr->rate_used);
	text_score(out, ru, lr->rule, "完成率", lr->rate_used, lr->factor, lr->weight, lr->score_exact, lr->score,
		   lr->lost, lr->lost_in_total);
	text_claims(out, "完成率", &n->claimed, lr->rate_mismatch, lr->score_mismatch, lr->rate_pct,
		    lr->score, ru);
	fputc('\n', out);
}

static void text_funds(FILE *out, const jx_result *r)
{
	const jx_rules *ru = r->rules;
	const jx_funds_result *fr = &r->funds;
	const jx_funds *f = &r->doc->funds;
	char a[FB], b[FB];

	if (!fr->present)
		return;
	const jx_funds_row *row = &f->rows[0];
	fprintf(out, "预算执行率（%s 第 %u 行）\n", r->doc->path_shown, f->mark.line);
	fprintf(out, "  资金        %s：全年预算数 %s %s，全年执行数 %s %s\n", row->name,
		jx_dec_format(a, row->budget, -1, JX_FMT_GROUP), r->doc->money_unit,
		jx_dec_format(b, row->executed, -1, JX_FMT_GROUP), r->doc->money_unit);
	if (fr->na) {
		fputs("  执行率      预算数和执行数都为 0：不适用，不计分\n\n", out);
		return;
	}
	text_rule(out, fr->rule, f->rule == NULL, "执行率");
	if (row->budget.units == 0)
		fputs("  执行率      全年预算数为 0，按 100% 计 ", out);
	else
		fprintf(out, "  执行率      %s / %s = ", jx_dec_format(a, row->executed, -1, 0),
			jx_dec_format(b, row->budget, -1, 0));
	text_rate(out, ru, "执行率", fr->rate, fr->rate_pct, fr->rate_used);
	text_score(out, ru, fr->rule, "执行率", fr->rate_used, fr->factor, fr->weight, fr->score_exact, fr->score,
		   fr->lost, fr->lost_in_total);
	text_claims(out, "执行率", &f->claimed, fr->rate_mismatch, fr->score_mismatch, fr->rate_pct,
		    fr->score, ru);
	fputc('\n', out);
}

static void text_total(FILE *out, const jx_result *r)
{
	const jx_rules *ru = r->rules;
	char a[FB], b[FB], c[FB], d[FB], e[FB], f[FB];

	fputs("总分\n", out);
	fprintf(out, "  合计        预算执行得分 + 各一级指标得分 = %s（满分 %s）\n",
		jx_dec_format(a, r->raw, ru->decimals, 0), jx_dec_format(b, r->max, -1, 0));
	if (r->na_weight.units > 0 && !ru->na_drop) {
		fprintf(out, "  折算        不适用分值 %s：%s × %s / %s = %s → %s\n",
			jx_dec_format(a, r->na_weight, -1, 0), jx_dec_format(b, r->raw, ru->decimals, 0),
			jx_dec_format(c, r->max, -1, 0), jx_dec_format(d, r->applicable, -1, 0),
			jx_frac_format(e, r->total_exact, 6), jx_dec_format(f, r->total, ru->decimals, 0));
	} else if (r->na_weight.units > 0) {
		fprintf(out, "  不适用      分值 %s 不计入满分\n", jx_dec_format(a, r->na_weight, -1, 0));
	}
	fprintf(out, "  总分        %s，等级 %s（规则集 %s）\n", jx_dec_format(a, r->total, ru->decimals, 0),
		r->grade ? r->grade->name : "", ru->name);
	if (r->doc->claimed.has_total || r->doc->claimed.grade) {
		fputs("  填报值      ", out);
		claim_text(out, "总分", r->doc->claimed.has_total, r->doc->claimed.total,
			   r->doc->claimed.total_places, r->total_mismatch, r->total, ru->decimals, "");
		if (r->doc->claimed.grade)
			fprintf(out, "等级 %s：%s；", r->doc->claimed.grade,
				r->grade_mismatch ? "不一致" : "一致");
		fputs("总分按填报值自身的小数位比较\n", out);
	}
}

int jx_explain_write_text(FILE *out, const jx_result *r, jx_explain_what what)
{
	if (what.leaf) {
		text_leaf(out, r, what.leaf);
	} else if (what.funds) {
		text_funds(out, r);
	} else {
		text_funds(out, r);
		for (size_t i = 0; i < r->nleaves; i++)
			text_leaf(out, r, &r->leaves[i]);
		text_total(out, r);
	}
	return ferror(out) ? JX_EIO : 0;
}

/* --------------------------------------------------------------- json */

static void kv_frac(yajl_gen g, const char *key, jx_frac f)
{
	char a[FB], b[FB * 2];
	jx_json_str(g, key);
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "fraction", jx_frac_ratio(b, f));
	jx_json_kv_str(g, "decimal", jx_frac_format(a, f, 12));
	yajl_gen_map_close(g);
}

static void json_rule(yajl_gen g, const jx_rule *rule, const char *rate)
{
	char words[512];
	jx_json_str(g, "rule");
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "name", rule->name);
	jx_json_kv_str(g, "kind", jx_rule_kind_name(rule->kind));
	rule_params(words, sizeof(words), rule, rate);
	jx_json_kv_str(g, "description", words);
	jx_json_kv_str(g, "origin", rule->origin);
	jx_json_kv_int(g, "line", rule->line);
	yajl_gen_map_close(g);
}

static void json_rounding(yajl_gen g, const jx_rules *ru, int places)
{
	jx_json_str(g, "rounding");
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "mode", rounding_name(ru->rounding));
	jx_json_kv_int(g, "decimals", places);
	yajl_gen_map_close(g);
}

/* Points lost, and the claimed rate and score with their comparison. */
static void json_lost_claims(yajl_gen g, const jx_rules *ru, jx_dec lost, jx_dec lost_in_total,
			     const jx_claim *c, bool rate_bad, bool score_bad)
{
	jx_json_kv_num(g, "lost", lost, ru->decimals);
	jx_json_kv_num(g, "lost_in_total", lost_in_total, ru->decimals);
	jx_json_str(g, "claimed");
	yajl_gen_map_open(g);
	if (c->has_rate) {
		jx_json_kv_num(g, "rate", c->rate, c->rate_places);
		jx_json_kv_bool(g, "rate_mismatch", rate_bad);
	}
	if (c->has_score) {
		jx_json_kv_num(g, "score", c->score, c->score_places);
		jx_json_kv_bool(g, "score_mismatch", score_bad);
	}
	yajl_gen_map_close(g);
}

static void json_leaf(yajl_gen g, const jx_result *r, const jx_leaf_result *lr)
{
	const jx_rules *ru = r->rules;
	const jx_node *n = lr->node;
	yajl_gen_map_open(g);
	jx_json_path(g, n);
	jx_json_kv_int(g, "line", n->mark.line);
	jx_json_kv_str(g, "target", n->target.text);
	jx_json_kv_str(g, "actual", n->actual.present ? n->actual.text : "");
	jx_json_kv_num(g, "weight", lr->weight, -1);
	if (lr->na) {
		jx_json_kv_bool(g, "applicable", false);
		yajl_gen_map_close(g);
		return;
	}
	jx_json_kv_str(g, "direction", jx_direction_name(lr->direction));
	jx_json_kv_bool(g, "reversed_by_rules", lr->reversed_by_rules);
	if (lr->direction == JX_DIR_POSITIVE || lr->direction == JX_DIR_REVERSE ||
	    lr->direction == JX_DIR_RANGE) {
		jx_json_kv_str(g, "unit", common_unit(lr));
		kv_frac(g, "a", lr->a);
		if (lr->direction == JX_DIR_RANGE)
			kv_frac(g, "a_high", lr->a_high);
		kv_frac(g, "b", lr->b);
	}
	if (lr->level) {
		jx_json_kv_str(g, "level", lr->level->name);
		jx_json_kv_str(g, "levels_rule", lr->levels_rule->name);
	}
	json_rule(g, lr->rule, "完成率");
	kv_frac(g, "rate", lr->rate);
	jx_json_kv_num(g, "rate_shown", lr->rate_pct, ru->rate_decimals);
	kv_frac(g, "factor", lr->factor);
	kv_frac(g, "score_exact", lr->score_exact);
	jx_json_kv_num(g, "score", lr->score, ru->decimals);
	json_rounding(g, ru, ru->decimals);
	json_lost_claims(g, ru, lr->lost, lr->lost_in_total, &n->claimed, lr->rate_mismatch,
			 lr->score_mismatch);
	yajl_gen_map_close(g);
}

static void json_funds(yajl_gen g, const jx_result *r)
{
	const jx_funds_result *fr = &r->funds;
	yajl_gen_map_open(g);
	jx_json_funds_head(g, &r->doc->funds);
	jx_json_kv_num(g, "weight", fr->weight, -1);
	if (!fr->na) {
		json_rule(g, fr->rule, "执行率");
		kv_frac(g, "rate", fr->rate);
		jx_json_kv_num(g, "rate_shown", fr->rate_pct, r->rules->rate_decimals);
		kv_frac(g, "factor", fr->factor);
		kv_frac(g, "score_exact", fr->score_exact);
		jx_json_kv_num(g, "score", fr->score, r->rules->decimals);
		json_rounding(g, r->rules, r->rules->decimals);
		json_lost_claims(g, r->rules, fr->lost, fr->lost_in_total, &r->doc->funds.claimed,
				 fr->rate_mismatch, fr->score_mismatch);
	} else {
		jx_json_kv_bool(g, "applicable", false);
	}
	yajl_gen_map_close(g);
}

int jx_explain_write_json(FILE *out, const jx_result *r, jx_explain_what what)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_kv_str(g, "file", r->doc->path);
	jx_json_kv_str(g, "rules", r->rules->name);
	jx_json_str(g, "items");
	yajl_gen_array_open(g);
	if (what.leaf) {
		json_leaf(g, r, what.leaf);
	} else {
		if (r->funds.present)
			json_funds(g, r);
		for (size_t i = 0; !what.funds && i < r->nleaves; i++)
			json_leaf(g, r, &r->leaves[i]);
	}
	yajl_gen_array_close(g);
	if (!what.leaf && !what.funds) {
		jx_json_str(g, "total");
		yajl_gen_map_open(g);
		jx_json_kv_num(g, "raw", r->raw, r->rules->decimals);
		jx_json_kv_num(g, "max", r->max, -1);
		jx_json_kv_num(g, "not_applicable", r->na_weight, -1);
		kv_frac(g, "exact", r->total_exact);
		jx_json_kv_num(g, "total", r->total, r->rules->decimals);
		jx_json_kv_str(g, "grade", r->grade ? r->grade->name : "");
		yajl_gen_map_close(g);
	}
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
