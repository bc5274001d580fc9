/*
 * check_score.c - scoring (spec §2): the seed tables, every direction, every
 * rule kind, rounding settings, not-applicable rescaling, and claims
 * compared at their own precision.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/score.h"

#include <stdio.h>
#include <string.h>

static jx_diags diags;
static jx_doc *doc;
static jx_rules *rules;
static jx_result *res;

static void release(void)
{
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
	res = NULL;
	rules = NULL;
	doc = NULL;
}

static void setup(void)
{
	jx_diags_init(&diags);
	res = NULL;
	rules = NULL;
	doc = NULL;
}

static void dump_diags(void)
{
	for (size_t i = 0; i < diags.count; i++)
		fprintf(stderr, "  %u:%u: %s\n", diags.items[i].line, diags.items[i].col,
			diags.items[i].message);
}

/* Load (a file when text starts with "@", else the text), load the rule
 * set (spec, or the document's own), and score. */
static int run(const char *text, const char *spec)
{
	int rc;
	release();
	if (text[0] == '@')
		rc = jx_doc_load(&doc, text + 1, &diags);
	else
		rc = jx_doc_parse(&doc, "t.yaml", text, strlen(text), &diags);
	if (rc == 0)
		rc = jx_rules_load(&rules, spec ? spec : doc->rules, spec ? NULL : jx_doc_dir(doc),
				   NULL, &diags);
	if (rc == 0)
		rc = jx_score_run(&res, doc, rules, &diags);
	return rc;
}

static void ok(const char *text, const char *spec)
{
	int rc = run(text, spec);
	if (rc)
		dump_diags();
	ck_assert_int_eq(rc, 0);
}

static const char *S(jx_dec d, int places)
{
	static char buf[8][JX_DEC_BUFSZ];
	static int k;
	k = (k + 1) % 8;
	return jx_dec_format(buf[k], d, places, 0);
}

static const jx_leaf_result *leaf(const char *path)
{
	const char *why = NULL;
	const jx_node *n = jx_doc_find(doc, path, &why);
	ck_assert_msg(n != NULL, "%s: %s", path, why);
	return jx_result_leaf(res, n);
}

/* A leaf's displayed rate and score. */
static void expect_leaf(const char *path, const char *rate, const char *score)
{
	const jx_leaf_result *l = leaf(path);
	ck_assert_msg(!l->na, "%s is n/a", path);
	ck_assert_str_eq(S(l->rate_pct, rules->rate_decimals), rate);
	ck_assert_str_eq(S(l->score, rules->decimals), score);
}

#define HEAD "jixiao: 1\ntitle: t\nyear: 2024\n"

/* One leaf of weight 10 with the given target and actual (and extra keys). */
static const char *one(const char *target, const char *actual, const char *extra)
{
	static char buf[1024];
	snprintf(buf, sizeof(buf), HEAD "indicators:\n  - {name: L, weight: 10, target: '%s', actual: '%s'%s%s}\n",
		 target, actual, extra ? ", " : "", extra ? extra : "");
	return buf;
}

START_TEST(test_seed_project)
{
	ok("@../examples/karamay-2024/project.yaml", NULL);
	ck_assert_str_eq(S(res->total, 2), "97.26");
	ck_assert_str_eq(res->grade->name, "优");
	ck_assert_str_eq(S(res->max, -1), "100");
	expect_leaf("培训费", "97.97", "9.80");
	expect_leaf("办公费", "74.58", "7.46");
	expect_leaf("会议保障数量", "101.00", "5.00");
	expect_leaf("受益群体满意度", "100.00", "10.00");
	ck_assert_str_eq(S(leaf("办公费")->lost, 2), "2.54");
	ck_assert_str_eq(S(leaf("培训费")->lost, 2), "0.20");
	ck_assert_str_eq(S(leaf("办公费")->lost_in_total, 2), "2.54");
	ck_assert_str_eq(S(leaf("培训费")->lost_in_total, 2), "0.20");
	ck_assert_str_eq(leaf("受益群体满意度")->rule->name, "satisfaction");
	ck_assert_str_eq(S(res->funds.rate_pct, 2), "100.00");
	ck_assert_str_eq(S(res->funds.score, 2), "10.00");
	ck_assert_uint_eq(res->mismatches, 0);
	const jx_group_result *g = jx_result_group(res, jx_doc_find(doc, "产出指标", NULL));
	ck_assert_str_eq(S(g->score, 2), "57.26");
	ck_assert_str_eq(S(g->weight, -1), "60");
	/* 10 × 44.75 / 60 exactly, before rounding */
	char buf[JX_DEC_BUFSZ];
	ck_assert_str_eq(jx_frac_format(buf, leaf("办公费")->score_exact, 6), "7.458333\xe2\x80\xa6");
}
END_TEST

START_TEST(test_seed_department_and_cost_reverse)
{
	ok("@../examples/karamay-2024/department.yaml", NULL);
	ck_assert_str_eq(S(res->total, 2), "100.00");
	ck_assert_str_eq(res->grade->name, "优");
	ck_assert_uint_eq(res->mismatches, 0);
	ok("@../examples/karamay-2024/project.yaml", "cost-reverse");
	ck_assert_str_eq(S(res->total, 2), "100.00");
	ck_assert(leaf("办公费")->reversed_by_rules);
	ck_assert_int_eq(leaf("办公费")->direction, JX_DIR_REVERSE);
	expect_leaf("办公费", "134.08", "10.00");
	ck_assert(!leaf("征订各类期刊杂志")->reversed_by_rules);
	/* the published claims follow the standard rules, not these */
	ck_assert(res->total_mismatch);
}
END_TEST

static const struct {
	const char *target, *actual, *extra, *rate, *score;
} directions[] = {
	{ ">=200份", "200份", NULL, "100.00", "10.00" },
	{ ">=19.25万元", "18.86万元", NULL, "97.97", "9.80" },
	{ "=60万元", "44.75万元", NULL, "74.58", "7.46" },
	{ ">100场", "101场", NULL, "101.00", "10.00" },
	{ "≥95%", "90", NULL, "94.74", "9.47" },
	{ "0", "0", NULL, "100.00", "10.00" },
	{ "≤60万元", "58.5万元", NULL, "102.56", "10.00" },
	{ "≤12万元", "12.6万元", NULL, "95.24", "9.52" },
	{ "≤3000元", "0.285万元", NULL, "105.26", "10.00" },
	{ "≤0.3万元", "3150元", NULL, "95.24", "9.52" },
	{ "≤1亿元", "10,500万元", NULL, "95.24", "9.52" },
	{ "<5天", "0天", NULL, "100.00", "10.00" },
	{ "≤0", "2", NULL, "0.00", "0.00" },
	{ ">=100", "80", "direction: reverse", "125.00", "10.00" },
	{ "<=100", "80", "direction: positive", "80.00", "8.00" },
	{ "90%-95%", "93%", NULL, "100.00", "10.00" },
	{ "90%-95%", "97%", NULL, "97.94", "9.79" },
	{ "90%-95%", "85%", NULL, "94.44", "9.44" },
	{ "3~5天", "6天", NULL, "83.33", "8.33" },
	{ "9月前", "7月", NULL, "100.00", "10.00" },
	{ "9月前", "9月", NULL, "0.00", "0.00" },
	{ "9月前", "2024-08-31", NULL, "100.00", "10.00" },
	{ "9月前", "2023年12月", NULL, "100.00", "10.00" },
	{ "11月底前", "11月", NULL, "100.00", "10.00" },
	{ "11月底前", "12月1日", NULL, "0.00", "0.00" },
	{ "2024年6月30日前", "2024年7月15日", NULL, "0.00", "0.00" },
	{ "2024年6月30日前", "2024-06-30", NULL, "100.00", "10.00" },
	{ "6月30日前", "6月", NULL, "100.00", "10.00" },
	{ "6月15日前", "6月", NULL, "0.00", "0.00" },
	{ "年底前", "完成", "rule: qualitative", "100.00", "10.00" },
	/* a level for a deadline: its rate, then the deadline rule (all or nothing) */
	{ "9月前", "部分达成", NULL, "80.00", "0.00" },
	{ "年底前", "已完成", "rule: qualitative", "100.00", "10.00" },
	{ "年底前", "部分完成", NULL, "80.00", "0.00" },
	{ "年底前", "部分完成", "rule: qualitative", "80.00", "8.00" },
	{ "效果明显", "部分完成(70%)", NULL, "70.00", "7.00" },
	{ "效果明显", "基本完成", NULL, "80.00", "8.00" },
	{ "达成预期指标", "达成", NULL, "100.00", "10.00" },
	{ "达成预期指标", "部分达成", NULL, "80.00", "8.00" },
	{ "效果明显", "部分达成(70%)", NULL, "70.00", "7.00" },
	{ "效果明显", "基本达成", NULL, "80.00", "8.00" },
	{ "效果明显", "未达成", NULL, "0.00", "0.00" },
	{ "效果明显", "未达成(35.5%)", NULL, "35.50", "3.55" },
	{ "效果明显", "85%", NULL, "85.00", "8.50" },
	{ "合规", "是", "rule: 按照完成比例赋分", "100.00", "10.00" },
	{ ">=100%", "96%", "rule: all-or-nothing", "96.00", "0.00" },
	{ ">=100%", "100%", "rule: 达到指标值得满分", "100.00", "10.00" },
};

START_TEST(test_directions)
{
	ok(one(directions[_i].target, directions[_i].actual, directions[_i].extra), NULL);
	expect_leaf("L", directions[_i].rate, directions[_i].score);
}
END_TEST

static const struct {
	const char *rules, *target, *actual, *rule, *rate, *score;
} kinds[] = {
	/* spec §2.4: ≥90%, actual 82% -> 91.11%; 2 started steps of 5% -> 10 - 2 */
	{ "data/rules/step.yaml", "≥90%", "82%", "满意度赋分", "91.11", "8.00" },
	{ "data/rules/step.yaml", "≥90%", "90%", "满意度赋分", "100.00", "10.00" },
	{ "data/rules/step.yaml", "≥90%", "85.5%", "满意度赋分", "95.00", "9.00" },
	{ "data/rules/step.yaml", "≥90%", "60%", "满意度赋分", "66.67", "3.00" },
	{ "data/rules/step.yaml", "≥90%", "30%", "满意度赋分", "33.33", "0.00" },
	{ "data/rules/bands.yaml", "≥100%", "85%", "banded", "85.00", "8.00" },
	{ "data/rules/bands.yaml", "≥100%", "80%", "banded", "80.00", "8.00" },
	{ "data/rules/bands.yaml", "≥100%", "65%", "banded", "65.00", "5.00" },
	{ "data/rules/bands.yaml", "≥100%", "40%", "banded", "40.00", "0.00" },
	{ "data/rules/bands.yaml", "≥100%", "120%", "banded", "120.00", "10.00" },
	{ "data/rules/bands.yaml", "=100万元", "108万元", "成本控制赋分", "108.00", "10.00" },
	{ "data/rules/bands.yaml", "=100万元", "90万元", "成本控制赋分", "90.00", "10.00" },
	{ "data/rules/bands.yaml", "=100万元", "112万元", "成本控制赋分", "112.00", "6.00" },
	{ "data/rules/bands.yaml", "=100万元", "80万元", "成本控制赋分", "80.00", "0.00" },
	{ "data/rules/bands.yaml", "≥100%", "96%", "gate", "96.00", "10.00" },
	{ "data/rules/bands.yaml", "≥100%", "94%", "gate", "94.00", "0.00" },
	{ "data/rules/bands.yaml", "≥100%", "59%", "floor", "59.00", "0.00" },
	{ "data/rules/bands.yaml", "≥100%", "61%", "floor", "61.00", "6.10" },
	/* a 2019 table: 86.2% × 10 scored as 9 */
	{ "data/rules/whole-points.yaml", "≥100%", "86.2%", "proportional", "86.2", "9" },
	/* score from the displayed rate: 74.58% shown as 75% gives 7.50, not 7.46 */
	{ "data/rules/rounded-rate.yaml", "=60万元", "44.75万元", "proportional", "75", "7.50" },
	{ "standard", "=60万元", "44.75万元", "proportional", "74.58", "7.46" },
};

START_TEST(test_rule_kinds)
{
	char extra[128];
	snprintf(extra, sizeof(extra), "rule: %s", kinds[_i].rule);
	ok(one(kinds[_i].target, kinds[_i].actual, extra), kinds[_i].rules);
	expect_leaf("L", kinds[_i].rate, kinds[_i].score);
}
END_TEST

START_TEST(test_rounding_modes)
{
	/* 5.33 × 50% = 2.665 exactly: half-up 2.67, half-even 2.66 */
	const char *text = HEAD "indicators:\n  - {name: L, weight: 5.33, target: '100', actual: '50'}\n";
	ok(text, NULL);
	expect_leaf("L", "50.00", "2.67");
	ok(text, "data/rules/half-even.yaml");
	expect_leaf("L", "50.00", "2.66");
	ok(text, "data/rules/down.yaml");
	expect_leaf("L", "50.00", "2.66");
	/* 2/3: 66.666…% shown as 66.66%, 10 × 2/3 = 6.666… as 6.66 (half-up: 66.67%, 6.67) */
	const char *third = HEAD "indicators:\n  - {name: L, weight: 10, target: '3', actual: '2'}\n";
	ok(third, "data/rules/down.yaml");
	expect_leaf("L", "66.66", "6.66");
	ok(third, NULL);
	expect_leaf("L", "66.67", "6.67");
}
END_TEST

static const char *na_doc =
	HEAD "funds: {weight: 10, rows: [{name: 总额, budget: 100, executed: 100}]}\n"
	"indicators:\n  - name: 产出指标\n    children:\n"
	"      - {name: A, weight: 40, target: '>=10', actual: '10'}\n"
	"      - {name: B, weight: 40, target: /}\n"
	"      - {name: C, weight: 10, target: '>=10', actual: '5'}\n";

START_TEST(test_not_applicable)
{
	/* raw 10 + 40 + 5 = 55 of 100 with 40 n/a: 55 × 100 / 60 = 91.666… */
	ok(na_doc, NULL);
	ck_assert(leaf("B")->na);
	ck_assert_str_eq(S(res->raw, 2), "55.00");
	ck_assert_str_eq(S(res->na_weight, -1), "40");
	ck_assert_str_eq(S(res->total, 2), "91.67");
	ck_assert_str_eq(res->grade->name, "优");
	/* C lost 5 of 60 applicable points: 5 × 100 / 60 = 8.333… of max - total = 8.33 */
	ck_assert_str_eq(S(leaf("C")->lost_in_total, 2), "8.33");
	ck_assert_str_eq(S(leaf("A")->lost_in_total, 2), "0.00");
	ck_assert_str_eq(S(leaf("B")->lost_in_total, 2), "0.00");
	ok(na_doc, "data/rules/drop.yaml");
	ck_assert_str_eq(S(res->total, 2), "55.00");
	ck_assert_str_eq(S(res->max, -1), "60");
	/* a group counts for its weight, less what does not apply when that is dropped */
	ok("@../tests/data/drop-group.yaml", "data/rules/drop.yaml");
	const jx_group_result *g = jx_result_group(res, jx_doc_find(doc, "产出指标", NULL));
	ck_assert_str_eq(S(g->weight, -1), "60");
	ck_assert_str_eq(S(g->max, -1), "50");
	ok("@../tests/data/drop-group.yaml", NULL);
	g = jx_result_group(res, jx_doc_find(doc, "产出指标", NULL));
	ck_assert_str_eq(S(g->max, -1), "60");
	/* the weight that does not apply, whatever the rule set does with it */
	ck_assert_str_eq(S(g->na_weight, -1), "10");
	ok(na_doc, NULL);
	g = jx_result_group(res, jx_doc_find(doc, "产出指标", NULL));
	ck_assert_str_eq(S(g->na_weight, -1), "40");
	/* funds with nothing budgeted and nothing spent do not apply either */
	ok(HEAD "funds: {weight: 10, rows: [{name: 总额, budget: 0, executed: 0}]}\n"
	      "indicators:\n  - {name: A, weight: 90, target: '>=10', actual: '9'}\n", NULL);
	ck_assert(res->funds.na);
	ck_assert_str_eq(S(res->total, 2), "90.00");
	ck_assert_int_eq(run(HEAD "indicators:\n  - {name: A, weight: 10, target: /}\n", NULL), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "nothing to score"));
}
END_TEST

START_TEST(test_funds)
{
	ok(HEAD "funds: {weight: 10, rows: [{name: 总额, initial: 120, budget: 110, executed: 99}]}\n"
	      "indicators:\n  - {name: A, weight: 90, target: '>=10', actual: '10'}\n", NULL);
	ck_assert_str_eq(S(res->funds.rate_pct, 2), "90.00");
	ck_assert_str_eq(S(res->funds.score, 2), "9.00");
	ck_assert_str_eq(S(res->total, 2), "99.00");
	/* over-execution is capped like any ratio */
	ok(HEAD "funds: {weight: 10, rows: [{name: 总额, budget: 100, executed: 110}]}\n"
	      "indicators:\n  - {name: A, weight: 90, target: '>=10', actual: '10'}\n", NULL);
	ck_assert_str_eq(S(res->funds.rate_pct, 2), "110.00");
	ck_assert_str_eq(S(res->funds.score, 2), "10.00");
}
END_TEST

static const struct {
	const char *claim;
	bool rate_bad, score_bad;
} claims[] = {
	/* exact rate 97.974025…%, exact score 9.797402… */
	{ "{rate: 97.97%, score: 9.8}", false, false },
	{ "{rate: '97.97', score: 9.80}", false, false },
	{ "{rate: 98%, score: 10}", false, false },
	/* a claim more precise than the rule set's decimals: at its own
	 * precision, or the value shown written with more zeros */
	{ "{rate: 97.974%, score: 9.797}", false, false },
	{ "{rate: 97.970%, score: 9.800}", false, false },
	{ "{rate: 97.980%, score: 9.790}", true, true },
	{ "{rate: 97.975%, score: 9.798}", true, true },
	{ "{rate: 97.9%, score: 9.79}", true, true },
	{ "{rate: 97.97%, score: 9.9}", false, true },
	{ "{rate: /, score: 9.80分}", false, false },
};

START_TEST(test_claims)
{
	char extra[128];
	snprintf(extra, sizeof(extra), "claimed: %s", claims[_i].claim);
	ok(one(">=19.25万元", "18.86万元", extra), NULL);
	const jx_leaf_result *l = leaf("L");
	ck_assert_msg(l->rate_mismatch == claims[_i].rate_bad, "%s: rate", claims[_i].claim);
	ck_assert_msg(l->score_mismatch == claims[_i].score_bad, "%s: score", claims[_i].claim);
	ck_assert_uint_eq(res->mismatches, (size_t)claims[_i].rate_bad + claims[_i].score_bad);
}
END_TEST

START_TEST(test_weight_places)
{
	/* 2.125 cannot be scored at 2 decimals without exceeding it (2.13) */
	ck_assert_int_eq(run(HEAD "indicators:\n  - {name: x, target: '1', actual: '1', weight: 2.125}\n"
			     "  - {name: y, target: '1', actual: '1', weight: 97.875}\n", NULL), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "weight 2.125 of 'x' has more decimal places than the scores of rule set 'standard' (decimals: 2)"));
	ck_assert_uint_eq(diags.items[0].line, 5);
	ok(HEAD "indicators:\n  - {name: x, target: '1', actual: '1', weight: 2.5}\n", NULL);
	ck_assert_int_eq(run(HEAD "indicators:\n  - {name: x, target: '1', actual: '1', weight: 2.5}\n",
			     "data/rules/whole-points.yaml"), JX_EINVAL);
	/* a rate too large to show is an error naming the indicator */
	ck_assert_int_eq(run(HEAD "indicators:\n  - {name: b, target: '0.000001', actual: '999999999999', weight: 1}\n",
			     NULL), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "the completion rate of 'b' is 10^12% or more"));
}
END_TEST

START_TEST(test_total_claims)
{
	const char *base = HEAD "indicators:\n  - {name: L, weight: 100, target: '100', actual: '97'}\n";
	char buf[512];
	snprintf(buf, sizeof(buf), "%sclaimed: {total: 97, grade: 优秀}\n", base);
	ok(buf, NULL);
	ck_assert(!res->total_mismatch && !res->grade_mismatch);
	snprintf(buf, sizeof(buf), "%sclaimed: {total: 97.5, grade: 良}\n", base);
	ok(buf, NULL);
	ck_assert(res->total_mismatch && res->grade_mismatch);
	ck_assert_uint_eq(res->mismatches, 2);
}
END_TEST

static const struct {
	const char *text;
	unsigned line, col;
	const char *message;
} bind_errors[] = {
	{ HEAD "indicators:\n  - {name: L, weight: 10, target: '1', actual: '1', rule: 按完成比列赋分}\n", 5, 59,
	  "unknown rule '按完成比列赋分' for 'L' in rule set 'standard'; did you mean '按完成比例赋分'? (known: proportional (按照完成比例赋分" },
	{ HEAD "indicators:\n  - {name: L, weight: 10, target: 达成, actual: 差不多}\n", 5, 47,
	  "'差不多' is not a level of rule 'qualitative' (levels: 达成, 部分达成, 未达成)" },
	{ HEAD "indicators:\n  - {name: L, weight: 10, target: 达成, actual: 部分达成(90%)}\n", 5, 47,
	  "level '部分达成' allows 60% to 80%, not the 部分达成(90%) given" },
	{ HEAD "indicators:\n  - {name: L, weight: 10, target: '1', actual: '1', rule: 定性赋分}\n", 5, 59,
	  "rule 'qualitative' scores qualitative levels, but the target '1' of 'L' is not qualitative" },
	{ HEAD "indicators:\n  - {name: L, weight: 10, target: '>=-5%', actual: '1%'}\n", 5, 36,
	  "'L' has a negative value" },
	{ HEAD "funds: {weight: 10, rule: 定性赋分, rows: [{budget: 1, executed: 1}]}\n"
	       "indicators:\n  - {name: L, weight: 10, target: '1', actual: '1'}\n", 4, 27,
	  "rule 'qualitative' scores qualitative levels and cannot score funds" },
};

START_TEST(test_bind_errors)
{
	ck_assert_int_eq(run(bind_errors[_i].text, NULL), JX_EINVAL);
	ck_assert_ptr_null(res);
	const jx_diag *g = &diags.items[0];
	if (!strstr(g->message, bind_errors[_i].message) || g->line != bind_errors[_i].line ||
	    g->col != bind_errors[_i].col)
		dump_diags();
	ck_assert(strstr(g->message, bind_errors[_i].message));
	ck_assert_uint_eq(g->line, bind_errors[_i].line);
	ck_assert_uint_eq(g->col, bind_errors[_i].col);
}
END_TEST

START_TEST(test_every_leaf_bound_in_one_pass)
{
	ck_assert_int_eq(run(HEAD "indicators:\n"
			     "  - {name: A, weight: 10, target: '1', actual: '1', rule: nosuch}\n"
			     "  - {name: B, weight: 10, target: 达成, actual: 差不多}\n", NULL), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 2);
	/* and every problem of one leaf, one funds section */
	ck_assert_int_eq(run(HEAD "funds: {weight: 10.125, rule: 定性赋分, rows: [{budget: 1, executed: 1}]}\n"
			     "indicators:\n"
			     "  - {name: A, weight: 10.125, target: '>=-1', actual: '1', rule: nosuch}\n", NULL),
			 JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 5);
}
END_TEST

/* The same binding problems in a file with an error elsewhere: found in
 * the same run by jx_score_check on the partial document. */
static int check_partial(const char *text)
{
	jx_doc *partial = NULL;
	release();
	ck_assert_int_eq(jx_doc_parse_partial(&doc, &partial, "t.yaml", text, strlen(text), &diags),
			 JX_EINVAL);
	ck_assert_ptr_nonnull(partial);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	int rc = jx_score_check(partial, rules, &diags);
	jx_doc_free(partial);
	return rc;
}

START_TEST(test_check_partial)
{
	char buf[1024];
	snprintf(buf, sizeof(buf), "%s  - {name: Z, weight: abc, target: '1', actual: '1'}\n",
		 bind_errors[_i].text);
	ck_assert_int_eq(check_partial(buf), JX_EINVAL);
	check_expect_diag(&diags, bind_errors[_i].line, bind_errors[_i].col, bind_errors[_i].message);
	unsigned z_line = 1;
	for (const char *c = bind_errors[_i].text; *c; c++)
		z_line += *c == '\n';
	check_expect_diag(&diags, z_line, 23, "expected a weight");
	ck_assert_uint_eq(diags.errors, 2);
}
END_TEST

START_TEST(test_check_partial_faulty)
{
	/* A faulty leaf's rule name is still checked; its cells are not. */
	ck_assert_int_eq(check_partial(HEAD "indicators:\n"
				       "  - {name: A, weight: x, target: '1', actual: '1', rule: nosuch}\n"
				       "  - {name: B, weight: x, target: 达成, actual: 差不多}\n"
				       "  - {name: C, weight: 10, target: '1', actual: '1'}\n"), JX_EINVAL);
	check_expect_diag(&diags, 5, 58, "unknown rule 'nosuch' for 'A'");
	ck_assert_uint_eq(diags.errors, 3);
	/* Nothing to add: 0, and the load errors stand alone. */
	ck_assert_int_eq(check_partial(HEAD "indicators:\n"
				       "  - {name: A, weight: x, target: '1', actual: '1'}\n"
				       "  - {name: C, weight: 10, target: '1', actual: '1'}\n"), 0);
	ck_assert_uint_eq(diags.errors, 1);
	/* A not-applicable leaf binds no rule, whole or not: as jx_score_run. */
	ck_assert_int_eq(check_partial(HEAD "indicators:\n"
				       "  - {name: A, weight: x, target: '/', actual: '/', rule: nosuch}\n"
				       "  - {name: B, weight: 5, target: '/', rule: nosuch, claimed: {score: 很多}}\n"
				       "  - {name: C, weight: 10, target: '1', actual: '1'}\n"), 0);
	ck_assert_uint_eq(diags.errors, 2);
	/* A faulty funds section: its rule is checked, its weight is not. */
	ck_assert_int_eq(check_partial(HEAD "funds: {weight: x, rule: 定性赋分, rows: [{budget: 1, executed: 1}]}\n"
				       "indicators:\n  - {name: C, weight: 10, target: '1', actual: '1'}\n"),
			 JX_EINVAL);
	check_expect_diag(&diags, 4, 26, "cannot score funds");
	ck_assert_uint_eq(diags.errors, 2);
}
END_TEST

/* A partial document is only checked, never scored. */
START_TEST(test_partial_not_scored)
{
	const char *text = HEAD "indicators:\n  - {name: A, weight: x, target: '1', actual: '1'}\n";
	jx_doc *partial = NULL;
	ck_assert_int_eq(jx_doc_parse_partial(&doc, &partial, "t.yaml", text, strlen(text), &diags),
			 JX_EINVAL);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_int_eq(jx_score_run(&res, partial, rules, &diags), JX_EINVAL);
	ck_assert_ptr_null(res);
	jx_doc_free(partial);
}
END_TEST

Suite *score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("seed");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_test(tc, test_seed_project);
	tcase_add_test(tc, test_seed_department_and_cost_reverse);
	suite_add_tcase(s, tc);
	tc = tcase_create("rates");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_loop_test(tc, test_directions, 0, sizeof(directions) / sizeof(directions[0]));
	tcase_add_loop_test(tc, test_rule_kinds, 0, sizeof(kinds) / sizeof(kinds[0]));
	tcase_add_test(tc, test_rounding_modes);
	suite_add_tcase(s, tc);
	tc = tcase_create("totals");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_test(tc, test_not_applicable);
	tcase_add_test(tc, test_funds);
	suite_add_tcase(s, tc);
	tc = tcase_create("claims");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_loop_test(tc, test_claims, 0, sizeof(claims) / sizeof(claims[0]));
	tcase_add_test(tc, test_total_claims);
	tcase_add_test(tc, test_weight_places);
	suite_add_tcase(s, tc);
	tc = tcase_create("binding");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_loop_test(tc, test_bind_errors, 0, sizeof(bind_errors) / sizeof(bind_errors[0]));
	tcase_add_test(tc, test_every_leaf_bound_in_one_pass);
	tcase_add_loop_test(tc, test_check_partial, 0, sizeof(bind_errors) / sizeof(bind_errors[0]));
	tcase_add_test(tc, test_check_partial_faulty);
	tcase_add_test(tc, test_partial_not_scored);
	suite_add_tcase(s, tc);
	return s;
}
