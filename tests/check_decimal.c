/*
 * check_decimal.c - exact decimals: parsing, formatting, rounding, and
 * fractions that never overflow silently.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/decimal.h"

#include <string.h>

static jx_dec D(const char *s)
{
	jx_dec d;
	ck_assert_int_eq(jx_dec_parse(&d, NULL, s, strlen(s), NULL), 0);
	return d;
}

static const char *F(jx_dec d, int places)
{
	static char buf[4][JX_DEC_BUFSZ];
	static int k;
	k = (k + 1) % 4;
	return jx_dec_format(buf[k], d, places, 0);
}

static const struct {
	const char *text;
	int rc;
	int64_t units;
	int places;
	size_t errpos;
} parse_cases[] = {
	{ "0", 0, 0, 0, 0 },
	{ "10", 0, 10000000, 0, 0 },
	{ "63.61", 0, 63610000, 2, 0 },
	{ "2,865.28", 0, 2865280000, 2, 0 },
	{ "1,000,000.123456", 0, INT64_C(1000000123456), 6, 0 },
	{ "-1.5", 0, -1500000, 1, 0 },
	{ "+3", 0, 3000000, 0, 0 },
	{ ".5", 0, 500000, 1, 0 },
	{ "007", 0, 7000000, 0, 0 },
	{ "999999999999.999999", 0, INT64_C(999999999999999999), 6, 0 },
	{ "-999999999999.999999", 0, -INT64_C(999999999999999999), 6, 0 },
	{ "1000000000000", JX_DEC_ERANGE, 0, 0, 0 },
	{ "99999999999999999999999", JX_DEC_ERANGE, 0, 0, 0 },
	{ "1.2345678", JX_DEC_EPLACES, 0, 0, 8 },
	{ "1,00", JX_DEC_EGROUP, 0, 0, 1 },
	{ "12,34,567", JX_DEC_EGROUP, 0, 0, 5 },
	{ "1234,567", JX_DEC_EGROUP, 0, 0, 4 },
	{ ",123", JX_DEC_EGROUP, 0, 0, 0 },
	{ "1,", JX_DEC_EGROUP, 0, 0, 1 },
	{ "", JX_DEC_ESYNTAX, 0, 0, 0 },
	{ "-", JX_DEC_ESYNTAX, 0, 0, 0 },
	{ "1e3", JX_DEC_ESYNTAX, 0, 0, 1 },
	{ "1.2.3", JX_DEC_ESYNTAX, 0, 0, 3 },
	{ "abc", JX_DEC_ESYNTAX, 0, 0, 0 },
	{ "12 ", JX_DEC_ESYNTAX, 0, 0, 2 },
	{ "0x10", JX_DEC_ESYNTAX, 0, 0, 1 },
};

START_TEST(test_parse)
{
	jx_dec d = { 0 };
	int places = -1;
	size_t errpos = 99;
	const char *t = parse_cases[_i].text;
	int rc = jx_dec_parse(&d, &places, t, strlen(t), &errpos);
	ck_assert_msg(rc == parse_cases[_i].rc, "'%s': rc %d, want %d", t, rc, parse_cases[_i].rc);
	if (rc == 0) {
		ck_assert_msg(d.units == parse_cases[_i].units, "'%s': %lld", t, (long long)d.units);
		ck_assert_int_eq(places, parse_cases[_i].places);
	} else {
		ck_assert_msg(errpos == parse_cases[_i].errpos, "'%s': errpos %zu, want %zu", t, errpos,
			      parse_cases[_i].errpos);
	}
}
END_TEST

START_TEST(test_span)
{
	ck_assert_uint_eq(jx_dec_span("200份", strlen("200份")), 3);
	ck_assert_uint_eq(jx_dec_span("2,865.28万元", strlen("2,865.28万元")), 8);
	ck_assert_uint_eq(jx_dec_span("90%-95%", 7), 2);
	ck_assert_uint_eq(jx_dec_span("-5%", 3), 2);
	ck_assert_uint_eq(jx_dec_span("5,份", strlen("5,份")), 1);
	ck_assert_uint_eq(jx_dec_span("份", strlen("份")), 0);
	ck_assert_uint_eq(jx_dec_span("-", 1), 0);
}
END_TEST

START_TEST(test_format)
{
	char buf[JX_DEC_BUFSZ];
	ck_assert_str_eq(F(D("63.61"), -1), "63.61");
	ck_assert_str_eq(F(D("10"), -1), "10");
	ck_assert_str_eq(F(D("10"), 2), "10.00");
	ck_assert_str_eq(F(D("9.8"), 2), "9.80");
	ck_assert_str_eq(F(D("-0.5"), 1), "-0.5");
	ck_assert_str_eq(F(D("0.000001"), -1), "0.000001");
	ck_assert_str_eq(jx_dec_format(buf, D("2865.28"), 2, JX_FMT_GROUP), "2,865.28");
	ck_assert_str_eq(jx_dec_format(buf, D("1234567"), 0, JX_FMT_GROUP), "1,234,567");
	ck_assert_str_eq(jx_dec_format(buf, D("-999"), 0, JX_FMT_GROUP), "-999");
	ck_assert_str_eq(jx_dec_format_money(buf, D("2927.27")), "2,927.27");
	ck_assert_str_eq(jx_dec_format_money(buf, D("0")), "0.00");
	ck_assert_str_eq(jx_dec_format_money(buf, D("12.3456")), "12.3456");
	ck_assert_int_eq(jx_dec_places(D("63.610")), 2);
	ck_assert_int_eq(jx_dec_places(D("100")), 0);
}
END_TEST

static const struct {
	const char *in;
	int places;
	jx_rounding mode;
	const char *out;
} round_cases[] = {
	{ "2.675", 2, JX_ROUND_HALF_UP, "2.68" },
	{ "9.797", 2, JX_ROUND_HALF_UP, "9.80" },
	{ "2.665", 2, JX_ROUND_HALF_EVEN, "2.66" },
	{ "2.675", 2, JX_ROUND_HALF_EVEN, "2.68" },
	{ "2.6751", 2, JX_ROUND_HALF_EVEN, "2.68" },
	{ "2.679", 2, JX_ROUND_DOWN, "2.67" },
	{ "-2.675", 2, JX_ROUND_HALF_UP, "-2.68" },
	{ "-2.679", 2, JX_ROUND_DOWN, "-2.67" },
	{ "8.62", 0, JX_ROUND_HALF_UP, "9" },
	{ "0.5", 0, JX_ROUND_HALF_EVEN, "0" },
	{ "1.5", 0, JX_ROUND_HALF_EVEN, "2" },
	{ "0.004999", 2, JX_ROUND_HALF_UP, "0.00" },
	{ "0.005", 2, JX_ROUND_HALF_UP, "0.01" },
};

START_TEST(test_round_dec)
{
	jx_dec r = jx_dec_round(D(round_cases[_i].in), round_cases[_i].places, round_cases[_i].mode);
	ck_assert_str_eq(F(r, round_cases[_i].places), round_cases[_i].out);
}
END_TEST

START_TEST(test_round_frac)
{
	/* The same cases through fractions, plus ones that do not terminate. */
	jx_dec r;
	jx_frac f = jx_frac_from_dec(D(round_cases[_i].in));
	ck_assert_int_eq(jx_frac_round(&r, f, round_cases[_i].places, round_cases[_i].mode), 0);
	ck_assert_str_eq(F(r, round_cases[_i].places), round_cases[_i].out);
}
END_TEST

START_TEST(test_round_repeating)
{
	jx_dec r;
	/* 办公费: 10 × 44.75 / 60 = 7.458333… -> 7.46 */
	jx_frac rate, score;
	ck_assert_int_eq(jx_frac_div(&rate, jx_frac_from_dec(D("44.75")), jx_frac_from_dec(D("60"))), 0);
	ck_assert_int_eq(jx_frac_mul(&score, rate, jx_frac_from_dec(D("10"))), 0);
	ck_assert_int_eq(jx_frac_round(&r, score, 2, JX_ROUND_HALF_UP), 0);
	ck_assert_str_eq(F(r, 2), "7.46");
	/* 1/3 and 2/3 */
	ck_assert_int_eq(jx_frac_round(&r, jx_frac_make(2, 3), 2, JX_ROUND_HALF_UP), 0);
	ck_assert_str_eq(F(r, 2), "0.67");
	ck_assert_int_eq(jx_frac_round(&r, jx_frac_make(-2, 3), 2, JX_ROUND_DOWN), 0);
	ck_assert_str_eq(F(r, 2), "-0.66");
	/* Exactly half after many digits: 1/8 = 0.125 */
	ck_assert_int_eq(jx_frac_round(&r, jx_frac_make(1, 8), 2, JX_ROUND_HALF_EVEN), 0);
	ck_assert_str_eq(F(r, 2), "0.12");
	ck_assert_int_eq(jx_frac_round(&r, jx_frac_make(1, 8), 2, JX_ROUND_HALF_UP), 0);
	ck_assert_str_eq(F(r, 2), "0.13");
	/* Out of the decimal range */
	ck_assert_int_eq(jx_frac_round(&r, jx_frac_make(INT64_C(2000000000000), 1), 2, JX_ROUND_HALF_UP), JX_ERANGE);
}
END_TEST

START_TEST(test_frac_ops)
{
	jx_frac a = jx_frac_make(6, -8), b;
	ck_assert(a.num == -3 && a.den == 4);
	ck_assert_int_eq(jx_frac_add(&b, a, jx_frac_make(1, 4)), 0);
	ck_assert(b.num == -1 && b.den == 2);
	ck_assert_int_eq(jx_frac_sub(&b, b, jx_frac_make(1, 2)), 0);
	ck_assert(b.num == -1 && b.den == 1);
	ck_assert_int_eq(jx_frac_mul(&b, jx_frac_make(2, 3), jx_frac_make(9, 4)), 0);
	ck_assert(b.num == 3 && b.den == 2);
	ck_assert_int_eq(jx_frac_div(&b, jx_frac_make(1, 2), jx_frac_make(0, 1)), JX_ERANGE);
	ck_assert(jx_frac_ceil(jx_frac_make(7, 2)) == 4);
	ck_assert(jx_frac_ceil(jx_frac_make(-7, 2)) == -3);
	ck_assert(jx_frac_ceil(jx_frac_make(4, 2)) == 2);
	ck_assert(jx_frac_is_exact(jx_frac_make(3, 4), 2));
	ck_assert(!jx_frac_is_exact(jx_frac_make(3, 4), 1));
	ck_assert(!jx_frac_is_exact(jx_frac_make(1, 3), 6));
	jx_frac abs = jx_frac_abs(jx_frac_make(-5, 7));
	ck_assert(abs.num == 5 && abs.den == 7);
}
END_TEST

START_TEST(test_frac_cmp)
{
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(1, 3), jx_frac_make(1, 3)), 0);
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(1, 3), jx_frac_make(1, 2)), -1);
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(-1, 3), jx_frac_make(-1, 2)), 1);
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(-1, 3), jx_frac_make(1, 2)), -1);
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(0, 3), jx_frac_make(0, 5)), 0);
	/* Values whose cross products overflow 128 bits. */
	jx_i128 big = (jx_i128)INT64_MAX * INT64_MAX;
	jx_frac x = { big, big - 1 }, y = { big - 1, big - 2 };
	ck_assert_int_eq(jx_frac_cmp(x, y), -1);
	ck_assert_int_eq(jx_frac_cmp(y, x), 1);
	ck_assert_int_eq(jx_frac_cmp(x, x), 0);
}
END_TEST

START_TEST(test_frac_overflow)
{
	jx_i128 big = (jx_i128)INT64_MAX * INT64_MAX;
	jx_frac x = { big, 1 }, out;
	ck_assert_int_eq(jx_frac_mul(&out, x, x), JX_ERANGE);
	ck_assert_int_eq(jx_frac_add(&out, x, x), 0);
	ck_assert_int_eq(jx_frac_add(&out, out, out), JX_ERANGE);
	jx_frac y = { 1, big };
	ck_assert_int_eq(jx_frac_mul(&out, y, jx_frac_make(1, 1000)), JX_ERANGE);
	jx_dec a = D("999999999999"), s;
	ck_assert_int_eq(jx_dec_add(&s, a, D("1")), JX_ERANGE);
	ck_assert_int_eq(jx_dec_sub(&s, jx_dec_from_int(0), a), 0);
	ck_assert_int_eq(jx_dec_sub(&s, s, D("1")), JX_ERANGE);
}
END_TEST

START_TEST(test_frac_format)
{
	char buf[JX_DEC_BUFSZ];
	jx_frac rate;
	ck_assert_int_eq(jx_frac_div(&rate, jx_frac_from_dec(D("44.75")), jx_frac_from_dec(D("60"))), 0);
	ck_assert_str_eq(jx_frac_format(buf, rate, 6), "0.745833\xe2\x80\xa6");
	ck_assert_str_eq(jx_frac_format(buf, jx_frac_make(3, 4), 6), "0.75");
	ck_assert_str_eq(jx_frac_format(buf, jx_frac_make(-7, 2), 6), "-3.5");
	ck_assert_str_eq(jx_frac_format_pct(buf, jx_frac_make(4, 5), 2), "80%");
	ck_assert_str_eq(jx_frac_format_pct(buf, rate, 2), "74.58\xe2\x80\xa6%");
	ck_assert_str_eq(jx_frac_format(buf, jx_frac_make(10, 1), 6), "10");
	ck_assert_str_eq(jx_frac_format(buf, jx_frac_make(1, 3), 0), "0\xe2\x80\xa6");
}
END_TEST

START_TEST(test_apportion)
{
	/* spec §5: 产出指标 60 -> 50 over weights 5,5,5,5,5,5,10,10,10 */
	int64_t w[] = { 5, 5, 5, 5, 5, 5, 10, 10, 10 };
	jx_frac shares[9];
	jx_dec out[9];
	for (int i = 0; i < 9; i++)
		ck_assert_int_eq(jx_frac_mul(&shares[i], jx_frac_make(w[i], 1), jx_frac_make(50, 60)), 0);
	ck_assert_int_eq(jx_apportion(out, shares, 9, D("50"), 2), 0);
	const char *want[] = { "4.17", "4.17", "4.17", "4.17", "4.17", "4.16", "8.33", "8.33", "8.33" };
	for (int i = 0; i < 9; i++)
		ck_assert_str_eq(F(out[i], 2), want[i]);
	/* excess units come off the smallest remainders, never below zero */
	jx_frac two[2] = { jx_frac_make(0, 1), jx_frac_make(3, 2) };
	ck_assert_int_eq(jx_apportion(out, two, 2, D("1"), 0), 0);
	ck_assert_str_eq(F(out[0], 0), "0");
	ck_assert_str_eq(F(out[1], 0), "1");
	ck_assert_int_eq(jx_apportion(out, two, 2, D("5"), 0), JX_EINVAL);
	ck_assert_int_eq(jx_apportion(out, two, 2, D("1.5"), 0), JX_EINVAL);
	/* Ten units to hand out among thirty equal remainders: the first ten. */
	jx_frac thirty[30];
	jx_dec parts[30];
	for (int i = 0; i < 30; i++)
		thirty[i] = jx_frac_make(1, 30);
	ck_assert_int_eq(jx_apportion(parts, thirty, 30, D("1"), 2), 0);
	for (int i = 0; i < 30; i++)
		ck_assert_str_eq(F(parts[i], 2), i < 10 ? "0.04" : "0.03");
}
END_TEST

START_TEST(test_frac_from_dec_lowest_terms)
{
	char buf[2 * JX_DEC_BUFSZ];
	static const struct {
		const char *in, *want;
	} cases[] = { { "44.75", "179/4" }, { "-0.5", "-1/2" }, { "0", "0" }, { "1", "1" },
		      { "0.000001", "1/1000000" }, { "123456.789", "123456789/1000" },
		      { "-640", "-640" }, { "0.32", "8/25" } };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_str_eq(jx_frac_ratio(buf, jx_frac_from_dec(D(cases[i].in))), cases[i].want);
	/* Products stay in lowest terms; comparison agrees with cross-multiplication. */
	jx_frac p;
	ck_assert_int_eq(jx_frac_mul(&p, jx_frac_make(4, 9), jx_frac_make(3, 8)), 0);
	ck_assert_str_eq(jx_frac_ratio(buf, p), "1/6");
	ck_assert_int_gt(jx_frac_cmp(jx_frac_make(1, 3), jx_frac_make(333333, 1000000)), 0);
	ck_assert_int_eq(jx_frac_cmp(jx_frac_make(-2, 4), jx_frac_make(-1, 2)), 0);
}
END_TEST

/* Scaled by 2^70, a fraction no longer fits in 64 bits: rounding and
 * multiplication then take the 128-bit paths, which must agree with the
 * 64-bit ones on the same values. */
START_TEST(test_wide_paths_agree)
{
	static const jx_rounding modes[] = { JX_ROUND_HALF_UP, JX_ROUND_HALF_EVEN, JX_ROUND_DOWN };
	const jx_i128 k = (jx_i128)1 << 70;
	uint64_t seed = 88172645463325252u;
	for (int i = 0; i < 2000; i++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		int64_t n = (int64_t)(seed % 20000001) - 10000000, d = (int64_t)(seed >> 40) % 999 + 1;
		jx_frac f = jx_frac_make(n, d), wide = { f.num * k, f.den * k };
		for (int places = 0; places <= 6; places++)
			for (size_t m = 0; m < 3; m++) {
				jx_dec a, b;
				ck_assert_int_eq(jx_frac_round(&a, f, places, modes[m]), 0);
				ck_assert_int_eq(jx_frac_round(&b, wide, places, modes[m]), 0);
				ck_assert_int_eq(a.units, b.units);
			}
		jx_frac g = jx_frac_make(d, n ? n : 7), p64, p128;
		jx_frac wide_g = { g.num * k, g.den * k };
		ck_assert_int_eq(jx_frac_mul(&p64, f, g), 0);
		ck_assert_int_eq(jx_frac_mul(&p128, wide, wide_g), 0);
		ck_assert_int_eq(jx_frac_cmp(p64, p128), 0);
	}
}
END_TEST

Suite *decimal_suite(void)
{
	Suite *s = suite_create("decimal");
	TCase *tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_parse, 0, sizeof(parse_cases) / sizeof(parse_cases[0]));
	tcase_add_test(tc, test_span);
	suite_add_tcase(s, tc);
	tc = tcase_create("format");
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_frac_format);
	suite_add_tcase(s, tc);
	tc = tcase_create("rounding");
	tcase_add_loop_test(tc, test_round_dec, 0, sizeof(round_cases) / sizeof(round_cases[0]));
	tcase_add_loop_test(tc, test_round_frac, 0, sizeof(round_cases) / sizeof(round_cases[0]));
	tcase_add_test(tc, test_round_repeating);
	suite_add_tcase(s, tc);
	tc = tcase_create("fractions");
	tcase_add_test(tc, test_frac_ops);
	tcase_add_test(tc, test_frac_cmp);
	tcase_add_test(tc, test_frac_overflow);
	tcase_add_test(tc, test_apportion);
	tcase_add_test(tc, test_frac_from_dec_lowest_terms);
	tcase_add_test(tc, test_wide_paths_agree);
	suite_add_tcase(s, tc);
	return s;
}
