/*
 * check_sensitivity.c - Monte Carlo weight sensitivity: the seed project
 * stays 优 under every weight vector, runs repeat exactly whatever the
 * threads, concentrated draws stay near the base total, ranks add up,
 * equal totals share a rank.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/sensitivity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFILES 4
static const char *const paths[NFILES] = {
	"../examples/karamay-2024/project.yaml", "../examples/training-2024/project.yaml",
	"../examples/road-maintenance-2024/project.yaml", "../examples/community-health-2024/project.yaml"
};

static jx_diags diags;
static jx_doc *docs[NFILES];
static jx_rules *rules;
static const jx_result *results[NFILES];

static void setup(void)
{
	jx_diags_init(&diags);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	for (int i = 0; i < NFILES; i++) {
		jx_result *r;
		ck_assert_int_eq(jx_doc_load(&docs[i], paths[i], &diags), 0);
		ck_assert_int_eq(jx_score_run(&r, docs[i], rules, &diags), 0);
		results[i] = r;
	}
}

static void teardown(void)
{
	for (int i = 0; i < NFILES; i++) {
		jx_result_free((jx_result *)results[i]);
		jx_doc_free(docs[i]);
	}
	jx_rules_free(rules);
	jx_diags_release(&diags);
}

static char *json_of(const jx_sens *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(jx_sens_write_json(f, s), 0);
	fclose(f);
	return buf;
}

START_TEST(test_seed_stays_excellent)
{
	/* level-1 attainments 100%, 95.43%, 100%, 100%: any weights give ≥ 95.43 */
	jx_sens s;
	jx_sens_opts o = { 20000, 1, 1, 0, 2 };
	ck_assert_int_eq(jx_sens_run(&s, results, 1, &o, &diags), 0);
	ck_assert_uint_eq(s.ncriteria, 4);
	ck_assert_str_eq(s.criteria[1], "产出指标");
	ck_assert(s.files[0].grades[0] == 1.0);
	ck_assert(s.files[0].p_change == 0.0);
	ck_assert(s.files[0].q[0] >= 95.43 && s.files[0].q[4] <= 100.0);
	ck_assert(s.files[0].lo >= 95.43 - 1e-9);
	jx_sens_release(&s);
}
END_TEST

/* Score one evaluation given as text under the standard rules. */
static jx_result *score_text(const char *text, jx_doc **doc)
{
	jx_result *r;
	ck_assert_int_eq(jx_doc_parse(doc, "na.yaml", text, strlen(text), &diags), 0);
	ck_assert_int_eq(jx_score_run(&r, *doc, rules, &diags), 0);
	return r;
}

/*
 * Not-applicable leaves: a criterion's n/a part grows and shrinks with its
 * drawn weight, and the total is rescaled by what applies in each draw.
 */
START_TEST(test_not_applicable)
{
	static const char all_met[] =
		"jixiao: 1\nkind: project\ntitle: t\nyear: 2024\nindicators:\n"
		"  - name: 产出指标\n    children:\n"
		"      - {name: 甲, target: '>=10个', weight: 40, actual: 10个}\n"
		"      - {name: 乙, target: '/', weight: 20}\n"
		"  - name: 效益指标\n    children:\n"
		"      - {name: 丙, target: '>=10个', weight: 40, actual: 10个}\n";
	/* 产出 60 met; 效益 40 = n/a 20 + 20 at 50%: total 100 × 70 / 80 = 87.5.
	 * With shares (u, 1 − u) the total is 100 (u + ¼(1 − u)) / (u + ½(1 − u)),
	 * whose mean for u uniform on [0, 1] is 100 (1.5 − ln 2) = 80.685. */
	static const char half_met[] =
		"jixiao: 1\nkind: project\ntitle: t\nyear: 2024\nindicators:\n"
		"  - name: 产出指标\n    children:\n"
		"      - {name: 甲, target: '>=10个', weight: 60, actual: 10个}\n"
		"  - name: 效益指标\n    children:\n"
		"      - {name: 乙, target: '/', weight: 20}\n"
		"      - {name: 丙, target: '>=10个', weight: 20, actual: 5个}\n";
	jx_doc *d1, *d2;
	const jx_result *r[1];
	jx_sens s;
	jx_sens_opts o = { 20000, 7, 1, 0, 2 };

	r[0] = score_text(all_met, &d1);
	ck_assert_int_eq(jx_sens_run(&s, r, 1, &o, &diags), 0);
	ck_assert(s.files[0].lo == 100.0 && s.files[0].hi == 100.0);
	ck_assert(s.files[0].grades[0] == 1.0);
	jx_sens_release(&s);
	jx_result_free((jx_result *)r[0]);

	r[0] = score_text(half_met, &d2);
	ck_assert(jx_dec_cmp(r[0]->total, jx_dec_from_int(0)) > 0);
	ck_assert_int_eq(jx_sens_run(&s, r, 1, &o, &diags), 0);
	ck_assert_double_eq_tol(s.files[0].base_total, 87.5, 1e-9);
	ck_assert_double_eq_tol(s.files[0].mean, 100 * (1.5 - log(2.0)), 0.5);
	ck_assert(s.files[0].lo >= 50.0 - 1e-9 && s.files[0].hi <= 100.0 + 1e-9);
	jx_sens_release(&s);
	jx_result_free((jx_result *)r[0]);

	/* not_applicable: drop: the total is what is scored, 100 (u + ¼(1 − u)),
	 * mean 62.5; at the file's own shares 70 (of a maximum of 80). */
	static const char drop_set[] = "jixiao-rules: 1\nname: drop\nextends: standard\n"
				       "not_applicable: drop\n";
	jx_rules *drop;
	jx_result *rd;
	ck_assert_int_eq(jx_rules_parse(&drop, "drop.yaml", drop_set, strlen(drop_set), &diags), 0);
	ck_assert_int_eq(jx_score_run(&rd, d2, drop, &diags), 0);
	r[0] = rd;
	ck_assert_int_eq(jx_sens_run(&s, r, 1, &o, &diags), 0);
	ck_assert_double_eq_tol(s.files[0].base_total, 70.0, 1e-9);
	ck_assert_double_eq_tol(s.files[0].mean, 62.5, 0.5);
	ck_assert(s.files[0].lo >= 25.0 - 1e-9 && s.files[0].hi <= 100.0 + 1e-9);
	jx_sens_release(&s);
	jx_result_free(rd);
	jx_rules_free(drop);
	jx_doc_free(d1);
	jx_doc_free(d2);
}
END_TEST

/* A draw is graded as score grades the file: its total at the rule set's
 * places. 69 × 100 / 77 = 89.61 is 90 with no decimals, 优. */
START_TEST(test_graded_at_rule_set_places)
{
	static const char set[] = "jixiao-rules: 1\nname: whole\nextends: standard\ndecimals: 0\n";
	static const char text[] =
		"jixiao: 1\nkind: project\ntitle: t\nyear: 2024\nindicators:\n"
		"  - name: 产出指标\n    children:\n"
		"      - {name: 甲, target: '>=10个', weight: 50, actual: 10个}\n"
		"  - name: 效益指标\n    children:\n"
		"      - {name: 乙, target: '/', weight: 23}\n"
		"      - {name: 丙, target: '>=27个', weight: 27, actual: 19个}\n";
	jx_rules *whole;
	jx_doc *doc;
	jx_result *r;
	jx_sens s;
	jx_sens_opts o = { 2000, 3, 1, 1e6, 1 }; /* draws at the file's own shares */
	ck_assert_int_eq(jx_rules_parse(&whole, "whole.yaml", set, strlen(set), &diags), 0);
	ck_assert_int_eq(jx_doc_parse(&doc, "t.yaml", text, strlen(text), &diags), 0);
	ck_assert_int_eq(jx_score_run(&r, doc, whole, &diags), 0);
	ck_assert_str_eq(r->grade->name, "优");
	const jx_result *rs[1] = { r };
	ck_assert_int_eq(jx_sens_run(&s, rs, 1, &o, &diags), 0);
	ck_assert_double_eq_tol(s.files[0].mean, 6900.0 / 77, 0.01);
	ck_assert(s.files[0].grades[0] > 0.99);
	ck_assert(s.files[0].p_change < 0.01);
	jx_sens_release(&s);
	jx_result_free(r);
	jx_doc_free(doc);
	jx_rules_free(whole);
}
END_TEST

START_TEST(test_repeatable)
{
	jx_sens a, b, c;
	jx_sens_opts o = { 5000, 42, 1, 0, 1 };
	ck_assert_int_eq(jx_sens_run(&a, results, NFILES, &o, &diags), 0);
	o.jobs = 3;
	ck_assert_int_eq(jx_sens_run(&b, results, NFILES, &o, &diags), 0);
	o.seed = 43;
	ck_assert_int_eq(jx_sens_run(&c, results, NFILES, &o, &diags), 0);
	char *ja = json_of(&a), *jb = json_of(&b), *jc = json_of(&c);
	ck_assert_str_eq(ja, jb);
	ck_assert_str_ne(ja, jc);
	ck_assert(strstr(ja, "\"generator\": \"mt19937\""));
	ck_assert(strstr(ja, "\"seed\": 42"));
	free(ja);
	free(jb);
	free(jc);
	jx_sens_release(&a);
	jx_sens_release(&b);
	jx_sens_release(&c);
}
END_TEST

START_TEST(test_ranks)
{
	jx_sens s;
	jx_sens_opts o = { 8000, 7, 1, 0, 2 };
	ck_assert_int_eq(jx_sens_run(&s, results, NFILES, &o, &diags), 0);
	for (int r = 0; r < NFILES; r++) {
		double by_rank = 0, by_file = 0;
		for (int f = 0; f < NFILES; f++) {
			by_rank += s.files[f].ranks[r];
			by_file += s.files[r].ranks[f];
		}
		ck_assert(fabs(by_rank - 1) < 1e-9 && fabs(by_file - 1) < 1e-9);
	}
	ck_assert(s.kendall_tau > -1 && s.kendall_tau <= 1);
	ck_assert(!s.ties);
	/* the road project (88.03) is last most of the time */
	ck_assert(s.files[2].ranks[3] > 0.5);
	jx_sens_release(&s);
}
END_TEST

START_TEST(test_ties_share_the_rank)
{
	/* The same file twice, next to another: the two always have equal
	 * totals, so each is first (or second) exactly as often as the other,
	 * whatever their order. */
	const jx_result *three[3] = { results[0], results[2], results[0] };
	jx_sens s;
	jx_sens_opts o = { 3000, 5, 1, 0, 1 };
	ck_assert_int_eq(jx_sens_run(&s, three, 3, &o, &diags), 0);
	for (int r = 0; r < 3; r++)
		ck_assert_double_eq(s.files[0].ranks[r], s.files[2].ranks[r]);
	ck_assert(s.files[0].ranks[0] > 0.5); /* karamay (97.26) above the road project (88.03) */
	/* The pair shares first, or second below the road project: never third;
	 * the road project is first or third, never second. */
	ck_assert_double_eq(s.files[0].ranks[2], 0);
	ck_assert_double_eq(s.files[0].ranks[0] + s.files[0].ranks[1], 1);
	ck_assert_double_eq(s.files[1].ranks[1], 0);
	ck_assert_double_eq(s.files[1].ranks[0], s.files[0].ranks[1]);
	ck_assert(s.files[0].has_central && s.files[2].has_central);
	ck_assert(s.ties);
	for (size_t c = 0; c < s.ncriteria; c++)
		ck_assert_double_eq(s.files[0].central[c], s.files[2].central[c]);
	jx_sens_release(&s);
}
END_TEST

START_TEST(test_concentration)
{
	/* Dirichlet(K·w0) with K huge: every draw is the file's own weights */
	jx_sens s;
	jx_sens_opts o = { 2000, 1, 1, 1e6, 1 };
	for (int f = 0; f < NFILES; f++) {
		ck_assert_int_eq(jx_sens_run(&s, &results[f], 1, &o, &diags), 0);
		ck_assert_msg(fabs(s.files[0].mean - s.files[0].base_total) < 0.02, "%s: %f vs %f",
			      paths[f], s.files[0].mean, s.files[0].base_total);
		ck_assert(s.files[0].sd < 0.05);
		jx_sens_release(&s);
	}
	/* several files: around their mean weights, the ranking barely moves */
	ck_assert_int_eq(jx_sens_run(&s, results, NFILES, &o, &diags), 0);
	ck_assert(s.kendall_tau > 0.99);
	jx_sens_release(&s);
}
END_TEST

START_TEST(test_level_two_and_limits)
{
	jx_sens s;
	jx_sens_opts o = { 1000, 1, 2, 0, 1 };
	ck_assert_int_eq(jx_sens_run(&s, results, 1, &o, &diags), 0);
	ck_assert_uint_eq(s.ncriteria, 7); /* funds and six level-2 groups */
	ck_assert_str_eq(s.criteria[1], "产出指标/数量指标");
	jx_sens_release(&s);
	/* the department table has other groups: not comparable */
	jx_doc *dept;
	jx_result *dr;
	ck_assert_int_eq(jx_doc_load(&dept, "../examples/karamay-2024/department.yaml", &diags), 0);
	ck_assert_int_eq(jx_score_run(&dr, dept, rules, &diags), 0);
	const jx_result *two[2] = { results[0], dr };
	o.level = 1;
	ck_assert_int_eq(jx_sens_run(&s, two, 2, &o, &diags), JX_EINVAL);
	ck_assert(strstr(diags.items[diags.count - 1].message, "files compared must share them"));
	jx_result_free(dr);
	jx_doc_free(dept);
	o.samples = JX_SENS_MAX_SAMPLES + 1;
	ck_assert_int_eq(jx_sens_run(&s, results, 1, &o, &diags), JX_ELIMIT);
}
END_TEST

Suite *sensitivity_suite(void)
{
	Suite *s = suite_create("sensitivity");
	TCase *tc = tcase_create("examples");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_seed_stays_excellent);
	tcase_add_test(tc, test_not_applicable);
	tcase_add_test(tc, test_graded_at_rule_set_places);
	tcase_add_test(tc, test_repeatable);
	tcase_add_test(tc, test_ranks);
	tcase_add_test(tc, test_ties_share_the_rank);
	tcase_add_test(tc, test_concentration);
	tcase_add_test(tc, test_level_two_and_limits);
	suite_add_tcase(s, tc);
	return s;
}
