/*
 * check_whatif.c - what-if experiments (spec §5): the seed's standard-weight,
 * cost-reverse and corrected-actual cases, a what-if without changes equal
 * to the base, apportioned weights that add up exactly, the emitted YAML
 * scoring the same, and the errors.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/whatif.h"
#include "jixiao/write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jx_diags diags;
static jx_doc *doc;
static jx_rules *rules;
static jx_result *res;

static void setup(void)
{
	jx_diags_init(&diags);
	ck_assert_int_eq(jx_doc_load(&doc, "../examples/karamay-2024/project.yaml", &diags), 0);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_int_eq(jx_score_run(&res, doc, rules, &diags), 0);
}

static void teardown(void)
{
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
}

static const char *S(jx_dec d, int places)
{
	static char buf[4][JX_DEC_BUFSZ];
	static int k;
	k = (k + 1) % 4;
	return jx_dec_format(buf[k], d, places, 0);
}

/* The JSON of a result, to compare two results whole. */
static char *json_of(const jx_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const jx_result *list[1] = { r };
	ck_assert_int_eq(jx_write_json(f, list, NULL, 1, false), 0);
	fclose(f);
	return buf;
}

START_TEST(test_no_change)
{
	jx_whatif w;
	jx_whatif_spec spec = { NULL, 0, NULL, 0, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	char *a = json_of(res), *b = json_of(w.result);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(w.delta.units, 0);
	ck_assert_uint_eq(w.nchanges, 0);
	free(a);
	free(b);
	jx_whatif_release(&w);
}
END_TEST

START_TEST(test_standard_weights)
{
	static const char *const want[] = { "4.17", "4.17", "4.17", "4.17", "4.17", "4.16", "8.33", "8.33", "8.33", "30", "10" };
	jx_whatif w;
	jx_whatif_spec spec = { NULL, 0, NULL, 0, true, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(S(w.result->total, 2), "97.71");
	ck_assert_str_eq(S(w.delta, 2), "0.45");
	for (size_t i = 0; i < 11; i++)
		ck_assert_str_eq(S(w.doc->leaves[i]->weight, -1), want[i]);
	ck_assert_str_eq(S(w.doc->roots[0].weight, -1), "50");
	ck_assert_uint_eq(w.nchanges, 2);
	ck_assert(strstr(w.label, "产出指标 分值 60 → 50"));
	jx_whatif_release(&w);
}
END_TEST

START_TEST(test_rules_and_actual)
{
	jx_rules *reverse;
	jx_whatif w;
	ck_assert_int_eq(jx_rules_load(&reverse, "cost-reverse", NULL, NULL, &diags), 0);
	jx_whatif_spec spec = { NULL, 0, NULL, 0, false, reverse };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(S(w.result->total, 2), "100.00");
	ck_assert_str_eq(w.changes[0].field, "rules");
	jx_whatif_release(&w);
	jx_rules_free(reverse);

	/* the file's own rule set, loaded again, is no change; another file
	 * of the same name is, told by its file */
	ck_assert_int_eq(jx_rules_load(&reverse, "standard", NULL, NULL, &diags), 0);
	spec.rules = reverse;
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_uint_eq(w.nchanges, 0);
	ck_assert_str_eq(w.label, "不作改动");
	jx_whatif_release(&w);
	jx_rules_free(reverse);
	ck_assert_int_eq(jx_rules_load(&reverse, "../rules/standard.yaml", NULL, NULL, &diags), 0);
	spec.rules = reverse;
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(w.label, "评分规则 rules/standard.yaml (built in) → ../rules/standard.yaml");
	jx_whatif_release(&w);
	jx_rules_free(reverse);

	jx_whatif_set set = { "办公费", "60万元" };
	jx_whatif_spec spec2 = { NULL, 0, &set, 1, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec2, &diags), 0);
	ck_assert_str_eq(S(w.result->total, 2), "99.80");
	ck_assert_str_eq(w.changes[0].from, "44.75万元");
	ck_assert_str_eq(w.changes[0].to, "60万元");
	jx_whatif_release(&w);
}
END_TEST

/* The output of a what-if, text or JSON. */
static char *written(const jx_whatif *w, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(json ? jx_whatif_write_json(f, w) : jx_whatif_write_text(f, w), 0);
	fclose(f);
	return buf;
}

START_TEST(test_delta_decimals)
{
	/* 97.26 under two decimals, 97 under none: the difference is exactly
	 * -0.26, in the text and in the JSON alike. */
	jx_rules *whole;
	jx_whatif w;
	ck_assert_int_eq(jx_rules_load(&whole, "data/rules/whole-points.yaml", NULL, NULL, &diags), 0);
	jx_whatif_spec spec = { NULL, 0, NULL, 0, false, whole };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(S(w.delta, -1), "-0.26");
	char *text = written(&w, false), *json = written(&w, true);
	ck_assert_msg(strstr(text, "97.26       100     97.00  -0.26\n"), "%s", text);
	ck_assert_msg(strstr(json, "\"delta\": -0.26,"), "%s", json);
	free(text);
	free(json);
	jx_whatif_release(&w);
	jx_rules_free(whole);
}
END_TEST

START_TEST(test_group_weight_apportioned)
{
	/* 7 over 5, 5, 5: 2.333… each; the extra unit goes to the earlier leaf */
	jx_whatif_set set = { "产出指标/数量指标", "7" };
	jx_whatif w;
	jx_whatif_spec spec = { &set, 1, NULL, 0, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(S(w.doc->leaves[0]->weight, -1), "2.34");
	ck_assert_str_eq(S(w.doc->leaves[1]->weight, -1), "2.33");
	ck_assert_str_eq(S(w.doc->leaves[2]->weight, -1), "2.33");
	ck_assert_str_eq(S(w.doc->roots[0].weight, -1), "52");
	ck_assert_str_eq(S(w.result->max, -1), "92");
	jx_whatif_release(&w);
}
END_TEST

START_TEST(test_emit_yaml_scores_the_same)
{
	jx_whatif w;
	jx_whatif_set set = { "办公费", "55万元" };
	jx_whatif_spec spec = { NULL, 0, &set, 1, true, NULL };
	char *buf = NULL;
	size_t len = 0;
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(jx_write_doc_yaml(f, w.doc, NULL), 0);
	fclose(f);
	jx_doc *again;
	jx_result *r2;
	ck_assert_int_eq(jx_doc_parse(&again, "emitted.yaml", buf, len, &diags), 0);
	ck_assert_int_eq(jx_score_run(&r2, again, rules, &diags), 0);
	/* the same numbers (line numbers differ: it is another file) */
	ck_assert_int_eq(jx_dec_cmp(w.result->total, r2->total), 0);
	ck_assert_uint_eq(w.result->nleaves, r2->nleaves);
	for (size_t i = 0; i < r2->nleaves; i++) {
		const jx_leaf_result *x = &w.result->leaves[i], *y = &r2->leaves[i];
		ck_assert_int_eq(jx_dec_cmp(x->weight, y->weight), 0);
		ck_assert_int_eq(jx_dec_cmp(x->score, y->score), 0);
		ck_assert_int_eq(jx_frac_cmp(x->rate, y->rate), 0);
		ck_assert_int_eq(x->rate_mismatch + 2 * x->score_mismatch, y->rate_mismatch + 2 * y->score_mismatch);
	}
	for (size_t i = 0; i < r2->ngroups; i++)
		ck_assert_int_eq(jx_dec_cmp(w.result->groups[i].score, r2->groups[i].score), 0);
	ck_assert_str_eq(S(r2->total, 2), "99.14"); /* 97.71 + 7.64 - 6.21 */
	jx_result_free(r2);
	jx_doc_free(again);
	free(buf);
	jx_whatif_release(&w);
}
END_TEST

/* The leaves' weights of a what-if, "a b c …", to compare two. */
static char *leaf_weights(const jx_whatif *w)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	for (size_t i = 0; i < w->doc->nleaves; i++)
		fprintf(f, "%s ", S(w->doc->leaves[i]->weight, -1));
	fclose(f);
	return buf;
}

START_TEST(test_nested_weights_any_order)
{
	/* 产出指标 = 50 with 数量指标 = 20 inside it: 数量指标's leaves share 20,
	 * the other six of 产出指标 the remaining 30 (5,5,5,10,10,10 → 3.33,
	 * 3.33, 3.33, 6.67, 6.67, 6.67: the larger remainders get the three
	 * units), whichever option comes first. */
	jx_whatif_set sets[2][2] = { { { "产出指标", "50" }, { "产出指标/数量指标", "20" } },
				     { { "产出指标/数量指标", "20" }, { "产出指标", "50" } } };
	char *weights[2], *results[2];
	for (int k = 0; k < 2; k++) {
		jx_whatif w;
		jx_whatif_spec spec = { sets[k], 2, NULL, 0, false, NULL };
		ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
		ck_assert_str_eq(S(w.doc->roots[0].weight, -1), "50");
		ck_assert_str_eq(S(w.doc->roots[0].children[0].weight, -1), "20");
		ck_assert_str_eq(S(w.result->max, -1), "90");
		ck_assert_uint_eq(w.nchanges, 2);
		ck_assert(strstr(w.label, "产出指标 分值 60 → 50"));
		ck_assert(strstr(w.label, "产出指标/数量指标 分值 15 → 20"));
		weights[k] = leaf_weights(&w);
		results[k] = json_of(w.result);
		jx_whatif_release(&w);
	}
	ck_assert_str_eq(weights[0], "6.67 6.67 6.66 3.33 3.33 3.33 6.67 6.67 6.67 20 10 ");
	ck_assert_str_eq(weights[1], weights[0]);
	ck_assert_str_eq(results[1], results[0]);
	for (int k = 0; k < 2; k++) {
		free(weights[k]);
		free(results[k]);
	}
}
END_TEST

START_TEST(test_nested_weight_kept)
{
	/* A weight equal to the file's still holds its node when a setting
	 * around it or inside it would change it, and is listed. */
	jx_whatif_set sets[] = { { "产出指标", "60" }, { "产出指标/数量指标", "20" } };
	jx_whatif_spec spec = { sets, 2, NULL, 0, false, NULL };
	jx_whatif w;
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(S(w.result->max, -1), "100");
	ck_assert_str_eq(w.label, "产出指标 分值 60 → 60；产出指标/数量指标 分值 15 → 20");
	jx_whatif_release(&w);
	/* alone, it changes nothing and is not listed */
	jx_whatif_spec one = { sets, 1, NULL, 0, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &one, &diags), 0);
	ck_assert_str_eq(w.label, "不作改动");
	jx_whatif_release(&w);
}
END_TEST

START_TEST(test_standard_weight_overridden)
{
	/* --weight on a level-1 group replaces its standard weight; the
	 * others stay. */
	jx_whatif_set set = { "产出指标", "55" };
	jx_whatif_spec spec = { &set, 1, NULL, 0, true, NULL };
	jx_whatif w;
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_str_eq(w.label, "产出指标 分值 60 → 55；效益指标 分值 20 → 30");
	ck_assert_str_eq(S(w.result->max, -1), "105");
	jx_whatif_release(&w);
}
END_TEST

START_TEST(test_many_changes)
{
	/* 9,900 weights set at once, in a table of 10,000 indicators (the
	 * limit): the label lists each, and is built in one pass, well within
	 * the time this test case allows (adding each change to the label
	 * copied it whole, 9,900 times over: seconds of work). */
	enum { GROUPS = 99, LEAVES = 100, N = GROUPS * LEAVES };
	char *text = NULL, *label = NULL;
	size_t len = 0, llen = 0;
	FILE *f = open_memstream(&text, &len), *l = open_memstream(&label, &llen);
	fputs("jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n  - name: A\n    children:\n", f);
	for (int g = 0; g < GROUPS; g++) {
		fprintf(f, "      - name: G%d\n        children:\n", g);
		for (int k = 0; k < LEAVES; k++)
			fprintf(f, "          - {name: L%d, weight: 0.01, target: '1', actual: '1'}\n", k);
	}
	fclose(f);
	jx_doc *big;
	jx_result *r;
	ck_assert_int_eq(jx_doc_parse(&big, "big.yaml", text, len, &diags), 0);
	ck_assert_int_eq(jx_score_run(&r, big, rules, &diags), 0);
	static jx_whatif_set sets[N];
	static char paths[N][24];
	for (int i = 0; i < N; i++) {
		snprintf(paths[i], sizeof(paths[i]), "A/G%d/L%d", i / LEAVES, i % LEAVES);
		sets[i] = (jx_whatif_set){ paths[i], "0.02" };
		fprintf(l, "%s%s 分值 0.01 → 0.02", i ? "；" : "", paths[i]);
	}
	fclose(l);
	jx_whatif w;
	jx_whatif_spec spec = { sets, N, NULL, 0, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, r, &spec, &diags), 0);
	ck_assert_uint_eq(w.nchanges, N);
	ck_assert_str_eq(w.label, label);
	ck_assert_str_eq(S(w.result->max, -1), "198");
	jx_whatif_release(&w);
	jx_result_free(r);
	jx_doc_free(big);
	free(text);
	free(label);
}
END_TEST

/* Settings that cannot all hold, and the same thing set twice. */
static const struct {
	jx_whatif_set weights[3], actuals[2];
	const char *message, *note;
} clashes[] = {
	{ { { "办公费", "20" }, { "办公费", "10" } }, { { NULL, NULL } },
	  "--weight 办公费=20 and --weight 办公费=10 give '产出指标/成本指标/经济成本指标/办公费' two different weights", NULL },
	{ { { "funds", "5" }, { "预算执行率", "6" } }, { { NULL, NULL } },
	  "--weight funds=5 and --weight 预算执行率=6 give the funds section two different weights", NULL },
	{ { { NULL, NULL } }, { { "办公费", "50万元" }, { "产出指标/成本指标/经济成本指标/办公费", "60万元" } },
	  "--actual 办公费=50万元 and --actual 产出指标/成本指标/经济成本指标/办公费=60万元 give '产出指标/成本指标/经济成本指标/办公费' two different actual values", NULL },
	{ { { "产出指标", "50" }, { "产出指标/数量指标", "55" } }, { { NULL, NULL } },
	  "--weight 产出指标=50: the weights set inside '产出指标' add up to 55, more than its 50",
	  "inside it: --weight 产出指标/数量指标=55" },
	{ { { "产出指标/成本指标", "25" }, { "办公费", "5" }, { "培训费", "10" } }, { { NULL, NULL } },
	  "--weight 产出指标/成本指标=25: the weights set inside '产出指标/成本指标' add up to 15, and nothing else in it can take the other 10 of its 25",
	  "inside it: --weight 培训费=10" },
};

START_TEST(test_clashes)
{
	jx_whatif w;
	size_t nw = 0, na = 0;
	while (nw < 3 && clashes[_i].weights[nw].path)
		nw++;
	while (na < 2 && clashes[_i].actuals[na].path)
		na++;
	jx_whatif_spec spec = { clashes[_i].weights, nw, clashes[_i].actuals, na, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &spec, &diags), JX_EINVAL);
	ck_assert_ptr_null(w.result);
	ck_assert_uint_eq(diags.errors, 1);
	ck_assert_str_eq(diags.items[0].message, clashes[_i].message);
	if (clashes[_i].note)
		ck_assert_str_eq(diags.items[1].message, clashes[_i].note);
	/* the same value twice is no clash */
	jx_whatif_set same[2] = { { "办公费", "10" }, { "产出指标/成本指标/经济成本指标/办公费", "10.0" } };
	jx_whatif_spec ok = { same, 2, NULL, 0, false, NULL };
	ck_assert_int_eq(jx_whatif_run(&w, res, &ok, &diags), 0);
	ck_assert_uint_eq(w.nchanges, 0);
	jx_whatif_release(&w);
}
END_TEST

static const struct {
	const char *path, *weight, *actual, *message;
} bad[] = {
	{ "产出指标", "abc", NULL, "--weight 产出指标=abc: not a number" },
	{ "funds", "10.123", NULL, "--weight funds=10.123: a weight must be 0 or more with at most 2 decimal places" },
	{ "产出指标", "-5", NULL, "--weight 产出指标=-5: a weight must be 0 or more" },
	{ "会议费", "5", NULL, "--weight 会议费=5: indicator '会议费' not found" },
	{ "办公费", NULL, "60次", "--actual 办公费=60次: unit '次' of the actual value does not match unit '万元' of the target" },
	{ "办公费", NULL, ">=60万元", "--actual 办公费=>=60万元: actual value '>=60万元' for '产出指标/成本指标/经济成本指标/办公费' (column 1): an actual value has no comparison operator" },
	{ "产出指标", NULL, "60", "--actual 产出指标=60: '产出指标' is a group" },
	/* found when the copy is scored, put on the option all the same */
	{ "培训费", NULL, "999999999999万元", "--actual 培训费=999999999999万元: the completion rate of '培训费' is 10^12% or more" },
	{ "办公费", NULL, "-5万元", "--actual 办公费=-5万元: '办公费' has a negative value" },
};

START_TEST(test_errors)
{
	jx_whatif w;
	jx_whatif_set set = { bad[_i].path, bad[_i].weight ? bad[_i].weight : bad[_i].actual };
	jx_whatif_spec spec = { bad[_i].weight ? &set : NULL, bad[_i].weight ? 1 : 0,
				bad[_i].actual ? &set : NULL, bad[_i].actual ? 1 : 0, false, NULL };
	ck_assert_int_ne(jx_whatif_run(&w, res, &spec, &diags), 0);
	ck_assert_msg(strstr(diags.items[0].message, bad[_i].message), "%s", diags.items[0].message);
	ck_assert_msg(!diags.items[0].file && diags.items[0].line == 0, "at %s:%u",
		      diags.items[0].file, diags.items[0].line);
	ck_assert_ptr_null(w.result);
}
END_TEST

/* Weights past 10^12, in a group or in the whole table: reported, never a
 * silent failure; just below the limit the what-if is scored. */
static const struct {
	const char *office, *training, *funds, *message;
} limits[] = {
	{ "600000000000", "600000000000", "10", "the weights in '产出指标/成本指标/经济成本指标' would add up to 10^12 or more (the limit is 10^12)" },
	{ "500000000000", "500000000000", "10", "the weights in '产出指标/成本指标/经济成本指标' would add up to 10^12 or more" },
	{ "500000000000", "499999999999.99", "10", "the weights in '产出指标' would add up to 10^12 or more" },
	{ "499999999959.99", "499999999960", "10.01", "the weights of the table would add up to 10^12 or more (the limit is 10^12)" },
	{ "499999999959.99", "499999999960", "10", NULL },
};

START_TEST(test_weight_limits)
{
	jx_whatif_set set[3] = { { "办公费", limits[_i].office }, { "培训费", limits[_i].training },
				 { "funds", limits[_i].funds } };
	jx_whatif_spec spec = { set, 3, NULL, 0, false, NULL };
	jx_whatif w;
	int rc = jx_whatif_run(&w, res, &spec, &diags);
	if (!limits[_i].message) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(S(w.result->max, -1), "999999999999.99");
		jx_whatif_release(&w);
		return;
	}
	ck_assert_int_ne(rc, 0);
	ck_assert_uint_eq(diags.errors, 1);
	ck_assert_msg(strstr(diags.items[0].message, limits[_i].message), "%s", diags.items[0].message);
	ck_assert_ptr_null(w.result);
}
END_TEST

Suite *whatif_suite(void)
{
	Suite *s = suite_create("whatif");
	TCase *tc = tcase_create("seed");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_no_change);
	tcase_add_test(tc, test_standard_weights);
	tcase_add_test(tc, test_rules_and_actual);
	tcase_add_test(tc, test_delta_decimals);
	tcase_add_test(tc, test_group_weight_apportioned);
	tcase_add_test(tc, test_emit_yaml_scores_the_same);
	tcase_add_test(tc, test_nested_weights_any_order);
	tcase_add_test(tc, test_nested_weight_kept);
	tcase_add_test(tc, test_standard_weight_overridden);
	tcase_add_loop_test(tc, test_clashes, 0, sizeof(clashes) / sizeof(clashes[0]));
	tcase_add_loop_test(tc, test_errors, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_loop_test(tc, test_weight_limits, 0, sizeof(limits) / sizeof(limits[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("scale");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 1);
	tcase_add_test(tc, test_many_changes);
	suite_add_tcase(s, tc);
	return s;
}
