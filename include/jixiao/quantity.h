/*
 * jixiao/quantity.h - the values of a 自评表 cell: targets such as ">=200份",
 * "≤60万元", "90%-95%", "9月前" or "达成预期指标", and actual values.
 */
#ifndef JIXIAO_QUANTITY_H
#define JIXIAO_QUANTITY_H

#include "jixiao/decimal.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a cell holds. */
typedef enum jx_qkind {
	JX_Q_NA,     /**< not applicable: "/", "—", "不适用", empty */
	JX_Q_NUMBER, /**< [op] number [unit] */
	JX_Q_RANGE,  /**< number [unit] SEP number [unit] */
	JX_Q_TIME,   /**< a deadline (target) or a month or date (actual) */
	JX_Q_TEXT    /**< qualitative text ("达成预期指标", "部分达成(70%)") */
} jx_qkind;

/** Comparison operator of a numeric target. */
typedef enum jx_op {
	JX_OP_NONE, /**< no operator written: means "=" */
	JX_OP_GE,
	JX_OP_GT,
	JX_OP_EQ,
	JX_OP_LE,
	JX_OP_LT
} jx_op;

/** Class of a unit. */
typedef enum jx_ukind {
	JX_UNIT_NONE,    /**< no unit */
	JX_UNIT_PERCENT, /**< "%", "％", "百分比" */
	JX_UNIT_MONEY,   /**< "元", "千元", "万元", "百万元", "亿元" */
	JX_UNIT_OTHER    /**< any other text ("份", "场", "辆") */
} jx_ukind;

/** Longest unit text kept, in bytes. */
#define JX_UNIT_MAX 47

typedef struct jx_unit {
	jx_ukind kind;
	int money_exp;               /**< money: 元 0, 千元 3, 万元 4, 百万元 6, 亿元 8 */
	char text[JX_UNIT_MAX + 1];  /**< as written, trimmed ("万元", "%", "场") */
} jx_unit;

/** How a deadline target is met. */
typedef enum jx_deadline {
	JX_DL_NONE,         /**< not a deadline (an actual month or date) */
	JX_DL_BEFORE_MONTH, /**< "9月前": an actual month before 9 */
	JX_DL_BY_MONTH_END, /**< "11月底前": an actual month up to and including 11 */
	JX_DL_BY_DATE       /**< "2024年6月30日前": an actual date on or before it */
} jx_deadline;

/** A month or date; year 0 means "the evaluation's year", day 0 "the whole month". */
typedef struct jx_when {
	int year, month, day;
	jx_deadline deadline;
} jx_when;

/**
 * A parsed cell. A plain value: text points into the string that was
 * parsed (which must outlive it); everything else is copied.
 */
typedef struct jx_quantity {
	jx_qkind kind;
	jx_op op;           /**< NUMBER */
	jx_dec value;       /**< NUMBER: the value; RANGE: the low end */
	jx_dec high;        /**< RANGE: the high end */
	int places;         /**< fraction digits of value as written */
	jx_unit unit;       /**< NUMBER, RANGE */
	jx_when when;       /**< TIME */
	const char *text;   /**< TEXT: the level text without "(70%)" */
	size_t text_len;
	bool has_pct;       /**< TEXT: an explicit percentage was given */
	jx_dec pct;         /**< TEXT: that percentage (70 for "(70%)") */
} jx_quantity;

/** Where the cell appears: targets may carry operators and deadlines. */
typedef enum jx_qrole {
	JX_QROLE_TARGET,
	JX_QROLE_ACTUAL
} jx_qrole;

/** Why a cell could not be parsed. */
typedef struct jx_qerror {
	size_t col;        /**< 0-based character offset in the parsed string */
	char message[160]; /**< lower-case, no full stop */
} jx_qerror;

/**
 * Parse s[0..len) as a cell in the given role. Returns 0, or JX_EINVAL with
 * *err (when not NULL) naming the column and the problem.
 */
int jx_quantity_parse(jx_quantity *out, const char *s, size_t len, jx_qrole role,
		      jx_qerror *err);

/** True when s[0..len) marks a cell that does not apply ("/", "—", "不适用"…),
 * as jx_quantity_parse would read it (JX_Q_NA), without parsing the rest. */
bool jx_quantity_is_na(const char *s, size_t len);

/** The unit class and money exponent of a unit text (already trimmed). */
void jx_unit_classify(jx_unit *u, const char *text, size_t len);

/**
 * Whether an actual's unit fits the target's: the same class and text,
 * both money (converted), or the actual has none.
 */
bool jx_unit_compatible(const jx_unit *target, const jx_unit *actual);

/** The operator as it is usually printed ("≥", "≤", "=", …; "" for none). */
const char *jx_op_symbol(jx_op op);

/** Number of days in month (1-12) of year (0: a leap year, so 29 February passes). */
int jx_days_in_month(int year, int month);

#ifdef __cplusplus
}
#endif

#endif
