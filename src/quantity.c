/*
 * quantity.c - parser for 自评表 cells: operators in ASCII, full-width, math
 * and Chinese word forms, numbers with separators, units, ranges, deadlines,
 * qualitative text and not-applicable markers.
 *
 * The text is first copied with full-width digits and signs turned into
 * ASCII, one character for one, so character columns stay those of the
 * original and errors can point at the exact place.
 */
#include "jixiao/quantity.h"

#include "jixiao/common.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Quantities longer than this are not numbers; text may be longer. */
#define NORM_MAX 512

typedef struct parser {
	const char *s;  /* normalised text */
	size_t len;
	size_t pos;     /* byte offset in s */
	size_t base;    /* characters before s in the caller's string */
	jx_qrole role;
	jx_qerror *err;
} parser;

static int fail(parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(parser *p, size_t at, const char *fmt, ...)
{
	if (p->err) {
		va_list ap;
		p->err->col = p->base + jx_utf8_count(p->s, at);
		va_start(ap, fmt);
		vsnprintf(p->err->message, sizeof(p->err->message), fmt, ap);
		va_end(ap);
	}
	return JX_EINVAL;
}

/* Literals come with their lengths: this parser runs on every cell of every
 * file of an audit, and strlen in its inner loops showed in the profile. */
#define LIT(s) s, sizeof(s) - 1

static bool starts_n(const parser *p, const char *lit, size_t n)
{
	/* The first byte rules out most literals without a call. */
	return p->len - p->pos >= n && (n == 0 || p->s[p->pos] == lit[0]) &&
	       memcmp(p->s + p->pos, lit, n) == 0;
}

static bool eat_n(parser *p, const char *lit, size_t n)
{
	if (!starts_n(p, lit, n))
		return false;
	p->pos += n;
	return true;
}

/* With a string literal. */
#define starts(p, lit) starts_n(p, LIT(lit))
#define eat(p, lit) eat_n(p, LIT(lit))

static void skip_blanks(parser *p)
{
	while (p->pos < p->len) {
		if (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
			p->pos++;
		else if (starts(p, "\xe3\x80\x80"))
			p->pos += 3;
		else
			break;
	}
}

static bool digit_at(const parser *p, size_t at)
{
	return at < p->len && p->s[at] >= '0' && p->s[at] <= '9';
}

/* ---------------------------------------------------------------- text */

/* Copy src into dst (NORM_MAX bytes) with full-width forms made ASCII.
 * Returns false when it does not fit. */
static bool normalise(char *dst, size_t *dlen, const char *src, size_t len)
{
	size_t i = 0, o = 0;
	while (i < len) {
		if ((unsigned char)src[i] < 0x80) {
			if (o + 1 >= NORM_MAX)
				return false;
			dst[o++] = src[i++];
			continue;
		}
		size_t start = i;
		int32_t cp = jx_utf8_next(src, len, &i);
		char a = cp > 0x7F ? jx_text_ascii_of(cp) : 0;
		size_t n = a ? 1 : i - start;
		if (o + n >= NORM_MAX)
			return false;
		if (a)
			dst[o++] = a;
		else {
			memcpy(dst + o, src + start, n);
			o += n;
		}
	}
	dst[o] = '\0';
	*dlen = o;
	return true;
}

/* A literal with its length. */
typedef struct lit {
	const char *text;
	size_t len;
} lit;

static bool text_is_n(const char *s, size_t len, const char *text, size_t n)
{
	return n == len && memcmp(s, text, len) == 0;
}

#define text_is(s, len, lit) text_is_n(s, len, LIT(lit))

static bool is_na(const char *s, size_t len)
{
	static const lit marks[] = {
		{ LIT("") }, { LIT("/") }, { LIT("\\") }, { LIT("-") }, { LIT("--") },
		{ LIT("\xe2\x80\x94") } /* — */, { LIT("\xe2\x80\x94\xe2\x80\x94") },
		{ LIT("\xe2\x80\x93") } /* – */,
		{ LIT("\xe4\xb8\x8d\xe9\x80\x82\xe7\x94\xa8") } /* 不适用 */,
		{ LIT("N/A") }, { LIT("n/a") }, { LIT("NA") }
	};
	if (len > 9)
		return false;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (text_is_n(s, len, marks[i].text, marks[i].len))
			return true;
	return false;
}

/* ----------------------------------------------------------- operators */

typedef struct op_word {
	const char *text;
	size_t len;
	jx_op op;
	bool word; /* a Chinese word: only an operator when a number follows */
} op_word;

/* Longest forms first so "大于等于" wins over "大于" and ">=" over ">". */
static const op_word prefix_ops[] = {
	{ LIT(">="), JX_OP_GE, false }, { LIT("<="), JX_OP_LE, false }, { LIT("=="), JX_OP_EQ, false },
	{ LIT("\xe2\x89\xa5"), JX_OP_GE, false }, /* ≥ */
	{ LIT("\xe2\x89\xa7"), JX_OP_GE, false }, /* ≧ */
	{ LIT("\xe2\x89\xa4"), JX_OP_LE, false }, /* ≤ */
	{ LIT("\xe2\x89\xa6"), JX_OP_LE, false }, /* ≦ */
	{ LIT(">"), JX_OP_GT, false }, { LIT("<"), JX_OP_LT, false }, { LIT("="), JX_OP_EQ, false },
	{ LIT("\xe5\xa4\xa7\xe4\xba\x8e\xe7\xad\x89\xe4\xba\x8e"), JX_OP_GE, true },  /* 大于等于 */
	{ LIT("\xe5\xb0\x8f\xe4\xba\x8e\xe7\xad\x89\xe4\xba\x8e"), JX_OP_LE, true },  /* 小于等于 */
	{ LIT("\xe4\xb8\x8d\xe4\xbd\x8e\xe4\xba\x8e"), JX_OP_GE, true },              /* 不低于 */
	{ LIT("\xe4\xb8\x8d\xe5\xb0\x91\xe4\xba\x8e"), JX_OP_GE, true },              /* 不少于 */
	{ LIT("\xe4\xb8\x8d\xe5\xb0\x8f\xe4\xba\x8e"), JX_OP_GE, true },              /* 不小于 */
	{ LIT("\xe4\xb8\x8d\xe9\xab\x98\xe4\xba\x8e"), JX_OP_LE, true },              /* 不高于 */
	{ LIT("\xe4\xb8\x8d\xe8\xb6\x85\xe8\xbf\x87"), JX_OP_LE, true },              /* 不超过 */
	{ LIT("\xe4\xb8\x8d\xe5\xa4\x9a\xe4\xba\x8e"), JX_OP_LE, true },              /* 不多于 */
	{ LIT("\xe4\xb8\x8d\xe5\xa4\xa7\xe4\xba\x8e"), JX_OP_LE, true },              /* 不大于 */
	{ LIT("\xe5\xa4\xa7\xe4\xba\x8e"), JX_OP_GT, true },                          /* 大于 */
	{ LIT("\xe9\xab\x98\xe4\xba\x8e"), JX_OP_GT, true },                          /* 高于 */
	{ LIT("\xe8\xb6\x85\xe8\xbf\x87"), JX_OP_GT, true },                          /* 超过 */
	{ LIT("\xe5\xb0\x8f\xe4\xba\x8e"), JX_OP_LT, true },                          /* 小于 */
	{ LIT("\xe4\xbd\x8e\xe4\xba\x8e"), JX_OP_LT, true },                          /* 低于 */
	{ LIT("\xe7\xad\x89\xe4\xba\x8e"), JX_OP_EQ, true },                          /* 等于 */
	{ LIT("\xe8\xbe\xbe\xe5\x88\xb0"), JX_OP_GE, true },                          /* 达到 */
	{ LIT("\xe8\x87\xb3\xe5\xb0\x91"), JX_OP_GE, true },                          /* 至少 */
	{ LIT("\xe6\x9c\x80\xe5\xa4\x9a"), JX_OP_LE, true },                          /* 最多 */
};

static const op_word suffix_ops[] = {
	{ LIT("\xe5\x8f\x8a\xe4\xbb\xa5\xe4\xb8\x8a"), JX_OP_GE, true }, /* 及以上 */
	{ LIT("\xe5\x8f\x8a\xe4\xbb\xa5\xe4\xb8\x8b"), JX_OP_LE, true }, /* 及以下 */
	{ LIT("\xe4\xbb\xa5\xe4\xb8\x8a"), JX_OP_GE, true },             /* 以上 */
	{ LIT("\xe4\xbb\xa5\xe4\xb8\x8b"), JX_OP_LE, true },             /* 以下 */
	{ LIT("\xe4\xbb\xa5\xe5\x86\x85"), JX_OP_LE, true },             /* 以内 */
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Does a number start at p->pos (after blanks)? */
static bool number_follows(parser *p)
{
	size_t save = p->pos;
	skip_blanks(p);
	bool yes = jx_dec_span(p->s + p->pos, p->len - p->pos) > 0;
	p->pos = save;
	return yes;
}

/* An operator at the start, if any. Chinese words count only before a number,
 * so "达到预期" stays qualitative text. */
static jx_op take_prefix_op(parser *p)
{
	unsigned char c = p->pos < p->len ? (unsigned char)p->s[p->pos] : 0;
	if (c < 0x80 && c != '>' && c != '<' && c != '=')
		return JX_OP_NONE;
	for (size_t i = 0; i < COUNT(prefix_ops); i++) {
		if (!starts_n(p, prefix_ops[i].text, prefix_ops[i].len))
			continue;
		size_t save = p->pos;
		p->pos += prefix_ops[i].len;
		if (prefix_ops[i].word && !number_follows(p)) {
			p->pos = save;
			return JX_OP_NONE;
		}
		return prefix_ops[i].op;
	}
	return JX_OP_NONE;
}

const char *jx_op_symbol(jx_op op)
{
	switch (op) {
	case JX_OP_GE: return "\xe2\x89\xa5";
	case JX_OP_GT: return ">";
	case JX_OP_EQ: return "=";
	case JX_OP_LE: return "\xe2\x89\xa4";
	case JX_OP_LT: return "<";
	default: return "";
	}
}

/* --------------------------------------------------------------- units */

void jx_unit_classify(jx_unit *u, const char *text, size_t len)
{
	static const struct {
		lit name;
		int exp;
	} money[] = {
		{ { LIT("\xe5\x85\x83") }, 0 },                         /* 元 */
		{ { LIT("\xe5\x8d\x83\xe5\x85\x83") }, 3 },             /* 千元 */
		{ { LIT("\xe4\xb8\x87\xe5\x85\x83") }, 4 },             /* 万元 */
		{ { LIT("\xe7\x99\xbe\xe4\xb8\x87\xe5\x85\x83") }, 6 }, /* 百万元 */
		{ { LIT("\xe4\xba\xbf\xe5\x85\x83") }, 8 },             /* 亿元 */
	};

	memset(u, 0, sizeof(*u));
	if (len > JX_UNIT_MAX)
		len = JX_UNIT_MAX;
	memcpy(u->text, text, len);
	u->text[len] = '\0';
	if (len == 0) {
		u->kind = JX_UNIT_NONE;
		return;
	}
	if (text_is(text, len, "%") || text_is(text, len, "\xe7\x99\xbe\xe5\x88\x86\xe6\xaf\x94")) {
		u->kind = JX_UNIT_PERCENT;
		return;
	}
	for (size_t i = 0; i < COUNT(money); i++)
		if (text_is_n(text, len, money[i].name.text, money[i].name.len)) {
			u->kind = JX_UNIT_MONEY;
			u->money_exp = money[i].exp;
			return;
		}
	u->kind = JX_UNIT_OTHER;
}

bool jx_unit_compatible(const jx_unit *target, const jx_unit *actual)
{
	if (actual->kind == JX_UNIT_NONE)
		return true;
	if (target->kind != actual->kind)
		return false;
	if (target->kind == JX_UNIT_OTHER)
		return strcmp(target->text, actual->text) == 0;
	return true;
}

/* ---------------------------------------------------------------- time */

int jx_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && (year == 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))))
		return 29;
	return days[month - 1];
}

/* Digits at p->pos: between min and max of them; returns the value or -1. */
static int take_int(parser *p, int min, int max)
{
	int v = 0, n = 0;
	while (digit_at(p, p->pos) && n < max) {
		v = v * 10 + (p->s[p->pos++] - '0');
		n++;
	}
	if (n < min || digit_at(p, p->pos))
		return -1;
	return v;
}

#define S_YEAR "\xe5\xb9\xb4"   /* 年 */
#define S_MONTH "\xe6\x9c\x88"  /* 月 */
#define S_DAY "\xe6\x97\xa5"    /* 日 */
#define S_HAO "\xe5\x8f\xb7"    /* 号 */
#define S_FEN "\xe4\xbb\xbd"    /* 份 */
#define S_DI "\xe5\xba\x95"     /* 底 */
#define S_MO "\xe6\x9c\xab"     /* 末 */
#define S_QIAN "\xe5\x89\x8d"   /* 前 */

/* The "…前" that makes a deadline: 前, 之前, 以前. */
static bool take_before(parser *p)
{
	return eat(p, "\xe4\xb9\x8b\xe5\x89\x8d") || eat(p, "\xe4\xbb\xa5\xe5\x89\x8d") ||
	       eat(p, S_QIAN);
}

/*
 * Months and dates: [YYYY年]M月[份][D日|底|末][前], [YYYY]年底[前], and
 * YYYY-MM[-DD][前] (also with "/", or "." with a day). Returns 1 when the
 * whole text is one, 0 when it is not a date (p->pos unchanged), or
 * JX_EINVAL for a date written with 年/月/日 that is broken.
 */
static int parse_time(parser *p, jx_quantity *q)
{
	size_t start = p->pos;
	jx_when w = { 0, 0, 0, JX_DL_NONE };
	bool month_end = false, iso = false;

	size_t month_at = start, day_at = start;
	if (digit_at(p, p->pos)) {
		int n = take_int(p, 4, 4);
		if (n >= 0 && eat(p, S_YEAR)) {
			w.year = n;
		} else if (n >= 0 && p->pos + 1 < p->len && strchr("-/.", p->s[p->pos]) &&
			   digit_at(p, p->pos + 1)) {
			char sep = p->s[p->pos++];
			iso = true;
			w.year = n;
			month_at = p->pos;
			if ((w.month = take_int(p, 1, 2)) < 0)
				goto not_time;
			if (p->pos + 1 < p->len && p->s[p->pos] == sep && digit_at(p, p->pos + 1)) {
				p->pos++;
				day_at = p->pos;
				if ((w.day = take_int(p, 1, 2)) < 0)
					goto not_time;
			} else if (sep == '.') {
				goto not_time; /* "2024.5" is a number */
			}
		} else {
			p->pos = start;
		}
	}
	if (iso) {
		/* A full date, or one followed by 前, is a date even when it is wrong. */
		size_t save = p->pos;
		bool dated = w.day || take_before(p);
		p->pos = save;
		if (w.year < 1900 || w.year > 2999)
			goto not_time;
		if (w.month < 1 || w.month > 12) {
			if (dated)
				return fail(p, month_at, "month %d does not exist", w.month);
			goto not_time;
		}
		if (w.day && w.day > jx_days_in_month(w.year, w.month))
			return fail(p, day_at, "day %d does not exist in month %d", w.day, w.month);
	} else if (w.year ? (eat(p, S_DI) || eat(p, S_MO))
			  : (eat(p, S_YEAR S_DI) || eat(p, S_YEAR S_MO))) {
		w.month = 12; /* 年底, 年末 */
		month_end = true;
	} else {
		size_t at = p->pos;
		int m = digit_at(p, p->pos) ? take_int(p, 1, 2) : -1;
		if (m < 0 || !eat(p, S_MONTH)) {
			if (w.year)
				return fail(p, at, "expected a month after the year (e.g. '6月')");
			goto not_time;
		}
		w.month = m;
		eat(p, S_FEN);
		if (eat(p, S_DI) || eat(p, S_MO)) {
			month_end = true;
		} else if (digit_at(p, p->pos)) {
			day_at = p->pos;
			int d = take_int(p, 1, 2);
			if (d < 0 || !(eat(p, S_DAY) || eat(p, S_HAO)))
				return fail(p, day_at, "expected a day such as '30日'");
			w.day = d;
		}
		if (w.month < 1 || w.month > 12)
			return fail(p, at, "month %d does not exist", w.month);
		if (w.day && w.day > jx_days_in_month(w.year, w.month))
			return fail(p, day_at, "day %d does not exist in month %d", w.day, w.month);
		if (w.year && (w.year < 1900 || w.year > 2999))
			return fail(p, start, "year %d is out of range", w.year);
	}

	size_t before_at = p->pos;
	bool before = take_before(p);
	if (p->role == JX_QROLE_TARGET) {
		if (!before) {
			if (iso || (w.year == 0 && w.day == 0 && !month_end))
				goto not_time; /* "9月" alone: a number with the unit 月 */
			return fail(p, p->pos, "a deadline ends in '前' (e.g. '9月前')");
		}
		w.deadline = w.day ? JX_DL_BY_DATE
				   : (month_end ? JX_DL_BY_MONTH_END : JX_DL_BEFORE_MONTH);
	} else {
		if (before)
			return fail(p, before_at, "an actual value is the month or date reached, not a deadline");
		eat(p, "\xe5\xae\x8c\xe6\x88\x90"); /* "7月完成" */
	}
	skip_blanks(p);
	if (p->pos != p->len) {
		if (iso)
			goto not_time;
		return fail(p, p->pos, "unexpected text after the date");
	}
	q->kind = JX_Q_TIME;
	q->when = w;
	return 1;
not_time:
	p->pos = start;
	return 0;
}

/* ------------------------------------------------------------- numbers */

static int take_number(parser *p, jx_dec *v, int *places)
{
	size_t n = jx_dec_span(p->s + p->pos, p->len - p->pos), errpos = 0;
	if (n == 0)
		return fail(p, p->pos, "expected a number");
	int rc = jx_dec_parse(v, places, p->s + p->pos, n, &errpos);
	if (rc)
		return fail(p, p->pos + errpos, "%s", jx_dec_strerror(rc));
	p->pos += n;
	return 0;
}

/* A range separator at p->pos that has a number after it. */
static size_t range_sep_at(const parser *p, size_t at)
{
	static const lit seps[] = { { LIT("-") }, { LIT("~") }, { LIT("\xe8\x87\xb3") } /* 至 */,
				    { LIT("\xe2\x80\x94") } /* — */, { LIT("\xe2\x80\x93") } /* – */ };
	unsigned char c = (unsigned char)p->s[at];
	if (c != '-' && c != '~' && c != 0xe8 && c != 0xe2)
		return 0;
	for (size_t i = 0; i < COUNT(seps); i++) {
		size_t n = seps[i].len;
		if (p->len - at >= n && memcmp(p->s + at, seps[i].text, n) == 0)
			return n;
	}
	return 0;
}

/* Unit text from p->pos up to the end or a range separator; trailing
 * 以上/以下/以内 come off as an operator, and a "（含）" before it or at the
 * end (the value itself counts) comes off with *incl_at set to where it
 * was (else SIZE_MAX). */
static int take_unit(parser *p, jx_unit *u, size_t *sep_len, jx_op *suffix_op, size_t *incl_at)
{
	static const lit incls[] = { { LIT("(\xe5\x90\xab)") }, { LIT("\xef\xbc\x88\xe5\x90\xab\xef\xbc\x89") } };
	size_t start, end;
	/* "1e2" would be 1 of the unit "e2" */
	char e = p->pos < p->len ? p->s[p->pos] : '\0', sign = p->pos + 1 < p->len ? p->s[p->pos + 1] : '\0';
	if ((e == 'e' || e == 'E') &&
	    (digit_at(p, p->pos + 1) || ((sign == '+' || sign == '-') && digit_at(p, p->pos + 2))))
		return fail(p, p->pos, "a number in scientific notation ('%c' and an exponent); write it out in full", e);
	/* "55。5万元", "2，100份": a Chinese input method's full stop or comma
	 * inside the number would make the rest of it the unit */
	if (p->pos + 3 < p->len && digit_at(p, p->pos + 3)) {
		if (memcmp(p->s + p->pos, "\xe3\x80\x82", 3) == 0) /* 。 */
			return fail(p, p->pos, "a full-width '。' inside the number; write the decimal point as '.'");
		if (memcmp(p->s + p->pos, "\xef\xbc\x8c", 3) == 0) /* ， */
			return fail(p, p->pos, "a full-width '，' inside the number; leave it out (2100) or write ',' "
					       "(2,100)");
	}
	skip_blanks(p);
	start = p->pos;
	*sep_len = 0;
	while (p->pos < p->len) {
		size_t n = range_sep_at(p, p->pos);
		if (n) {
			*sep_len = n;
			break;
		}
		char c = p->s[p->pos];
		if (c == '>' || c == '<' || c == '=')
			return fail(p, p->pos, "unexpected '%c' after the number", c);
		size_t i = p->pos;
		jx_utf8_next(p->s, p->len, &i);
		p->pos = i;
	}
	end = p->pos;
	*suffix_op = JX_OP_NONE;
	for (size_t i = 0; i < COUNT(suffix_ops); i++) {
		size_t n = suffix_ops[i].len;
		if (end - start >= n && memcmp(p->s + end - n, suffix_ops[i].text, n) == 0) {
			*suffix_op = suffix_ops[i].op;
			end -= n;
			break;
		}
	}
	*incl_at = SIZE_MAX;
	while (end > start && (p->s[end - 1] == ' ' || p->s[end - 1] == '\t'))
		end--;
	for (size_t i = 0; i < COUNT(incls); i++) {
		size_t n = incls[i].len;
		if (end - start >= n && memcmp(p->s + end - n, incls[i].text, n) == 0) {
			*incl_at = end - n;
			end -= n;
			break;
		}
	}
	const char *t = p->s + start;
	size_t tlen = end - start;
	jx_text_trim(&t, &tlen);
	if (tlen > JX_UNIT_MAX)
		return fail(p, start, "unit is longer than %d bytes", JX_UNIT_MAX);
	jx_unit_classify(u, t, tlen);
	return 0;
}

static int parse_number(parser *p, jx_quantity *q, jx_op op, size_t op_at)
{
	size_t sep_len, incl_at;
	jx_op suffix;
	int rc;

	if ((rc = take_number(p, &q->value, &q->places)) != 0)
		return rc;
	if ((rc = take_unit(p, &q->unit, &sep_len, &suffix, &incl_at)) != 0)
		return rc;
	if (suffix != JX_OP_NONE) {
		/* "≤60万元以内", "不低于90%以上": the suffix says it again */
		if (op != JX_OP_NONE && op != suffix)
			return fail(p, op_at, "two comparison operators that disagree ('%s' and '%s'); keep one",
				    jx_op_symbol(op), jx_op_symbol(suffix));
		op = suffix;
	}
	if (incl_at != SIZE_MAX && sep_len)
		return fail(p, incl_at, "a range includes its ends; leave out '（含）'");
	if (incl_at != SIZE_MAX && op != JX_OP_GE && op != JX_OP_LE)
		return fail(p, incl_at, "'（含）' says the value itself counts, but not which way; write e.g. '90%%（含）以上' or '≥90%%'");
	if (op != JX_OP_NONE && p->role == JX_QROLE_ACTUAL)
		return fail(p, op_at, "an actual value has no comparison operator; write the value reached");
	q->kind = JX_Q_NUMBER;
	q->op = op;
	if (sep_len == 0)
		return 0;

	/* A range: number [unit] SEP number [unit]. */
	size_t sep_at = p->pos;
	if (op != JX_OP_NONE)
		return fail(p, sep_at, "a range cannot have a comparison operator");
	p->pos += sep_len;
	skip_blanks(p);
	if (p->pos == p->len)
		return fail(p, sep_at, "the range has no upper end");
	jx_unit high_unit;
	int high_places;
	if ((rc = take_number(p, &q->high, &high_places)) != 0)
		return rc;
	size_t unit_at = p->pos;
	if ((rc = take_unit(p, &high_unit, &sep_len, &suffix, &incl_at)) != 0)
		return rc;
	if (incl_at != SIZE_MAX)
		return fail(p, incl_at, "a range includes its ends; leave out '（含）'");
	if (sep_len || suffix != JX_OP_NONE)
		return fail(p, p->pos, "unexpected text after the range");
	if (q->unit.kind == JX_UNIT_NONE)
		q->unit = high_unit;
	else if (high_unit.kind != JX_UNIT_NONE && strcmp(q->unit.text, high_unit.text) != 0)
		return fail(p, unit_at, "the two ends of the range have different units ('%s', '%s')",
			    q->unit.text, high_unit.text);
	if (jx_dec_cmp(q->value, q->high) > 0)
		return fail(p, sep_at, "the low end of the range is above the high end");
	q->kind = JX_Q_RANGE;
	return 0;
}

/* ---------------------------------------------------------- qualitative */

/* "部分达成(70%)" or "部分达成（70%）": the level and its percentage. */
static int parse_text(parser *p, jx_quantity *q, const char *orig, size_t olen)
{
	q->kind = JX_Q_TEXT;
	q->text = orig;
	q->text_len = olen;
	if (p->role != JX_QROLE_ACTUAL)
		return 0;
	static const lit closes[] = { { LIT(")") }, { LIT("\xef\xbc\x89") } };
	static const lit opens[] = { { LIT("(") }, { LIT("\xef\xbc\x88") } };
	for (size_t k = 0; k < 2; k++) {
		size_t cl = closes[k].len;
		if (olen < cl || memcmp(orig + olen - cl, closes[k].text, cl) != 0)
			continue;
		for (size_t j = 0; j < 2; j++) {
			size_t on = opens[j].len;
			for (size_t i = olen - cl; i-- > 0;) {
				if (i + on > olen - cl || memcmp(orig + i, opens[j].text, on) != 0)
					continue;
				/* Parse the inside (normalised) as a number with an optional %. */
				char buf[NORM_MAX];
				size_t blen;
				const char *in = orig + i + on;
				size_t ilen = olen - cl - i - on;
				if (!normalise(buf, &blen, in, ilen))
					return 0;
				parser sub = { buf, blen, 0, p->base + jx_utf8_count(orig, i + on),
					       p->role, p->err };
				skip_blanks(&sub);
				if (!jx_dec_span(sub.s + sub.pos, sub.len - sub.pos))
					return 0; /* "(其他说明)": plain text */
				int rc = take_number(&sub, &q->pct, NULL);
				if (rc)
					return rc;
				skip_blanks(&sub);
				eat(&sub, "%");
				skip_blanks(&sub);
				if (sub.pos != sub.len)
					return fail(&sub, sub.pos, "expected a percentage such as '(70%%)'");
				if (q->pct.units < 0 || jx_dec_cmp(q->pct, jx_dec_from_int(100)) > 0)
					return fail(&sub, 0, "the percentage must lie between 0%% and 100%%");
				q->has_pct = true;
				const char *t = orig;
				size_t tlen = i;
				jx_text_trim(&t, &tlen);
				q->text = t;
				q->text_len = tlen;
				return 0;
			}
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- entry */

static bool looks_numeric(const parser *p)
{
	char c = p->pos < p->len ? p->s[p->pos] : '\0';
	return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == '>' ||
	       c == '<' || c == '=' || starts(p, "\xe2\x89\xa5") || starts(p, "\xe2\x89\xa7") ||
	       starts(p, "\xe2\x89\xa4") || starts(p, "\xe2\x89\xa6");
}

bool jx_quantity_is_na(const char *s, size_t len)
{
	char norm[NORM_MAX];
	size_t nlen;
	jx_text_trim(&s, &len);
	/* Most claims are numbers. No mark starts with a digit, and none is
	 * longer than 9 bytes as typed (不适用; a full-width form is 3 bytes for 1). */
	if (len > 9 || (len > 0 && s[0] >= '0' && s[0] <= '9'))
		return false;
	return normalise(norm, &nlen, s, len) && is_na(norm, nlen);
}

int jx_quantity_parse(jx_quantity *out, const char *s, size_t len, jx_qrole role,
		      jx_qerror *err)
{
	const char *t = s;
	size_t tlen = len;
	char norm[NORM_MAX];
	size_t nlen;

	memset(out, 0, sizeof(*out));
	jx_text_trim(&t, &tlen);
	parser p = { NULL, 0, 0, jx_utf8_count(s, (size_t)(t - s)), role, err };

	if (!normalise(norm, &nlen, t, tlen)) {
		/* Too long for a number: it can only be text. */
		p.s = t;
		p.len = tlen;
		return parse_text(&p, out, t, tlen);
	}
	p.s = norm;
	p.len = nlen;
	if (is_na(norm, nlen)) {
		out->kind = JX_Q_NA;
		return 0;
	}
	/* Most cells are a plain number or percentage ("98%", "2.00"): read them
	 * directly. Anything else, and every mistake, takes the full parser. */
	if (digit_at(&p, 0)) {
		size_t n = jx_dec_span(p.s, p.len);
		if ((n == p.len || (n + 1 == p.len && p.s[n] == '%')) &&
		    jx_dec_parse(&out->value, &out->places, p.s, n, NULL) == 0) {
			out->kind = JX_Q_NUMBER;
			jx_unit_classify(&out->unit, p.s + n, p.len - n);
			return 0;
		}
	}
	size_t op_at = p.pos;
	jx_op op = take_prefix_op(&p);
	if (op != JX_OP_NONE) {
		skip_blanks(&p);
		if (!jx_dec_span(p.s + p.pos, p.len - p.pos))
			return fail(&p, p.pos, "expected a number after '%.*s'",
				    (int)(p.pos - op_at), p.s + op_at);
		return parse_number(&p, out, op, op_at);
	}
	int rc = parse_time(&p, out);
	if (rc)
		return rc < 0 ? rc : 0;
	if (!looks_numeric(&p))
		return parse_text(&p, out, t, tlen);
	return parse_number(&p, out, op, op_at);
}
