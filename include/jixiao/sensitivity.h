/*
 * jixiao/sensitivity.h - Monte Carlo weight sensitivity: does a grade hang on
 * the weights someone chose? Weight vectors are drawn on the simplex
 * (Dirichlet, GSL), each criterion's attainment (score ÷ weight) is kept,
 * and the totals, grades and — for several files — ranks are counted
 * (SMAA-2: rank acceptability, central weights). An experiment: it uses
 * floating point, never the exact scoring path.
 */
#ifndef JIXIAO_SENSITIVITY_H
#define JIXIAO_SENSITIVITY_H

#include "jixiao/diag.h"
#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Limits (see docs/limits.md). */
#define JX_SENS_MAX_SAMPLES 1000000
#define JX_SENS_MAX_CELLS 20000000 /**< samples × files */
#define JX_SENS_MAX_FILES 1000     /**< files ranked at once: each has a probability per rank */
#define JX_SENS_BINS 20            /**< histogram bins */

typedef struct jx_sens_opts {
	size_t samples;       /**< number of weight vectors drawn */
	unsigned long seed;   /**< seed of the generator */
	int level;            /**< criteria: 1 (level-1 groups and funds) or 2 */
	double concentration; /**< K of Dirichlet(K·w0); 0 for uniform on the simplex */
	int jobs;             /**< threads; never changes the results */
} jx_sens_opts;

/** What the draws say about one file. Arrays are owned by the jx_sens. */
typedef struct jx_sens_file {
	const jx_result *result;
	double base_total;
	double mean, sd;
	double q[5];            /**< 5, 25, 50, 75, 95% quantiles of the total */
	double *grades;         /**< probability of each grade of the rule set, in its order */
	size_t base_grade;      /**< index of the base grade */
	double p_change;        /**< probability the grade differs from the base grade */
	double *influence;      /**< per criterion: mean weight share when the grade changes
				     minus when it does not (0 when it never changes) */
	double *ranks;          /**< probability of each rank, 1 first (several files);
				 * equal totals share the better rank */
	double *central;        /**< mean weights when ranked first (several files) */
	bool has_central;
	double lo, hi;          /**< histogram range */
	size_t hist[JX_SENS_BINS];
} jx_sens_file;

/** A sensitivity run: a caller-owned struct that owns its arrays and borrows
 * the results and their documents. Release with jx_sens_release. */
typedef struct jx_sens {
	const char *generator;  /**< "mt19937" */
	jx_sens_opts opts;
	size_t ncriteria;
	const char **criteria;  /**< criterion names (borrowed from the documents) */
	double *alpha;          /**< Dirichlet parameters */
	jx_sens_file *files;
	size_t nfiles;
	double kendall_tau;     /**< mean Kendall tau, base ranking vs each sample's (several files) */
	bool ties;              /**< some sample gave files equal totals: they shared a rank */
	void *priv;             /**< the library's own storage: not for callers */
} jx_sens;

/**
 * Whether n files can be analysed with opts: the limits above on files,
 * samples and samples × files, and the level. Problems go to diags. Returns
 * 0, JX_ELIMIT or JX_EINVAL; jx_sens_run checks the same, and a caller
 * checks before loading the files, which may take far more memory.
 */
int jx_sens_check(size_t n, const jx_sens_opts *opts, jx_diags *diags);

/**
 * Draw and count. All results must share their criteria (the level-1 or
 * level-2 group names). Problems go to diags. The same options give the
 * same numbers, whatever jobs is. Turns GSL's abort-on-error handler off for
 * the whole process (gsl_set_error_handler_off). Returns 0, or an error code
 * (JX_EINVAL, JX_ELIMIT beyond the limits above, JX_ENOMEM) with *out cleared.
 */
int jx_sens_run(jx_sens *out, const jx_result *const *results, size_t n, const jx_sens_opts *opts,
		jx_diags *diags);

/** Free what s owns; s is cleared afterwards. */
void jx_sens_release(jx_sens *s);

/** Text with bar charts, for a terminal. The writers return 0, JX_EIO when
 * writing to out failed, or JX_ENOMEM. */
int jx_sens_write_text(FILE *out, const jx_sens *s);

/** JSON as docs/whatif.md describes (keys may be added). */
int jx_sens_write_json(FILE *out, const jx_sens *s);

/** One HTML page with an SVG histogram per file. */
int jx_sens_write_html(FILE *out, const jx_sens *s);

#ifdef __cplusplus
}
#endif

#endif
