/*
 * jixiao/score.h - scoring an evaluation under a rule set (docs/rules.md): every
 * completion rate, leaf score, group subtotal, the funds score, the total and
 * the grade, exactly, with every intermediate value kept for explanation.
 */
#ifndef JIXIAO_SCORE_H
#define JIXIAO_SCORE_H

#include "jixiao/decimal.h"
#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/rules.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The score of one leaf and how it was reached. */
typedef struct jx_leaf_result {
	const jx_node *node;
	bool na;                     /**< not applicable: no rate, no score */
	jx_direction direction;      /**< as scored */
	bool reversed_by_rules;      /**< the rule set's reverse_groups made it reverse */
	const jx_rule *rule;         /**< the rule applied */
	const jx_rule *levels_rule;  /**< qualitative: the rule whose levels gave the rate */
	const jx_level *level;       /**< qualitative: the level named by the actual */
	jx_frac a, b;                /**< target and actual, in a common unit (numbers, ranges) */
	jx_frac a_high;              /**< range: the high end */
	int unit_exp;                /**< money: a and b are in 10^unit_exp 元 */
	jx_frac rate;                /**< exact completion rate (1 = 100%) */
	jx_dec rate_pct;             /**< displayed rate in percent, rate_decimals */
	jx_frac rate_used;           /**< the rate the rule saw (rounded with score_from) */
	jx_frac factor;              /**< share of the weight scored (score = weight × factor) */
	jx_frac score_exact;
	jx_dec weight;
	jx_dec score;                /**< rounded once, the rule set's decimals */
	jx_dec lost;                 /**< weight - score */
	jx_dec lost_in_total;        /**< this leaf's part of max - total (lost, rescaled with n/a) */
	bool rate_mismatch;          /**< a claimed rate that does not follow */
	bool score_mismatch;         /**< a claimed score that does not follow */
} jx_leaf_result;

/** A group's subtotal. */
typedef struct jx_group_result {
	const jx_node *node;
	jx_dec weight;
	jx_dec max;   /**< the points it counts for in the total's max: its weight,
		       * less its indicators that do not apply when the rule set
		       * drops them (not_applicable: drop) */
	jx_dec score; /**< sum of the children's rounded scores */
	jx_dec na_weight; /**< weight of its indicators that do not apply */
	jx_dec lost_in_total; /**< sum of its leaves' parts of max - total */
} jx_group_result;

/** The 预算执行率 row. */
typedef struct jx_funds_result {
	bool present;
	bool na;            /**< budget and execution both 0 */
	const jx_rule *rule;
	jx_dec weight;
	jx_frac rate;
	jx_dec rate_pct;
	jx_frac rate_used;      /**< the rate the rule saw (rounded with score_from) */
	jx_frac factor;
	jx_frac score_exact;
	jx_dec score;
	jx_dec lost;
	jx_dec lost_in_total;   /**< its part of max - total */
	bool rate_mismatch, score_mismatch;
} jx_funds_result;

/**
 * A scored evaluation, from jx_score_run, freed with jx_result_free. It owns
 * its arrays; it borrows the document and the rule set (and the leaf and
 * group results point into them), which must outlive it.
 */
typedef struct jx_result {
	const jx_doc *doc;
	const jx_rules *rules;
	jx_leaf_result *leaves;   /**< parallel to doc->leaves */
	size_t nleaves;
	jx_group_result *groups;  /**< parallel to doc->groups */
	size_t ngroups;
	jx_funds_result funds;
	jx_dec raw;               /**< funds score + level-1 scores */
	jx_dec max;               /**< funds weight + level-1 weights (less n/a with drop) */
	jx_dec na_weight;         /**< weight of what does not apply */
	jx_dec applicable;        /**< max - na_weight: the points that could be scored */
	jx_frac total_exact;      /**< raw, or raw rescaled for n/a */
	jx_dec total;
	const jx_grade *grade;
	bool total_mismatch, grade_mismatch;
	size_t mismatches;        /**< claimed values that do not follow, all kinds */
} jx_result;

/**
 * Score doc under rules. Problems that only the rule set reveals (an
 * unknown rule name, an actual naming no level) go to diags at the line of
 * the evaluation file; then JX_EINVAL is returned and *out is NULL, as for
 * a partial document (jx_doc_load_partial). A total out of the exact range
 * is JX_ERANGE, memory JX_ENOMEM. On success the caller frees *out with
 * jx_result_free, before doc and rules.
 */
int jx_score_run(jx_result **out, const jx_doc *doc, const jx_rules *rules, jx_diags *diags);

/**
 * The problems jx_score_run would find while binding (an unknown rule name,
 * an actual naming no level, a weight with too many places …) in a document
 * that could not be loaded whole (jx_doc_load_partial). Of the leaves and
 * the funds section marked `faulty`, only the rule name is checked. Nothing
 * is scored. Returns 0 when it found nothing, else JX_EINVAL.
 */
int jx_score_check(const jx_doc *partial, const jx_rules *rules, jx_diags *diags);

/** Free r (not the document or rule set it borrows); NULL does nothing. */
void jx_result_free(jx_result *r);

/**
 * A step rule's reckoning of a rate below its full_at: *gap = full_at −
 * rate and *steps = ⌈gap / per⌉, the steps started (capped far past any
 * weight). Returns 0, or an error code when the numbers are out of range.
 */
int jx_score_steps(const jx_rule *r, jx_frac rate, jx_frac *gap, long long *steps);

/**
 * The rate and score a numeric leaf scored as positive would have as a
 * reverse indicator (rate A / B) under the same rule and rounding, from the
 * values kept in its result. Returns JX_EINVAL for other leaves.
 */
int jx_score_leaf_reversed(const jx_result *r, const jx_leaf_result *lr, jx_dec *rate_pct,
			   jx_dec *score);

/** The score and the part of max - total of any node, leaf or group. */
void jx_result_node(const jx_result *r, const jx_node *node, jx_dec *score, jx_dec *lost_in_total);

/** The result of a leaf node of r's document (owned by r; NULL for a group). */
const jx_leaf_result *jx_result_leaf(const jx_result *r, const jx_node *node);

/** The result of a group node of r's document (owned by r; NULL for a leaf). */
const jx_group_result *jx_result_group(const jx_result *r, const jx_node *node);

/**
 * The points a leaf or group counts for in the total's max: its weight, less
 * what does not apply when the rule set drops it (not_applicable: drop).
 */
jx_dec jx_result_node_max(const jx_result *r, const jx_node *node);

/** The same for the funds row: 0 when it does not apply and is dropped. */
jx_dec jx_result_funds_max(const jx_result *r);

#ifdef __cplusplus
}
#endif

#endif
