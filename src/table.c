/*
 * table.c - column layout by display width (utf8proc), for the terminal
 * 自评表 and every other tabular text output.
 */
#include "table.h"

#include "jixiao/common.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void jx_table_init(jx_table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	jx_arena_init(&t->arena);
	t->ncols = ncols;
	t->align = calloc(ncols ? ncols : 1, sizeof(*t->align));
	t->oom = t->align == NULL;
}

void jx_table_release(jx_table *t)
{
	jx_arena_release(&t->arena);
	free(t->cells);
	free(t->align);
	free(t->rule_after);
	memset(t, 0, sizeof(*t));
}

void jx_table_align(jx_table *t, size_t col, jx_align a)
{
	if (t->align && col < t->ncols)
		t->align[col] = a;
}

size_t jx_table_row(jx_table *t)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		const char **cells = realloc(t->cells, cap * t->ncols * sizeof(*cells));
		bool *rules = cells ? realloc(t->rule_after, cap * sizeof(*rules)) : NULL;
		if (cells)
			t->cells = cells;
		if (!cells || !rules) {
			t->oom = true;
			return t->nrows ? t->nrows - 1 : 0;
		}
		t->rule_after = rules;
		t->cap = cap;
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof(*t->cells));
	t->rule_after[t->nrows] = false;
	return t->nrows++;
}

void jx_table_set(jx_table *t, size_t row, size_t col, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];
	if (row >= t->nrows || col >= t->ncols)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	char *s;
	if (n >= (int)sizeof(buf)) {
		/* Long text: format again into a buffer of the right size. */
		s = jx_arena_alloc(&t->arena, (size_t)n + 1);
		if (s) {
			va_start(ap, fmt);
			vsnprintf(s, (size_t)n + 1, fmt, ap);
			va_end(ap);
		}
	} else {
		s = jx_arena_strndup(&t->arena, buf, n > 0 ? (size_t)n : 0);
	}
	if (!s)
		t->oom = true;
	t->cells[row * t->ncols + col] = s;
}

void jx_table_rule(jx_table *t, size_t row)
{
	if (row < t->nrows)
		t->rule_after[row] = true;
}

void jx_table_header(jx_table *t, const char *const *titles)
{
	size_t r = jx_table_row(t);
	for (size_t c = 0; c < t->ncols; c++)
		if (titles[c])
			jx_table_set(t, r, c, "%s", titles[c]);
	jx_table_rule(t, r);
}

static void pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

int jx_table_print(const jx_table *t, FILE *out)
{
	size_t *width = calloc(t->ncols ? t->ncols : 1, sizeof(*width));
	size_t total = 0;
	if (!width || t->oom) {
		free(width);
		return JX_ENOMEM;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t w = jx_text_width0(t->cells[r * t->ncols + c]);
			if (w > width[c])
				width[c] = w;
		}
	for (size_t c = 0; c < t->ncols; c++)
		total += width[c] ? width[c] + 2 : 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t last = 0, pending = 0;
		for (size_t c = 0; c < t->ncols; c++)
			if (t->cells[r * t->ncols + c] && *t->cells[r * t->ncols + c])
				last = c + 1;
		bool first = true;
		for (size_t c = 0; c < last; c++) {
			if (!width[c])
				continue;
			const char *s = t->cells[r * t->ncols + c];
			size_t w = jx_text_width0(s), gap = width[c] - w;
			if (!first)
				pending += 2;
			first = false;
			if (t->align[c] == JX_RIGHT)
				pending += gap;
			if (s && *s) {
				size_t len = strlen(s);
				while (c + 1 == last && len > 0 && s[len - 1] == ' ')
					len--; /* a cell's own trailing blank ends no line */
				pad(out, pending);
				pending = 0;
				fwrite(s, 1, len, out);
			}
			if (t->align[c] == JX_LEFT)
				pending += gap;
		}
		fputc('\n', out);
		if (t->rule_after[r]) {
			for (size_t i = 0; i + 2 < total; i++)
				fputc('-', out);
			fputc('\n', out);
		}
	}
	free(width);
	return ferror(out) ? JX_EIO : 0;
}
