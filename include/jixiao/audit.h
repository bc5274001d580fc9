/*
 * jixiao/audit.h - re-scoring many submissions: one self-contained record
 * per file (claimed against recomputed, mismatches, load errors, findings),
 * writers that stream the records to JSON Lines, CSV, XLSX or SQLite, each
 * output appearing complete or not at all, and the summary of a run.
 */
#ifndef JIXIAO_AUDIT_H
#define JIXIAO_AUDIT_H

#include "jixiao/diag.h"
#include "jixiao/findings.h"
#include "jixiao/score.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Indicator names from level 1, and the same joined by '/' (one allocation). */
typedef struct jx_audit_path {
	char **names;
	size_t depth;
	const char *joined;
} jx_audit_path;

/** A claimed value that does not follow from the data. */
typedef struct jx_audit_mismatch {
	jx_audit_path path;  /**< ["funds"] for the funds row; [] for total and grade */
	const char *field;   /**< "rate", "score", "total", "grade" */
	char *claimed;       /**< as written, in percent for rates ("97.9%" gives 97.9) */
	char *recomputed;    /**< at the rule set's decimals */
	bool numeric;        /**< claimed and recomputed are numbers (not grade names) */
} jx_audit_mismatch;

/** A load or scoring error of a file that could not be scored, or a note on the one before. */
typedef struct jx_audit_error {
	char *file;         /**< the file it is about when not the audited one (a rule set), else NULL */
	unsigned line, col; /**< 0 when it has no position */
	bool note;          /**< more about the error before it (a hint) */
	char *message;
} jx_audit_error;

/** One indicator (kept for SQLite only). Numbers are "" when absent. */
typedef struct jx_audit_indicator {
	jx_audit_path path;
	char *target, *actual;
	char weight[32], rate[32], score[32], claimed_rate[32], claimed_score[32];
	unsigned line;
	bool applicable, mismatch;
} jx_audit_indicator;

/** One finding (kept for SQLite only). */
typedef struct jx_audit_finding {
	const char *code;
	const char *severity;
	jx_audit_path path; /**< ["funds"], or [] for the whole evaluation */
	unsigned line;
	char *message;
} jx_audit_finding;

/** Everything the outputs and the summary need about one file; owns its strings. */
typedef struct jx_audit_row {
	char *file;
	bool ok;                     /**< loaded and scored */
	char *department, *title;    /**< "" when unknown */
	int year;                    /**< 0 when unknown */
	char *rules;                 /**< rule set name; "" when not scored */
	char claimed_total[48];      /**< "" when not claimed */
	char total[48], delta[48];   /**< "" when not scored / nothing to compare */
	char *claimed_grade;         /**< as written; "" when absent */
	char *claimed_grade_name;    /**< the rule set's name for it, else as written */
	char *grade;                 /**< "" when not scored */
	int grade_rank;              /**< place of grade in the rule set (0: best); -1 none */
	int claimed_grade_rank;      /**< the same for the claimed grade; -1 unknown */
	jx_audit_mismatch *mismatches;
	size_t nmismatches;
	jx_audit_error *errors;
	size_t nerrors;
	size_t error_count;          /**< errors without their notes */
	jx_audit_error *warnings;    /**< of reading the file (a spreadsheet's import) */
	size_t nwarnings;
	size_t findings[3];          /**< counts by severity: error, warning, info;
				      * the warnings above count as findings */
	jx_audit_indicator *indicators;
	size_t nindicators;
	jx_audit_finding *finding_list;
	size_t nfinding_list;
	jx_dec total_value, delta_value; /**< when ok / when has_delta */
	bool has_delta;
} jx_audit_row;

/**
 * The record of file: from its result and findings when it was scored
 * (r not NULL), else from the diagnostics that stopped it. detail keeps
 * indicators and findings (for SQLite). Returns 0 or JX_ENOMEM (the row is
 * then released). The row copies what it needs: r, f and d may be freed
 * before it. The caller releases it with jx_audit_row_release.
 */
int jx_audit_row_make(jx_audit_row *row, const char *file, const jx_result *r,
		      const jx_findings *f, const jx_diags *d, bool detail);

/** Free what row owns; row is cleared afterwards. */
void jx_audit_row_release(jx_audit_row *row);

/** Output formats. */
typedef enum jx_audit_format {
	JX_AUDIT_JSONL,
	JX_AUDIT_CSV,
	JX_AUDIT_XLSX,
	JX_AUDIT_SQLITE
} jx_audit_format;

/** Whether fmt needs the indicators and findings of each row. */
bool jx_audit_format_detail(jx_audit_format fmt);

/** Rows an XLSX sheet holds (Excel's limit, less the header row). */
#define JX_AUDIT_XLSX_MAX_ROWS 1048575u

typedef struct jx_audit_writer jx_audit_writer;

/** What a run records about itself (SQLite `runs`). */
typedef struct jx_audit_run {
	const char *version;   /**< jixiao version */
	const char *rules;     /**< --rules, or NULL: each file's own */
	const char *shard;     /**< "i/n", or NULL */
	const char *paths;     /**< the PATHs audited, one per line, or NULL */
	const volatile sig_atomic_t *stop; /**< set (by a signal handler) to stop waiting
					    *   for a database another run writes; or NULL */
} jx_audit_run;

/**
 * Open an output. out: a file (jsonl, xlsx, sqlite) or a directory (csv:
 * files.csv and mismatches.csv in it, created when missing); NULL writes
 * jsonl, or the csv files table, to standard output (xlsx and sqlite need
 * a file). Files are written through temporaries renamed by
 * jx_audit_close; an existing SQLite database gets the run in one
 * transaction. Returns 0 with *w set, or a JX_E… code with *w NULL and
 * err (errlen bytes) saying why. Finish with jx_audit_close, which frees *w.
 */
int jx_audit_open(jx_audit_writer **w, jx_audit_format fmt, const char *out,
		  const jx_audit_run *run, char *err, size_t errlen);

/** Write one record (in the order the records should appear). Returns 0, or
 * a JX_E… code with err set; then close w without commit. */
int jx_audit_write(jx_audit_writer *w, const jx_audit_row *row, char *err, size_t errlen);

/**
 * Finish: with commit, rename the temporaries into place (or COMMIT);
 * without, or when anything failed, leave every earlier output as it was.
 * Frees w. Returns 0 or a JX_E… code with *err set.
 */
int jx_audit_close(jx_audit_writer *w, bool commit, char *err, size_t errlen);

/** The SQL that creates the SQLite tables (documented in docs/audit.md). */
extern const char jx_audit_schema[];

/** The summary of a run: counts, grades, statistics of the totals, largest deltas. */
typedef struct jx_audit_summary jx_audit_summary;

/** An empty summary, or NULL when out of memory. Free with jx_audit_summary_free. */
jx_audit_summary *jx_audit_summary_new(void);

/** Count one record. Returns 0 or JX_ENOMEM. */
int jx_audit_summary_add(jx_audit_summary *s, const jx_audit_row *row);

/** Files counted with a load or scoring failure. */
size_t jx_audit_summary_failed(const jx_audit_summary *s);

/** Files counted with a claimed value that does not follow. */
size_t jx_audit_summary_mismatched(const jx_audit_summary *s);

/** Print the summary (Chinese labels, aligned columns); sorts what it holds. */
void jx_audit_summary_print(FILE *out, jx_audit_summary *s);

/** Free s; NULL does nothing. */
void jx_audit_summary_free(jx_audit_summary *s);

#ifdef __cplusplus
}
#endif

#endif
