/*
 * schema.c - typed reads from YAML nodes with diagnostics at the node.
 */
#include "schema.h"

#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

unsigned jx_node_col(const jx_ynode *n, size_t off)
{
	if (n->kind != JX_Y_SCALAR || !n->verbatim || (!n->plain && !n->quoted))
		return n->col;
	unsigned col = n->col + (n->quoted ? 1u : 0u);
	return off == 0 ? col : col + (unsigned)jx_utf8_count(n->str, off < n->len ? off : n->len);
}

static void vreport(const jx_reader *rd, jx_severity sev, const jx_ynode *n, unsigned col,
		    const char *fmt, va_list ap)
{
	char buf[768];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	jx_diags_add(rd->diags, sev, rd->src, n ? n->line : 0, n ? col : 0, "%s", buf);
}

void jx_read_error(const jx_reader *rd, const jx_ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(rd, JX_SEV_ERROR, n, n ? jx_node_col(n, 0) : 0, fmt, ap);
	va_end(ap);
}

void jx_read_error_at(const jx_reader *rd, const jx_ynode *n, size_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(rd, JX_SEV_ERROR, n, jx_node_col(n, off), fmt, ap);
	va_end(ap);
}

void jx_read_warning(const jx_reader *rd, const jx_ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(rd, JX_SEV_WARNING, n, n ? jx_node_col(n, 0) : 0, fmt, ap);
	va_end(ap);
}

bool jx_keys_has(const jx_keys *k, int id)
{
	return ((k->seen | k->hinted) >> id) & 1;
}

int jx_read_key(const jx_reader *rd, const jx_ynode *k, const jx_field *fields, size_t n,
		jx_keys *seen, const char *where)
{
	if (k->kind != JX_Y_SCALAR || k->bad)
		return -1; /* reported by the tree builder */
	for (size_t i = 0; i < n; i++) {
		if (k->str[0] != fields[i].key[0] || strcmp(k->str, fields[i].key) != 0)
			continue;
		uint64_t bit = UINT64_C(1) << fields[i].id;
		if (seen->seen & bit) {
			/* Same field under another spelling (the same spelling twice
			 * was reported and dropped by the tree builder). */
			jx_read_error(rd, k, "'%s' is given twice in %s%s (also as '%s')", k->str,
				      strncmp(where, "the ", 4) == 0 ? "" : "this ", where,
				      fields[seen->spelled[fields[i].id]].key);
			return -1;
		}
		seen->seen |= bit;
		seen->spelled[fields[i].id] = (uint8_t)i;
		return fields[i].id;
	}
	const char *names[96], *hint = NULL;
	size_t nnames = 0;
	for (size_t i = 0; i < n && nnames < 96; i++)
		names[nnames++] = fields[i].key;
	if (nnames > 0)
		hint = jx_text_suggest(k->str, names, nnames);
	if (hint) {
		for (size_t i = 0; i < n; i++)
			if (fields[i].key == hint)
				seen->hinted |= UINT64_C(1) << fields[i].id;
		jx_read_error(rd, k, "unknown key '%s' in %s; did you mean '%s'?", k->str, where, hint);
	} else
		jx_read_error(rd, k, "unknown key '%s' in %s", k->str, where);
	return -1;
}

/* The kinds of file jixiao reads, by the key of their format version. */
static const struct {
	const char *key, *what, *use;
} file_kinds[] = {
	{ "jixiao", "an evaluation", "score it with 'jixiao score FILE'" },
	{ "jixiao-rules", "a rule set", "name it with --rules" },
	{ "jixiao-ahp", "AHP comparisons", "read it with 'jixiao ahp FILE'" },
};

bool jx_read_file_kind(const jx_reader *rd, const jx_ynode *root, const char *key)
{
	const jx_ynode *k = root->n ? root->items[0] : NULL;
	if (!k || k->kind != JX_Y_SCALAR || k->bad || strncmp(k->str, "jixiao", 6) != 0 ||
	    strcmp(k->str, key) == 0)
		return true;
	size_t n = sizeof(file_kinds) / sizeof(file_kinds[0]), want = n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(key, file_kinds[i].key) == 0)
			want = i;
	for (size_t i = 0; i < n && want < n; i++)
		if (strcmp(k->str, file_kinds[i].key) == 0) {
			jx_read_error(rd, k, "this file holds %s ('%s'), not %s; %s", file_kinds[i].what,
				      file_kinds[i].key, file_kinds[want].what, file_kinds[i].use);
			return false;
		}
	return true;
}

/* What a node is, for "expected X, got Y": scalars by their text. */
static const char *got(const jx_ynode *n, char *buf, size_t size)
{
	if (n->kind != JX_Y_SCALAR || n->null)
		return jx_ynode_kind_name(n);
	size_t len = n->len > 40 ? jx_utf8_offset(n->str, n->len, 30) : n->len;
	snprintf(buf, size, "'%.*s%s'", (int)len, n->str, len < n->len ? "…" : "");
	return buf;
}

bool jx_read_map(const jx_reader *rd, const jx_ynode *n, const char *what)
{
	if (n->bad)
		return false; /* a refused alias, reported already */
	char buf[160];
	if (n->kind == JX_Y_MAP)
		return true;
	if (n->kind == JX_Y_SCALAR && strstr(n->str, "\xef\xbc\x9a")) /* full-width colon */
		jx_read_error(rd, n, "expected %s, got a text; a key ends in an ASCII ':' and a space, not '：'",
			      what);
	else
		jx_read_error(rd, n, "expected %s, got %s", what, got(n, buf, sizeof(buf)));
	return false;
}

bool jx_read_list(const jx_reader *rd, const jx_ynode *n, const char *what)
{
	if (n->bad)
		return false; /* a refused alias, reported already */
	char buf[160];
	if (n->kind == JX_Y_SEQ)
		return true;
	jx_read_error(rd, n, "expected %s, got %s", what, got(n, buf, sizeof(buf)));
	return false;
}

static const char *keep(const jx_reader *rd, const jx_ynode *n)
{
	return rd->copy ? jx_arena_strndup(rd->arena, n->str, n->len) : n->str;
}

bool jx_read_opt_text(const jx_reader *rd, const jx_ynode *n, const char *what, const char **out)
{
	if (n->bad)
		return false; /* a refused alias, reported already */
	if (n->kind != JX_Y_SCALAR) {
		jx_read_error(rd, n, "expected %s, got %s", what, jx_ynode_kind_name(n));
		return false;
	}
	/* The line break a block (|) ends with, and blanks around the text, are
	 * not part of it. */
	const char *t = n->str;
	size_t len = n->len;
	jx_text_trim(&t, &len);
	*out = n->null ? "" : len == n->len ? keep(rd, n) : jx_arena_strndup(rd->arena, t, len);
	return *out != NULL;
}

bool jx_read_text(const jx_reader *rd, const jx_ynode *n, const char *what, const char **out)
{
	if (n->bad)
		return false; /* a refused alias, reported already */
	if (n->kind == JX_Y_SCALAR && !n->null) {
		const char *t = n->str;
		size_t len = n->len;
		jx_text_trim(&t, &len);
		size_t brk = strcspn(t, "\t\r\n");
		if (len > 0 && brk < len) {
			jx_read_error_at(rd, n, (size_t)(t - n->str) + brk,
					 "%s cannot hold a %s: write it on one line", what,
					 t[brk] == '\t' ? "tab" : "line break");
			return false;
		}
		if (len > 0) {
			*out = keep(rd, n);
			return *out != NULL;
		}
	}
	jx_read_error(rd, n, "expected %s, got %s", what,
		      n->kind == JX_Y_SCALAR ? "an empty value" : jx_ynode_kind_name(n));
	return false;
}

/* Why t[0..len) is not a number, when a common slip explains it: digits
 * typed in full width ("２０", what a Chinese input method gives), a
 * number in Chinese numerals ("二十"), a weight written as a percentage.
 * Writes "; …" into buf (empty when nothing fits). */
static void number_hint(char *buf, size_t size, const char *t, size_t len, const char *what)
{
	char ascii[64];
	size_t i = 0, o = 0;
	bool wide = false, chinese = false;

	buf[0] = '\0';
	while (i < len) {
		size_t start = i;
		int32_t cp = jx_utf8_next(t, len, &i);
		char a = cp < 0 ? '?' : cp > 0x7F ? jx_text_ascii_of(cp) : (char)cp;
		wide |= cp > 0x7F && a;
		if (cp > 0x7F && !a) {
			/* one of the numerals, as a whole UTF-8 character */
			chinese |= i - start == 3 && jx_text_chinese_numeral(t + start, 3);
			a = '?';
		}
		if (o + 1 < sizeof(ascii))
			ascii[o++] = a;
	}
	ascii[o] = '\0';
	if (chinese)
		snprintf(buf, size, "; write the number in digits");
	else if (wide && !strchr(ascii, '?') && o < sizeof(ascii) - 1)
		snprintf(buf, size, "; the digits are full-width: write '%s'", ascii);
	else if (strcmp(what, "a weight") == 0 && len > 1 && t[len - 1] == '%')
		snprintf(buf, size, "; a weight is the points (分值) of the indicator, not a percentage: write '%.*s'",
			 (int)(len - 1), t);
}

bool jx_read_dec(const jx_reader *rd, const jx_ynode *n, const char *what, const char *suffix,
		 jx_dec *out, int *places)
{
	const char *t;
	size_t len, errpos = 0;

	if (n->bad)
		return false;
	if (n->kind != JX_Y_SCALAR || n->null) {
		jx_read_error(rd, n, "expected %s (a number), got %s", what, jx_ynode_kind_name(n));
		return false;
	}
	t = n->str;
	len = n->len;
	jx_text_trim(&t, &len);
	if (suffix) {
		size_t sl = strlen(suffix);
		if (len >= sl && memcmp(t + len - sl, suffix, sl) == 0) {
			len -= sl;
			jx_text_trim(&t, &len);
		}
	}
	int rc = jx_dec_parse(out, places, t, len, &errpos);
	if (rc == 0)
		return true;
	size_t off = (size_t)(t - n->str) + errpos;
	char hint[160];
	if (rc == JX_DEC_ESYNTAX) {
		number_hint(hint, sizeof(hint), t, len, what);
		jx_read_error_at(rd, n, off, "expected %s (a number), got '%s'%s", what, n->str, hint);
	}
	else
		jx_read_error_at(rd, n, off, "%s in %s '%s'", jx_dec_strerror(rc), what, n->str);
	return false;
}

bool jx_read_int(const jx_reader *rd, const jx_ynode *n, const char *what, long min, long max,
		 long *out)
{
	jx_dec d;
	if (!jx_read_dec(rd, n, what, NULL, &d, NULL))
		return false;
	if (d.units % JX_DEC_SCALE != 0 || d.units / JX_DEC_SCALE < min ||
	    d.units / JX_DEC_SCALE > max) {
		jx_read_error(rd, n, "%s must be a whole number from %ld to %ld, not '%s'", what, min,
			      max, n->str);
		return false;
	}
	*out = (long)(d.units / JX_DEC_SCALE);
	return true;
}

bool jx_read_pct(const jx_reader *rd, const jx_ynode *n, const char *what, long max_pct,
		 jx_frac *out)
{
	jx_dec d;
	if (n->bad)
		return false;
	if (n->kind != JX_Y_SCALAR || n->null || n->len == 0 || n->str[n->len - 1] != '%') {
		jx_read_error(rd, n, "expected %s as a percentage such as '60%%', got %s", what,
			      n->kind == JX_Y_SCALAR && !n->null ? n->str : jx_ynode_kind_name(n));
		return false;
	}
	if (!jx_read_dec(rd, n, what, "%", &d, NULL))
		return false;
	if (d.units < 0 || jx_dec_cmp(d, jx_dec_from_int(max_pct)) > 0) {
		jx_read_error(rd, n, "%s must lie between 0%% and %ld%%, not '%s'", what, max_pct,
			      n->str);
		return false;
	}
	jx_frac f = jx_frac_from_dec(d);
	return jx_frac_div(out, f, jx_frac_make(100, 1)) == 0;
}

bool jx_read_texts(const jx_reader *rd, const jx_ynode *n, const char *what,
		   const char *const **out, size_t *count)
{
	const jx_ynode *const *items = (const jx_ynode *const *)&n;
	size_t k = 1;
	bool ok = true;

	if (n->kind == JX_Y_SEQ) {
		items = (const jx_ynode *const *)n->items;
		k = n->n;
	} else if (n->kind == JX_Y_SCALAR && n->null) {
		k = 0;
	} else if (n->kind != JX_Y_SCALAR) {
		jx_read_error(rd, n, "expected %s (a list of texts), got %s", what,
			      jx_ynode_kind_name(n));
		return false;
	}
	const char **list = jx_arena_array(rd->arena, k ? k : 1, sizeof(*list));
	if (!list)
		return false;
	size_t got = 0;
	for (size_t i = 0; i < k; i++) {
		bool one = jx_read_text(rd, items[i], what, &list[got]);
		got += one; /* the list holds the texts that could be read, no holes */
		ok &= one;
	}
	*out = list;
	*count = got;
	return ok;
}
