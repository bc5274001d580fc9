/*
 * sheet_priv.h - what the CSV and XLSX readers share: cells collected in any
 * order into a grid, and reading the file.
 */
#ifndef JX_SHEET_PRIV_H
#define JX_SHEET_PRIV_H

#include "jixiao/import.h"

#include <stdbool.h>

typedef struct sheet_item {
	size_t row, col;
	char *text;
} sheet_item;

/** Cells as they come; the grid is made at the end. */
typedef struct sheet_builder {
	char *name;
	sheet_item *items;
	size_t n, cap;
	size_t nrows, ncols;
} sheet_builder;

int sheet_builder_init(sheet_builder *b, const char *name);

/** Add a cell (trimmed; an empty one is left out). JX_ELIMIT past the sheet limits. */
int sheet_builder_put(sheet_builder *b, size_t r, size_t c, const char *text, size_t len);

/** The grid into s; b is released. */
int sheet_builder_finish(sheet_builder *b, jx_sheet *s);

void sheet_builder_release(sheet_builder *b);

#endif
