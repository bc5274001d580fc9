/*
 * check_ahp.c - weights from data and judgements: AHP on Saaty's published
 * examples, reciprocity and consistency, the random-index tables; entropy
 * weights on a table worked by hand, constant columns and the equal fallback.
 */
#include "check_jixiao.h"

#include "jixiao/ahp.h"
#include "jixiao/common.h"
#include "jixiao/entropy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jx_diags diags;

static void setup(void)
{
	jx_diags_init(&diags);
}

static void teardown(void)
{
	jx_diags_release(&diags);
}

static jx_ahp *load(const char *path)
{
	jx_ahp *a = NULL;
	int rc = jx_ahp_load(&a, path, JX_RI_CLASSIC, &diags);
	for (size_t i = 0; rc && i < diags.count; i++)
		fprintf(stderr, "%u:%u: %s\n", diags.items[i].line, diags.items[i].col, diags.items[i].message);
	ck_assert_int_eq(rc, 0);
	return a;
}

#define NEAR(x, y, eps) ck_assert_msg(fabs((x) - (y)) < (eps), "%s = %.6f, want %.6f", #x, (double)(x), (double)(y))

START_TEST(test_saaty3)
{
	jx_ahp *a = load("data/ahp/saaty3.yaml");
	const jx_ahp_matrix *m = &a->matrices[0];
	ck_assert_uint_eq(m->n, 3);
	NEAR(m->weights[0], 0.6483, 5e-5);
	NEAR(m->weights[1], 0.2297, 5e-5);
	NEAR(m->weights[2], 0.1220, 5e-5);
	NEAR(m->lambda_max, 3.0037, 5e-5);
	NEAR(m->ri, 0.58, 1e-12);
	ck_assert(m->consistent);
	jx_ahp_free(a);
	/* the same judgements as an upper triangle */
	a = load("data/ahp/pairs.yaml");
	NEAR(a->matrices[0].weights[0], 0.6483, 5e-5);
	NEAR(a->matrices[0].weights[2], 0.1220, 5e-5);
	jx_ahp_free(a);
}
END_TEST

START_TEST(test_wealth_of_nations)
{
	static const double published[7] = { 0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094 };
	jx_ahp *a = load("data/ahp/wealth-of-nations.yaml");
	const jx_ahp_matrix *m = &a->matrices[0];
	double sum = 0;
	for (int i = 0; i < 7; i++) {
		NEAR(m->weights[i], published[i], 5e-4);
		sum += m->weights[i];
	}
	NEAR(sum, 1.0, 1e-12);
	NEAR(m->lambda_max, 7.61, 5e-3);
	jx_ahp_free(a);
}
END_TEST

/* Entries 13 orders of magnitude apart: the eigenvalues of the balanced
 * matrix, against 60-digit arithmetic (mpmath). */
START_TEST(test_badly_scaled)
{
	jx_ahp *a = load("data/ahp/badly-scaled.yaml");
	const jx_ahp_matrix *m = &a->matrices[0];
	NEAR(m->lambda_max, 151.7961199878, 1e-6);
	NEAR(m->ci, 74.3980599939, 1e-6);
	NEAR(m->weights[1], 0.999949738416, 1e-9);
	NEAR(m->weights[2], 5.02606364358e-5, 1e-9);
	jx_ahp_free(a);
}
END_TEST

START_TEST(test_inconsistent)
{
	jx_ahp *a = load("data/ahp/inconsistent.yaml");
	const jx_ahp_matrix *m = &a->matrices[0];
	ck_assert(!m->consistent);
	ck_assert(m->cr >= 0.10);
	ck_assert_str_eq(m->criteria[m->worst_i], "A");
	ck_assert_str_eq(m->criteria[m->worst_j], "C");
	jx_ahp_free(a);
}
END_TEST

START_TEST(test_hierarchy_and_tables)
{
	jx_ahp *a = load("../examples/ahp/karamay-2024.yaml");
	ck_assert_uint_eq(a->nmatrices, 2);
	ck_assert_str_eq(a->matrices[0].path, "");
	ck_assert_str_eq(a->matrices[1].path, "产出指标");
	ck_assert_uint_eq(a->matrices[1].n, 4);
	jx_ahp_free(a);
	NEAR(jx_ahp_ri(JX_RI_CLASSIC, 3), 0.58, 1e-12);
	NEAR(jx_ahp_ri(JX_RI_CLASSIC, 12), 1.48, 1e-12);
	NEAR(jx_ahp_ri(JX_RI_CLASSIC, 15), 1.59, 1e-12);
	NEAR(jx_ahp_ri(JX_RI_SAATY2005, 3), 0.52, 1e-12);
	NEAR(jx_ahp_ri(JX_RI_DD, 4), 0.8045, 1e-12);
	NEAR(jx_ahp_ri(JX_RI_CLASSIC, 2), 0, 1e-12);
	jx_ri_table t;
	ck_assert_int_eq(jx_ahp_ri_parse("dd", &t), 0);
	ck_assert_int_eq(t, JX_RI_DD);
	ck_assert_int_eq(jx_ahp_ri_parse("saaty", &t), JX_EINVAL);
}
END_TEST

START_TEST(test_errors)
{
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_load(&a, "data/ahp/bad.yaml", JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_ptr_null(a);
	ck_assert_uint_eq(diags.errors, 2);
	ck_assert(strstr(diags.items[0].message, "'0.33' is not the reciprocal of 3"));
	ck_assert_uint_eq(diags.items[0].line, 5);
	ck_assert(strstr(diags.items[1].message, "not 'abc'"));
}
END_TEST

/* One comparison a/b of a 2 × 2 matrix: at, below and above each limit. */
static const struct {
	const char *value, *error; /* NULL: accepted */
} values[] = {
	{ "999999999999", NULL },
	{ "1000000000000", "3:15: number too large (the limit is 10^12) in comparison '1000000000000'" },
	{ "999999999999/1", NULL },
	{ "999999999999/0.999999", "3:15: comparison '999999999999/0.999999' is 10^12 or more (the limit is 10^12)" },
	{ "999999999999/0.000001", "3:15: comparison '999999999999/0.000001' is 10^12 or more (the limit is 10^12)" },
	{ "1/999999999999", NULL },
	{ "0.000001/999999.999999", NULL },
	{ "0.000001/999999999999", "3:15: comparison '0.000001/999999999999' is 10^-12 or less (the limit is 10^-12)" },
	{ "1/1000000000000", "3:17: number too large (the limit is 10^12) in comparison '1/1000000000000'" },
	{ "0.000001", NULL },
	{ "0.0000001", "3:23: more than 6 decimal places in comparison '0.0000001'" },
	{ "1.8046875", "3:23: more than 6 decimal places in comparison '1.8046875'" },
	{ "3/0.0000001", "3:25: more than 6 decimal places in comparison '3/0.0000001'" },
	{ "0", "3:15: a comparison is a number above 0 such as 3, 0.5 or 1/3, not '0'" },
};

START_TEST(test_value_limits)
{
	char text[256], where[512];
	jx_ahp *a = NULL;
	snprintf(text, sizeof(text), "jixiao-ahp: 1\ncriteria: [a, b]\nmatrix: [[1, \"%s\"], [~, 1]]\n",
		 values[_i].value);
	int rc = jx_ahp_parse(&a, "v.yaml", text, strlen(text), JX_RI_CLASSIC, &diags);
	if (!values[_i].error) {
		ck_assert_msg(rc == 0, "%s: %s", values[_i].value, diags.count ? diags.items[0].message : "");
		ck_assert(a->matrices[0].weights[0] > 0 && a->matrices[0].weights[1] > 0);
		jx_ahp_free(a);
		return;
	}
	ck_assert_int_eq(rc, JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 1);
	snprintf(where, sizeof(where), "%u:%u: %s", diags.items[0].line, diags.items[0].col,
		 diags.items[0].message);
	ck_assert_str_eq(where, values[_i].error);
}
END_TEST

/* The hint for a comparison that is not the reciprocal of its mirror is one
 * that can be written: 10/3, not 1/3/10. */
START_TEST(test_reciprocal_hint)
{
	static const char text[] = "jixiao-ahp: 1\ncriteria: [a, b]\nmatrix: [[1, 0.3], [3, 1]]\n";
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_parse(&a, "r.yaml", text, strlen(text), JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_str_eq(diags.items[0].message,
			 "'3' is not the reciprocal of 0.3 (row 1, column 2); write 10/3 or leave it ~");
}
END_TEST

/* Comparisons within their limits whose eigenvector GSL cannot compute to
 * a positive one are refused rather than shown as weights. */
START_TEST(test_nonpositive_weights)
{
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_load(&a, "data/ahp/nonpositive.yaml", JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_ptr_null(a);
	ck_assert_uint_eq(diags.errors, 1);
	ck_assert_uint_eq(diags.items[0].line, 7);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "could not be computed accurately ('c2' came out as -"));
}
END_TEST

/* A group path of any number of names is read (a name may hold '/'); an
 * empty list of matrices is an error. */
START_TEST(test_path_limit)
{
	/* A name may hold '/': how deep a path goes is known only in an
	 * evaluation, so any number of '/' is read (--apply checks it). */
	static const char *const paths[] = { "a/b/c/d/e", "a/b/c/d/e/f", "产出指标/培训/会议/差旅/印刷/车辆/其他" };
	for (size_t k = 0; k < 3; k++) {
		char text[256];
		jx_diags d;
		jx_ahp *a = NULL;
		jx_diags_init(&d);
		snprintf(text, sizeof(text),
			 "jixiao-ahp: 1\nmatrices:\n  - path: %s\n    criteria: [x, y]\n    pairs: [[x, y, 2]]\n",
			 paths[k]);
		ck_assert_int_eq(jx_ahp_parse(&a, "p.yaml", text, strlen(text), JX_RI_CLASSIC, &d), 0);
		ck_assert_str_eq(a->matrices[0].path, paths[k]);
		jx_ahp_free(a);
		jx_diags_release(&d);
	}
	static const char empty[] = "jixiao-ahp: 1\nmatrices: []\n";
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_parse(&a, "e.yaml", empty, strlen(empty), JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 1);
	ck_assert_uint_eq(diags.items[0].line, 2);
	ck_assert_str_eq(diags.items[0].message, "'matrices' is empty (give at least one comparison)");
}
END_TEST

/* Three comparisons for one group: each later one reported once, naming
 * the first; one whose path cannot be read is for no group. */
START_TEST(test_two_for_one_group)
{
	static const char text[] =
		"jixiao-ahp: 1\nmatrices:\n"
		"  - {path: [x], criteria: [a, b], pairs: [[a, b, 2]]}\n"
		"  - {path: g, criteria: [a, b], pairs: [[a, b, 2]]}\n"
		"  - {path: g, criteria: [a, b], pairs: [[a, b, 3]]}\n"
		"  - {criteria: [a, b], pairs: [[a, b, 3]]}\n"
		"  - {path: g, criteria: [a, b], pairs: [[a, b, 4]]}\n"
		"  - {path: '', criteria: [a, b], pairs: [[a, b, 4]]}\n";
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_parse(&a, "t.yaml", text, strlen(text), JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 4);
	ck_assert_str_eq(diags.items[0].message, "expected a group path, got a list");
	ck_assert_str_eq(diags.items[1].message, "two comparisons for group 'g' (the first is at line 4)");
	ck_assert_uint_eq(diags.items[1].line, 5);
	ck_assert_str_eq(diags.items[2].message, "two comparisons for group 'g' (the first is at line 4)");
	ck_assert_uint_eq(diags.items[2].line, 7);
	ck_assert_str_eq(diags.items[3].message, "two comparisons for level 1 (the first is at line 6)");
}
END_TEST

/* As many matrices as a file can hold, with long paths of one prefix, the
 * last for the group of the first: found without comparing every pair of
 * paths (that took 9 s, past the test's timeout). */
START_TEST(test_two_for_one_group_many)
{
	enum { N = 48000, PREFIX = 250 };
	const size_t cap = 64 + (size_t)N * (PREFIX + 64);
	char *text = malloc(cap), prefix[PREFIX + 1];
	size_t len = 0;
	ck_assert_ptr_nonnull(text);
	memset(prefix, 'x', PREFIX);
	prefix[PREFIX] = '\0';
	len += (size_t)snprintf(text + len, cap - len, "jixiao-ahp: 1\nmatrices:\n");
	for (int i = 0; i < N; i++)
		len += (size_t)snprintf(text + len, cap - len, "  - {path: %s%d, criteria: [a], matrix: [[1]]}\n",
					prefix, i + 1 < N ? i : 0);
	jx_ahp *a = NULL;
	ck_assert_int_eq(jx_ahp_parse(&a, "t.yaml", text, len, JX_RI_CLASSIC, &diags), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 1);
	ck_assert_uint_eq(diags.items[0].line, N + 2);
	ck_assert_ptr_nonnull(strstr(diags.items[0].message, "0' (the first is at line 3)"));
	free(text);
}
END_TEST

/* Two level-1 groups: A always fully attained, B at 50%, 100% and 0%. */
static jx_result *scored(const char *b_actual, jx_doc **doc, jx_rules *rules)
{
	char text[512];
	jx_result *r;
	snprintf(text, sizeof(text),
		 "jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n"
		 "  - {name: A, weight: 50, target: '100', actual: '100'}\n"
		 "  - {name: B, weight: 50, target: '100', actual: '%s'}\n", b_actual);
	ck_assert_int_eq(jx_doc_parse(doc, "t.yaml", text, strlen(text), &diags), 0);
	ck_assert_int_eq(jx_score_run(&r, *doc, rules, &diags), 0);
	return r;
}

START_TEST(test_entropy)
{
	jx_rules *rules;
	jx_doc *docs[3];
	const jx_result *rs[3];
	static const char *const actuals[3] = { "50", "100", "0" };
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	for (int i = 0; i < 3; i++)
		rs[i] = scored(actuals[i], &docs[i], rules);
	jx_entropy e;
	ck_assert_int_eq(jx_entropy_run(&e, rs, 3, 1, &diags), 0);
	/* A is constant: e = 1, w = 0. B: p = 1/3, 2/3, 0; e = 0.636514/ln 3 */
	ck_assert(e.constant[0]);
	NEAR(e.e[0], 1.0, 1e-12);
	NEAR(e.w[0], 0.0, 1e-12);
	NEAR(e.e[1], 0.579380, 1e-6);
	NEAR(e.w[1], 1.0, 1e-12);
	ck_assert(!e.equal_fallback);
	jx_entropy_release(&e);
	/* all columns constant: equal weights */
	const jx_result *same[2] = { rs[1], rs[1] };
	ck_assert_int_eq(jx_entropy_run(&e, same, 2, 1, &diags), 0);
	ck_assert(e.equal_fallback);
	NEAR(e.w[0], 0.5, 1e-12);
	jx_entropy_release(&e);
	ck_assert_int_eq(jx_entropy_run(&e, rs, 1, 1, &diags), JX_EINVAL);
	for (int i = 0; i < 3; i++) {
		jx_result_free((jx_result *)rs[i]);
		jx_doc_free(docs[i]);
	}
	jx_rules_free(rules);
}
END_TEST

/* Attainments a millionth apart (scores to 4 decimals): e is within 10^-12
 * of 1, and the weights must come from 1 − e, not from the noise of e. */
START_TEST(test_entropy_close_attainments)
{
	static const char set[] = "jixiao-rules: 1\nextends: standard\ndecimals: 4\n";
	static const char *const actuals[3][3] = { { "1000000", "1000000", "1000000" },
						   { "999999", "999998", "1000000" },
						   { "1000000", "999999", "999997" } };
	jx_rules *rules;
	jx_doc *docs[3];
	const jx_result *rs[3];
	ck_assert_int_eq(jx_rules_parse(&rules, "d4", set, strlen(set), &diags), 0);
	for (int i = 0; i < 3; i++) {
		char text[512];
		jx_result *r;
		snprintf(text, sizeof(text),
			 "jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n"
			 "  - {name: A, weight: 100, target: '1000000', actual: '%s'}\n"
			 "  - {name: B, weight: 100, target: '1000000', actual: '%s'}\n"
			 "  - {name: C, weight: 100, target: '1000000', actual: '%s'}\n",
			 actuals[i][0], actuals[i][1], actuals[i][2]);
		ck_assert_int_eq(jx_doc_parse(&docs[i], "t.yaml", text, strlen(text), &diags), 0);
		ck_assert_int_eq(jx_score_run(&r, docs[i], rules, &diags), 0);
		rs[i] = r;
	}
	jx_entropy e;
	ck_assert_int_eq(jx_entropy_run(&e, rs, 3, 1, &diags), 0);
	/* computed with 50 digits */
	NEAR(e.w[0], 0.07692297238655078, 1e-8);
	NEAR(e.w[1], 0.23076919921094713, 1e-8);
	NEAR(e.w[2], 0.692307828402502, 1e-8);
	jx_entropy_release(&e);
	for (int i = 0; i < 3; i++) {
		jx_result_free((jx_result *)rs[i]);
		jx_doc_free(docs[i]);
	}
	jx_rules_free(rules);
}
END_TEST

/* A comparison of n criteria, all judged equal, as a file's text. */
static char *equal_matrix(size_t n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	fprintf(f, "jixiao-ahp: 1\ncriteria: [");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%sc%zu", i ? ", " : "", i);
	fprintf(f, "]\nmatrix:\n");
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "  - [");
		for (size_t j = 0; j < n; j++)
			fprintf(f, "%s1", j ? ", " : "");
		fprintf(f, "]\n");
	}
	fclose(f);
	return text;
}

/* 1 to JX_AHP_MAX_N criteria: at, just below and just above the limit. */
START_TEST(test_matrix_size_limit)
{
	static const size_t sizes[] = { JX_AHP_MAX_N - 1, JX_AHP_MAX_N, JX_AHP_MAX_N + 1 };
	for (size_t k = 0; k < 3; k++) {
		jx_diags d;
		jx_ahp *a = NULL;
		char *text = equal_matrix(sizes[k]);
		jx_diags_init(&d);
		int rc = jx_ahp_parse(&a, "n.yaml", text, strlen(text), JX_RI_CLASSIC, &d);
		if (sizes[k] <= JX_AHP_MAX_N) {
			ck_assert_int_eq(rc, 0);
			ck_assert_uint_eq(a->matrices[0].n, sizes[k]);
			NEAR(a->matrices[0].weights[0], 1.0 / (double)sizes[k], 1e-12);
			jx_ahp_free(a);
		} else {
			ck_assert_int_ne(rc, 0);
			ck_assert_ptr_nonnull(strstr(d.items[0].message, "16 criteria; a comparison has 1 to 15"));
		}
		jx_diags_release(&d);
		free(text);
	}
}
END_TEST

Suite *ahp_suite(void)
{
	Suite *s = suite_create("ahp");
	TCase *tc = tcase_create("ahp");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_saaty3);
	tcase_add_test(tc, test_wealth_of_nations);
	tcase_add_test(tc, test_badly_scaled);
	tcase_add_test(tc, test_inconsistent);
	tcase_add_test(tc, test_matrix_size_limit);
	tcase_add_test(tc, test_hierarchy_and_tables);
	tcase_add_test(tc, test_errors);
	tcase_add_loop_test(tc, test_value_limits, 0, sizeof(values) / sizeof(values[0]));
	tcase_add_test(tc, test_reciprocal_hint);
	tcase_add_test(tc, test_nonpositive_weights);
	tcase_add_test(tc, test_path_limit);
	tcase_add_test(tc, test_two_for_one_group);
	suite_add_tcase(s, tc);
	tc = tcase_create("ahp-many");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 4);
	tcase_add_test(tc, test_two_for_one_group_many);
	suite_add_tcase(s, tc);
	tc = tcase_create("entropy");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_entropy);
	tcase_add_test(tc, test_entropy_close_attainments);
	suite_add_tcase(s, tc);
	return s;
}
