/*
 * jixiao/findings.h - what a re-scorer notices in a scored evaluation:
 * points lost without a reason, claims that do not follow, cost indicators
 * written the wrong way round, targets set at last year's result… Each
 * finding has a stable code, a severity, the indicator and line, and a
 * Chinese message with the numbers. Findings read the result; they never
 * score the document again.
 */
#ifndef JIXIAO_FINDINGS_H
#define JIXIAO_FINDINGS_H

#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How much a finding matters. */
typedef enum jx_fseverity {
	JX_FIND_ERROR,   /**< a claimed number that is wrong */
	JX_FIND_WARNING, /**< a table that needs fixing or explaining */
	JX_FIND_INFO     /**< worth knowing */
} jx_fseverity;

/** One finding. The message is owned by the list. */
typedef struct jx_finding {
	const char *code;       /**< stable: "shortfall", "cost-direction", … (docs/report.md) */
	jx_fseverity severity;
	const jx_node *node;    /**< the indicator, or NULL (funds row, whole table) */
	bool funds;             /**< about the funds row */
	unsigned line;          /**< line in the evaluation file, 0 when none */
	char *message;          /**< Chinese, with the numbers; NULL with JX_FINDINGS_NO_MESSAGES */
	bool has_alt;           /**< cost-direction: the score as a reverse indicator */
	jx_dec alt_rate, alt_score;
} jx_finding;

/**
 * The findings of one result, in document order: a caller-owned struct that
 * owns the messages, emptied with jx_findings_release. A finding's node
 * points into the result's document, which must outlive the list.
 */
typedef struct jx_findings {
	jx_finding *items;
	size_t count, cap;
} jx_findings;

/**
 * Compute the findings of r into f (initialised here; free with
 * jx_findings_release). Returns 0, or JX_ENOMEM with f empty.
 */
int jx_findings_run(jx_findings *f, const jx_result *r);

/** Options of jx_findings_collect. */
enum {
	JX_FINDINGS_NO_MESSAGES = 1 /**< leave every message NULL (counting is all that is needed) */
};

/** jx_findings_run with options (flags: JX_FINDINGS_…). */
int jx_findings_collect(jx_findings *f, const jx_result *r, int flags);

/** Free the messages and the array; f is empty afterwards. */
void jx_findings_release(jx_findings *f);

/** Number of findings of a severity. */
size_t jx_findings_count(const jx_findings *f, jx_fseverity s);

/** "error", "warning", "info". */
const char *jx_fseverity_name(jx_fseverity s);

/** "错误", "警告", "提示". */
const char *jx_fseverity_label(jx_fseverity s);

/**
 * A draft 偏差原因 stating the facts of a leaf that fell short or went
 * over: "实际完成 44.75万元，低于指标值 60万元，完成率 74.58%，扣 2.54 分".
 * Writes at most n bytes into buf (NUL-terminated) and returns buf.
 */
char *jx_findings_draft(char *buf, size_t n, const jx_result *r, const jx_leaf_result *lr);

/**
 * The draft of jx_findings_draft whole, however long the target and actual
 * texts it quotes. Returns 0 with *out set (the caller frees it with free),
 * or JX_ENOMEM with *out NULL.
 */
int jx_findings_draft_text(char **out, const jx_result *r, const jx_leaf_result *lr);

/** True when a deviation text says nothing ("", "无", "偏差在合理范围内", …). */
bool jx_findings_is_stock_reason(const char *text);

#ifdef __cplusplus
}
#endif

#endif
