/*
 * check_rules.c - rule sets: the built-in standard set, lookup by alias,
 * extends and the search path, and the validation of malformed sets.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static jx_diags diags;
static jx_rules *rules;

static void setup(void)
{
	jx_diags_init(&diags);
	rules = NULL;
}

static void teardown(void)
{
	jx_rules_free(rules);
	jx_diags_release(&diags);
}

static char dir[64];

/* Write a rule-set file into a fresh temporary directory. */
static void write_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void tmpdir_setup(void)
{
	setup();
	strcpy(dir, "/tmp/jx-rules-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void tmpdir_teardown(void)
{
	teardown();
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("JIXIAO_RULES_PATH");
}

static int load_text(const char *text)
{
	jx_rules_free(rules);
	rules = NULL;
	jx_diags_release(&diags);
	write_file("r.yaml", text);
	char path[128];
	snprintf(path, sizeof(path), "%s/r.yaml", dir);
	return jx_rules_load(&rules, path, NULL, NULL, &diags);
}

static void expect(unsigned line, const char *part)
{
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].line == line && strstr(diags.items[i].message, part))
			return;
	for (size_t i = 0; i < diags.count; i++)
		fprintf(stderr, "  %u:%u: %s\n", diags.items[i].line, diags.items[i].col,
			diags.items[i].message);
	ck_abort_msg("no diagnostic at line %u with '%s'", line, part);
}

START_TEST(test_standard)
{
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_str_eq(rules->name, "standard");
	ck_assert_int_eq(rules->decimals, 2);
	ck_assert_int_eq(rules->rounding, JX_ROUND_HALF_UP);
	ck_assert_uint_eq(rules->ngrades, 4);
	ck_assert_str_eq(rules->grades[0].name, "优");
	ck_assert_str_eq(jx_rules_grade(rules, jx_dec_from_int(90))->name, "优");
	ck_assert_str_eq(jx_rules_grade(rules, jx_dec_from_int(89))->name, "良");
	ck_assert_str_eq(jx_rules_grade(rules, jx_dec_from_int(0))->name, "差");
	ck_assert(jx_grade_matches(&rules->grades[0], "优秀"));
	ck_assert(!jx_grade_matches(&rules->grades[0], "良"));
	ck_assert_ptr_eq(jx_rules_find(rules, "按照完成比例赋分"), rules->default_rule);
	ck_assert_str_eq(jx_rules_find(rules, "满意度赋分")->name, "satisfaction");
	ck_assert_ptr_null(jx_rules_find(rules, "按完成比列赋分"));
	ck_assert_int_eq(rules->qualitative_rule->kind, JX_RULE_LEVELS);
	ck_assert_uint_eq(rules->qualitative_rule->nlevels, 3);
	ck_assert_str_eq(rules->funds_rule->name, "proportional");
	ck_assert_uint_eq(rules->nstandard_weights, 4);
	ck_assert(strstr(rules->origin, "built in"));
	ck_assert_int_eq(jx_frac_cmp(rules->findings.over_completion, jx_frac_make(6, 5)), 0);
}
END_TEST

START_TEST(test_unknown_set)
{
	ck_assert_int_eq(jx_rules_load(&rules, "standrd", NULL, NULL, &diags), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "unknown rule set 'standrd'; did you mean 'standard'?"));
	ck_assert(strstr(diags.items[0].message, "known: cost-reverse, standard"));
}
END_TEST

START_TEST(test_extends_and_path)
{
	write_file("local.yaml", "jixiao-rules: 1\nname: local\nextends: standard\ndecimals: 1\n"
				 "rules:\n  proportional:\n    kind: ratio\n    cap: 90%\n");
	write_file("child.yaml", "jixiao-rules: 1\nextends: local.yaml\nrate_decimals: 1\n");
	char path[128];
	snprintf(path, sizeof(path), "%s/child.yaml", dir);
	ck_assert_int_eq(jx_rules_load(&rules, path, NULL, NULL, &diags), 0);
	ck_assert_int_eq(rules->decimals, 1);
	ck_assert_int_eq(rules->rate_decimals, 1);
	ck_assert_uint_eq(rules->nchain, 3);
	/* a set without a name is called after its file, not after its parent */
	ck_assert_str_eq(rules->name, "child");
	ck_assert_str_eq(rules->title, "child");
	/* The child's rule replaced the parent's, aliases and all. */
	ck_assert_int_eq(jx_frac_cmp(rules->default_rule->cap, jx_frac_make(9, 10)), 0);
	ck_assert_ptr_null(jx_rules_find(rules, "按照完成比例赋分"));
	ck_assert_ptr_nonnull(jx_rules_find(rules, "满意度赋分"));
	jx_rules_free(rules);
	rules = NULL;

	/* By name through $JIXIAO_RULES_PATH, which hides a built-in set. */
	setenv("JIXIAO_RULES_PATH", dir, 1);
	write_file("standard.yaml", "jixiao-rules: 1\nname: standard\ntitle: overridden\nrules:\n"
				    "  proportional: {kind: ratio}\n  qualitative:\n    kind: levels\n"
				    "    levels: [{name: 达成, min: 100%, max: 100%}]\n"
				    "  on-time: {kind: threshold}\n");
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_str_eq(rules->title, "overridden");
	jx_rules_entry *list;
	size_t n;
	ck_assert_int_eq(jx_rules_list(&list, &n), 0);
	ck_assert_uint_eq(n, 4); /* child, local, standard (path), cost-reverse */
	ck_assert_str_eq(list[0].name, "child");
	ck_assert_str_eq(list[3].name, "cost-reverse");
	jx_rules_list_free(list, n);
}
END_TEST

START_TEST(test_path_not_a_file)
{
	/* A directory named as a rule-set file is said to be one, whether the
	 * user named it or a set extends it. */
	ck_assert_int_eq(jx_rules_load(&rules, dir, NULL, NULL, &diags), JX_EINVAL);
	ck_assert_uint_eq(diags.count, 1);
	ck_assert_msg(strstr(diags.items[0].message, "' is a directory"), "%s", diags.items[0].message);
	jx_diags_release(&diags);
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: ./\n"), JX_EINVAL);
	expect(2, "' is a directory");
	jx_diags_release(&diags);
	char path[128];
	snprintf(path, sizeof(path), "%s/missing.yaml", dir);
	ck_assert_int_eq(jx_rules_load(&rules, path, NULL, NULL, &diags), JX_EINVAL);
	ck_assert_msg(strstr(diags.items[0].message, "missing.yaml' not found"), "%s", diags.items[0].message);
	jx_diags_release(&diags);
	ck_assert_int_eq(jx_rules_load(&rules, "/dev/null", NULL, NULL, &diags), JX_EINVAL);
	ck_assert_msg(strstr(diags.items[0].message, "rule set file '/dev/null' is not a regular file"), "%s",
		      diags.items[0].message);
}
END_TEST

static const struct {
	const char *text;
	unsigned line;
	const char *message;
} bad_sets[] = {
	{ "name: x\n", 1, "missing 'jixiao-rules: 1'" },
	{ "jixiao-rules: 2\n", 1, "unsupported rule-set format version 2" },
	{ "jixiao-rules: 1\nextends: standard\ndecimals: 7\n", 3, "decimals must be a whole number from 0 to 4" },
	{ "jixiao-rules: 1\nextends: standard\nrounding: up\n", 3, "rounding must be one of half-up, half-even, down" },
	{ "jixiao-rules: 1\nextends: standard\ngrades: [{min: 60, name: a}, {min: 90, name: b}]\n", 3, "reverse the list and end it with 'min: 0'" },
	{ "jixiao-rules: 1\nextends: standard\ngrades:\n  - {min: 0, name: 不合格}\n  - {min: 60, name: 合格}\n  - {min: 80, name: 良好}\n  - {min: 90, name: 优秀}\n", 4, "decreasing order of 'min', and these go the other way: reverse the list" },
	{ "jixiao-rules: 1\nextends: standard\ngrades: [{min: 90, name: a}, {min: 60, name: b}]\n", 3, "totals below 60 have no grade" },
	{ "jixiao-rules: 1\nextends: standard\ngrades: [{min: 90, name: 优, aliases: [良]}, {min: 80, name: 良}, {min: 0, name: 差}]\n", 3, "grade name '良' already names grade '优'" },
	{ "jixiao-rules: 1\nextends: standard\ngrades:\n  - {min: 90, name: 优秀, aliases: [优]}\n  - {min: 0, name: 不合格, aliases: [差, 优]}\n", 5, "grade alias '优' already names grade '优秀'" },
	{ "jixiao-rules: 1\nextends: standard\ndecimals: 0\nstandard_weights: {funds: 12.5, 产出指标: 50}\n", 4, "standard weight '12.5' of 'funds' has more decimal places than the scores (decimals: 0)" },
	{ "jixiao-rules: 1\nextends: standard\ndecimals: 0\nrules:\n  s:\n    kind: step\n    per: 5%\n    deduct: 0.5\n", 5, "step rule 's' deducts 0.5 points a step, more decimal places than the scores (decimals: 0)" },
	{ "jixiao-rules: 1\nextends: standard\nstandard_weights: {funds: -10}\n", 3, "a standard weight must not be negative" },
	{ "jixiao-rules: 1\nextends: standard\nstandard_weights: {funds: 999999999999, 产出指标: 1}\n", 3, "the standard weights add up to 10^12 or more (the limit is 10^12)" },
	{ "jixiao-rules: 1\nextends: standard\ndefault_rule: proportionl\n", 3, "default_rule 'proportionl' is not defined in rule set 'r'; did you mean 'proportional'?" },
	{ "jixiao-rules: 1\nextends: standard\nrounding: 四舍五入\n", 3, "not '四舍五入'; 四舍五入 is 'half-up'" },
	{ "jixiao-rules: 1\nextends: standard\nrounding: half_up\n", 3, "not 'half_up'; did you mean 'half-up'?" },
	{ "jixiao-rules: 1\nextends: standard\nnot_applicable: 按百分制折算\n", 3, "按百分制折算 is 'rescale'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: step, per: 5%, deduct: 10%}\n", 4, "deduct is in points (分) per step, not a percentage" },
	{ "jixiao-rules: 1\nextends: standard.yaml\n", 2, "not found; did you mean the rule set 'standard' (a name, without '.yaml')?" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: ratoi}\n", 4, "unknown rule kind 'ratoi'; did you mean 'ratio'?" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: 分档扣分}\n", 4, "unknown rule kind '分档扣分'; 分档扣分 is 'step'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: threshold, cap: 100%}\n", 4, "'cap' does not apply to a threshold rule" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: step, per: 5%, deduct: 0}\n", 4, "deduct must be above 0 points, not '0'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: step, per: 5%, deduct: -1}\n", 4, "deduct must be above 0 points, not '-1'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: step, deduct: 1}\n", 4, "step rule 'x' has no 'per'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: ratio, cap: 120%}\n", 4, "cap '120%' has no effect above 100%: a leaf never scores above its weight" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: ratio, cap: 100}\n", 4, "as a percentage such as '60%'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands: [{min: 80%, score: 80%}, {min: 90%, score: 100%}]\n", 6, "decreasing order of 'min'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands: [{min: 0%, score: 0%}, {min: 60%, score: 60%}, {min: 100%, score: 100%}]\n", 6, "bands must be in decreasing order of 'min', and these go the other way: reverse the list" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    measure: deviation\n    bands: [{max: 15%, score: 60%}, {max: 10%, score: 100%}]\n", 7, "reverse the list and end it with a band without 'max'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands: [{min: 90%, score: 100%}, {min: 50%, score: 50%}]\n", 6, "rates below the last band's min have no score" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    measure: deviation\n    bands: [{max: 10%, score: 100%}]\n", 7, "end with a band without 'max'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands:\n      - {min: 60%, score: 100%}\n      - {min: 0%, score: 50%}\n      - {score: 0%}\n", 9, "this band is never reached: every rate is at least the 'min: 0%' of the band before it" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands: [{score: 100%}, {min: 50%, score: 50%}]\n", 6, "only the last band may leave out its 'min'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    measure: deviation\n    bands: [{min: 10%, score: 100%}]\n", 7, "bands measured by deviation use 'max', not 'min'" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: bands\n    bands: [{min: 10%, score: 120%}]\n", 6, "between 0% and 100%" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n    levels: [{name: a, min: 80%, max: 60%}]\n", 6, "level 'a' has its min above its max" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n    levels: [{name: a, min: 80%, max: 100%, default: 70%}]\n", 6, "level 'a' has its default outside min..max (70% is not within 80%–100%)" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n    levels: [{name: a, min: 80%, max: 160%}]\n", 6, "between 0% and 100%" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n    levels:\n      - {name: a, min: 80%, max: 100%}\n      - {name: b, min: 50%, max: 70%}\n", 8, "levels 'a' (80%–100%) and 'b' (50%–70%) leave no level for 70%–80%" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n    levels:\n      - {name: c, min: 0%, max: 50%}\n      - {name: b, min: 40%, max: 80%}\n", 8, "levels 'b' (40%–80%) and 'c' (0%–50%) both hold 40%–50%" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  x: {kind: ratio, aliases: [满意度赋分]}\n", 4, "'满意度赋分' of rule 'x' already names rule 'satisfaction'" },
	{ "jixiao-rules: 1\nextends: standard\ndefault_rule: nosuch\n", 3, "default_rule 'nosuch' is not defined" },
	{ "jixiao-rules: 1\nextends: standard\nqualitative_rule: proportional\n", 3, "qualitative_rule 'proportional' must be a levels rule" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  qualitative: {kind: ratio}\n", 4, "rule 'qualitative' is a ratio rule, but it is the qualitative_rule, which must be a levels rule" },
	{ "jixiao-rules: 1\nextends: standard\nrules:\n  on-time:\n    kind: levels\n    levels: [{name: a, min: 0%, max: 100%}]\n", 4, "rule 'on-time' is a levels rule, but it is the deadline_rule, which must not be a levels rule" },
	{ "jixiao-rules: 1\nrules:\n  x: {kind: ratio}\n", 1, "default_rule 'proportional' is not defined" },
	{ "jixiao-rules: 1\nname: empty\n", 1, "rule set defines no rules" },
	{ "jixiao-rules: 1\nextends: nosuchset\n", 2, "unknown rule set 'nosuchset'" },
	{ "jixiao-rules: 1\nextends: r.yaml\n", 2, "rule sets extend each other in a circle" },
	{ "jixiao-rules: 1\nextends: standard\nnot_applicable: skip\n", 3, "not_applicable must be one of rescale, drop" },
	{ "jixiao-rules: 1\nextends: standard\nfindings: {over_completion: 120}\n", 3, "percentage" },
	{ "jixiao-rules: 1\nextends: standard\nfindings: {over_completion: 12%}\n", 3, "over_completion must be 100% or more, not '12%'" },
	{ "jixiao-rules: 1\nextends: standard\ndecimal: 2\n", 3, "unknown key 'decimal' in rule set; did you mean 'decimals'?" },
};

/* decimals from the child, standard weights from the parent: the merge is checked. */
START_TEST(test_std_weights_places_merged)
{
	write_file("parent.yaml", "jixiao-rules: 1\nextends: standard\ndecimals: 1\n"
				  "standard_weights: {funds: 12.5, 产出指标: 47.5}\n");
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: parent.yaml\ndecimals: 1\n"), 0);
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: parent.yaml\ndecimals: 0\n"), JX_EINVAL);
	expect(4, "standard weight '47.5' of '产出指标' has more decimal places than the scores (decimals: 0)");
	ck_assert_ptr_nonnull(strstr(diags.items[0].file, "/parent.yaml"));
}
END_TEST

/* Ranges that meet, in any order, and fixed levels (是 100%, 否 0%) load. */
START_TEST(test_levels_meet)
{
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: standard\nrules:\n  x:\n    kind: levels\n"
				   "    levels:\n      - {name: 部分达成, min: 50%, max: 80%, default: 70%}\n"
				   "      - {name: 未达成, min: 0%, max: 50%, default: 0%}\n"
				   "      - {name: 达成, min: 80%, max: 100%}\n"
				   "  yes-no:\n    kind: levels\n    levels: [{name: 是, min: 100%, max: 100%},"
				   " {name: 否, min: 0%, max: 0%}]\n"), 0);
	ck_assert_uint_eq(jx_rules_find(rules, "x")->nlevels, 3);
}
END_TEST

/* A standard.yaml on the search path that extends standard builds on the
 * built-in set it hides, and the built-in sets that extend standard get it. */
START_TEST(test_extends_hidden_set)
{
	setenv("JIXIAO_RULES_PATH", dir, 1);
	write_file("standard.yaml", "jixiao-rules: 1\nname: standard\nextends: standard\ndecimals: 1\n");
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_int_eq(rules->decimals, 1);
	ck_assert_uint_eq(rules->nchain, 2);
	ck_assert(strstr(rules->chain[1], "built in"));
	ck_assert_ptr_nonnull(jx_rules_find(rules, "按照完成比例赋分"));
	jx_rules_free(rules);
	rules = NULL;
	ck_assert_int_eq(jx_rules_load(&rules, "cost-reverse", NULL, NULL, &diags), 0);
	ck_assert_int_eq(rules->decimals, 1);
	ck_assert_uint_eq(rules->nchain, 3);
	ck_assert_uint_eq(rules->nreverse_groups, 1);
	jx_rules_free(rules);
	rules = NULL;
	/* A set of a name that no other set has still may not extend itself. */
	write_file("self.yaml", "jixiao-rules: 1\nextends: self\n");
	ck_assert_int_eq(jx_rules_load(&rules, "self", NULL, NULL, &diags), JX_EINVAL);
	expect(2, "rule sets extend each other in a circle");
}
END_TEST

/* An alias may move to a new rule whatever the order of the rules in the
 * file; two rules of one file with the same alias: the later is reported. */
START_TEST(test_alias_moves)
{
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: standard\nrules:\n"
				   "  steps:\n    aliases: [满意度赋分]\n    kind: step\n    per: 5%\n    deduct: 1\n"
				   "  satisfaction:\n    kind: ratio\n"), 0);
	ck_assert_str_eq(jx_rules_find(rules, "满意度赋分")->name, "steps");
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: standard\nrules:\n"
				   "  a: {kind: ratio, aliases: [甲]}\n  b: {kind: ratio, aliases: [乙, 甲]}\n"), JX_EINVAL);
	ck_assert_uint_eq(diags.count, 1);
	check_expect_diag(&diags, 5, 33, "'甲' of rule 'b' already names rule 'a'");
}
END_TEST

/* A parent that cannot be loaded does not hide the file's own mistakes. */
START_TEST(test_parent_fails_file_still_read)
{
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: nosuchset\ndecimals: 7\n"
				   "rules:\n  x: {kind: ratoi}\n"), JX_EINVAL);
	expect(2, "unknown rule set 'nosuchset'");
	expect(3, "decimals must be a whole number from 0 to 4");
	expect(5, "unknown rule kind 'ratoi'");
}
END_TEST

/* The text of a set with n names of one kind (rules, levels, grades,
 * reverse groups, standard weights), the caller frees it. */
static char *names_text(int kind, int n)
{
	static const char *const heads[] = {
		"jixiao-rules: 1\nrules:\n  proportional: {kind: ratio}\n"
		"  qualitative: {kind: levels, levels: [{name: a, min: 0%, max: 100%}]}\n"
		"  on-time: {kind: threshold}\n",
		"jixiao-rules: 1\nextends: standard\nrules:\n  q:\n    kind: levels\n    levels:\n",
		"jixiao-rules: 1\nextends: standard\ngrades:\n",
		"jixiao-rules: 1\nextends: standard\nreverse_groups:\n",
		"jixiao-rules: 1\nextends: standard\nstandard_weights:\n",
	};
	size_t size = strlen(heads[kind]) + (size_t)n * 48 + 1, len;
	char *text = malloc(size);
	ck_assert_ptr_nonnull(text);
	len = (size_t)snprintf(text, size, "%s", heads[kind]);
	for (int i = kind == 0 ? 3 : 0; i < n; i++) {
		const char *fmt[] = { "  r%d: {kind: ratio}\n", "      - {name: l%d, min: 0%%, max: 0%%}\n",
				      "  - {min: %d, name: g%d}\n", "  - g%d\n", "  g%d: 1\n" };
		len += (size_t)(kind == 2 ? snprintf(text + len, size - len, fmt[kind], n - 1 - i, i)
					  : snprintf(text + len, size - len, fmt[kind], i));
	}
	return text;
}

/* Each list of names holds up to 1000 (docs/limits.md): at, and above. */
START_TEST(test_name_limits)
{
	static const struct {
		unsigned line;
		const char *message;
	} over[] = {
		{ 1003, "more than 1000 rule names and aliases (the limit is 1000)" },
		{ 1007, "more than 1000 level names and aliases (the limit is 1000)" },
		{ 1004, "more than 1000 grade names and aliases (the limit is 1000)" },
		{ 4, "more than 1000 groups in reverse_groups (the limit is 1000)" },
		{ 4, "more than 1000 standard weights (the limit is 1000)" },
	};
	char *text = names_text(_i, 1000);
	ck_assert_int_eq(load_text(text), 0);
	free(text);
	text = names_text(_i, 1001);
	ck_assert_int_eq(load_text(text), JX_EINVAL);
	free(text);
	expect(over[_i].line, over[_i].message);
}
END_TEST

/* With the rules of the set it extends, a set has at most 1000 names too. */
START_TEST(test_name_limit_merged)
{
	char *text = names_text(0, 1000);
	write_file("parent.yaml", text);
	free(text);
	ck_assert_int_eq(load_text("jixiao-rules: 1\nextends: parent.yaml\nrules:\n  more: {kind: ratio}\n"),
			 JX_EINVAL);
	expect(4, "more than 1000 rule names and aliases with those of the sets it extends");
}
END_TEST

START_TEST(test_bad_sets)
{
	ck_assert_int_eq(load_text(bad_sets[_i].text), JX_EINVAL);
	ck_assert_ptr_null(rules);
	expect(bad_sets[_i].line, bad_sets[_i].message);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("standard");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_standard);
	tcase_add_test(tc, test_unknown_set);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_checked_fixture(tc, tmpdir_setup, tmpdir_teardown);
	tcase_add_test(tc, test_extends_and_path);
	tcase_add_test(tc, test_path_not_a_file);
	tcase_add_test(tc, test_parent_fails_file_still_read);
	tcase_add_test(tc, test_levels_meet);
	tcase_add_test(tc, test_alias_moves);
	tcase_add_test(tc, test_extends_hidden_set);
	tcase_add_test(tc, test_std_weights_places_merged);
	tcase_add_loop_test(tc, test_name_limits, 0, 5);
	tcase_add_test(tc, test_name_limit_merged);
	tcase_add_loop_test(tc, test_bad_sets, 0, sizeof(bad_sets) / sizeof(bad_sets[0]));
	suite_add_tcase(s, tc);
	return s;
}
