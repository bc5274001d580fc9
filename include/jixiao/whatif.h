/*
 * jixiao/whatif.h - what-if experiments: change a copy of an evaluation and
 * score it again with the same engine, so a what-if without changes gives
 * exactly the base result.
 */
#ifndef JIXIAO_WHATIF_H
#define JIXIAO_WHATIF_H

#include "jixiao/findings.h"
#include "jixiao/score.h"

#include <stddef.h>

/** A scored variant of an evaluation; release with jx_whatif_release. */
typedef struct jx_whatif {
	const char *label;  /**< what was changed, in Chinese */
	jx_doc *doc;        /**< the changed copy */
	jx_result *result;  /**< its score */
	jx_dec delta;       /**< its total minus the base total */
} jx_whatif;

/**
 * Score base's evaluation with the leaves at the given indices (into
 * doc->leaves) scored as reverse indicators. Returns 0 or an error code
 * (problems go to diags).
 */
int jx_whatif_reverse(jx_whatif *out, const jx_result *base, const size_t *leaves, size_t n,
		      jx_diags *diags);

/**
 * The what-ifs that findings imply: today the cost indicators that
 * `cost-direction` found, scored as reverse indicators. Fills at most max
 * entries of out and returns how many, or a negative error code.
 */
int jx_whatif_from_findings(jx_whatif *out, size_t max, const jx_result *base,
			    const jx_findings *f, jx_diags *diags);

void jx_whatif_release(jx_whatif *w);

#endif
