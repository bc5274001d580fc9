/*
 * sheet.c - grids of text cells, and reading them from CSV files as Excel
 * and WPS export them: UTF-8 with or without a byte-order mark, or GB18030
 * (converted with iconv), separated by commas or tabs, quoted per RFC 4180
 * (parsed by libcsv).
 */
#include "jixiao/import.h"

#include "grow.h"
#include "jixiao/common.h"
#include "readfile.h"
#include "sheet_priv.h"
#include "text.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

const char *jx_sheet_cell(const jx_sheet *s, size_t r, size_t c)
{
	uint32_t at = r < s->nrows && c < s->ncols ? s->at[r * s->ncols + c] : 0;
	return at ? s->text + at : NULL;
}

bool jx_sheet_merged(const jx_sheet *s, size_t r, size_t c)
{
	size_t i = r * s->ncols + c;
	return s->merged && r < s->nrows && c < s->ncols && (s->merged[i / 8] >> (i % 8) & 1);
}

char *jx_cell_ref(char *buf, size_t r, size_t c)
{
	char letters[8];
	size_t n = 0;
	for (size_t v = c + 1; v > 0 && n < sizeof(letters); v = (v - 1) / 26)
		letters[n++] = (char)('A' + (v - 1) % 26);
	size_t k = 0;
	while (n > 0)
		buf[k++] = letters[--n];
	snprintf(buf + k, 16 - k, "%zu", r + 1);
	return buf;
}

void jx_sheet_release(jx_sheet *s)
{
	free(s->at);
	free(s->text);
	free(s->merged);
	free(s->name);
	free(s->sheet);
	memset(s, 0, sizeof(*s));
}

/* ------------------------------------------------------------- building */

int sheet_builder_init(sheet_builder *b, const char *name, jx_diags *diags)
{
	memset(b, 0, sizeof(*b));
	b->diags = diags;
	b->name = strdup(name);
	b->text = malloc(b->tcap = 4096);
	if (!b->name || !b->text) {
		sheet_builder_release(b);
		return JX_ENOMEM;
	}
	b->text[0] = '\0'; /* at 0: no cell */
	b->len = 1;
	return 0;
}

void sheet_builder_release(sheet_builder *b)
{
	free(b->items);
	free(b->text);
	free(b->merges);
	free(b->name);
	memset(b, 0, sizeof(*b));
}

int sheet_builder_put(sheet_builder *b, size_t r, size_t c, const char *text, size_t len)
{
	jx_text_trim(&text, &len); /* blanks, tabs, line breaks and 全角 spaces */
	if (len == 0)
		return 0;
	jx_source src = { b->name, NULL, 0 };
	if (r >= JX_SHEET_MAX_ROWS || c >= JX_SHEET_MAX_COLS) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &src, 0, 0, "more than %d rows or %d columns",
			     JX_SHEET_MAX_ROWS, JX_SHEET_MAX_COLS);
		return JX_ELIMIT;
	}
	if (len > JX_SHEET_MAX_TEXT - b->bytes) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &src, 0, 0,
			     "more than %u bytes of text in the cells of the sheet (the limit is 32 MiB)",
			     JX_SHEET_MAX_TEXT);
		return JX_ELIMIT;
	}
	/* Within the limits, every offset fits 32 bits: at most JX_SHEET_MAX_TEXT
	 * bytes of text and a NUL for each of the cells. */
	if (!JX_GROW(b->items, b->cap, b->n + 1, 256) ||
	    !JX_GROW(b->text, b->tcap, b->len + len + 1, 4096))
		return JX_ENOMEM;
	memcpy(b->text + b->len, text, len);
	b->text[b->len + len] = '\0';
	b->items[b->n++] = (sheet_item){ (uint32_t)r, (uint32_t)c, (uint32_t)b->len };
	b->len += len + 1;
	b->bytes += len;
	if (r + 1 > b->nrows)
		b->nrows = r + 1;
	if (c + 1 > b->ncols)
		b->ncols = c + 1;
	return 0;
}

int sheet_builder_merge(sheet_builder *b, size_t r1, size_t c1, size_t r2, size_t c2)
{
	if (r1 == r2)
		return 0;
	if (!JX_GROW(b->merges, b->capmerges, b->nmerges + 1, 64))
		return JX_ENOMEM;
	/* Places past the sheet's limits come in just past them (parse_ref): a
	 * merge starting there has no text, one ending there stops at the data. */
	b->merges[b->nmerges++] = (sheet_merge){ (uint32_t)(r1 < r2 ? r1 : r2), (uint32_t)(r1 < r2 ? r2 : r1),
						 (uint32_t)(c1 < c2 ? c1 : c2) };
	return 0;
}

/*
 * The text of each merged cell in the rows below it, in its first column
 * (a merge over columns only is left as it is: a title over two columns
 * leaves the second one untitled). No row past the last one with data is
 * filled, and every filled cell counts against JX_SHEET_MAX_TEXT, so that a
 * merge down a whole sheet or thousands of merges over each other stay
 * bounded in time and memory.
 */
static int fill_merges(sheet_builder *b, jx_sheet *s)
{
	for (size_t i = 0; i < b->nmerges; i++) {
		const sheet_merge *m = &b->merges[i];
		if (m->row >= s->nrows || m->col >= s->ncols || !s->at[m->row * s->ncols + m->col])
			continue;
		uint32_t at = s->at[m->row * s->ncols + m->col];
		size_t last = m->last < s->nrows ? m->last : s->nrows - 1, len;
		if (last <= m->row)
			continue;
		if (!s->merged && !(s->merged = calloc((s->nrows * s->ncols + 7) / 8, 1)))
			return JX_ENOMEM;
		len = strlen(b->text + at); /* paid for by the bytes it fills below */
		for (size_t r = m->row + 1; r <= last; r++) {
			size_t k = r * s->ncols + m->col;
			if (len > JX_SHEET_MAX_TEXT - b->bytes) {
				jx_source src = { b->name, NULL, 0 };
				jx_diags_add(b->diags, JX_SEV_ERROR, &src, 0, 0,
					     "more than %u bytes of text in the cells of the sheet, a merged cell "
					     "counted in each row it covers (the limit is 32 MiB)",
					     JX_SHEET_MAX_TEXT);
				return JX_ELIMIT;
			}
			b->bytes += len;
			s->at[k] = at;
			s->merged[k / 8] |= (unsigned char)(1u << (k % 8));
		}
	}
	return 0;
}

int sheet_builder_finish(sheet_builder *b, jx_sheet *s)
{
	memset(s, 0, sizeof(*s));
	size_t n = b->nrows * b->ncols;
	int rc;
	s->at = calloc(n > 0 ? n : 1, sizeof(*s->at));
	if (!s->at) {
		sheet_builder_release(b);
		return JX_ENOMEM;
	}
	s->nrows = b->nrows;
	s->ncols = b->ncols;
	for (size_t i = 0; i < b->n; i++) /* a cell given twice: the later one */
		s->at[b->items[i].row * s->ncols + b->items[i].col] = b->items[i].at;
	free(b->items); /* not needed any more: the merges may need the room */
	b->items = NULL;
	b->n = b->cap = 0;
	if ((rc = fill_merges(b, s)) != 0) {
		jx_sheet_release(s);
		sheet_builder_release(b);
		return rc;
	}
	/* the texts as they are: shrinking the buffer could only move it */
	s->text = b->text;
	s->name = b->name;
	b->text = NULL;
	b->name = NULL;
	sheet_builder_release(b);
	return 0;
}

/* ------------------------------------------------------------- CSV */

typedef struct csv_state {
	sheet_builder *b;
	size_t row, col;
	int last_end; /* the character that ended the last row */
	int rc;
} csv_state;

static void on_field(void *text, size_t len, void *data)
{
	csv_state *st = data;
	if (st->rc == 0)
		st->rc = sheet_builder_put(st->b, st->row, st->col, text, len);
	st->col++;
}

/*
 * Every line ends a row, an empty one too (CSV_REPALL_NL), so that rows keep
 * the numbers a spreadsheet gives them; the LF of a CRLF comes as a row of
 * its own and is not one.
 */
static void on_row(int c, void *data)
{
	csv_state *st = data;
	bool crlf = st->col == 0 && c == '\n' && st->last_end == '\r';
	st->last_end = c;
	if (crlf)
		return;
	st->row++;
	st->col = 0;
}

/* GB18030 (a superset of GBK and GB2312) to UTF-8; NULL when it is not that either. */
static char *from_gb18030(const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16, left_out = cap, left_in = len;
	char *out = malloc(cap), *op = out;
	char *ip = (char *)in;
	bool ok = out && iconv(cd, &ip, &left_in, &op, &left_out) != (size_t)-1 && left_in == 0;
	iconv_close(cd);
	if (!ok) {
		free(out);
		return NULL;
	}
	*outlen = cap - left_out;
	return out;
}

/* Comma or tab: whichever the first lines have more of (a title line may have neither). */
static unsigned char separator(const char *text, size_t len)
{
	size_t commas = 0, tabs = 0, lines = 0;
	for (size_t i = 0; i < len && lines < 20; i++) {
		commas += text[i] == ',';
		tabs += text[i] == '\t';
		lines += text[i] == '\n';
	}
	return tabs > commas ? '\t' : ',';
}

int jx_sheet_read_csv(jx_sheet *s, const char *path, jx_diags *diags)
{
	jx_source src = { path, NULL, 0 };
	char *raw = NULL;
	size_t len = 0;
	memset(s, 0, sizeof(*s));
	int rc = jx_read_file(path, &src, &raw, &len, diags);
	if (rc == 0)
		rc = jx_sheet_parse_csv(s, path, raw, len, diags);
	free(raw);
	return rc;
}

int jx_sheet_parse_csv(jx_sheet *s, const char *name, const char *data, size_t len,
		       jx_diags *diags)
{
	jx_source src = { name, NULL, 0 };
	char *conv = NULL;
	const char *text = data;
	int rc;
	memset(s, 0, sizeof(*s));
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
		/* The mark says UTF-8: a bad byte is an error here, not a hint of GB18030. */
		size_t bad = jx_utf8_bad_byte(text, len);
		if (bad < len) {
			unsigned line = 1;
			size_t start = 0;
			for (size_t i = 0; i < bad; i++)
				if (text[i] == '\n') {
					line++;
					start = i + 1;
				}
			jx_diags_add(diags, JX_SEV_ERROR, &src, line,
				     (unsigned)jx_utf8_count(text + start, bad - start) + 1,
				     "invalid UTF-8 (byte 0x%02X) in a file marked as UTF-8; save it again as CSV UTF-8",
				     (unsigned)(unsigned char)text[bad]);
			return JX_EINVAL;
		}
	} else if (jx_file_signature(text, len) == JX_SIG_OLE) {
		jx_diags_add(diags, JX_SEV_ERROR, &src, 0, 0,
			     "an Excel 97-2003 workbook (.xls) or a WPS table (.et), which jixiao does not read; "
			     "save it as .xlsx (or as CSV UTF-8) in Excel or WPS and import that");
		return JX_EINVAL;
	} else if (len >= 2 && (((unsigned char)text[0] == 0xff && (unsigned char)text[1] == 0xfe) ||
				((unsigned char)text[0] == 0xfe && (unsigned char)text[1] == 0xff))) {
		jx_diags_add(diags, JX_SEV_ERROR, &src, 0, 0,
			     "file is UTF-16; save it as CSV UTF-8 (or export it as .xlsx)");
		return JX_EINVAL;
	} else if (!jx_utf8_valid(text, len)) {
		if (!(conv = from_gb18030(text, len, &len))) {
			jx_diags_add(diags, JX_SEV_ERROR, &src, 0, 0,
				     "file is neither UTF-8 nor GB18030 text");
			return JX_EINVAL;
		}
		text = conv;
	}

	sheet_builder b;
	struct csv_parser p;
	csv_state st = { &b, 0, 0, 0, 0 };
	if ((rc = sheet_builder_init(&b, name, diags)) != 0 || csv_init(&p, CSV_REPALL_NL) != 0) {
		free(conv);
		sheet_builder_release(&b);
		return JX_ENOMEM;
	}
	csv_set_delim(&p, separator(text, len));
	if (csv_parse(&p, text, len, on_field, on_row, &st) != len) {
		jx_diags_add(diags, JX_SEV_ERROR, &src, (unsigned)st.row + 1, 0, "CSV: %s",
			     csv_strerror(csv_error(&p)));
		rc = JX_EINVAL;
	}
	csv_fini(&p, on_field, on_row, &st);
	csv_free(&p);
	free(conv);
	if (rc == 0)
		rc = st.rc;
	if (rc == 0)
		rc = sheet_builder_finish(&b, s);
	else
		sheet_builder_release(&b);
	return rc;
}
