/*
 * audit_xlsx.c - the audit as an Excel workbook (libxlsxwriter, constant
 * memory: rows go to disk as they come): sheet 文件 with one row per file,
 * sheet 不一致 with one row per claimed value that does not follow; frozen
 * header rows, Chinese column titles, numbers as numbers with their decimals.
 */
#include "audit_priv.h"

#include "jixiao/common.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* Excel's longest cell text, in characters. */
#define XLSX_MAX_TEXT 32767

typedef struct xlsx_sink {
	audit_sink base;
	jx_tmp tmp;
	lxw_workbook *wb;
	lxw_worksheet *files, *mismatches;
	lxw_row_t nfiles, nmismatches;     /* rows written below the headers */
	lxw_format *header, *places[JX_DEC_PLACES + 1];
	char *cut;                         /* a cell's text, shortened to fit */
} xlsx_sink;

static int lxw_fail(char *err, size_t errlen, const char *path, lxw_error e)
{
	snprintf(err, errlen, "%s: %s", path, lxw_strerror(e));
	return JX_EIO;
}

/* Text that fits in a cell: longer text ends in "…". */
static const char *fit(xlsx_sink *s, const char *text)
{
	return jx_text_fit(text, XLSX_MAX_TEXT, &s->cut);
}

/* A decimal's format: as many places as it has. */
static lxw_format *places_format(xlsx_sink *s, const char *number)
{
	const char *dot = strchr(number, '.');
	size_t places = dot ? strlen(dot + 1) : 0;
	return s->places[places <= JX_DEC_PLACES ? places : JX_DEC_PLACES];
}

/* A cell: text, or a decimal written as a number that shows its places. */
static lxw_error cell(xlsx_sink *s, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		      const char *text, bool number)
{
	if (!text || !*text)
		return LXW_NO_ERROR;
	if (number)
		return worksheet_write_number(ws, r, c, strtod(text, NULL), places_format(s, text));
	return worksheet_write_string(ws, r, c, fit(s, text), NULL);
}

static int xlsx_write(audit_sink *base, const jx_audit_row *row, char *err, size_t errlen)
{
	xlsx_sink *s = (xlsx_sink *)base;
	if (s->nfiles >= JX_AUDIT_XLSX_MAX_ROWS ||
	    s->nmismatches + row->nmismatches > JX_AUDIT_XLSX_MAX_ROWS) {
		snprintf(err, errlen, "%s: more rows than an Excel sheet holds (%u); "
			 "use --format csv, jsonl or sqlite", s->tmp.path, JX_AUDIT_XLSX_MAX_ROWS);
		return JX_ELIMIT;
	}
	audit_file_cells c;
	if (!audit_file_cells_make(&c, row)) {
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	lxw_error e = LXW_NO_ERROR;
	lxw_row_t r = ++s->nfiles;
	for (lxw_col_t k = 0; k < AUDIT_FILE_COLS && !e; k++)
		e = cell(s, s->files, r, k, c.cell[k], c.number[k]);
	audit_file_cells_release(&c);
	for (size_t i = 0; i < row->nmismatches && !e; i++) {
		const jx_audit_mismatch *m = &row->mismatches[i];
		r = ++s->nmismatches;
		const char *cells[AUDIT_MISMATCH_COLS] = { row->file, m->path.joined,
							   audit_field_label(m->field), m->claimed,
							   m->recomputed };
		for (lxw_col_t k = 0; k < AUDIT_MISMATCH_COLS && !e; k++)
			e = cell(s, s->mismatches, r, k, cells[k], k >= 3 && m->numeric);
	}
	return e ? lxw_fail(err, errlen, s->tmp.path, e) : 0;
}

/*
 * In constant-memory mode libxlsxwriter keeps each sheet's rows in a
 * temporary file and does not check its writes; a full disk would give a
 * workbook with rows missing. So check them before the workbook is made.
 */
static bool sheet_ok(lxw_worksheet *ws)
{
	FILE *f = ws ? ws->optimize_tmpfile : NULL;
	return !f || (fflush(f) == 0 && !ferror(f));
}

static int xlsx_close(audit_sink *base, bool commit, char *err, size_t errlen)
{
	xlsx_sink *s = (xlsx_sink *)base;
	int rc = 0;
	if (commit && (!sheet_ok(s->files) || !sheet_ok(s->mismatches)))
		rc = audit_fail_errno(err, errlen, s->tmp.path);
	if (s->wb) {
		if (s->files)
			worksheet_autofilter(s->files, 0, 0, s->nfiles, AUDIT_FILE_COLS - 1);
		if (s->mismatches)
			worksheet_autofilter(s->mismatches, 0, 0, s->nmismatches, AUDIT_MISMATCH_COLS - 1);
		lxw_error e = workbook_close(s->wb); /* writes the file, frees the workbook */
		if (e && commit && rc == 0)
			rc = lxw_fail(err, errlen, s->tmp.path, e);
	}
	if (commit && rc == 0)
		rc = audit_commit(&s->tmp, err, errlen);
	jx_tmp_abort(&s->tmp);
	free(s->cut);
	free(s);
	return rc;
}

/* A sheet with its header row, column widths and frozen first row. */
static lxw_worksheet *sheet(xlsx_sink *s, const char *name, const char *const *titles,
			    const double *widths, lxw_col_t ncols)
{
	lxw_worksheet *ws = workbook_add_worksheet(s->wb, name);
	if (!ws)
		return NULL;
	for (lxw_col_t k = 0; k < ncols; k++) {
		worksheet_set_column(ws, k, k, widths[k], NULL);
		worksheet_write_string(ws, 0, k, titles[k], s->header);
	}
	worksheet_freeze_panes(ws, 1, 0);
	return ws;
}

int audit_xlsx_open(audit_sink **out, const char *path, char *err, size_t errlen)
{
	static const double file_widths[AUDIT_FILE_COLS] = { 40, 24, 36, 6, 12, 9, 10, 10, 10,
							     9, 9, 9, 6, 6, 6, 60 };
	static const double mismatch_widths[AUDIT_MISMATCH_COLS] = { 40, 48, 10, 12, 12 };
	xlsx_sink *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	s->base.write = xlsx_write;
	s->base.close = xlsx_close;
	if (jx_tmp_create(&s->tmp, path, false) != 0) {
		int rc = audit_fail_errno(err, errlen, path);
		free(s);
		return rc;
	}
	/* The rows wait in temporaries next to the workbook's own temporary: on
	 * the disk the output goes to, or in $TMPDIR for an output written in
	 * place (never in /dev for -o /dev/stdout). */
	char dir[4096] = ".";
	const char *book = jx_tmp_name(&s->tmp), *slash = strrchr(book, '/');
	if (slash)
		snprintf(dir, sizeof(dir), "%.*s", slash == book ? 1 : (int)(slash - book), book);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = dir };
	if (!(s->wb = workbook_new_opt(jx_tmp_name(&s->tmp), &opt))) {
		xlsx_close(&s->base, false, err, errlen);
		snprintf(err, errlen, "%s: cannot create the workbook", path);
		return JX_EIO;
	}
	s->header = workbook_add_format(s->wb);
	format_set_bold(s->header);
	format_set_bg_color(s->header, 0xDDEBF7);
	format_set_bottom(s->header, LXW_BORDER_THIN);
	static const char *const num_formats[JX_DEC_PLACES + 1] = {
		"0", "0.0", "0.00", "0.000", "0.0000", "0.00000", "0.000000"
	};
	for (int p = 0; p <= JX_DEC_PLACES; p++) {
		s->places[p] = workbook_add_format(s->wb);
		format_set_num_format(s->places[p], num_formats[p]);
	}
	s->files = sheet(s, "文件", audit_file_titles, file_widths, AUDIT_FILE_COLS);
	s->mismatches = sheet(s, "不一致", audit_mismatch_titles, mismatch_widths,
			      AUDIT_MISMATCH_COLS);
	if (!s->files || !s->mismatches) {
		xlsx_close(&s->base, false, err, errlen);
		snprintf(err, errlen, "%s: cannot create the worksheets", path);
		return JX_EIO;
	}
	*out = &s->base;
	return 0;
}
