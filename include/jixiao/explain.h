/*
 * jixiao/explain.h - the computation trace of a score: how the target and
 * actual were read, which rule applied (and which rule-set file says so),
 * the exact rate and score, the rounding, the points lost, and how the
 * claimed values compare. Text for people, JSON for tools.
 */
#ifndef JIXIAO_EXPLAIN_H
#define JIXIAO_EXPLAIN_H

#include "jixiao/score.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What to explain: one leaf, the funds row, or everything. */
typedef struct jx_explain_what {
	const jx_leaf_result *leaf; /**< one leaf, or NULL */
	bool funds;                 /**< the funds row (when leaf is NULL) */
} jx_explain_what;

/**
 * Write the trace of what (everything when both members are empty: the
 * funds row, every leaf, then the total). Returns 0 or JX_EIO; the JSON
 * writer may also return JX_ENOMEM.
 */
int jx_explain_write_text(FILE *out, const jx_result *r, jx_explain_what what);

/** The same as JSON: {"file", "rules", "items": [...], "total": {...}}. */
int jx_explain_write_json(FILE *out, const jx_result *r, jx_explain_what what);

#ifdef __cplusplus
}
#endif

#endif
