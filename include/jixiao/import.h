/*
 * jixiao/import.h - a 自评表 kept in a spreadsheet, turned into an evaluation:
 * a sheet of text cells read from CSV (UTF-8 or GB18030, comma or tab) or
 * from an XLSX worksheet (cells as Excel shows them), then the published
 * layout recognised in it and written as evaluation YAML (spec §1).
 */
#ifndef JIXIAO_IMPORT_H
#define JIXIAO_IMPORT_H

#include "jixiao/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A grid of text cells, read with jx_sheet_cell; an empty cell is NULL. A
 * cell merged over several rows (XLSX) shows its text in every row it
 * covers, in its first column; its other columns are empty. The sheet owns
 * everything it points to.
 */
typedef struct jx_sheet {
	char *name;     /**< the file */
	char *sheet;    /**< the worksheet read (XLSX), else NULL */
	size_t nrows, ncols;
	uint32_t *at;   /**< row-major, nrows × ncols: where the cell's text is in
			 * text; 0 when the cell is empty */
	char *text;     /**< the texts, trimmed, each NUL-terminated */
	unsigned char *merged; /**< a bit for each cell, row-major: set when the
				* cell shows the text of a cell merged down over it
				* from a row above; NULL when no cell does */
} jx_sheet;

/** Limits of what a sheet may hold (docs/limits.md). */
#define JX_SHEET_MAX_ROWS 100000
#define JX_SHEET_MAX_COLS 256
/** Bytes of text in all cells of a sheet: twice the largest CSV file, so that
 * any CSV file within that limit fits, GB18030 turned into UTF-8 too. */
#define JX_SHEET_MAX_TEXT (32u * 1024 * 1024)

/** The cell at row r, column c (0-based), or NULL. */
const char *jx_sheet_cell(const jx_sheet *s, size_t r, size_t c);

/**
 * Whether the cell at row r, column c shows the text of a cell merged down
 * over it from a row above, rather than a text of its own.
 */
bool jx_sheet_merged(const jx_sheet *s, size_t r, size_t c);

/** "B12" for row 11, column 1 (0-based) into buf (16 bytes). */
char *jx_cell_ref(char *buf, size_t r, size_t c);

/**
 * Read a CSV file: UTF-8 (a byte-order mark is skipped) or else GB18030,
 * comma- or tab-separated (whichever the first line uses), RFC 4180 quotes.
 * Problems go to diags; returns 0, or a JX_E… code (JX_ENOTFOUND when there
 * is no such file) with s cleared. The caller releases s with
 * jx_sheet_release.
 */
int jx_sheet_read_csv(jx_sheet *s, const char *path, jx_diags *diags);

/**
 * Read one worksheet of an XLSX file: sheet names it (NULL: the first sheet).
 * Cells hold the text Excel shows: shared and inline strings, numbers in
 * their number format (0.00, 0.0%, #,##0.00, "分" suffixes…). Returns as
 * jx_sheet_read_csv does.
 */
int jx_sheet_read_xlsx(jx_sheet *s, const char *path, const char *sheet, jx_diags *diags);

/** jx_sheet_read_xlsx for the n-th worksheet (1-based); JX_ENOTFOUND, with
 * no diagnostic, when n > 1 and the workbook has fewer. */
int jx_sheet_read_xlsx_nth(jx_sheet *s, const char *path, size_t n, jx_diags *diags);

/**
 * Read the first of the first max worksheets of an XLSX file that accept
 * takes (the one holding the 自评表 after a cover sheet), else the first
 * sheet; its number (1-based) in *nth. The shared strings and styles are
 * read once, and the sheets are looked through until 16 MiB of them have
 * been passed over. Returns as jx_sheet_read_xlsx does; only the diagnostics
 * of the sheet returned are kept.
 */
int jx_sheet_read_xlsx_first(jx_sheet *s, size_t *nth, const char *path, bool (*accept)(const jx_sheet *),
			     size_t max, jx_diags *diags);

/** The same two from bytes in memory (not kept: the caller keeps data); name
 * is used in diagnostics. */
int jx_sheet_parse_csv(jx_sheet *s, const char *name, const char *data, size_t len,
		       jx_diags *diags);
/** See jx_sheet_parse_csv. */
int jx_sheet_parse_xlsx(jx_sheet *s, const char *name, const void *data, size_t len,
			const char *sheet, jx_diags *diags);

/** Free what s owns; s is cleared afterwards. */
void jx_sheet_release(jx_sheet *s);

/**
 * Recognise the 自评表 in s (title, 项目名称/主管部门/实施单位, the funds
 * block, 年度总体目标, the indicator table with merged level cells and an
 * optional 四级 column, 总分 and 等级) and write it as evaluation YAML to out.
 * Every claimed value is kept as written. Cells that could not be placed are
 * reported as warnings with their reference (B12). Returns 0, JX_EINVAL
 * (nothing written) when no indicator table is found, JX_ENOMEM, or JX_EIO
 * when writing to out failed.
 */
int jx_import(FILE *out, const jx_sheet *s, jx_diags *diags);

/** Whether s holds an indicator table (a row with the title 一级指标), the
 * part of a 自评表 without which jx_import finds nothing. */
bool jx_import_finds_table(const jx_sheet *s);

/** Where a value of the YAML written by jx_import_traced came from. */
typedef struct jx_import_origin {
	size_t scalar;      /**< the value's index among the scalars of the YAML
			     * (keys counted), 0-based */
	unsigned line, col; /**< its place in the YAML (1-based, in characters),
			     * set by jx_import_trace_locate; 0 until then */
	size_t row, column; /**< the cell of the sheet (0-based) */
} jx_import_origin;

/** The origins of the values of one import, in the order written. Start
 * from all zeros; free with jx_import_trace_release. */
typedef struct jx_import_trace {
	jx_import_origin *items;
	size_t count, cap;
} jx_import_trace;

/**
 * jx_import, and where each value written came from in s: the name, every
 * field and claim of an indicator, the name and amounts of a funds row.
 */
int jx_import_traced(FILE *out, const jx_sheet *s, jx_import_trace *trace, jx_diags *diags);

/** Set the line and column of every origin in t from the YAML jx_import_traced
 * wrote (all of it, from its first byte). Returns 0, JX_EINVAL when the text
 * is not that YAML, or JX_ENOMEM. */
int jx_import_trace_locate(jx_import_trace *t, const char *yaml, size_t len);

/**
 * Follow each diagnostic of d at a value of that YAML (file yaml_name) with
 * a note at the cell of sheet_name the value came from ("B12: the value in
 * the table"): the value on the diagnostic's line that starts at or before
 * its column, else the first on the line. Never fails: when memory runs out,
 * d is left as it was.
 */
void jx_import_trace_notes(const jx_import_trace *t, const char *yaml_name, const char *sheet_name,
			   jx_diags *d);

/**
 * For a spreadsheet read without showing the YAML: move each diagnostic of d
 * from index `from` on that is at a value of that YAML (file yaml_name) to
 * the cell of sheet_name the value came from, the message after the cell's
 * reference ("E4: unit …"); one at another place of the YAML (a line no one
 * has seen) keeps its file and loses its place. When memory runs out a
 * message is left as it was.
 */
void jx_import_trace_move(const jx_import_trace *t, const char *yaml_name, const char *sheet_name,
			  jx_diags *d, size_t from);

/** Free what t holds; t is cleared afterwards. */
void jx_import_trace_release(jx_import_trace *t);

#ifdef __cplusplus
}
#endif

#endif
