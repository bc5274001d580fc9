/*
 * sheet_priv.h - what the CSV and XLSX readers share: cells collected in any
 * order into a grid, and reading the file.
 */
#ifndef JX_SHEET_PRIV_H
#define JX_SHEET_PRIV_H

#include "jixiao/import.h"

#include <stdbool.h>
#include <stdint.h>

/* A cell as it came: its text at text + at in the builder. */
typedef struct sheet_item {
	uint32_t row, col, at;
} sheet_item;

/* A cell merged down over rows row to last (inclusive), in column col. */
typedef struct sheet_merge {
	uint32_t row, last, col;
} sheet_merge;

/*
 * Cells as they come; the grid is made at the end. The texts are kept one
 * after another in one buffer (a sheet may have millions of cells: one
 * allocation each would cost more than the texts).
 */
typedef struct sheet_builder {
	char *name;
	jx_diags *diags;
	sheet_item *items;
	size_t n, cap;
	char *text;       /* NUL-terminated texts; the first is the empty one, at 0 */
	size_t len, tcap;
	size_t bytes;     /* of text in the cells, counted against JX_SHEET_MAX_TEXT */
	sheet_merge *merges;
	size_t nmerges, capmerges;
	size_t nrows, ncols;
} sheet_builder;

/** Start a sheet called name; the limits it passes are reported to diags. */
int sheet_builder_init(sheet_builder *b, const char *name, jx_diags *diags);

/** Add a cell (trimmed; an empty one is left out). JX_ELIMIT (reported) past the sheet limits. */
int sheet_builder_put(sheet_builder *b, size_t r, size_t c, const char *text, size_t len);

/** A merged cell over rows r1 to r2 and columns c1 to c2 (inclusive): its
 * text, at r1, c1, is given to the rows below in column c1 when the grid is
 * made. A merge within one row changes nothing. */
int sheet_builder_merge(sheet_builder *b, size_t r1, size_t c1, size_t r2, size_t c2);

/** The grid into s, merged cells filled down; b is released. JX_ELIMIT
 * (reported) when the merged cells would pass JX_SHEET_MAX_TEXT. */
int sheet_builder_finish(sheet_builder *b, jx_sheet *s);

void sheet_builder_release(sheet_builder *b);

#endif
