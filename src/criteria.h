/*
 * criteria.h - the criteria of a scored evaluation for experiments that
 * reweight it (sensitivity, entropy weights): the funds row and the groups
 * of level 1 or 2, each with its weight and attainment (score ÷ weight).
 */
#ifndef JX_CRITERIA_H
#define JX_CRITERIA_H

#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>

/** Most criteria an experiment compares (see docs/limits.md). */
#define JX_MAX_CRITERIA 64

typedef struct jx_criterion {
	const char *name;
	double weight;
	double attain;  /**< score ÷ weight */
	double applies; /**< the part of weight that applies (not n/a) ÷ weight */
	double rate;    /**< score ÷ the part of weight that applies; NaN when none does */
} jx_criterion;

/** Level-2 criterion names ("产出指标/数量指标"), allocated. */
typedef struct jx_criteria_names {
	char *name[JX_MAX_CRITERIA];
	size_t n;
	bool oom; /**< a name could not be allocated */
} jx_criteria_names;

/**
 * The weighted criteria of r at level 1 or 2 into out (JX_MAX_CRITERIA):
 * the funds row when it applies ("预算执行率"), then the level-1 groups, or
 * the level-2 groups (and level-1 leaves). Criteria of weight 0 are left
 * out. Names point into r's document or into names (freed with
 * jx_criteria_names_release). Returns how many there are, which may be more
 * than the JX_MAX_CRITERIA kept.
 */
size_t jx_criteria(const jx_result *r, int level, jx_criterion *out, jx_criteria_names *names);

void jx_criteria_names_release(jx_criteria_names *names);

/** The criteria several results share, as a table (rows: results). */
typedef struct jx_criteria_table {
	size_t n, k;
	const char **names;         /**< k names, in the first result's order */
	double *weight;             /**< n × k */
	double *attain;             /**< n × k */
	double *applies;            /**< n × k */
	double *rate;               /**< n × k */
	jx_criteria_names *storage; /**< where level-2 names live */
} jx_criteria_table;

/**
 * Build the table of the criteria that all results have (same names, any
 * order), at least min_k of them; otherwise an error naming the file that
 * differs. Release with jx_criteria_table_release.
 */
int jx_criteria_table_build(jx_criteria_table *t, const jx_result *const *results, size_t n,
			    int level, size_t min_k, jx_diags *diags);

void jx_criteria_table_release(jx_criteria_table *t);

/** A decimal as a double, for experiments only. */
double jx_dec_to_double(jx_dec d);

#endif
