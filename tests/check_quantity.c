/*
 * check_quantity.c - the cell parser over a table of the forms found in
 * published 自评表, valid and invalid, with the column of each error.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/quantity.h"

#include <stdio.h>
#include <string.h>

#define T JX_QROLE_TARGET
#define A JX_QROLE_ACTUAL

typedef struct qcase {
	const char *text;
	jx_qrole role;
	jx_qkind kind;
	jx_op op;
	const char *value; /* NUMBER/RANGE low; TIME "Y-M-D"; TEXT the level text */
	const char *high;  /* RANGE high; TEXT the percentage */
	const char *unit;
	jx_ukind ukind;
	int deadline;      /* TIME: jx_deadline */
} qcase;

static const qcase valid[] = {
	{ ">=200份", T, JX_Q_NUMBER, JX_OP_GE, "200", NULL, "份", JX_UNIT_OTHER, 0 },
	{ "≥95%", T, JX_Q_NUMBER, JX_OP_GE, "95", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "≧95％", T, JX_Q_NUMBER, JX_OP_GE, "95", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "＞＝3", T, JX_Q_NUMBER, JX_OP_GE, "3", NULL, "", JX_UNIT_NONE, 0 },
	{ "＞3", T, JX_Q_NUMBER, JX_OP_GT, "3", NULL, "", JX_UNIT_NONE, 0 },
	{ ">3", T, JX_Q_NUMBER, JX_OP_GT, "3", NULL, "", JX_UNIT_NONE, 0 },
	{ "=3 辆", T, JX_Q_NUMBER, JX_OP_EQ, "3", NULL, "辆", JX_UNIT_OTHER, 0 },
	{ "＝100%", T, JX_Q_NUMBER, JX_OP_EQ, "100", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "<=60万元", T, JX_Q_NUMBER, JX_OP_LE, "60", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "≤4", T, JX_Q_NUMBER, JX_OP_LE, "4", NULL, "", JX_UNIT_NONE, 0 },
	{ "≦4", T, JX_Q_NUMBER, JX_OP_LE, "4", NULL, "", JX_UNIT_NONE, 0 },
	{ "＜5天", T, JX_Q_NUMBER, JX_OP_LT, "5", NULL, "天", JX_UNIT_OTHER, 0 },
	{ "<5", T, JX_Q_NUMBER, JX_OP_LT, "5", NULL, "", JX_UNIT_NONE, 0 },
	{ "100%", T, JX_Q_NUMBER, JX_OP_NONE, "100", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "200", T, JX_Q_NUMBER, JX_OP_NONE, "200", NULL, "", JX_UNIT_NONE, 0 },
	{ "≥100百分比", T, JX_Q_NUMBER, JX_OP_GE, "100", NULL, "百分比", JX_UNIT_PERCENT, 0 },
	{ ">= 2,865.28 万元", T, JX_Q_NUMBER, JX_OP_GE, "2865.28", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "  =60万元  ", T, JX_Q_NUMBER, JX_OP_EQ, "60", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "≤1.5亿元", T, JX_Q_NUMBER, JX_OP_LE, "1.5", NULL, "亿元", JX_UNIT_MONEY, 0 },
	{ "≤3000元", T, JX_Q_NUMBER, JX_OP_LE, "3000", NULL, "元", JX_UNIT_MONEY, 0 },
	{ "≤800千元", T, JX_Q_NUMBER, JX_OP_LE, "800", NULL, "千元", JX_UNIT_MONEY, 0 },
	{ "２００份", T, JX_Q_NUMBER, JX_OP_NONE, "200", NULL, "份", JX_UNIT_OTHER, 0 },
	{ "不低于95%", T, JX_Q_NUMBER, JX_OP_GE, "95", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "不超过60万元", T, JX_Q_NUMBER, JX_OP_LE, "60", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "大于等于90%", T, JX_Q_NUMBER, JX_OP_GE, "90", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "达到100%", T, JX_Q_NUMBER, JX_OP_GE, "100", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "90%以上", T, JX_Q_NUMBER, JX_OP_GE, "90", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "100场及以上", T, JX_Q_NUMBER, JX_OP_GE, "100", NULL, "场", JX_UNIT_OTHER, 0 },
	{ "5万元以内", T, JX_Q_NUMBER, JX_OP_LE, "5", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "≥90%以上", T, JX_Q_NUMBER, JX_OP_GE, "90", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "≤60万元以内", T, JX_Q_NUMBER, JX_OP_LE, "60", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "90%（含）以上", T, JX_Q_NUMBER, JX_OP_GE, "90", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "60万元(含)以内", T, JX_Q_NUMBER, JX_OP_LE, "60", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "≥95% （含）", T, JX_Q_NUMBER, JX_OP_GE, "95", NULL, "%", JX_UNIT_PERCENT, 0 },
	{ "90%-95%", T, JX_Q_RANGE, JX_OP_NONE, "90", "95", "%", JX_UNIT_PERCENT, 0 },
	{ "3~5天", T, JX_Q_RANGE, JX_OP_NONE, "3", "5", "天", JX_UNIT_OTHER, 0 },
	{ "3～5天", T, JX_Q_RANGE, JX_OP_NONE, "3", "5", "天", JX_UNIT_OTHER, 0 },
	{ "10至20个", T, JX_Q_RANGE, JX_OP_NONE, "10", "20", "个", JX_UNIT_OTHER, 0 },
	{ "1,000-1,200元", T, JX_Q_RANGE, JX_OP_NONE, "1000", "1200", "元", JX_UNIT_MONEY, 0 },
	{ "9月前", T, JX_Q_TIME, JX_OP_NONE, "0-9-0", NULL, NULL, 0, JX_DL_BEFORE_MONTH },
	{ "11月底前", T, JX_Q_TIME, JX_OP_NONE, "0-11-0", NULL, NULL, 0, JX_DL_BY_MONTH_END },
	{ "12月末之前", T, JX_Q_TIME, JX_OP_NONE, "0-12-0", NULL, NULL, 0, JX_DL_BY_MONTH_END },
	{ "2024年6月30日前", T, JX_Q_TIME, JX_OP_NONE, "2024-6-30", NULL, NULL, 0, JX_DL_BY_DATE },
	{ "2024-06-30前", T, JX_Q_TIME, JX_OP_NONE, "2024-6-30", NULL, NULL, 0, JX_DL_BY_DATE },
	{ "2024/6/30以前", T, JX_Q_TIME, JX_OP_NONE, "2024-6-30", NULL, NULL, 0, JX_DL_BY_DATE },
	{ "年底前", T, JX_Q_TIME, JX_OP_NONE, "0-12-0", NULL, NULL, 0, JX_DL_BY_MONTH_END },
	{ "2024年底前", T, JX_Q_TIME, JX_OP_NONE, "2024-12-0", NULL, NULL, 0, JX_DL_BY_MONTH_END },
	{ "2024年9月前", T, JX_Q_TIME, JX_OP_NONE, "2024-9-0", NULL, NULL, 0, JX_DL_BEFORE_MONTH },
	{ "2月29日前", T, JX_Q_TIME, JX_OP_NONE, "0-2-29", NULL, NULL, 0, JX_DL_BY_DATE },
	{ "9月", T, JX_Q_NUMBER, JX_OP_NONE, "9", NULL, "月", JX_UNIT_OTHER, 0 },
	{ "2024.5万元", T, JX_Q_NUMBER, JX_OP_NONE, "2024.5", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "7月", A, JX_Q_TIME, JX_OP_NONE, "0-7-0", NULL, NULL, 0, JX_DL_NONE },
	{ "2024年7月", A, JX_Q_TIME, JX_OP_NONE, "2024-7-0", NULL, NULL, 0, JX_DL_NONE },
	{ "2024-07-15", A, JX_Q_TIME, JX_OP_NONE, "2024-7-15", NULL, NULL, 0, JX_DL_NONE },
	{ "7月15日", A, JX_Q_TIME, JX_OP_NONE, "0-7-15", NULL, NULL, 0, JX_DL_NONE },
	{ "7月完成", A, JX_Q_TIME, JX_OP_NONE, "0-7-0", NULL, NULL, 0, JX_DL_NONE },
	{ "达成预期指标", T, JX_Q_TEXT, JX_OP_NONE, "达成预期指标", NULL, NULL, 0, 0 },
	{ "达到预期", T, JX_Q_TEXT, JX_OP_NONE, "达到预期", NULL, NULL, 0, 0 },
	{ "效果明显", T, JX_Q_TEXT, JX_OP_NONE, "效果明显", NULL, NULL, 0, 0 },
	{ "部分达成(70%)", A, JX_Q_TEXT, JX_OP_NONE, "部分达成", "70", NULL, 0, 0 },
	{ "部分达成（75.5％）", A, JX_Q_TEXT, JX_OP_NONE, "部分达成", "75.5", NULL, 0, 0 },
	{ "达成（优秀）", A, JX_Q_TEXT, JX_OP_NONE, "达成（优秀）", NULL, NULL, 0, 0 },
	{ "/", T, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "／", T, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "—", T, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "——", A, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "不适用", T, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ " 不适用 ", A, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "－－", A, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "N／A", A, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "", T, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "   ", A, JX_Q_NA, JX_OP_NONE, NULL, NULL, NULL, 0, 0 },
	{ "18.86万元", A, JX_Q_NUMBER, JX_OP_NONE, "18.86", NULL, "万元", JX_UNIT_MONEY, 0 },
	{ "-5%", A, JX_Q_NUMBER, JX_OP_NONE, "-5", NULL, "%", JX_UNIT_PERCENT, 0 },
};

static jx_dec dec(const char *s)
{
	jx_dec d = { 0 };
	ck_assert_int_eq(jx_dec_parse(&d, NULL, s, strlen(s), NULL), 0);
	return d;
}

START_TEST(test_valid)
{
	const qcase *c = &valid[_i];
	jx_quantity q;
	jx_qerror err = { 0, "" };
	int rc = jx_quantity_parse(&q, c->text, strlen(c->text), c->role, &err);
	ck_assert_msg(rc == 0, "'%s': %s (col %zu)", c->text, err.message, err.col);
	ck_assert_msg(q.kind == c->kind, "'%s': kind %d, want %d", c->text, q.kind, c->kind);
	ck_assert_msg(jx_quantity_is_na(c->text, strlen(c->text)) == (q.kind == JX_Q_NA),
		      "'%s': jx_quantity_is_na disagrees with the parse", c->text);
	switch (q.kind) {
	case JX_Q_NUMBER:
	case JX_Q_RANGE:
		ck_assert_msg(q.op == c->op, "'%s': op %d", c->text, q.op);
		ck_assert_msg(jx_dec_cmp(q.value, dec(c->value)) == 0, "'%s': value", c->text);
		if (c->high)
			ck_assert_msg(jx_dec_cmp(q.high, dec(c->high)) == 0, "'%s': high", c->text);
		ck_assert_str_eq(q.unit.text, c->unit);
		ck_assert_int_eq(q.unit.kind, c->ukind);
		break;
	case JX_Q_TIME: {
		char buf[32];
		snprintf(buf, sizeof(buf), "%d-%d-%d", q.when.year, q.when.month, q.when.day);
		ck_assert_str_eq(buf, c->value);
		ck_assert_int_eq(q.when.deadline, c->deadline);
		break;
	}
	case JX_Q_TEXT:
		ck_assert_int_eq((int)q.text_len, (int)strlen(c->value));
		ck_assert(memcmp(q.text, c->value, q.text_len) == 0);
		ck_assert_int_eq(q.has_pct, c->high != NULL);
		if (c->high)
			ck_assert(jx_dec_cmp(q.pct, dec(c->high)) == 0);
		break;
	default:
		break;
	}
}
END_TEST

typedef struct badcase {
	const char *text;
	jx_qrole role;
	size_t col;          /* 0-based character column of the error */
	const char *message; /* a part of the message */
} badcase;

static const badcase invalid[] = {
	{ ">=abc", T, 2, "expected a number after '>='" },
	{ "≥", T, 1, "expected a number" },
	{ ">=20O份>=", T, 6, "unexpected '>'" },
	{ "95%-90%", T, 3, "low end of the range is above the high end" },
	{ "90%-", T, 3, "the range has no upper end" },
	{ "90%-95万元", T, 6, "different units" },
	{ ">=90%-95%", T, 5, "range cannot have a comparison operator" },
	{ "＞90%以上", T, 0, "two comparison operators that disagree ('>' and '≥')" },
	{ "=200份以下", T, 0, "two comparison operators that disagree" },
	{ "100%（含）", T, 4, "not which way" },
	{ ">90%(含)", T, 4, "not which way" },
	{ "90%（含）-95%", T, 3, "a range includes its ends" },
	{ "90%-95%（含）", T, 7, "a range includes its ends" },
	{ "13月前", T, 0, "month 13 does not exist" },
	{ "2月30日前", T, 2, "day 30 does not exist in month 2" },
	{ "2023年2月29日前", T, 7, "day 29 does not exist in month 2" },
	{ "9月5前", T, 2, "expected a day" },
	{ "2024年6月30日", T, 10, "a deadline ends in '前'" },
	{ "2024年", T, 5, "expected a month after the year" },
	{ "9月前", A, 2, "not a deadline" },
	{ ">=200份", A, 0, "no comparison operator" },
	{ "200份以上", A, 0, "no comparison operator" },
	{ "1.2345678", T, 8, "more than 6 decimal places" },
	{ "1,00份", T, 1, "thousands separator" },
	{ "10000000000000", T, 0, "too large" },
	{ "部分达成(170%)", A, 5, "between 0% and 100%" },
	{ "部分达成(70%x)", A, 8, "expected a percentage" },
	{ "5个/年xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", T, 1, "unit is longer" },
	/* JX_UNIT_MAX + 1 = 48 bytes of unit: one too many */
	{ "5xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", T, 1, "unit is longer" },
	{ "  >=abc", T, 4, "expected a number" },
	{ ">=1e2", T, 3, "scientific notation" },
	{ "2.5E+3万元", A, 3, "scientific notation" },
	{ "55。5万元", A, 2, "full-width '。' inside the number" },
	{ "≥2，100份", T, 2, "full-width '，' inside the number" },
};

START_TEST(test_invalid)
{
	const badcase *c = &invalid[_i];
	jx_quantity q;
	jx_qerror err = { 0, "" };
	int rc = jx_quantity_parse(&q, c->text, strlen(c->text), c->role, &err);
	ck_assert_msg(rc == JX_EINVAL, "'%s' parsed (kind %d)", c->text, q.kind);
	ck_assert_msg(strstr(err.message, c->message), "'%s': message '%s'", c->text, err.message);
	ck_assert_msg(err.col == c->col, "'%s': col %zu, want %zu (%s)", c->text, err.col, c->col,
		      err.message);
}
END_TEST

START_TEST(test_units)
{
	/* a unit of JX_UNIT_MAX = 47 bytes is kept whole */
	char text[64] = "5";
	memset(text + 1, 'x', JX_UNIT_MAX);
	text[1 + JX_UNIT_MAX] = '\0';
	jx_quantity q;
	jx_qerror err = { 0, "" };
	ck_assert_int_eq(jx_quantity_parse(&q, text, strlen(text), JX_QROLE_TARGET, &err), 0);
	ck_assert_uint_eq(strlen(q.unit.text), JX_UNIT_MAX);
	jx_unit a, b;
	jx_unit_classify(&a, "万元", strlen("万元"));
	jx_unit_classify(&b, "元", strlen("元"));
	ck_assert_int_eq(a.kind, JX_UNIT_MONEY);
	ck_assert_int_eq(a.money_exp, 4);
	ck_assert(jx_unit_compatible(&a, &b));
	jx_unit_classify(&b, "", 0);
	ck_assert(jx_unit_compatible(&a, &b));
	jx_unit_classify(&a, "场", strlen("场"));
	jx_unit_classify(&b, "次", strlen("次"));
	ck_assert(!jx_unit_compatible(&a, &b));
	jx_unit_classify(&b, "场", strlen("场"));
	ck_assert(jx_unit_compatible(&a, &b));
	jx_unit_classify(&b, "%", 1);
	ck_assert(!jx_unit_compatible(&a, &b));
	ck_assert_str_eq(jx_op_symbol(JX_OP_GE), "≥");
	ck_assert_int_eq(jx_days_in_month(2024, 2), 29);
	ck_assert_int_eq(jx_days_in_month(2023, 2), 28);
	ck_assert_int_eq(jx_days_in_month(1900, 2), 28);
	ck_assert_int_eq(jx_days_in_month(2000, 2), 29);
	ck_assert_int_eq(jx_days_in_month(0, 2), 29);
	ck_assert_int_eq(jx_days_in_month(2024, 13), 0);
}
END_TEST

START_TEST(test_long_text)
{
	/* Text longer than any number is qualitative, never truncated. */
	char buf[2048];
	memset(buf, 0, sizeof(buf));
	for (size_t i = 0; i + 3 < sizeof(buf) - 1; i += 3)
		memcpy(buf + i, "达", 3);
	jx_quantity q;
	ck_assert_int_eq(jx_quantity_parse(&q, buf, strlen(buf), T, NULL), 0);
	ck_assert_int_eq(q.kind, JX_Q_TEXT);
	ck_assert_uint_eq(q.text_len, strlen(buf));
	ck_assert(!jx_quantity_is_na(buf, strlen(buf)));
}
END_TEST

Suite *quantity_suite(void)
{
	Suite *s = suite_create("quantity");
	TCase *tc = tcase_create("valid");
	tcase_add_loop_test(tc, test_valid, 0, sizeof(valid) / sizeof(valid[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("invalid");
	tcase_add_loop_test(tc, test_invalid, 0, sizeof(invalid) / sizeof(invalid[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("units");
	tcase_add_test(tc, test_units);
	tcase_add_test(tc, test_long_text);
	suite_add_tcase(s, tc);
	return s;
}
