/*
 * diag.c - the diagnostics list and its compiler-style printer
 * ("file:line:col: error: message", then the source line and a caret).
 */
#include "jixiao/diag.h"

#include "grow.h"
#include "jixiao/common.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *jx_strerror(int code)
{
	switch (code) {
	case JX_OK: return "success";
	case JX_EINVAL: return "invalid input";
	case JX_ERANGE: return "number out of range";
	case JX_ENOMEM: return "out of memory";
	case JX_EIO: return "input/output error";
	case JX_ENOTFOUND: return "not found";
	case JX_ELIMIT: return "input limit exceeded";
	default: return "unknown error";
	}
}

void jx_diags_init(jx_diags *d)
{
	memset(d, 0, sizeof(*d));
	d->limit = JX_DIAG_LIMIT;
}

static void diag_free(jx_diag *g)
{
	free(g->file);
	free(g->message);
	free(g->source);
}

void jx_diags_release(jx_diags *d)
{
	size_t limit = d->limit;
	for (size_t i = 0; i < d->count; i++)
		diag_free(&d->items[i]);
	free(d->items);
	memset(d, 0, sizeof(*d));
	d->limit = limit;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Copy line number `line` (1-based) of src, without its line end. */
static char *source_line(const jx_source *src, unsigned line)
{
	const char *p = src->text, *end = src->text + src->len;
	for (unsigned l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	if (p >= end && line > 1)
		return NULL;
	const char *e = memchr(p, '\n', (size_t)(end - p));
	size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	return dup_n(p, n);
}

/* Keep one diagnostic; takes ownership of the strings in g. */
static void diags_keep(jx_diags *d, jx_diag *g)
{
	if (g->severity == JX_SEV_ERROR)
		d->errors++;
	else if (g->severity == JX_SEV_WARNING)
		d->warnings++;
	if (d->count >= d->limit || !g->message)
		goto drop;
	if (!JX_GROW(d->items, d->cap, d->count + 1, 8))
		goto drop;
	d->items[d->count++] = *g;
	return;
drop:
	d->dropped++;
	diag_free(g);
}

void jx_diags_add(jx_diags *d, jx_severity sev, const jx_source *src, unsigned line,
		  unsigned col, const char *fmt, ...)
{
	jx_diag g = { sev, NULL, line, col, NULL, NULL };
	va_list ap;

	if (d->count >= d->limit) {
		/* Past the cap: counted, not built (a hostile file may hold millions). */
		d->errors += sev == JX_SEV_ERROR;
		d->warnings += sev == JX_SEV_WARNING;
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	g.message = jx_vstrdupf(fmt, ap);
	va_end(ap);
	if (src && src->file)
		g.file = dup_n(src->file, strlen(src->file));
	if (src && src->text && line > 0)
		g.source = source_line(src, line);
	diags_keep(d, &g);
}

/* Position of a diagnostic for sorting. */
static unsigned long long place(const jx_diag *g)
{
	return ((unsigned long long)g->line << 32) | g->col;
}

static bool same_file(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Where the file of g first appears among the diagnostics (not notes) from
 * `from` on: files sort in that order. */
static size_t file_rank(const jx_diags *d, size_t from, const jx_diag *g)
{
	for (size_t i = from; i < d->count; i++)
		if (d->items[i].severity != JX_SEV_NOTE && same_file(d->items[i].file, g->file))
			return i;
	return d->count;
}

/* Whether group head a may stay before group head b. */
static bool in_order(const jx_diags *d, size_t from, const jx_diag *a, const jx_diag *b)
{
	size_t ra = file_rank(d, from, a), rb = file_rank(d, from, b);
	return ra != rb ? ra < rb : place(a) <= place(b);
}

static void reverse(jx_diag *a, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		jx_diag t = a[i];
		a[i] = a[n - 1 - i];
		a[n - 1 - i] = t;
	}
}

void jx_diags_sort(jx_diags *d, size_t from)
{
	/* Insertion sort of groups (a diagnostic and its trailing notes): the
	 * lists are short and it keeps equal places in order. */
	size_t i = from;
	while (i < d->count) {
		size_t end = i + 1;
		while (end < d->count && d->items[end].severity == JX_SEV_NOTE)
			end++;
		size_t at = i;
		while (at > from) {
			/* find the start of the group before `at` */
			size_t prev = at - 1;
			while (prev > from && d->items[prev].severity == JX_SEV_NOTE)
				prev--;
			if (in_order(d, from, &d->items[prev], &d->items[i]))
				break;
			at = prev;
		}
		if (at < i) {
			/* rotate [at, end) so the group [i, end) comes first */
			reverse(d->items + at, i - at);
			reverse(d->items + i, end - i);
			reverse(d->items + at, end - at);
		}
		i = end;
	}
}

void jx_diags_copy(jx_diags *to, const jx_diag *f)
{
	jx_diag g = *f;
	g.file = f->file ? dup_n(f->file, strlen(f->file)) : NULL;
	g.message = dup_n(f->message, strlen(f->message));
	g.source = f->source ? dup_n(f->source, strlen(f->source)) : NULL;
	diags_keep(to, &g);
}

void jx_diags_append(jx_diags *to, const jx_diags *from)
{
	for (size_t i = 0; i < from->count; i++)
		jx_diags_copy(to, &from->items[i]);
	to->dropped += from->dropped;
}

static const char *severity_name(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR: return "error";
	case JX_SEV_WARNING: return "warning";
	default: return "note";
	}
}

static const char *severity_color(jx_severity s)
{
	switch (s) {
	case JX_SEV_ERROR: return "\033[1;31m";
	case JX_SEV_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

/* The source line, then a caret under column col, aligned for wide text:
 * the caret line repeats the line's tabs so it lines up under any tab width. */
static void print_caret(FILE *out, const char *line, unsigned col, int flags)
{
	size_t len = strlen(line), upto = jx_utf8_offset(line, len, col > 0 ? col - 1 : 0);

	fprintf(out, " %s\n ", line);
	for (size_t i = 0; i < upto;) {
		size_t start = i;
		if (line[i] == '\t') {
			fputc('\t', out);
			i++;
			continue;
		}
		jx_utf8_next(line, len, &i);
		for (size_t w = jx_text_width(line + start, i - start); w > 0; w--)
			fputc(' ', out);
	}
	fprintf(out, "%s^%s\n", flags & JX_DIAG_COLOR ? "\033[1;32m" : "",
		flags & JX_DIAG_COLOR ? "\033[0m" : "");
}

/* s with its control characters as "\xHH" (jx_text_control_len): a message
 * quoting a name decoded from "\e[2J", or a file named with a line feed,
 * must not clear the terminal or break the line. */
static void put_text(FILE *out, const char *s)
{
	while (*s) {
		size_t n = jx_text_control_len(s);
		if (n == 0)
			fputc(*s++, out);
		for (; n > 0; n--)
			fprintf(out, "\\x%02X", (unsigned char)*s++);
	}
}

void jx_diags_print(FILE *out, const jx_diags *d, int flags)
{
	for (size_t i = 0; i < d->count; i++) {
		const jx_diag *g = &d->items[i];
		if (g->file) {
			put_text(out, g->file);
			if (g->line)
				fprintf(out, ":%u", g->line);
			if (g->line && g->col)
				fprintf(out, ":%u", g->col);
			fputs(": ", out);
		} else {
			fputs("jixiao: ", out);
		}
		if (flags & JX_DIAG_COLOR)
			fprintf(out, "%s%s:\033[0m ", severity_color(g->severity),
				severity_name(g->severity));
		else
			fprintf(out, "%s: ", severity_name(g->severity));
		put_text(out, g->message);
		fputc('\n', out);
		if ((flags & JX_DIAG_CARET) && g->source && g->col)
			print_caret(out, g->source, g->col, flags);
	}
	if (d->dropped)
		fprintf(out, "jixiao: %zu more diagnostic%s not shown\n", d->dropped,
			d->dropped == 1 ? "" : "s");
}
