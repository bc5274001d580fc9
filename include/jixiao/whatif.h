/*
 * jixiao/whatif.h - what-if experiments (docs/whatif.md): change a copy of an
 * evaluation (weights, actual values, the rule set) and score it again with
 * the same engine, so a what-if without changes gives exactly the base result.
 */
#ifndef JIXIAO_WHATIF_H
#define JIXIAO_WHATIF_H

#include "jixiao/findings.h"
#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One change, as the user asked for it: "产出指标=50", "办公费=60万元". */
typedef struct jx_whatif_set {
	const char *path;  /**< indicator path or unique name; "funds" for the funds weight */
	const char *value; /**< the new weight or actual value, as text */
} jx_whatif_set;

/** What to change. Everything is borrowed. */
typedef struct jx_whatif_spec {
	const jx_whatif_set *weights;
	size_t nweights;
	const jx_whatif_set *actuals;
	size_t nactuals;
	bool standard_weights;  /**< apply the rule set's standard_weights to level 1 and funds */
	const jx_rules *rules;  /**< score under these instead (NULL: the base rules) */
} jx_whatif_spec;

/** A change made, for the side-by-side output. */
typedef struct jx_whatif_change {
	const jx_node *node;   /**< in the changed copy; NULL for funds or the rule set */
	const char *field;     /**< "weight", "actual", "rules" */
	char *from, *to;      /**< as text (owned) */
} jx_whatif_change;

/**
 * A scored variant of an evaluation: a caller-owned struct that owns label,
 * doc, result and changes; release with jx_whatif_release, before the base
 * result it borrows.
 */
typedef struct jx_whatif {
	char *label;               /**< what was changed, in Chinese (owned) */
	const jx_result *base;     /**< borrowed */
	jx_doc *doc;               /**< the changed copy */
	jx_result *result;         /**< its score */
	jx_dec delta;              /**< its total minus the base total */
	jx_whatif_change *changes;
	size_t nchanges;
} jx_whatif;

/**
 * Build and score the what-if of spec on base's evaluation. Every setting is
 * known before any is made, so their order does not matter: a node is set
 * once (two different values for it are an error; a weight replaces a
 * standard weight), and the weights are set together by jx_doc_set_weights
 * at the rule set's decimals (settings inside a group keep their weights).
 * changes and label list exactly the values the what-if uses. Problems go to
 * diags, each naming the option it comes from ("--weight 产出指标=50: …");
 * every failure has one. Returns 0, or an error code with *out cleared.
 */
int jx_whatif_run(jx_whatif *out, const jx_result *base, const jx_whatif_spec *spec,
		  jx_diags *diags);

/**
 * Score base's evaluation with the leaves at the given indices (into
 * doc->leaves; others are ignored) scored as reverse indicators. Returns 0,
 * or an error code with *out cleared.
 */
int jx_whatif_reverse(jx_whatif *out, const jx_result *base, const size_t *leaves, size_t n,
		      jx_diags *diags);

/**
 * The what-ifs that findings imply: today the cost indicators that
 * `cost-direction` found, scored as reverse indicators. Fills at most max
 * entries of out and returns how many (each to release with
 * jx_whatif_release), or the JX_E… code of jx_whatif_reverse with none
 * filled.
 */
int jx_whatif_from_findings(jx_whatif *out, size_t max, const jx_result *base,
			    const jx_findings *f, jx_diags *diags);

/** Free what w owns; w is cleared afterwards. */
void jx_whatif_release(jx_whatif *w);

/** Base and what-if side by side, for a terminal: changed leaves, level 1, total, grade. */
int jx_whatif_write_text(FILE *out, const jx_whatif *w);

/** {"base": RESULT, "whatif": RESULT, "changes": [...]} (docs/whatif.md). */
int jx_whatif_write_json(FILE *out, const jx_whatif *w);

#ifdef __cplusplus
}
#endif

#endif
