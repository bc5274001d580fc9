/*
 * jixiao/rules.h - rule sets (赋分规则 and scoring policy) loaded from YAML:
 * rules/NAME.yaml, compiled into the library, or any file a document names.
 */
#ifndef JIXIAO_RULES_H
#define JIXIAO_RULES_H

#include "jixiao/decimal.h"
#include "jixiao/diag.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The five kinds of rule (docs/rules.md, "Rule kinds"). */
typedef enum jx_rule_kind {
	JX_RULE_RATIO,     /**< min(rate, cap); 0 below zero_below */
	JX_RULE_THRESHOLD, /**< full points at or above `at`, else 0 */
	JX_RULE_STEP,      /**< deduct points per started step below full_at */
	JX_RULE_BANDS,     /**< the score of the first band that holds */
	JX_RULE_LEVELS     /**< qualitative levels (达成 / 部分达成 / 未达成) */
} jx_rule_kind;

/** One band of a bands rule; fractions are of 1 (0.9 = 90%). */
typedef struct jx_band {
	bool has_bound; /**< false: the catch-all last band */
	jx_frac bound;  /**< min (measure rate) or max (measure deviation), inclusive */
	jx_frac score;  /**< share of the weight scored */
} jx_band;

/** One level of a levels rule. */
typedef struct jx_level {
	const char *name;
	const char *const *aliases;
	size_t naliases;
	jx_frac min, max, def; /**< allowed range and the default share */
} jx_level;

/** A named rule with its parameters. */
typedef struct jx_rule {
	const char *name;
	const char *const *aliases;
	size_t naliases;
	jx_rule_kind kind;
	jx_frac cap, zero_below;   /**< ratio */
	jx_frac at;                /**< threshold */
	jx_frac full_at, per;      /**< step */
	jx_dec deduct;             /**< step: points per started step */
	bool by_deviation;         /**< bands: measure |rate - 100%| instead of rate */
	const jx_band *bands;
	size_t nbands;
	const jx_level *levels;
	size_t nlevels;
	const char *origin;        /**< rule-set file that defined it */
	unsigned line;             /**< line there */
} jx_rule;

/** A grade band: totals at or above min get this grade. */
typedef struct jx_grade {
	jx_dec min;
	const char *name;
	const char *const *aliases;
	size_t naliases;
} jx_grade;

/** An expected level-1 weight (name "funds" for the funds section). */
typedef struct jx_std_weight {
	const char *name;
	jx_dec weight;
} jx_std_weight;

/** Thresholds of the findings (a rule set's `findings:`, docs/rules.md), fractions of 1. */
typedef struct jx_finding_limits {
	jx_frac over_completion;
	jx_frac reason_required_below;
	jx_frac funds_reason_below;
	jx_frac qualitative_share;  /**< above this share of the maximum: a warning */
} jx_finding_limits;

/**
 * A loaded, merged and validated rule set. Free with jx_rules_free; every
 * rule, grade and string it points to is owned by it. Results scored under
 * it borrow it (score.h). Never changed once loaded: threads may share it.
 */
typedef struct jx_rules {
	const char *name;
	const char *title;
	const char *origin;        /**< file it was loaded from ("rules/standard.yaml") */
	const char *const *chain;  /**< origin, then the files it extends, in order */
	size_t nchain;
	int decimals;              /**< score decimals (0..4) */
	int rate_decimals;         /**< 完成率 decimals in percent (0..4) */
	jx_rounding rounding;
	bool score_from_rounded;   /**< score_from: rounded_rate */
	bool na_drop;              /**< not_applicable: drop (else rescale) */
	const jx_grade *grades;
	size_t ngrades;
	const jx_rule *funds_rule, *default_rule, *qualitative_rule, *deadline_rule;
	const char *const *reverse_groups;
	size_t nreverse_groups;
	const jx_std_weight *standard_weights;
	size_t nstandard_weights;
	jx_finding_limits findings;
	const jx_rule *rules;
	size_t nrules;
	void *priv;                /**< the library's own storage: not for callers */
} jx_rules;

/** True when spec names a rule-set file (it contains '/' or ends in .yaml/.yml), not a set by name. */
bool jx_rules_is_path(const char *spec);

/**
 * Load a rule set. spec is a name ("standard", looked up in the directories
 * of $JIXIAO_RULES_PATH, then among the built-in sets) or a path (it
 * contains '/' or ends in .yaml/.yml), relative to base_dir (NULL: the
 * current directory). Follows `extends`, merges, validates. Problems go to
 * diags with the rule-set file's line and column; an unknown name is
 * reported at `from` (the key that named it; may be NULL). Returns 0 with
 * *out set (the caller frees it with jx_rules_free), or an error code with
 * *out NULL: JX_EINVAL for a set that cannot be found, read or used (the
 * diagnostics say which), JX_ENOMEM.
 */
int jx_rules_load(jx_rules **out, const char *spec, const char *base_dir, const jx_loc *from,
		  jx_diags *diags);

/**
 * A rule set from text in memory (name: for diagnostics, and the set's name
 * when the text gives none; text is copied); `extends` names are looked up
 * as for jx_rules_load, paths relative to the current directory. Returns as
 * jx_rules_load does.
 */
int jx_rules_parse(jx_rules **out, const char *name, const char *text, size_t len,
		   jx_diags *diags);

/** Free r and everything it owns; NULL does nothing. Free the results scored
 * under it first. */
void jx_rules_free(jx_rules *r);

/**
 * Rule sets loaded once for many documents: a set named by name is loaded
 * once per name, one named by path once per file it resolves to. A set that
 * fails to load is not kept, so each document naming it gets the
 * diagnostics. Not thread-safe: use one cache per thread.
 */
typedef struct jx_rules_cache jx_rules_cache;

/** An empty cache, or NULL when out of memory. Free with jx_rules_cache_free. */
jx_rules_cache *jx_rules_cache_new(void);

/** Like jx_rules_load; *out belongs to the cache and lives until
 * jx_rules_cache_free (NULL on failure). */
int jx_rules_cache_get(jx_rules_cache *c, const jx_rules **out, const char *spec,
		       const char *base_dir, const jx_loc *from, jx_diags *diags);

/** Free the cache and every set in it; NULL does nothing. */
void jx_rules_cache_free(jx_rules_cache *c);

/** The rule called name or with name among its aliases (owned by r), or NULL. */
const jx_rule *jx_rules_find(const jx_rules *r, const char *name);

/** How a table names the rule: its first alias (按照完成比例赋分 for
 * proportional in the standard set), else its name. */
const char *jx_rule_label(const jx_rule *rule);

/** The grade of a total (the first band whose min the total reaches, else the
 * last), owned by r; NULL only for a set without grades. */
const jx_grade *jx_rules_grade(const jx_rules *r, jx_dec total);

/** True when text names the grade g or one of its aliases. */
bool jx_grade_matches(const jx_grade *g, const char *text);

/** Name of a rule kind ("ratio"). */
const char *jx_rule_kind_name(jx_rule_kind k);

/** One rule set that `jixiao rules` can list. */
typedef struct jx_rules_entry {
	char *name;   /**< "standard" */
	char *origin; /**< "rules/standard.yaml (built in)" or a path */
} jx_rules_entry;

/**
 * The rule sets available by name: those in $JIXIAO_RULES_PATH first, then
 * the built-in ones (a name found earlier hides the same name later).
 * Returns 0 with *out an array of *n entries, or JX_ENOMEM with *out NULL
 * and *n 0. The caller frees the array with jx_rules_list_free.
 */
int jx_rules_list(jx_rules_entry **out, size_t *n);

/** Free the n entries of list and the array (NULL with n 0 does nothing). */
void jx_rules_list_free(jx_rules_entry *list, size_t n);

#ifdef __cplusplus
}
#endif

#endif
