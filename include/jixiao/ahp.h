/*
 * jixiao/ahp.h - weights from pairwise comparisons (层次分析法, AHP): the
 * principal eigenvector of each comparison matrix (GSL), λmax, the
 * consistency index and ratio, and the most inconsistent comparison.
 */
#ifndef JIXIAO_AHP_H
#define JIXIAO_AHP_H

#include "jixiao/diag.h"
#include "jixiao/whatif.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Largest comparison matrix (the random-index tables end at 15). */
#define JX_AHP_MAX_N 15

/** Which random-index table divides CI into CR. */
typedef enum jx_ri_table {
	JX_RI_CLASSIC,   /**< Saaty's original table, used in Chinese textbooks (default) */
	JX_RI_SAATY2005, /**< Saaty's later table */
	JX_RI_DD         /**< Donegan & Dodd (1991) */
} jx_ri_table;

/** One comparison matrix and what it gives. */
typedef struct jx_ahp_matrix {
	const char *path;        /**< the group whose children are compared; "" for level 1 */
	unsigned line, col;      /**< where it is in the file */
	size_t n;
	const char *const *criteria;
	double *a;               /**< n × n, row by row, reciprocals completed */
	double *weights;         /**< principal eigenvector, summing to 1 */
	double lambda_max, ci, ri, cr;
	bool consistent;         /**< CR < 0.10 */
	size_t worst_i, worst_j; /**< the comparison furthest from the weights' ratio */
	double worst_implied;    /**< w_i / w_j, what a consistent a_ij would be */
} jx_ahp_matrix;

/** A loaded and computed comparison file. Free with jx_ahp_free. */
typedef struct jx_ahp {
	const char *path;
	jx_ri_table ri;
	jx_ahp_matrix *matrices;
	size_t nmatrices;
	void *priv;              /**< the library's own storage: not for callers */
} jx_ahp;

/**
 * Load a pairwise-comparison file (`jixiao-ahp: 1`, `criteria` with a full
 * `matrix` or upper-triangle `pairs`, or a list of such under `matrices`,
 * each with the `path` of the group it weights) and compute every matrix.
 * Problems go to diags with their line and column. Turns GSL's
 * abort-on-error handler off for the whole process
 * (gsl_set_error_handler_off). Returns 0 with *out set (the caller frees it
 * with jx_ahp_free), or an error code with *out NULL.
 */
int jx_ahp_load(jx_ahp **out, const char *path, jx_ri_table ri, jx_diags *diags);

/** The same from text in memory (copied); name is used in diagnostics. */
int jx_ahp_parse(jx_ahp **out, const char *name, const char *text, size_t len, jx_ri_table ri,
		 jx_diags *diags);

/** Free a and everything it owns; NULL does nothing. */
void jx_ahp_free(jx_ahp *a);

/** The random index of an n × n matrix in a table (0 for n ≤ 2). */
double jx_ahp_ri(jx_ri_table t, size_t n);

/** "classic", "saaty2005", "dd"; 0 or JX_EINVAL for an unknown name. */
int jx_ahp_ri_parse(const char *name, jx_ri_table *out);

/**
 * A warning in diags, at the matrix, for each matrix whose consistency ratio
 * is not acceptable (CR ≥ 0.10), naming its most inconsistent comparison:
 * for a run that uses the weights without showing them (`ahp --apply`).
 */
void jx_ahp_warn(const jx_ahp *a, jx_diags *diags);

/** Weights, λmax, CI, CR and a warning for inconsistent matrices, for people.
 * The writers return 0, JX_EIO when writing to out failed, or JX_ENOMEM. */
int jx_ahp_write_text(FILE *out, const jx_ahp *a);

/** {"matrices": [{"path", "criteria", "weights", "lambda_max", "ci", "ri", "cr", "consistent"}]} */
int jx_ahp_write_json(FILE *out, const jx_ahp *a);

/** The what-if of `ahp --apply` (jx_whatif_write_json's object) with the
 * matrices it applied under "ahp" (jx_ahp_write_json's object). */
int jx_ahp_write_applied_json(FILE *out, const jx_ahp *a, const jx_whatif *w);

#ifdef __cplusplus
}
#endif

#endif
