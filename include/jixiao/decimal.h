/*
 * jixiao/decimal.h - exact decimal numbers and exact fractions.
 * Everything on the scoring path is computed with these; no binary floating point.
 */
#ifndef JIXIAO_DECIMAL_H
#define JIXIAO_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Number of fraction digits a decimal keeps. */
#define JX_DEC_PLACES 6
/** 10^JX_DEC_PLACES: a decimal's units per whole number. */
#define JX_DEC_SCALE INT64_C(1000000)
/** Decimals must be strictly smaller than this in magnitude (10^12). */
#define JX_DEC_LIMIT INT64_C(1000000000000)
/** A buffer of this size holds any formatted decimal, separators included. */
#define JX_DEC_BUFSZ 64

/**
 * An exact decimal: value × 10^6 as a 64-bit integer, |value| < 10^12.
 * Plain value type; nothing to free.
 */
typedef struct jx_dec {
	int64_t units;
} jx_dec;

/** How a value is rounded to a number of decimal places. */
typedef enum jx_rounding {
	JX_ROUND_HALF_UP,   /**< ties away from zero: 2.675 -> 2.68 */
	JX_ROUND_HALF_EVEN, /**< ties to the even digit: 2.665 -> 2.66 */
	JX_ROUND_DOWN       /**< towards zero: 2.679 -> 2.67 */
} jx_rounding;

/** Why a decimal could not be parsed (returned as a negative code). */
enum {
	JX_DEC_ESYNTAX = -100, /**< not a number */
	JX_DEC_EPLACES = -101, /**< more than 6 fraction digits */
	JX_DEC_ERANGE = -102,  /**< magnitude 10^12 or more */
	JX_DEC_EGROUP = -103   /**< a thousands separator in the wrong place */
};

/**
 * Parse the decimal in s[0..len): optional sign, digits with optional
 * thousands separators (","), optional fraction of at most 6 digits.
 * The whole text must be the number. On success *out is the value and
 * *places (when not NULL) the number of fraction digits as written.
 * On failure returns a JX_DEC_E… code and sets *errpos (when not NULL)
 * to the byte offset of the offending character.
 */
int jx_dec_parse(jx_dec *out, int *places, const char *s, size_t len, size_t *errpos);

/**
 * Length of the longest prefix of s[0..len) that looks like a number
 * (sign, digits, separators, point); 0 when s does not start with one.
 * Used by parsers that find a number followed by other text.
 */
size_t jx_dec_span(const char *s, size_t len);

/** A message for a JX_DEC_E… code ("more than 6 decimal places"). */
const char *jx_dec_strerror(int code);

/** The decimal with value n, which must lie below 10^12 in magnitude (the
 * callers pass counts and constants; input goes through jx_dec_parse). */
jx_dec jx_dec_from_int(int64_t n);

/** a + b; returns JX_ERANGE when the result leaves the decimal range. */
int jx_dec_add(jx_dec *out, jx_dec a, jx_dec b);

/** a - b; returns JX_ERANGE when the result leaves the decimal range. */
int jx_dec_sub(jx_dec *out, jx_dec a, jx_dec b);

/** -1, 0 or 1 as a is smaller than, equal to or greater than b. */
int jx_dec_cmp(jx_dec a, jx_dec b);

/** True when d is zero. */
bool jx_dec_is_zero(jx_dec d);

/** d rounded to places (0..6) fraction digits. Rounding up a value just
 * below 10^12 gives 10^12, beyond the range; jx_frac_round reports that. */
jx_dec jx_dec_round(jx_dec d, int places, jx_rounding mode);

/**
 * Number of fraction digits needed to write d exactly (0..6):
 * 63.61 -> 2, 10 -> 0.
 */
int jx_dec_places(jx_dec d);

/** Formatting flags for jx_dec_format. */
enum {
	JX_FMT_GROUP = 1 /**< thousands separators: 2,865.28 */
};

/**
 * Write d with exactly places fraction digits (0..6) into buf, which must
 * hold JX_DEC_BUFSZ bytes; places < 0 means as few as write d exactly.
 * d must already be representable at that precision (round it first):
 * extra digits are cut, not rounded. Returns buf.
 */
char *jx_dec_format(char *buf, jx_dec d, int places, int flags);

/** An amount of money as the tables print it: as many places as d has, at
 * least 2, with thousands separators (2,927.27, 0.00). Returns buf. */
char *jx_dec_format_money(char *buf, jx_dec d);

/* ------------------------------------------------------------------ */

/** A signed 128-bit integer (GCC and Clang). */
__extension__ typedef __int128 jx_i128;

/**
 * An exact fraction num/den, den > 0, always in lowest terms.
 * Rates (B / A) and exact scores (w × rate) are fractions.
 */
typedef struct jx_frac {
	jx_i128 num;
	jx_i128 den;
} jx_frac;

/** The fraction n/d (d != 0), reduced. */
jx_frac jx_frac_make(int64_t n, int64_t d);

/** A whole number as a fraction, for constants: JX_FRAC_INT(100). */
#define JX_FRAC_INT(n) ((jx_frac){ (n), 1 })

/** The fraction equal to d. */
jx_frac jx_frac_from_dec(jx_dec d);

/** Checked arithmetic: a + b, a - b, a × b; each returns 0, or JX_ERANGE on
 * overflow with *out unchanged. */
int jx_frac_add(jx_frac *out, jx_frac a, jx_frac b);
int jx_frac_sub(jx_frac *out, jx_frac a, jx_frac b);
int jx_frac_mul(jx_frac *out, jx_frac a, jx_frac b);
/** a / b; JX_ERANGE when b is zero or on overflow. */
int jx_frac_div(jx_frac *out, jx_frac a, jx_frac b);

/** -1, 0 or 1 as a < b, a == b, a > b; exact for all fractions, never overflows. */
int jx_frac_cmp(jx_frac a, jx_frac b);

/** |a|. */
jx_frac jx_frac_abs(jx_frac a);

/** The smallest integer not below a. */
jx_i128 jx_frac_ceil(jx_frac a);

/** True when a is an integer multiple of 10^-places (a terminates within places digits). */
bool jx_frac_is_exact(jx_frac a, int places);

/**
 * a rounded to places (0..6) fraction digits. Returns JX_ERANGE when the
 * result is not a valid decimal (|value| >= 10^12).
 */
int jx_frac_round(jx_dec *out, jx_frac a, int places, jx_rounding mode);

/** Write a as "num/den" ("179/240", or "3" for an integer) into buf (JX_DEC_BUFSZ * 2 bytes). */
char *jx_frac_ratio(char *buf, jx_frac a);

/**
 * Largest-remainder apportionment: round the n non-negative shares to
 * `places` fraction digits so that they sum exactly to total. Each share is
 * cut down to a multiple of 10^-places; the units still missing go one each
 * to the largest remainders (ties to the earlier share); units in excess
 * are taken from the smallest remainders (ties from the later share).
 * Returns JX_ERANGE when a share is out of range, JX_EINVAL when total
 * cannot be reached (more units to move than shares), JX_ENOMEM.
 */
int jx_apportion(jx_dec *out, const jx_frac *shares, size_t n, jx_dec total, int places);

/**
 * Write a as a decimal with up to max_places (0..12) fraction digits into buf
 * (JX_DEC_BUFSZ bytes): exact when it terminates ("0.75"), otherwise the
 * first max_places digits followed by "…" ("0.745833…"). Returns buf.
 */
char *jx_frac_format(char *buf, jx_frac a, int max_places);

/** jx_frac_format of a share as a percentage: 0.8 → "80%", 0.745833… → "74.58…%"
 * with max_places 2 ("?" when a × 100 does not fit). Returns buf. */
char *jx_frac_format_pct(char *buf, jx_frac a, int max_places);

#ifdef __cplusplus
}
#endif

#endif
