/*
 * jixiao/entropy.h - entropy weights (熵权法) of the level-1 or level-2 groups
 * from the attainments of a set of evaluations: criteria on which the
 * evaluations differ more carry more weight.
 */
#ifndef JIXIAO_ENTROPY_H
#define JIXIAO_ENTROPY_H

#include "jixiao/diag.h"
#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Entropy weights: a caller-owned struct that owns its arrays; criterion
 * names may point into the results' documents, which must outlive it.
 * Release with jx_entropy_release. */
typedef struct jx_entropy {
	int level;
	size_t m;              /**< evaluations */
	size_t k;              /**< criteria */
	const char **criteria;
	double *e;             /**< entropy of each criterion, in [0, 1] */
	double *w;             /**< weight of each criterion, summing to 1 */
	bool *constant;        /**< the attainments of this criterion are all equal */
	bool equal_fallback;   /**< every criterion constant: equal weights */
	void *priv;            /**< the library's own storage: not for callers */
} jx_entropy;

/**
 * p_ij = x_ij / Σ_i x_ij on the attainments x, e_j = −(1/ln m) Σ_i p_ij ln p_ij
 * with 0·ln 0 = 0, w_j = (1 − e_j) / Σ(1 − e). A constant column (all
 * attainments equal, or all 0) has e = 1 and weight 0; when every column
 * is constant the weights are equal. Needs at least 2 evaluations sharing
 * their criteria. Returns 0, or an error code (JX_EINVAL with the problem in
 * diags, JX_ENOMEM) with *out cleared.
 */
int jx_entropy_run(jx_entropy *out, const jx_result *const *results, size_t m, int level,
		   jx_diags *diags);

/** Free what e owns; e is cleared afterwards. */
void jx_entropy_release(jx_entropy *e);

/** The weights and entropies as a table, for people. The writers return 0,
 * JX_EIO when writing to out failed, or JX_ENOMEM. */
int jx_entropy_write_text(FILE *out, const jx_entropy *e);

/** {"level", "evaluations", "weights": {name: w}, "entropy": {name: e}, "constant": [...]} */
int jx_entropy_write_json(FILE *out, const jx_entropy *e);

#ifdef __cplusplus
}
#endif

#endif
