/*
 * audit_priv.h - the outputs of an audit (JSON Lines, CSV, XLSX, SQLite)
 * behind one interface, and what they share.
 */
#ifndef JX_AUDIT_PRIV_H
#define JX_AUDIT_PRIV_H

#include "jixiao/audit.h"
#include "tmpfile.h"

/** One output format. Every function fills err on failure. */
typedef struct audit_sink audit_sink;
struct audit_sink {
	int (*write)(audit_sink *s, const jx_audit_row *row, char *err, size_t errlen);
	/** Commit or roll back, then free the sink. */
	int (*close)(audit_sink *s, bool commit, char *err, size_t errlen);
};

int audit_jsonl_open(audit_sink **out, const char *path, char *err, size_t errlen);
int audit_csv_open(audit_sink **out, const char *dir, char *err, size_t errlen);
int audit_xlsx_open(audit_sink **out, const char *path, char *err, size_t errlen);
int audit_sqlite_open(audit_sink **out, const char *path, const jx_audit_run *run, char *err,
		      size_t errlen);

/** Report "what: cannot write: strerror(errno)" into err (what NULL: standard
 * output); returns JX_EIO. */
int audit_fail_errno(char *err, size_t errlen, const char *what);

/** jx_tmp_commit, reporting a failure into err; returns 0 or JX_EIO. */
int audit_commit(jx_tmp *t, char *err, size_t errlen);

/** The Chinese label of a mismatch field: 完成率(%), 得分, 总分, 等级. */
const char *audit_field_label(const char *field);

/** "line:col: message" of each error, joined by "; ", into a new string. */
char *audit_errors_text(const jx_audit_row *row);

/** Column titles of the files table (CSV and XLSX) and of the mismatches table. */
#define AUDIT_FILE_COLS 16
#define AUDIT_MISMATCH_COLS 5
extern const char *const audit_file_titles[AUDIT_FILE_COLS];
extern const char *const audit_mismatch_titles[AUDIT_MISMATCH_COLS];

/** The cells of a files-table row as text (numbers as exact decimals). */
typedef struct audit_file_cells {
	const char *cell[AUDIT_FILE_COLS];
	bool number[AUDIT_FILE_COLS]; /**< a decimal number (empty: no value) */
	char counts[4][24];
	char year[16];
	char *errors; /**< owned */
} audit_file_cells;

/** Fill c from row; returns false when out of memory. Free with audit_file_cells_release. */
bool audit_file_cells_make(audit_file_cells *c, const jx_audit_row *row);
void audit_file_cells_release(audit_file_cells *c);

#endif
