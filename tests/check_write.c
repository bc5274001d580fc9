/*
 * check_write.c - the writers and the table layout: display widths of
 * Chinese text, JSON numbers at the rule set's decimals, CSV quoting.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/write.h"
#include "csv_cell.h"
#include "table.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run fn into a memory stream and return what it wrote (caller frees). */
static char *capture_table(const jx_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(jx_table_print(t, f), 0);
	fclose(f);
	return buf;
}

START_TEST(test_widths)
{
	ck_assert_uint_eq(jx_text_width0("abc"), 3);
	ck_assert_uint_eq(jx_text_width0("培训费"), 6);
	ck_assert_uint_eq(jx_text_width0("≥95％"), 5);
	ck_assert_uint_eq(jx_text_width0("（2024 年度）"), 13);
	ck_assert_uint_eq(jx_text_width0(NULL), 0);
	ck_assert_uint_eq(jx_utf8_count("培训费ab", strlen("培训费ab")), 5);
	/* Eight bytes at a time, and the tail: every length up to two words and more. */
	const char *mixed = "产出指标/数量指标/培训人次 ≥2000人次 (A+B)";
	for (size_t len = 0, chars = 0; len <= strlen(mixed); len++) {
		ck_assert_uint_eq(jx_utf8_count(mixed, len), chars);
		if (len < strlen(mixed) && ((unsigned char)mixed[len] & 0xC0) != 0x80)
			chars++;
	}
	ck_assert_uint_eq(jx_utf8_count("\xf0\x9f\x98\x80\xf0\x9f\x98\x80x", 9), 3);
	ck_assert(jx_text_chinese_numeral("九场", strlen("九场")));
	ck_assert(jx_text_chinese_numeral("二十", 3));
	ck_assert(!jx_text_chinese_numeral("九", 2)); /* a part of a character */
	ck_assert(!jx_text_chinese_numeral("场九", strlen("场九")));
	ck_assert(jx_utf8_valid("培训", 6));
	ck_assert(!jx_utf8_valid("\xe5\x9f", 2));
	ck_assert_uint_eq(jx_text_distance("wieght", "weight", 2), 2);
	ck_assert_uint_eq(jx_text_distance("名字", "名称", 2), 1);
	ck_assert_uint_eq(jx_text_distance("abcdef", "uvwxyz", 2), 3);
	const char *cands[] = { "weight", "target", "name" };
	ck_assert_str_eq(jx_text_suggest("wieght", cands, 3), "weight");
	ck_assert_ptr_null(jx_text_suggest("colour", cands, 3));
	/* three edits in a long word; a word cut short, when one candidate
	 * begins with it; none when two do */
	const char *keys[] = { "over_completion", "reason_required_below", "funds_reason_below",
			       "qualitative_share" };
	ck_assert_str_eq(jx_text_suggest("over_complete", keys, 4), "over_completion");
	ck_assert_str_eq(jx_text_suggest("reason_required", keys, 4), "reason_required_below");
	ck_assert_ptr_null(jx_text_suggest("deviation", keys, 4));
	const char *twins[] = { "reason_required_below", "reason_required_above" };
	ck_assert_ptr_null(jx_text_suggest("reason_required", twins, 2));
	ck_assert_ptr_null(jx_text_suggest("rea", keys, 4));
}
END_TEST

START_TEST(test_table_alignment)
{
	jx_table t;
	jx_table_init(&t, 3);
	jx_table_align(&t, 2, JX_RIGHT);
	size_t r = jx_table_row(&t);
	jx_table_set(&t, r, 0, "一级指标");
	jx_table_set(&t, r, 1, "x");
	jx_table_set(&t, r, 2, "得分");
	jx_table_rule(&t, r);
	r = jx_table_row(&t);
	jx_table_set(&t, r, 0, "产出");
	jx_table_set(&t, r, 2, "%s", "9.80");
	r = jx_table_row(&t);
	jx_table_set(&t, r, 0, "ab");
	char *out = capture_table(&t);
	ck_assert_str_eq(out, "一级指标  x  得分\n"
			      "-----------------\n"
			      "产出         9.80\n"
			      "ab\n");
	free(out);
	jx_table_release(&t);
}
END_TEST

/* Score a small evaluation and write it with each writer. */
START_TEST(test_fixed)
{
	/* Half-up on the binary value: exact ties (k/32, k/128) go up, as the
	 * exact numbers do; printf's "%.4f" would give 0.0312. */
	static const struct {
		double x;
		int places;
		const char *want;
	} cases[] = {
		{ 1.0 / 32, 4, "0.0313" },    { 127.0 / 128, 6, "0.992188" }, { 13.0 / 128, 6, "0.101563" },
		{ 90.03125, 4, "90.0313" },   { 0.125, 2, "0.13" },          { -0.125, 2, "-0.13" },
		{ 2.5, 0, "3" },              { -2.5, 0, "-3" },             { 99.5, 0, "100" },
		{ 9.9999, 2, "10.00" },       { -9.996, 2, "-10.00" },       { -0.0001, 2, "0.00" },
		{ 0, 4, "0.0000" },           { 2.675, 2, "2.67" },          /* 2.67499999… in binary */
		{ 0.1, 9, "0.100000000" },    { 123456789012345.0, 1, "123456789012345.0" },
		{ 1e15, 2, "1000000000000000" }, { 1e300, 2, "1.0000000000000001e+300" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_str_eq(JX_FIXED(cases[i].x, cases[i].places), cases[i].want);
	ck_assert_str_eq(JX_FIXED(NAN, 2), "nan");

	/* Parameters as given: the fewest digits that read back. */
	char buf[JX_SHORTEST_BUFSZ];
	ck_assert_str_eq(jx_shortest(buf, 50), "50");
	ck_assert_str_eq(jx_shortest(buf, 0.1234567), "0.1234567");
	ck_assert_str_eq(jx_shortest(buf, 1e-5), "1e-05");
	ck_assert_str_eq(jx_shortest(buf, 13.750000000000002), "13.75"); /* 15 digits at most */
	ck_assert_str_eq(jx_shortest(buf, 1e6), "1000000");
}
END_TEST

/* Text that does not fit is cut between characters and ends in "…". */
START_TEST(test_text_cut)
{
	char buf[64];
	/* Every size cuts a run of 3-byte characters at a character boundary. */
	for (size_t size = 1; size <= 20; size++) {
		int n = jx_textf(buf, size, "%s", "培训费用合计超支");
		ck_assert_int_eq(n, 24);
		ck_assert(jx_utf8_valid(buf, strlen(buf)));
		ck_assert_uint_lt(strlen(buf), size);
		if (size >= 7)
			ck_assert_str_eq(buf + strlen(buf) - 3, "…");
	}
	ck_assert_int_eq(jx_textf(buf, 11, "%s", "培训费用"), 12);
	ck_assert_str_eq(buf, "培训…");
	ck_assert_int_eq(jx_textf(buf, 13, "%s", "培训费用"), 12);
	ck_assert_str_eq(buf, "培训费用");
	ck_assert_int_eq(jx_textf(buf, 6, "ab%s", "培训"), 8);
	ck_assert_str_eq(buf, "ab…");

	char *e = jx_utf8_escape("u/\xb2\xe2培训\xe5\x9f.yaml");
	ck_assert_str_eq(e, "u/\\xB2\\xE2培训\\xE5\\x9F.yaml");
	free(e);
	e = jx_utf8_escape("培训.yaml");
	ck_assert_str_eq(e, "培训.yaml");
	free(e);
	/* an overlong '/', an encoded surrogate, a sequence cut at the end */
	e = jx_utf8_escape("a\xc0\xaf" "b\xed\xa0\x80" "c\xe5\x9f");
	ck_assert_str_eq(e, "a\\xC0\\xAFb\\xED\\xA0\\x80c\\xE5\\x9F");
	free(e);
	/* control characters too: C0, DEL and C1 (U+009B starts a terminal
	 * command); U+00A0 is no control character */
	ck_assert_uint_eq(jx_text_control_len("\x1b["), 1);
	ck_assert_uint_eq(jx_text_control_len("\xc2\x9b"), 2);
	ck_assert_uint_eq(jx_text_control_len("\xc2\xa0"), 0);
	ck_assert_uint_eq(jx_text_control_len(""), 0);
	e = jx_text_escape("a\nb\t\x1b[2J\x7f\xc2\x9b\xc2\xa0\xb2培训.yaml");
	ck_assert_str_eq(e, "a\\x0Ab\\x09\\x1B[2J\\x7F\\xC2\\x9B\xc2\xa0\\xB2培训.yaml");
	free(e);

	/* Excel's cell limit counts UTF-16 units: 😀 (U+1F600) takes two */
	char *fitbuf = NULL;
	const char *emoji = "\xf0\x9f\x98\x80\xf0\x9f\x98\x80";
	ck_assert_ptr_eq(jx_text_fit(emoji, 4, &fitbuf), emoji);
	ck_assert_str_eq(jx_text_fit(emoji, 3, &fitbuf), "\xf0\x9f\x98\x80…");
	ck_assert_str_eq(jx_text_fit(emoji, 2, &fitbuf), "…");
	ck_assert_str_eq(jx_text_fit("培训费", 3, &fitbuf), "培训费");
	ck_assert_str_eq(jx_text_fit("培训费", 2, &fitbuf), "培…");
	ck_assert_str_eq(jx_text_fit("abcd", 3, &fitbuf), "ab…");
	free(fitbuf);

	/* appending stops at the first cut, which ends in "…" */
	char list[16] = "";
	ck_assert(jx_textf_append(list, sizeof(list), "%s", "ab"));
	ck_assert(jx_textf_append(list, sizeof(list), ", %s", "cd"));
	ck_assert(!jx_textf_append(list, sizeof(list), ", %s", "培训费用"));
	ck_assert_str_eq(list, "ab, cd, 培…");
	ck_assert(jx_utf8_valid(list, strlen(list)));

	char *s = jx_strdupf("%s=%d", "分值", 20);
	ck_assert_str_eq(s, "分值=20");
	free(s);
	char long_text[3000];
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	s = jx_strdupf("“%s”", long_text);
	ck_assert_uint_eq(strlen(s), 2999 + 6);
	free(s);
}
END_TEST

static char *write_with(int which, const char *text)
{
	jx_diags diags;
	jx_doc *doc = NULL;
	jx_rules *rules = NULL;
	jx_result *res = NULL;
	char *buf = NULL;
	size_t len = 0;

	jx_diags_init(&diags);
	ck_assert_int_eq(jx_doc_parse(&doc, "t.yaml", text, strlen(text), &diags), 0);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_int_eq(jx_score_run(&res, doc, rules, &diags), 0);
	FILE *f = open_memstream(&buf, &len);
	const jx_result *list[1] = { res };
	int rc = which == 0 ? jx_write_json(f, list, NULL, 1, false)
		 : which == 1 ? jx_write_csv(f, list, 1) : jx_write_table(f, res);
	ck_assert_int_eq(rc, 0);
	fclose(f);
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
	return buf;
}

static const char *small =
	"jixiao: 1\ntitle: 测试\nyear: 2024\nindicators:\n"
	"  - {name: '培训费, \"甲\"', weight: 10, target: '>=19.25万元', actual: 18.86万元, claimed: {score: 9.9}}\n"
	"  - {name: B, target: /}\n";

START_TEST(test_json_numbers)
{
	char *out = write_with(0, small);
	ck_assert(strstr(out, "\"total\": 98.00") == NULL); /* 9.80 of 10 rescaled: not 98.00 */
	ck_assert(strstr(out, "\"rate\": 97.97"));
	ck_assert(strstr(out, "\"score\": 9.80"));
	ck_assert(strstr(out, "\"lost\": 0.20"));
	ck_assert(strstr(out, "\"score\": 9.9"));
	ck_assert(strstr(out, "\"mismatch\": true"));
	ck_assert(strstr(out, "\"rate\": null"));
	ck_assert(strstr(out, "\"培训费, \\\"甲\\\"\""));
	ck_assert(strstr(out, "\"total\": 9.80"));
	free(out);
}
END_TEST

START_TEST(test_csv_quoting)
{
	char *out = write_with(1, small);
	ck_assert(strncmp(out, "\xef\xbb\xbf文件,行类型,指标路径", 3 + 26) == 0);
	ck_assert(strstr(out, ",\"培训费, \"\"甲\"\"\","));
	ck_assert(strstr(out, "\r\n"));
	ck_assert(strstr(out, ",否,\r\n"));
	free(out);
}
END_TEST

START_TEST(test_table_marks)
{
	char *out = write_with(2, small);
	ck_assert(strstr(out, "9.80*"));
	ck_assert(strstr(out, "填报 9.9，重新计算 9.80"));
	ck_assert(strstr(out, "不适用指标分值 0") == NULL);
	free(out);
}
END_TEST

/* At most JX_DIAG_LIMIT diagnostics are kept; the rest are counted and said. */
START_TEST(test_diag_limit)
{
	static const size_t counts[] = { JX_DIAG_LIMIT - 1, JX_DIAG_LIMIT, JX_DIAG_LIMIT + 1, 250 };
	for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
		jx_diags d;
		jx_diags_init(&d);
		for (size_t i = 0; i < counts[k]; i++)
			jx_diags_add(&d, JX_SEV_ERROR, NULL, (unsigned)i + 1, 1, "problem %zu", i);
		size_t kept = counts[k] < JX_DIAG_LIMIT ? counts[k] : JX_DIAG_LIMIT;
		ck_assert_uint_eq(d.count, kept);
		ck_assert_uint_eq(d.dropped, counts[k] - kept);
		ck_assert_uint_eq(d.errors, counts[k]); /* every error counts */
		char *out = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&out, &len);
		jx_diags_print(f, &d, 0);
		fclose(f);
		char want[64];
		snprintf(want, sizeof(want), "%zu more diagnostic", counts[k] - kept);
		if (counts[k] > kept)
			ck_assert_ptr_nonnull(strstr(out, want));
		else
			ck_assert_ptr_null(strstr(out, "not shown"));
		free(out);
		jx_diags_release(&d);
	}
}
END_TEST

START_TEST(test_diag_caret)
{
	/* The caret goes under the column, counting Chinese characters as two wide. */
	const char *text = "name: 培训费\ntarget: >=200份\n";
	jx_source src = { "p.yaml", text, strlen(text) };
	jx_diags d;
	char *buf = NULL;
	size_t len = 0;
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, &src, 1, 10, "after %s", "培训");
	jx_diags_add(&d, JX_SEV_NOTE, &src, 0, 0, "a note");
	FILE *f = open_memstream(&buf, &len);
	jx_diags_print(f, &d, JX_DIAG_CARET);
	fclose(f);
	ck_assert_str_eq(buf, "p.yaml:1:10: error: after 培训\n"
			      " name: 培训费\n"
			      "             ^\n"
			      "p.yaml: note: a note\n");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	jx_diags_print(f, &d, JX_DIAG_COLOR);
	fclose(f);
	ck_assert(strstr(buf, "\033[1;31merror:\033[0m after"));
	free(buf);
	/* A file name or a message holding control characters cannot break the
	 * line or command the terminal. */
	jx_diags e;
	jx_diags_init(&e);
	jx_source odd = { "a\nb.yaml", NULL, 0 };
	jx_diags_add(&e, JX_SEV_ERROR, &odd, 2, 3, "name '%s'", "\x1b[2J\xc2\x9b");
	buf = NULL;
	f = open_memstream(&buf, &len);
	jx_diags_print(f, &e, 0);
	fclose(f);
	ck_assert_str_eq(buf, "a\\x0Ab.yaml:2:3: error: name '\\x1B[2J\\xC2\\x9B'\n");
	free(buf);
	jx_diags_release(&e);
	/* Past the limit, diagnostics are counted and summarised. */
	d.limit = 2;
	jx_diags_add(&d, JX_SEV_ERROR, NULL, 0, 0, "third");
	ck_assert_uint_eq(d.count, 2);
	ck_assert_uint_eq(d.errors, 2);
	buf = NULL;
	f = open_memstream(&buf, &len);
	jx_diags_print(f, &d, 0);
	fclose(f);
	ck_assert(strstr(buf, "jixiao: 1 more diagnostic not shown"));
	free(buf);
	jx_diags_release(&d);
}
END_TEST

/* Sorted by place within each file; files in the order they first appear;
 * a note stays with its diagnostic, even when it is about another file. */
START_TEST(test_diag_sort)
{
	jx_source a = { "a.yaml", NULL, 0 }, r = { "rules.yaml", NULL, 0 };
	jx_diags d;
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, &a, 1, 1, "before the range");
	jx_diags_add(&d, JX_SEV_ERROR, &a, 12, 17, "a12");
	jx_diags_add(&d, JX_SEV_ERROR, &r, 6, 11, "r6");
	jx_diags_add(&d, JX_SEV_NOTE, &a, 5, 8, "named here");
	jx_diags_add(&d, JX_SEV_ERROR, &a, 9, 3, "a9");
	jx_diags_add(&d, JX_SEV_ERROR, &r, 2, 1, "r2");
	jx_diags_sort(&d, 1);
	static const char *const want[] = { "before the range", "a9", "a12", "r2", "r6", "named here" };
	ck_assert_uint_eq(d.count, 6);
	for (size_t i = 0; i < 6; i++)
		ck_assert_str_eq(d.items[i].message, want[i]);
	jx_diags_release(&d);
}
END_TEST

/* Cells as a spreadsheet must read them: quoted when needed, formulas made text. */
START_TEST(test_csv_cells)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "plain", "plain," }, { "-5", "-5," }, { "=60万元", "'=60万元," },
		{ "a,b", "\"a,b\"," }, { "say \"hi\"", "\"say \"\"hi\"\"\"," },
		{ "=HYPERLINK(\"x\"),二期", "\"'=HYPERLINK(\"\"x\"\"),二期\"," },
		{ "-外部,部门", "\"'-外部,部门\"," }, { "@x", "'@x," }, { "", "," },
		{ "-1,234.50", "\"-1,234.50\"," }, { "-2.12%", "-2.12%," }, { "-.5", "-.5," },
		{ "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0," }, { "-5万元", "'-5万元," },
		{ "-1-1", "'-1-1," }, { "-", "-," },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		jx_csv_cell(f, cases[i].in, false);
		fclose(f);
		ck_assert_str_eq(buf, cases[i].out);
		free(buf);
	}
}
END_TEST

Suite *write_suite(void)
{
	Suite *s = suite_create("write");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, test_widths);
	tcase_add_test(tc, test_csv_cells);
	tcase_add_test(tc, test_fixed);
	tcase_add_test(tc, test_text_cut);
	tcase_add_test(tc, test_table_alignment);
	tcase_add_test(tc, test_diag_caret);
	tcase_add_test(tc, test_diag_limit);
	tcase_add_test(tc, test_diag_sort);
	suite_add_tcase(s, tc);
	tc = tcase_create("writers");
	tcase_add_test(tc, test_json_numbers);
	tcase_add_test(tc, test_csv_quoting);
	tcase_add_test(tc, test_table_marks);
	suite_add_tcase(s, tc);
	return s;
}
