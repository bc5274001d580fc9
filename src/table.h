/*
 * table.h - text tables for terminals: columns sized by display width, so
 * Chinese text (two columns a character) lines up with digits and Latin.
 */
#ifndef JX_TABLE_H
#define JX_TABLE_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum jx_align {
	JX_LEFT,
	JX_RIGHT
} jx_align;

/** A table being filled. Initialise with jx_table_init, free with jx_table_release. */
typedef struct jx_table {
	jx_arena arena;
	size_t ncols;
	size_t nrows, cap;
	const char **cells;   /**< nrows × ncols, NULL for empty */
	jx_align *align;      /**< per column */
	bool *rule_after;     /**< per row: draw a line under it */
	bool oom;
} jx_table;

void jx_table_init(jx_table *t, size_t ncols);
void jx_table_release(jx_table *t);

/** Column alignment (default left). */
void jx_table_align(jx_table *t, size_t col, jx_align a);

/** Append an empty row; returns its index. */
size_t jx_table_row(jx_table *t);

/** Set a cell (copied); fmt is printf-style. */
void jx_table_set(jx_table *t, size_t row, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/** Draw a rule of '-' under the row. */
void jx_table_rule(jx_table *t, size_t row);

/** Append a header row of the titles (one per column, NULL: none) with a rule under it. */
void jx_table_header(jx_table *t, const char *const *titles);

/**
 * Print with two spaces between columns; columns that are empty in every
 * row are left out. Trailing blanks are trimmed. Returns 0 or JX_EIO.
 */
int jx_table_print(const jx_table *t, FILE *out);

#endif
