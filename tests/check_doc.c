/*
 * check_doc.c - the evaluation loader: the seed table field by field, paths,
 * Chinese keys, all problems of a file in one pass, and the indicator limits.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jx_diags diags;
static jx_doc *doc;

static void setup(void)
{
	jx_diags_init(&diags);
	doc = NULL;
}

static void teardown(void)
{
	jx_doc_free(doc);
	jx_diags_release(&diags);
}

static int parse(const char *text)
{
	jx_doc_free(doc);
	jx_diags_release(&diags);
	return jx_doc_parse(&doc, "t.yaml", text, strlen(text), &diags);
}

static void expect(unsigned line, unsigned col, const char *part)
{
	check_expect_diag(&diags, line, col, part);
}

#define HEAD "jixiao: 1\ntitle: t\nyear: 2024\n"

START_TEST(test_seed)
{
	char buf[256];
	ck_assert_int_eq(jx_doc_load(&doc, "../examples/karamay-2024/project.yaml", &diags), 0);
	ck_assert_uint_eq(diags.count, 0);
	ck_assert_int_eq(doc->kind, JX_KIND_PROJECT);
	ck_assert_str_eq(doc->title, "2024 年市委专项");
	ck_assert_str_eq(doc->department, "中共克拉玛依市委员会办公室");
	ck_assert_int_eq(doc->year, 2024);
	ck_assert_str_eq(doc->rules, "standard");
	ck_assert_str_eq(doc->money_unit, "万元");
	ck_assert_uint_eq(doc->nleaves, 11);
	ck_assert_uint_eq(doc->nroots, 3);
	ck_assert(doc->funds.present);
	ck_assert(jx_doc_names_funds(doc, "预算执行率"));
	ck_assert_uint_eq(doc->funds.nrows, 3);
	ck_assert_int_eq(doc->funds.rows[0].budget.units, 63610000);
	ck_assert(doc->funds.claimed.has_rate);
	ck_assert_int_eq(doc->funds.claimed.rate_places, 1);
	ck_assert(doc->claimed.has_total);
	ck_assert_int_eq(doc->claimed.total.units, 97260000);

	const jx_node *n = jx_doc_find(doc, "办公费", NULL);
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->depth, 4);
	jx_node_path(buf, sizeof(buf), n, "/");
	ck_assert_str_eq(buf, "产出指标/成本指标/经济成本指标/办公费");
	ck_assert_ptr_eq(jx_doc_find(doc, buf, NULL), n);
	char *whole = jx_node_path_dup(n, " > ");
	ck_assert_str_eq(whole, "产出指标 > 成本指标 > 经济成本指标 > 办公费");
	free(whole);
	ck_assert_str_eq(n->target.text, "=60万元");
	ck_assert_int_eq(n->target.q.op, JX_OP_EQ);
	ck_assert_int_eq(n->actual.q.value.units, 44750000);
	ck_assert_int_eq(n->claimed.score.units, 7460000);
	ck_assert_int_eq(n->last_year.q.kind, JX_Q_NA);
	ck_assert(strstr(n->deviation, "厉行节约"));
	ck_assert_int_eq(n->weight.units, 10000000);

	const jx_node *g = jx_doc_find(doc, "产出指标", NULL);
	ck_assert(!jx_node_is_leaf(g));
	ck_assert_int_eq(g->weight.units, 60000000);
	ck_assert_uint_eq(doc->ngroups, 10);
	ck_assert_ptr_eq(doc->groups[0], g);
}
END_TEST

START_TEST(test_find)
{
	const char *why = NULL;
	ck_assert_int_eq(parse(HEAD "indicators:\n"
			      "  - name: A\n    children:\n      - {name: X, weight: 1, target: '1', actual: '1'}\n"
			      "  - name: B\n    children:\n      - {name: X, weight: 1, target: '1', actual: '1'}\n"
			      "      - {name: Y, weight: 1, target: '1', actual: '1'}\n"), 0);
	ck_assert_ptr_null(jx_doc_find(doc, "X", &why));
	ck_assert(strstr(why, "ambiguous"));
	ck_assert_ptr_nonnull(jx_doc_find(doc, "B/X", NULL));
	ck_assert_ptr_nonnull(jx_doc_find(doc, "Y", NULL));
	ck_assert_ptr_null(jx_doc_find(doc, "Z", &why));
	ck_assert_str_eq(why, "not found");
	ck_assert_ptr_null(jx_doc_find(doc, "A/Y", NULL));
	ck_assert_str_eq(jx_doc_dir(doc), ".");
}
END_TEST

/* The funds words name the funds section; without one, an indicator of
 * that name (a department's 预算执行率) is meant instead. */
START_TEST(test_names_funds)
{
	ck_assert(jx_funds_word("funds") && jx_funds_word("预算执行率") && jx_funds_word("预算执行"));
	ck_assert(!jx_funds_word("执行率"));
	ck_assert_int_eq(parse(HEAD "indicators:\n"
			      "  - name: A\n    children:\n      - {name: 预算执行率, weight: 1, target: '1', actual: '1'}\n"), 0);
	ck_assert(!jx_doc_names_funds(doc, "预算执行率"));
	ck_assert(jx_doc_names_funds(doc, "funds")); /* the caller says there is none */
	ck_assert(!jx_doc_names_funds(doc, "A"));
}
END_TEST

START_TEST(test_path_shown)
{
	static const char text[] = HEAD "indicators:\n  - {name: A, weight: 100, target: '1', actual: '1'}\n";
	ck_assert_int_eq(parse(text), 0);
	ck_assert_ptr_eq(doc->path_shown, doc->path); /* plain: no copy */
	jx_doc_free(doc);
	ck_assert_int_eq(jx_doc_parse(&doc, "评价/\x1b[2J\xff.yaml", text, strlen(text), &diags), 0);
	ck_assert_str_eq(doc->path, "评价/\x1b[2J\xff.yaml");
	ck_assert_str_eq(doc->path_shown, "评价/\\x1B[2J\\xFF.yaml");
}
END_TEST

START_TEST(test_find_slash_in_name)
{
	/* A name with '/' is found by the path jx_node_path writes; a path
	 * that two nodes have (A/B/C: 'B/C' of A, or C of A/B) is ambiguous. */
	char buf[64];
	const char *why = NULL;
	ck_assert_int_eq(parse(HEAD "indicators:\n"
			      "  - name: 产出指标\n    children:\n"
			      "      - {name: 培训/会议费, weight: 1, target: '1', actual: '1'}\n"
			      "      - {name: 培训, children: [{name: 差旅, weight: 1, target: '1', actual: '1'}]}\n"
			      "  - name: A\n    children:\n"
			      "      - {name: B/C, weight: 1, target: '1', actual: '1'}\n"
			      "      - {name: B, children: [{name: C, weight: 1, target: '1', actual: '1'}]}\n"), 0);
	const jx_node *n = jx_doc_find(doc, "产出指标/培训/会议费", NULL);
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->name, "培训/会议费");
	jx_node_path(buf, sizeof(buf), n, "/");
	ck_assert_ptr_eq(jx_doc_find(doc, buf, NULL), n);
	ck_assert_ptr_eq(jx_doc_find(doc, "培训/会议费", NULL), n);
	ck_assert_str_eq(jx_doc_find(doc, "产出指标/培训/差旅", NULL)->name, "差旅");
	ck_assert_ptr_null(jx_doc_find(doc, "A/B/C", &why));
	ck_assert_msg(strstr(why, "ambiguous: with the '/' inside names"), "%s", why);
	ck_assert_ptr_null(jx_doc_find(doc, "产出指标/培训/会", &why));
	ck_assert_str_eq(why, "not found");
}
END_TEST

START_TEST(test_set_weights)
{
	/* Several weights at once, in any order: what is set inside a group
	 * keeps its weight, the group's other leaves share the rest. */
	static const char text[] = HEAD "indicators:\n"
		"  - name: A\n    children:\n"
		"      - {name: B, children: [{name: x, weight: 2, target: '1', actual: '1'},"
		" {name: y, weight: 2, target: '1', actual: '1'}]}\n"
		"      - {name: p, weight: 1, target: '1', actual: '1'}\n"
		"      - {name: q, weight: 3, target: '1', actual: '1'}\n";
	static const int64_t want[4] = { 4, 4, 1, 3 }; /* x, y: 8 as 2:2; p, q: 4 as 1:3 */
	for (int order = 0; order < 2; order++) {
		ck_assert_int_eq(parse(text), 0);
		jx_node *a = (jx_node *)jx_doc_find(doc, "A", NULL);
		jx_node *b = (jx_node *)jx_doc_find(doc, "A/B", NULL);
		jx_weight_set sets[2] = { { a, jx_dec_from_int(12), NULL }, { b, jx_dec_from_int(8), NULL } };
		if (order) {
			jx_weight_set t = sets[0];
			sets[0] = sets[1];
			sets[1] = t;
		}
		ck_assert_int_eq(jx_doc_set_weights(doc, sets, 2, 2, &diags), 0);
		ck_assert_int_eq(a->weight.units, 12000000);
		ck_assert_int_eq(b->weight.units, 8000000);
		for (size_t i = 0; i < 4; i++)
			ck_assert_int_eq(doc->leaves[i]->weight.units, want[i] * 1000000);
	}
	/* Settings inside a group past its weight, named with their paths. */
	jx_node *a = (jx_node *)jx_doc_find(doc, "A", NULL);
	jx_node *b = (jx_node *)jx_doc_find(doc, "A/B", NULL);
	jx_weight_set bad[2] = { { a, jx_dec_from_int(5), NULL }, { b, jx_dec_from_int(8), NULL } };
	ck_assert_int_eq(jx_doc_set_weights(doc, bad, 2, 2, &diags), JX_EINVAL);
	ck_assert_str_eq(diags.items[0].message,
			 "weight 5 of 'A': the weights set inside 'A' add up to 8, more than its 5");
	ck_assert_str_eq(diags.items[1].message, "inside it: weight 8 of 'A/B'");
}
END_TEST

START_TEST(test_chinese_keys)
{
	ck_assert_int_eq(parse("jixiao: 1\n类型: 项目支出\n项目名称: 测试项目\n主管部门: 某局\n年度: 2024\n"
			       "项目资金:\n  分值: 10\n  资金来源:\n    - {名称: 年度资金总额, 年初预算数: 10, 全年预算数: 10, 全年执行数: 9}\n"
			       "绩效指标:\n  - 名称: 产出指标\n    下级指标:\n"
			       "      - {名称: 培训人次, 指标值: '>=100人次', 分值: 90, 实际完成值: 100人次, 赋分规则: 按照完成比例赋分,\n"
			       "         自评结果: {完成率: 100%, 得分: 90}}\n"
			       "自评结果: {得分: 99, 等级: 优}\n"), 0);
	ck_assert_str_eq(doc->title, "测试项目");
	ck_assert_str_eq(doc->department, "某局");
	ck_assert_int_eq(doc->funds.weight.units, 10000000);
	ck_assert_str_eq(doc->leaves[0]->rule, "按照完成比例赋分");
	ck_assert(doc->leaves[0]->claimed.has_score);
	ck_assert_str_eq(doc->claimed.grade, "优");
	/* The same field in both languages is an error. */
	ck_assert_int_eq(parse(HEAD "indicators:\n  - {name: A, weight: 1, 分值: 1, target: '1', actual: '1'}\n"),
			 JX_EINVAL);
	expect(5, 26, "'分值' is given twice in this indicator (also as 'weight')");
}
END_TEST

START_TEST(test_all_problems_in_one_pass)
{
	ck_assert_int_eq(parse("jixiao: 1\ntitel: t\nyear: 2024\nindicators:\n"
			       "  - name: A\n    wieght: 5\n    target: '>=abc'\n    actual: 3次\n"
			       "  - name: B\n    weight: -1\n    target: '>=3场'\n    actual: 3次\n"), JX_EINVAL);
	expect(2, 1, "unknown key 'titel' in the evaluation; did you mean 'title'?");
	expect(6, 5, "unknown key 'wieght' in indicator; did you mean 'weight'?");
	expect(7, 16, "target '>=abc': expected a number after '>='");
	expect(10, 13, "a weight must not be negative");
	expect(12, 14, "unit '次' of the actual value does not match unit '场' of the target");
	/* a misspelt key is not reported missing as well */
	ck_assert_uint_eq(diags.errors, 5);
	/* and the diagnostics come in the order of the file */
	for (size_t i = 1; i < diags.count; i++)
		ck_assert_uint_le(diags.items[i - 1].line, diags.items[i].line);
}
END_TEST

/* A file that is valid YAML but not a valid evaluation comes back partial,
 * with the leaves and the funds that had errors of their own marked. */
START_TEST(test_partial)
{
	jx_doc *partial = NULL;
	const char *text = HEAD "funds:\n  weight: x\n  rows: [{name: 总额, budget: 1, executed: 1}]\n"
			   "indicators:\n"
			   "  - name: G\n    children:\n"
			   "      - {name: A, weight: abc, target: '>=3次', actual: 3次}\n"
			   "      - {name: B, weight: 5, target: '>=3次', actual: 3次, rule: nosuch}\n"
			   "  - {name: C, weight: 5, target: 好, actual: 很棒}\n";
	jx_diags_release(&diags);
	ck_assert_int_eq(jx_doc_parse_partial(&doc, &partial, "t.yaml", text, strlen(text), &diags),
			 JX_EINVAL);
	ck_assert_ptr_null(doc);
	ck_assert_ptr_nonnull(partial);
	ck_assert_uint_eq(diags.errors, 2);
	ck_assert_uint_eq(partial->nleaves, 3);
	ck_assert(partial->leaves[0]->faulty);
	ck_assert(!partial->leaves[1]->faulty);
	ck_assert_str_eq(partial->leaves[1]->rule, "nosuch");
	ck_assert(!partial->leaves[2]->faulty);
	ck_assert(partial->funds.faulty);
	ck_assert(partial->partial);
	jx_doc_free(partial);

	/* Errors in what does not decide the scoring leave the parts whole. */
	jx_diags_release(&diags);
	text = HEAD "funds: {weight: 10, claimed: {rate: x}, rows: [{budget: 1, executed: 九十}]}\n"
		    "indicators:\n"
		    "  - {name: A, weight: 5, target: '>=3次', actual: 3次, claimed: {score: 很多}}\n"
		    "  - {name: B, weight: 5, target: '>=3次', actual: 3次, basis: [1], last_year: '>>'}\n"
		    "  - {name: C, weight: 5, target: '>=3次', actual: 3次, rule: [1]}\n";
	ck_assert_int_eq(jx_doc_parse_partial(&doc, &partial, "t.yaml", text, strlen(text), &diags),
			 JX_EINVAL);
	ck_assert_ptr_nonnull(partial);
	ck_assert_uint_eq(diags.errors, 6);
	ck_assert(!partial->funds.faulty);
	ck_assert(!partial->leaves[0]->faulty);
	ck_assert(!partial->leaves[1]->faulty);
	ck_assert(partial->leaves[2]->faulty);
	jx_doc_free(partial);

	/* A sound file: the document, no partial one. */
	jx_diags_release(&diags);
	text = HEAD "indicators:\n  - {name: A, weight: 5, target: '>=3次', actual: 3次}\n";
	ck_assert_int_eq(jx_doc_parse_partial(&doc, &partial, "t.yaml", text, strlen(text), &diags), 0);
	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_null(partial);
	ck_assert(!doc->leaves[0]->faulty);

	/* None when the YAML itself is broken, the rule-set name unreadable or
	 * the version unknown: nothing there can be trusted to check further. */
	static const char *const none[] = {
		HEAD "indicators:\n  - {name: A, weight: 5, target: '>=3次', actual: 3次\n",
		HEAD "rules: [a, b]\nindicators:\n  - {name: A, weight: 5, target: '>=3次', actual: 3次}\n",
		HEAD "rulse: mine.yaml\nindicators:\n  - {name: A, weight: 5, target: '>=3次', actual: 3次}\n",
		"jixiao: 2\ntitle: t\nyear: 2024\nindicators:\n  - {name: A, weight: x, target: '1', actual: '1'}\n",
	};
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		jx_doc_free(doc);
		jx_diags_release(&diags);
		partial = NULL;
		ck_assert_int_ne(jx_doc_parse_partial(&doc, &partial, "t.yaml", none[i], strlen(none[i]), &diags), 0);
		ck_assert_ptr_null(doc);
		ck_assert_msg(partial == NULL, "case %zu", i);
		ck_assert_uint_gt(diags.errors, 0);
	}
}
END_TEST

START_TEST(test_group_weights)
{
	ck_assert_int_eq(parse(HEAD "indicators:\n  - name: A\n    weight: 60\n    children:\n"
			       "      - {name: X, weight: 30, target: '1', actual: '1'}\n"
			       "      - {name: Y, weight: 20.5, target: '1', actual: '1'}\n"), JX_EINVAL);
	expect(6, 13, "group 'A' has weight 60 but its indicators add up to 50.5");
	ck_assert_int_eq(parse(HEAD "indicators:\n  - name: A\n    weight: 50.5\n    children:\n"
			       "      - {name: X, weight: 30, target: '1', actual: '1'}\n"
			       "      - {name: Y, weight: 20.5, target: '1', actual: '1'}\n"), 0);
	ck_assert_int_eq(doc->roots[0].weight.units, 50500000);
}
END_TEST

START_TEST(test_not_applicable)
{
	ck_assert_int_eq(parse(HEAD "indicators:\n  - {name: X, target: /}\n  - {name: Y, weight: 5, target: '—', actual: /}\n"
			       "  - {name: Z, weight: 5, target: '>=1', actual: /}\n"), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 1);
	expect(7, 49, "actual value of 'Z' is '/' but its target '>=1' applies");
}
END_TEST

/* n nodes: one group with n - 1 leaves. */
static char *many(size_t n)
{
	size_t cap = n * 64 + 256;
	char *s = malloc(cap);
	size_t k = (size_t)snprintf(s, cap, HEAD "indicators:\n  - name: G\n    children:\n");
	for (size_t i = 1; i < n; i++)
		k += (size_t)snprintf(s + k, cap - k, "      - {name: L%zu, weight: 0, target: '1', actual: '1'}\n", i);
	return s;
}

START_TEST(test_indicator_limit)
{
	char *at = many(JX_MAX_INDICATORS), *over = many(JX_MAX_INDICATORS + 1);
	ck_assert_int_eq(parse(at), 0);
	ck_assert_uint_eq(doc->nleaves, JX_MAX_INDICATORS - 1);
	ck_assert_int_eq(parse(over), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "more than 10000 indicators"));
	ck_assert_uint_eq(diags.errors, 1);
	free(at);
	free(over);
}
END_TEST

/* A chain of groups depth deep with one leaf at the bottom. */
static char *deep(int depth)
{
	static char buf[4096];
	size_t k = (size_t)snprintf(buf, sizeof(buf), HEAD "indicators:\n");
	for (int i = 1; i < depth; i++)
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%*s- name: G%d\n%*s  children:\n",
				      4 * i - 2, "", i, 4 * i - 2, "");
	snprintf(buf + k, sizeof(buf) - k, "%*s- {name: L, weight: 1, target: '1', actual: '1'}\n",
		 4 * depth - 2, "");
	return buf;
}

START_TEST(test_depth_limit)
{
	ck_assert_int_eq(parse(deep(JX_MAX_DEPTH)), 0);
	ck_assert_int_eq(doc->leaves[0]->depth, JX_MAX_DEPTH);
	ck_assert_int_eq(parse(deep(JX_MAX_DEPTH + 1)), JX_EINVAL);
	expect(5 + 2 * JX_MAX_DEPTH, 4 * (JX_MAX_DEPTH + 1) + 1, "nested 7 levels deep (the limit is 6)");
}
END_TEST

START_TEST(test_siblings_and_versions)
{
	ck_assert_int_eq(parse(HEAD "indicators:\n  - {name: X, weight: 1, target: '1', actual: '1'}\n"
			       "  - {name: X, weight: 1, target: '1', actual: '1'}\n"), JX_EINVAL);
	expect(6, 5, "two indicators named 'X' in one group (first at line 5)");
	ck_assert_int_eq(parse("jixiao: 2\ntitle: t\nyear: 2024\nindicators: []\n"), JX_EINVAL);
	expect(1, 9, "unsupported format version 2");
	ck_assert_int_eq(parse("title: t\nyear: 2024\nindicators:\n  - {name: X, weight: 1, target: '1', actual: '1'}\n"), JX_EINVAL);
	expect(1, 1, "missing 'jixiao: 1'");
	ck_assert_int_eq(parse(""), JX_EINVAL);
	expect(1, 1, "empty file");
	ck_assert_int_eq(parse("- a\n- b\n"), JX_EINVAL);
	expect(1, 1, "expected an evaluation");
	ck_assert_int_eq(parse("名称：产出指标\n"), JX_EINVAL);
	expect(1, 1, "not '：'");
}
END_TEST

Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("loading");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_names_funds);
	tcase_add_test(tc, test_path_shown);
	tcase_add_test(tc, test_find_slash_in_name);
	tcase_add_test(tc, test_set_weights);
	tcase_add_test(tc, test_chinese_keys);
	suite_add_tcase(s, tc);
	tc = tcase_create("problems");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_all_problems_in_one_pass);
	tcase_add_test(tc, test_partial);
	tcase_add_test(tc, test_group_weights);
	tcase_add_test(tc, test_not_applicable);
	tcase_add_test(tc, test_siblings_and_versions);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_indicator_limit);
	tcase_add_test(tc, test_depth_limit);
	suite_add_tcase(s, tc);
	return s;
}
