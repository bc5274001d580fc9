/*
 * jixiao/diag.h - diagnostics: problems found in input files, each with a
 * file, line and column, collected in a list and printed like a compiler's.
 */
#ifndef JIXIAO_DIAG_H
#define JIXIAO_DIAG_H

#include <stdio.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How bad a diagnostic is. */
typedef enum jx_severity {
	JX_SEV_ERROR,   /**< the file cannot be scored */
	JX_SEV_WARNING, /**< the file can be scored but something is off */
	JX_SEV_NOTE     /**< more about the diagnostic before it */
} jx_severity;

/** One diagnostic. Strings are owned by the list that holds it. */
typedef struct jx_diag {
	jx_severity severity;
	char *file;       /**< path as given by the user, or NULL */
	unsigned line;    /**< 1-based; 0 when the problem has no place */
	unsigned col;     /**< 1-based, in characters; 0 when unknown */
	char *message;    /**< lower-case, no full stop */
	char *source;     /**< the source line (without newline), or NULL */
} jx_diag;

/** A list of diagnostics. Initialise with jx_diags_init, free with jx_diags_release. */
typedef struct jx_diags {
	jx_diag *items;
	size_t count;
	size_t cap;
	size_t errors;   /**< number of errors added, kept or not */
	size_t warnings; /**< number of warnings added, kept or not */
	size_t limit;    /**< at most this many are kept (default JX_DIAG_LIMIT) */
	size_t dropped;  /**< how many were not kept */
} jx_diags;

/** Default cap on the diagnostics kept per list. */
#define JX_DIAG_LIMIT 100

/**
 * The text of one input file, for diagnostics that show the source line.
 * The buffer is borrowed, not owned.
 */
typedef struct jx_source {
	const char *file; /**< name to print */
	const char *text; /**< file contents (UTF-8), or NULL */
	size_t len;
} jx_source;

/** A place in a source file, for "referenced from here" diagnostics. */
typedef struct jx_loc {
	const jx_source *src;
	unsigned line, col;
} jx_loc;

/** Initialise an empty list (no allocation: nothing can fail). */
void jx_diags_init(jx_diags *d);

/** Free every diagnostic; the list is empty and usable again afterwards. */
void jx_diags_release(jx_diags *d);

/**
 * Add a diagnostic at line:col of src (src may be NULL, line and col 0).
 * The source line is copied from src->text. Never fails: when memory runs
 * out the diagnostic is counted but not kept.
 */
void jx_diags_add(jx_diags *d, jx_severity sev, const jx_source *src, unsigned line,
		  unsigned col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/**
 * Sort the diagnostics from index `from` on by line and column within each
 * file, keeping the order of those on the same place; files keep the order
 * in which they first appear, and notes stay with the diagnostic before them.
 */
void jx_diags_sort(jx_diags *d, size_t from);

/** Append copies of every diagnostic of from to to (counted but not kept when
 * memory runs out, as with jx_diags_add). */
void jx_diags_append(jx_diags *to, const jx_diags *from);

/** Append a copy of one diagnostic, as jx_diags_append does. */
void jx_diags_copy(jx_diags *to, const jx_diag *g);

/** Flags for jx_diags_print. */
enum {
	JX_DIAG_CARET = 1, /**< show the source line and a caret under the column */
	JX_DIAG_COLOR = 2  /**< colour the severity (for terminals) */
};

/**
 * Print every diagnostic as "file:line:col: error: message", then a line
 * saying how many were left out, if any.
 */
void jx_diags_print(FILE *out, const jx_diags *d, int flags);

#ifdef __cplusplus
}
#endif

#endif
