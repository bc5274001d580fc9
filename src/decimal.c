/*
 * decimal.c - exact decimals (scaled 64-bit integers) and exact fractions
 * (128-bit, lowest terms). Every operation is checked for overflow.
 */
#include "jixiao/decimal.h"

#include "jixiao/common.h"

#include <stdlib.h>
#include <string.h>

static const int64_t pow10_64[] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
	INT64_C(100000), INT64_C(1000000)
};

#define UNITS_LIMIT (JX_DEC_LIMIT * JX_DEC_SCALE) /* 10^18 */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int jx_dec_parse(jx_dec *out, int *places, const char *s, size_t len, size_t *errpos)
{
	size_t i = 0, err_at = 0;
	bool neg = false, any_digit = false, grouped = false;
	int group_len = 0, frac = 0, rc = JX_DEC_ESYNTAX;
	int64_t whole = 0, fraction = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';

	/* Whole part: digits, with "," separating groups of exactly three. */
	for (; i < len; i++) {
		if (is_digit(s[i])) {
			if (whole >= JX_DEC_LIMIT / 10 + 1) {
				err_at = 0;
				rc = JX_DEC_ERANGE;
				goto fail;
			}
			whole = whole * 10 + (s[i] - '0');
			any_digit = true;
			group_len++;
		} else if (s[i] == ',') {
			if (!any_digit || (grouped ? group_len != 3 : group_len > 3) ||
			    i + 1 >= len || !is_digit(s[i + 1])) {
				err_at = i;
				rc = JX_DEC_EGROUP;
				goto fail;
			}
			grouped = true;
			group_len = 0;
		} else {
			break;
		}
	}
	if (grouped && group_len != 3) {
		err_at = i - (size_t)group_len - 1;
		rc = JX_DEC_EGROUP;
		goto fail;
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && is_digit(s[i]); i++) {
			if (frac == JX_DEC_PLACES) {
				err_at = i;
				rc = JX_DEC_EPLACES;
				goto fail;
			}
			fraction = fraction * 10 + (s[i] - '0');
			frac++;
			any_digit = true;
		}
	}
	if (!any_digit || i != len) {
		err_at = any_digit ? i : (i < len ? i : 0);
		rc = JX_DEC_ESYNTAX;
		goto fail;
	}
	if (whole >= JX_DEC_LIMIT) {
		err_at = 0;
		rc = JX_DEC_ERANGE;
		goto fail;
	}
	out->units = whole * JX_DEC_SCALE + fraction * pow10_64[JX_DEC_PLACES - frac];
	if (neg)
		out->units = -out->units;
	if (places)
		*places = frac;
	return 0;
fail:
	if (errpos)
		*errpos = err_at;
	return rc;
}

size_t jx_dec_span(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < len) {
		if (is_digit(s[i])) {
			digits++;
			i++;
		} else if ((s[i] == ',' || s[i] == '.') && digits && i + 1 < len && is_digit(s[i + 1])) {
			i++;
		} else {
			break;
		}
	}
	return digits ? i : 0;
}

const char *jx_dec_strerror(int code)
{
	switch (code) {
	case JX_DEC_EPLACES: return "more than 6 decimal places";
	case JX_DEC_ERANGE: return "number too large (the limit is 10^12)";
	case JX_DEC_EGROUP: return "misplaced thousands separator";
	default: return "not a number";
	}
}

jx_dec jx_dec_from_int(int64_t n)
{
	jx_dec d = { n * JX_DEC_SCALE };
	return d;
}

static int dec_check(jx_dec *out, int64_t units)
{
	if (units >= UNITS_LIMIT || units <= -UNITS_LIMIT)
		return JX_ERANGE;
	out->units = units;
	return 0;
}

int jx_dec_add(jx_dec *out, jx_dec a, jx_dec b)
{
	/* Both operands are below 10^18, so the int64 sum cannot overflow. */
	return dec_check(out, a.units + b.units);
}

int jx_dec_sub(jx_dec *out, jx_dec a, jx_dec b)
{
	return dec_check(out, a.units - b.units);
}

int jx_dec_cmp(jx_dec a, jx_dec b)
{
	return (a.units > b.units) - (a.units < b.units);
}

bool jx_dec_is_zero(jx_dec d)
{
	return d.units == 0;
}

/* Decide whether to move q one step away from zero, given that the part
 * cut off is rem/div (0 <= rem < div) of a unit. */
static bool round_up(int64_t q, int64_t rem, int64_t div, jx_rounding mode)
{
	switch (mode) {
	case JX_ROUND_HALF_UP: return rem * 2 >= div && rem > 0;
	case JX_ROUND_HALF_EVEN: return rem * 2 > div || (rem * 2 == div && (q & 1));
	default: return false;
	}
}

jx_dec jx_dec_round(jx_dec d, int places, jx_rounding mode)
{
	if (places >= JX_DEC_PLACES)
		return d;
	if (places < 0)
		places = 0;
	int64_t div = pow10_64[JX_DEC_PLACES - places];
	int64_t mag = d.units < 0 ? -d.units : d.units;
	int64_t q = mag / div, rem = mag % div;
	if (round_up(q, rem, div, mode))
		q++;
	jx_dec r = { (d.units < 0 ? -q : q) * div };
	return r;
}

int jx_dec_places(jx_dec d)
{
	int64_t mag = d.units < 0 ? -d.units : d.units;
	int p = JX_DEC_PLACES;
	while (p > 0 && mag % 10 == 0) {
		mag /= 10;
		p--;
	}
	return p;
}

/* Write the decimal digits of n (>= 0) into buf; returns the length. */
static size_t put_u128(char *buf, jx_i128 n, bool group)
{
	char tmp[64];
	size_t k = 0, len = 0;
	do {
		if (group && k % 4 == 3)
			tmp[k++] = ',';
		tmp[k++] = (char)('0' + (int)(n % 10));
		n /= 10;
	} while (n > 0);
	while (k > 0)
		buf[len++] = tmp[--k];
	return len;
}

char *jx_dec_format(char *buf, jx_dec d, int places, int flags)
{
	int64_t mag = d.units < 0 ? -d.units : d.units;
	size_t len = 0;

	if (places < 0)
		places = jx_dec_places(d);
	if (places > JX_DEC_PLACES)
		places = JX_DEC_PLACES;
	int64_t cut = mag / pow10_64[JX_DEC_PLACES - places];
	int64_t whole = cut / pow10_64[places];
	int64_t frac = cut % pow10_64[places];
	if (d.units < 0 && cut != 0)
		buf[len++] = '-';
	len += put_u128(buf + len, whole, flags & JX_FMT_GROUP);
	if (places > 0) {
		buf[len++] = '.';
		for (int i = places - 1; i >= 0; i--)
			buf[len++] = (char)('0' + (int)(frac / pow10_64[i] % 10));
	}
	buf[len] = '\0';
	return buf;
}

char *jx_dec_format_money(char *buf, jx_dec d)
{
	int p = jx_dec_places(d);
	return jx_dec_format(buf, d, p < 2 ? 2 : p, JX_FMT_GROUP);
}

/* ------------------------------------------------------------------ */

__extension__ typedef unsigned __int128 jx_u128;
#define I128_MAX ((jx_i128)(((jx_u128)1 << 127) - 1))

static jx_i128 abs128(jx_i128 x)
{
	return x < 0 ? -x : x;
}

/* a / b and a % b (b != 0) in 64-bit arithmetic when both fit: a 128-bit
 * division is a library call several times slower, and scores seldom need it. */
static bool fits64(jx_i128 x)
{
	return x >= INT64_MIN && x <= INT64_MAX;
}

static jx_i128 quot(jx_i128 a, jx_i128 b)
{
	if (fits64(a) && fits64(b) && b != -1)
		return (int64_t)a / (int64_t)b;
	return a / b;
}

static jx_i128 mod(jx_i128 a, jx_i128 b)
{
	if (fits64(a) && fits64(b) && b != -1)
		return (int64_t)a % (int64_t)b;
	return a % b;
}

/* Binary gcd of two 64-bit values (Stein), far cheaper than 128-bit division. */
static uint64_t gcd64(uint64_t a, uint64_t b)
{
	if (a == 0 || b == 0)
		return a | b;
	if (a == 1 || b == 1)
		return 1; /* an integer times a fraction, often */
	int shift = __builtin_ctzll(a | b);
	a >>= __builtin_ctzll(a);
	do {
		b >>= __builtin_ctzll(b);
		if (a > b) {
			uint64_t t = a;
			a = b;
			b = t;
		}
		b -= a;
	} while (b != 0);
	return a << shift;
}

static jx_i128 gcd128(jx_i128 a, jx_i128 b)
{
	a = abs128(a);
	b = abs128(b);
	if ((jx_u128)(a | b) <= UINT64_MAX)
		return (jx_i128)gcd64((uint64_t)a, (uint64_t)b);
	while (b != 0) {
		jx_i128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Reduce n/d into *out; d != 0. Values never reach INT128_MIN because every
 * producer below is checked against I128_MAX in magnitude. */
static jx_frac frac_norm(jx_i128 n, jx_i128 d)
{
	jx_frac f;
	if (d < 0) {
		n = -n;
		d = -d;
	}
	jx_i128 g = gcd128(n, d);
	if (g > 1) {
		n = quot(n, g);
		d = quot(d, g);
	}
	f.num = n;
	f.den = d;
	return f;
}

static bool mul_ok(jx_i128 *out, jx_i128 a, jx_i128 b)
{
	return !__builtin_mul_overflow(a, b, out) && *out >= -I128_MAX;
}

static bool add_ok(jx_i128 *out, jx_i128 a, jx_i128 b)
{
	return !__builtin_add_overflow(a, b, out) && *out >= -I128_MAX;
}

jx_frac jx_frac_make(int64_t n, int64_t d)
{
	return frac_norm(n, d);
}

jx_frac jx_frac_from_dec(jx_dec d)
{
	/* units / 2^6 5^6: the common factor is the 2s and 5s units has, up to six
	 * of each; no gcd needed. */
	int64_t n = d.units, den = JX_DEC_SCALE;
	if (n == 0)
		return (jx_frac){ 0, 1 };
	int twos = __builtin_ctzll((unsigned long long)(n < 0 ? -n : n));
	twos = twos < JX_DEC_PLACES ? twos : JX_DEC_PLACES;
	n /= INT64_C(1) << twos; /* exact: those bits are zero */
	den >>= twos;
	for (int fives = 0; fives < JX_DEC_PLACES && n % 5 == 0; fives++) {
		n /= 5;
		den /= 5;
	}
	return (jx_frac){ n, den };
}

int jx_frac_add(jx_frac *out, jx_frac a, jx_frac b)
{
	jx_i128 g = gcd128(a.den, b.den), x, y, n, d;
	if (!mul_ok(&x, a.num, quot(b.den, g)) || !mul_ok(&y, b.num, quot(a.den, g)) ||
	    !add_ok(&n, x, y) || !mul_ok(&d, quot(a.den, g), b.den))
		return JX_ERANGE;
	*out = frac_norm(n, d);
	return 0;
}

int jx_frac_sub(jx_frac *out, jx_frac a, jx_frac b)
{
	b.num = -b.num;
	return jx_frac_add(out, a, b);
}

static uint64_t abs64(int64_t x)
{
	return x < 0 ? -(uint64_t)x : (uint64_t)x;
}

/* a * b when all four terms fit in 64 bits (nearly always): 64-bit gcds and
 * divisions, and a product that cannot overflow 128 bits. */
static void frac_mul64(jx_frac *out, int64_t an, int64_t ad, int64_t bn, int64_t bd)
{
	uint64_t g1 = gcd64(abs64(an), (uint64_t)bd), g2 = gcd64(abs64(bn), (uint64_t)ad);
	if (g1 > 1) {
		an /= (int64_t)g1;
		bd /= (int64_t)g1;
	}
	if (g2 > 1) {
		bn /= (int64_t)g2;
		ad /= (int64_t)g2;
	}
	out->num = (jx_i128)an * bn;
	out->den = (jx_i128)ad * bd;
}

int jx_frac_mul(jx_frac *out, jx_frac a, jx_frac b)
{
	/* Times one (a unit conversion that converts nothing): as it is. */
	if (b.num == 1 && b.den == 1) {
		*out = a;
		return 0;
	}
	if (fits64(a.num) && fits64(a.den) && fits64(b.num) && fits64(b.den) &&
	    a.num != INT64_MIN && b.num != INT64_MIN) {
		frac_mul64(out, (int64_t)a.num, (int64_t)a.den, (int64_t)b.num, (int64_t)b.den);
		return 0;
	}
	jx_i128 g1 = gcd128(a.num, b.den), g2 = gcd128(b.num, a.den), n, d;
	if (g1 == 0)
		g1 = 1;
	if (g2 == 0)
		g2 = 1;
	if (!mul_ok(&n, quot(a.num, g1), quot(b.num, g2)) || !mul_ok(&d, quot(a.den, g2), quot(b.den, g1)))
		return JX_ERANGE;
	/* Lowest terms already: what the two could share was cancelled crosswise. */
	out->num = n;
	out->den = d;
	return 0;
}

int jx_frac_div(jx_frac *out, jx_frac a, jx_frac b)
{
	jx_frac inv;
	if (b.num == 0)
		return JX_ERANGE;
	inv = frac_norm(b.den, b.num);
	return jx_frac_mul(out, a, inv);
}

/* Compare a/b with c/d for a, c >= 0 and b, d > 0 by expanding both into
 * continued fractions: no multiplication, so no overflow. */
static int cmp_nonneg(jx_i128 a, jx_i128 b, jx_i128 c, jx_i128 d)
{
	for (;;) {
		jx_i128 q1 = quot(a, b), r1 = mod(a, b), q2 = quot(c, d), r2 = mod(c, d);
		if (q1 != q2)
			return q1 < q2 ? -1 : 1;
		if (r1 == 0 || r2 == 0)
			return r1 == r2 ? 0 : (r1 == 0 ? -1 : 1);
		/* r1/b < r2/d exactly when d/r2 < b/r1: compare the reciprocals. */
		a = d;
		d = r1;
		c = b;
		b = r2;
	}
}

int jx_frac_cmp(jx_frac a, jx_frac b)
{
	bool na = a.num < 0, nb = b.num < 0;
	if (na != nb)
		return na ? -1 : 1;
	if (fits64(a.num) && fits64(a.den) && fits64(b.num) && fits64(b.den)) {
		/* Products of two 64-bit values fit in 128 bits. */
		jx_i128 x = a.num * b.den, y = b.num * a.den;
		return (x > y) - (x < y);
	}
	if (na)
		return cmp_nonneg(-b.num, b.den, -a.num, a.den);
	return cmp_nonneg(a.num, a.den, b.num, b.den);
}

jx_frac jx_frac_abs(jx_frac a)
{
	a.num = abs128(a.num);
	return a;
}

jx_i128 jx_frac_ceil(jx_frac a)
{
	jx_i128 q = a.num / a.den;
	if (a.num % a.den > 0)
		q++;
	return q;
}

bool jx_frac_is_exact(jx_frac a, int places)
{
	jx_i128 d = a.den;
	int twos = 0, fives = 0;
	while (d % 2 == 0) {
		d /= 2;
		twos++;
	}
	while (d % 5 == 0) {
		d /= 5;
		fives++;
	}
	return d == 1 && twos <= places && fives <= places;
}

/* Long division of |a| into the whole part and `places` fraction digits;
 * *rem is what is left (0 <= rem < den). Returns false on overflow. */
static bool frac_digits(jx_frac a, int places, jx_i128 *whole, jx_i128 *frac, jx_i128 *rem)
{
	jx_i128 n = abs128(a.num), r, f = 0;
	*whole = quot(n, a.den);
	r = mod(n, a.den);
	for (int i = 0; i < places; i++) {
		jx_i128 r10;
		if (!mul_ok(&r10, r, 10))
			return false;
		f = f * 10 + quot(r10, a.den);
		r = mod(r10, a.den);
	}
	*frac = f;
	*rem = r;
	return true;
}

int jx_frac_round(jx_dec *out, jx_frac a, int places, jx_rounding mode)
{
	jx_i128 whole, frac, rem, q;
	bool up = false;

	if (places < 0)
		places = 0;
	if (places > JX_DEC_PLACES)
		places = JX_DEC_PLACES;
	jx_i128 n = abs128(a.num);
	if (n <= INT64_MAX / pow10_64[places] && a.den <= INT64_MAX) {
		/* One 64-bit division gives the digits and the remainder. */
		uint64_t p = (uint64_t)pow10_64[places], scaled = (uint64_t)n * p, d = (uint64_t)a.den;
		uint64_t uq = scaled / d;
		if (uq >= (uint64_t)JX_DEC_LIMIT * p) /* the whole part */
			return JX_ERANGE;
		q = (jx_i128)uq;
		rem = (jx_i128)(scaled % d);
	} else {
		if (!frac_digits(a, places, &whole, &frac, &rem) || whole >= JX_DEC_LIMIT)
			return JX_ERANGE;
		q = whole * pow10_64[places] + frac;
	}
	/* Compare the remainder with half a unit without computing 2 * rem. */
	jx_i128 other = a.den - rem;
	switch (mode) {
	case JX_ROUND_HALF_UP: up = rem > 0 && rem >= other; break;
	case JX_ROUND_HALF_EVEN: up = rem > other || (rem == other && (q & 1)); break;
	case JX_ROUND_DOWN: up = false; break;
	}
	if (up)
		q++;
	q *= pow10_64[JX_DEC_PLACES - places];
	if (q >= UNITS_LIMIT)
		return JX_ERANGE;
	out->units = (int64_t)(a.num < 0 ? -q : q);
	return 0;
}

char *jx_frac_ratio(char *buf, jx_frac a)
{
	size_t len = 0;
	if (a.num < 0)
		buf[len++] = '-';
	len += put_u128(buf + len, abs128(a.num), false);
	if (a.den != 1) {
		buf[len++] = '/';
		len += put_u128(buf + len, a.den, false);
	}
	buf[len] = '\0';
	return buf;
}

/* Remainders compared for apportionment: larger first, then earlier. */
typedef struct rem_item {
	jx_frac rem;
	size_t index;
} rem_item;

static int rem_desc(const void *pa, const void *pb)
{
	const rem_item *a = pa, *b = pb;
	int c = jx_frac_cmp(b->rem, a->rem);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

int jx_apportion(jx_dec *out, const jx_frac *shares, size_t n, jx_dec total, int places)
{
	jx_dec sum = { 0 };
	int rc = 0;

	if (places < 0 || places > JX_DEC_PLACES)
		return JX_EINVAL;
	const int64_t unit = pow10_64[JX_DEC_PLACES - places];
	rem_item *items = malloc((n ? n : 1) * sizeof(*items));
	if (!items)
		return JX_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		jx_frac cut, rem;
		if ((rc = jx_frac_round(&out[i], shares[i], places, JX_ROUND_DOWN)) ||
		    (rc = jx_dec_add(&sum, sum, out[i])))
			goto done;
		cut = jx_frac_from_dec(out[i]);
		if ((rc = jx_frac_sub(&rem, shares[i], cut)))
			goto done;
		items[i].rem = rem;
		items[i].index = i;
	}
	int64_t missing = (total.units - sum.units) / unit;
	if ((total.units - sum.units) % unit != 0 || (missing > 0 ? (size_t)missing : (size_t)-missing) > n) {
		rc = JX_EINVAL;
		goto done;
	}
	if (missing > 0 && missing <= 8) {
		/* A few units to hand out (the usual case): pick the largest
		 * remainders one by one instead of sorting them all. */
		for (int64_t k = 0; k < missing; k++) {
			size_t best = (size_t)k;
			for (size_t i = (size_t)k + 1; i < n; i++)
				if (rem_desc(&items[i], &items[best]) < 0)
					best = i;
			rem_item t = items[k];
			items[k] = items[best];
			items[best] = t;
			out[items[k].index].units += unit;
		}
		goto done;
	}
	if (missing != 0)
		qsort(items, n, sizeof(*items), rem_desc);
	for (int64_t k = 0; k < missing; k++)
		out[items[k].index].units += unit;
	/* Excess (only when total is below the shares' sum): never below zero. */
	for (size_t k = n; missing < 0 && k-- > 0;)
		if (out[items[k].index].units >= unit) {
			out[items[k].index].units -= unit;
			missing++;
		}
	if (missing < 0)
		rc = JX_EINVAL;
done:
	free(items);
	return rc;
}

char *jx_frac_format(char *buf, jx_frac a, int max_places)
{
	jx_i128 n = abs128(a.num), r;
	size_t len = 0;

	if (max_places < 0)
		max_places = 0;
	if (max_places > 12)
		max_places = 12;
	if (a.num < 0)
		buf[len++] = '-';
	len += put_u128(buf + len, n / a.den, false);
	r = n % a.den;
	if (r != 0 && max_places > 0)
		buf[len++] = '.';
	for (int i = 0; r != 0 && i < max_places; i++) {
		jx_i128 r10;
		if (!mul_ok(&r10, r, 10))
			break;
		buf[len++] = (char)('0' + (int)(r10 / a.den));
		r = r10 % a.den;
	}
	if (r != 0) {
		memcpy(buf + len, "\xe2\x80\xa6", 3); /* U+2026 … */
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}

char *jx_frac_format_pct(char *buf, jx_frac a, int max_places)
{
	jx_frac p;
	if (jx_frac_mul(&p, a, jx_frac_make(100, 1)) != 0)
		return strcpy(buf, "?");
	return strcat(jx_frac_format(buf, p, max_places), "%");
}
