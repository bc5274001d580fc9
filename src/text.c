/*
 * text.c - UTF-8 decoding, terminal display width and edit distance.
 * Width comes from utf8proc so CJK text lines up in tables and under carets.
 */
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int32_t jx_utf8_next(const char *s, size_t len, size_t *i)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
					      (utf8proc_ssize_t)(len - *i), &cp);
	if (n <= 0) {
		(*i)++;
		return -1;
	}
	*i += (size_t)n;
	return cp;
}

char jx_text_ascii_of(int32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (char)('0' + (cp - 0xFF10));
	switch (cp) {
	case 0xFF0E: return '.';  /* ． */
	case 0xFF05: return '%';  /* ％ */
	case 0xFF0B: return '+';  /* ＋ */
	case 0xFF1E: return '>';  /* ＞ */
	case 0xFF1C: return '<';  /* ＜ */
	case 0xFF1D: return '=';  /* ＝ */
	case 0xFF5E: return '~';  /* ～ */
	case 0x301C: return '~';  /* 〜 */
	case 0xFF0F: return '/';  /* ／ */
	case 0xFF0D: return '-';  /* － */
	default: return 0;
	}
}

bool jx_text_chinese_numeral(const char *s, size_t len)
{
	static const char numerals[] = "零〇一二两三四五六七八九十百千万";
	for (const char *c = numerals; *c && len >= 3; c += 3)
		if (memcmp(s, c, 3) == 0)
			return true;
	return false;
}

size_t jx_utf8_count(const char *s, size_t len)
{
	/* Every byte but a continuation byte (10xxxxxx) starts a character.
	 * Eight bytes at a time: bit 7 set and bit 6 clear, counted. */
	size_t cont = 0, i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		/* One bit per continuation byte, at bit 0 of its byte; the
		 * multiplication sums the eight bytes into the top one. */
		uint64_t bits = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
		cont += (size_t)((bits * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return len - cont;
}

size_t jx_utf8_offset(const char *s, size_t len, size_t chars)
{
	size_t i = 0;
	while (i < len && chars-- > 0)
		jx_utf8_next(s, len, &i);
	return i;
}

size_t jx_utf8_bad_byte(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		if ((unsigned char)s[i] < 0x80)
			i++; /* ASCII: most of a path or a number */
		else if (jx_utf8_next(s, len, &i) < 0)
			return at;
	}
	return len;
}

bool jx_utf8_valid(const char *s, size_t len)
{
	return jx_utf8_bad_byte(s, len) == len;
}

size_t jx_text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	while (i < len) {
		int32_t cp = jx_utf8_next(s, len, &i);
		if (cp < 0 || cp == '\t') {
			w++;
			continue;
		}
		int cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
	}
	return w;
}

size_t jx_text_width0(const char *s)
{
	return s ? jx_text_width(s, strlen(s)) : 0;
}

static size_t blank_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	if (len >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) /* U+3000 ideographic space */
		return 3;
	return 0;
}

static size_t blank_before(const char *s, size_t len)
{
	if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
			 s[len - 1] == '\n'))
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

void jx_text_trim(const char **s, size_t *len)
{
	size_t n;
	while ((n = blank_at(*s, *len)) > 0) {
		*s += n;
		*len -= n;
	}
	while ((n = blank_before(*s, *len)) > 0)
		*len -= n;
}

/* Code points of s, at most cap of them; returns how many. */
static size_t decode_all(const char *s, int32_t *out, size_t cap)
{
	size_t i = 0, n = 0, len = strlen(s);
	while (i < len && n < cap)
		out[n++] = jx_utf8_next(s, len, &i);
	return i < len ? cap + 1 : n;
}

#define DIST_MAX_CHARS 64

size_t jx_text_distance(const char *a, const char *b, size_t limit)
{
	int32_t ca[DIST_MAX_CHARS], cb[DIST_MAX_CHARS];
	size_t row[DIST_MAX_CHARS + 1];
	size_t na = decode_all(a, ca, DIST_MAX_CHARS), nb = decode_all(b, cb, DIST_MAX_CHARS);

	if (na > DIST_MAX_CHARS || nb > DIST_MAX_CHARS)
		return limit + 1;
	if ((na > nb ? na - nb : nb - na) > limit)
		return limit + 1;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t v = diag + (ca[i - 1] != cb[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[nb] <= limit ? row[nb] : limit + 1;
}

const char *jx_text_suggest(const char *word, const char *const *candidates, size_t n)
{
	size_t chars = jx_utf8_count(word, strlen(word));
	/* one edit in a short word, two in most, three in a long one */
	size_t limit = chars >= 12 ? 3 : chars / 2 < 1 ? 1 : (chars / 2 > 2 ? 2 : chars / 2);
	const char *best = NULL;
	size_t best_d = limit + 1;

	for (size_t i = 0; i < n; i++) {
		size_t d = jx_text_distance(word, candidates[i], limit);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	if (best || chars < 4)
		return best;
	/* A word cut short or run on (over_complete for over_completion):
	 * the one candidate it begins, or that begins it. */
	size_t len = strlen(word), found = 0;
	for (size_t i = 0; i < n; i++) {
		size_t clen = strlen(candidates[i]), common = len < clen ? len : clen;
		if (jx_utf8_count(candidates[i], clen) >= 4 && memcmp(word, candidates[i], common) == 0) {
			best = candidates[i];
			found++;
		}
	}
	return found == 1 ? best : NULL;
}

/* UTF-16 code units of s[0..len): a character of four UTF-8 bytes takes two. */
static size_t utf16_units(const char *s, size_t len)
{
	size_t wide = 0;
	for (size_t i = 0; i < len; i++)
		wide += (unsigned char)s[i] >= 0xF0;
	return jx_utf8_count(s, len) + wide;
}

const char *jx_text_fit(const char *text, size_t max, char **buf)
{
	size_t len = strlen(text);
	if (len <= max || utf16_units(text, len) <= max)
		return text;
	/* Whole characters while they fit in max - 1 units, then "…". */
	size_t keep = 0, units = 0;
	while (keep < len) {
		size_t next = keep + 1;
		while (next < len && ((unsigned char)text[next] & 0xC0) == 0x80)
			next++;
		size_t u = (unsigned char)text[keep] >= 0xF0 ? 2 : 1;
		if (units + u > max - 1)
			break;
		units += u;
		keep = next;
	}
	char *cut = realloc(*buf, keep + 4);
	if (!cut)
		return "";
	memcpy(cut, text, keep);
	memcpy(cut + keep, "\xe2\x80\xa6", 4); /* … and the NUL */
	*buf = cut;
	return cut;
}

void jx_text_cut(char *buf, size_t size)
{
	static const char ellipsis[] = "\xe2\x80\xa6"; /* … */
	if (size == 0)
		return;
	size_t cut = size >= sizeof(ellipsis) ? size - sizeof(ellipsis) : size - 1;
	if (cut > 0) {
		/* The character the last byte kept belongs to: keep it only whole. */
		size_t start = cut - 1;
		while (start > 0 && ((unsigned char)buf[start] & 0xC0) == 0x80)
			start--;
		unsigned char lead = (unsigned char)buf[start];
		size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
		if (start + need > cut)
			cut = start;
	}
	if (cut + sizeof(ellipsis) <= size)
		memcpy(buf + cut, ellipsis, sizeof(ellipsis));
	else
		buf[cut] = '\0';
}

int jx_textf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= size)
		jx_text_cut(buf, size);
	return n;
}

bool jx_textf_append(char *buf, size_t size, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < size - used)
		return true;
	jx_text_cut(buf, size); /* buf holds its first size - 1 bytes */
	return false;
}

char *jx_vstrdupf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	char *s = n < 0 ? NULL : malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *jx_strdupf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = jx_vstrdupf(fmt, ap);
	va_end(ap);
	return s;
}

char *jx_utf8_escape(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	char *out = malloc(4 * len + 1); /* at most 4 bytes for each byte */
	if (!out)
		return NULL;
	while (i < len) {
		size_t start = i;
		if (jx_utf8_next(s, len, &i) < 0) {
			snprintf(out + o, 5, "\\x%02X", (unsigned char)s[start]);
			o += 4;
			i = start + 1;
		} else {
			memcpy(out + o, s + start, i - start);
			o += i - start;
		}
	}
	out[o] = '\0';
	return out;
}

size_t jx_text_control_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (*p == '\0')
		return 0;
	if (*p < 0x20 || *p == 0x7f)
		return 1;
	return p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f ? 2 : 0;
}

char *jx_text_escape(const char *s)
{
	char *u = jx_utf8_escape(s);
	size_t extra = 0, n;
	for (const char *p = u; u && *p; p += n ? n : 1)
		extra += 3 * (n = jx_text_control_len(p)); /* each of its bytes becomes four */
	if (!u || extra == 0)
		return u;
	char *out = malloc(strlen(u) + extra + 1), *o = out;
	for (const char *p = u; out && *p;) {
		n = jx_text_control_len(p);
		if (n == 0)
			*o++ = *p++;
		for (; n > 0; n--)
			o += sprintf(o, "\\x%02X", (unsigned char)*p++);
	}
	if (out)
		*o = '\0';
	free(u);
	return out;
}

/* ------------------------------------------------------------ doubles */

char *jx_fixed(char *buf, double x, int places)
{
	if (places < 0)
		places = 0;
	if (places > 9)
		places = 9;
	if (!isfinite(x) || fabs(x) >= 1e15) {
		snprintf(buf, JX_FIXED_BUFSZ, "%.*g", 17, x);
		return buf;
	}
	/* The binary value's exact digits, 24 beyond those kept: glibc prints
	 * them exactly, and no double below 10^15 comes within 10^-30 of a
	 * tie without being one, so the first dropped digit decides. */
	char digits[64];
	int len = snprintf(digits, sizeof(digits), "%.*f", places + 24, fabs(x));
	int keep = len - 24; /* the digits up to the last kept decimal */
	if (places == 0)
		keep--;          /* and no point */
	bool up = digits[len - 24] >= '5';
	digits[keep] = '\0';
	for (int i = keep - 1; up && i >= 0; i--) {
		if (digits[i] == '.')
			continue;
		if (digits[i] == '9') {
			digits[i] = '0';
		} else {
			digits[i]++;
			up = false;
		}
	}
	bool zero = !up && strspn(digits, "0.") == (size_t)keep;
	size_t n = 0;
	if (x < 0 && !zero)
		buf[n++] = '-';
	if (up)
		buf[n++] = '1'; /* 99.995 -> 100.00 */
	memcpy(buf + n, digits, (size_t)keep + 1); /* at most 25 bytes with the NUL */
	return buf;
}

char *jx_shortest(char *buf, double v)
{
	int digits = 0;
	do /* at most 15 significant digits: no binary noise */
		snprintf(buf, JX_SHORTEST_BUFSZ, "%.*g", ++digits, v);
	while (digits < 15 && strtod(buf, NULL) != v);
	double mag = fabs(v);
	if (strchr(buf, 'e') && mag >= 1e-4 && mag < 1e15) { /* 50, not 5e+01 */
		int places = digits - 1 - (int)floor(log10(mag));
		snprintf(buf, JX_SHORTEST_BUFSZ, "%.*f", places > 0 ? places : 0, v);
	}
	return buf;
}
