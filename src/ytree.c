/*
 * ytree.c - a marked node tree built from YAML events: those of the subset
 * reader (ysubset.c) when it reads the whole text, else libyaml's.
 * libyaml 0.2.5 has no limits of its own, accepts duplicate keys and expands
 * nothing itself; this stage adds the limits and the checks, the same for
 * the events of either reader.
 */
#include "ytree.h"

#include "grow.h"
#include "jixiao/common.h"
#include "readfile.h"
#include "text.h"
#include "ysubset.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* An open collection while events stream in: its children sit on the
 * scratch stack from index first upwards. */
typedef struct frame {
	jx_ynode *node;
	size_t first;
	bool flow; /* a mapping written {…} */
} frame;

typedef struct builder {
	jx_ytree *tree;
	jx_diags *diags;
	frame stack[JX_MAX_YAML_DEPTH];
	size_t depth;
	jx_ynode **scratch;
	size_t nscratch, cap;
	size_t nodes;
	bool failed; /* an error that leaves the tree unusable */
	jx_yevents events; /* the subset reader's */
} builder;

static void error_at(builder *b, unsigned line, unsigned col, const char *fmt, const char *arg)
{
	jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col, fmt, arg);
}

static inline int push_scratch(builder *b, jx_ynode *n)
{
	if (!JX_GROW(b->scratch, b->cap, b->nscratch + 1, 64))
		return JX_ENOMEM;
	b->scratch[b->nscratch++] = n;
	return 0;
}

static void too_many_nodes(builder *b, const yaml_mark_t *m)
{
	if (b->nodes == JX_MAX_YAML_NODES)
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, (unsigned)m->line + 1,
			     (unsigned)m->column + 1, "too many YAML nodes (the limit is %u)",
			     JX_MAX_YAML_NODES);
	b->nodes++;
	b->failed = true;
}

static inline jx_ynode *new_node(builder *b, jx_ykind kind, const yaml_mark_t *m)
{
	if (b->nodes >= JX_MAX_YAML_NODES) {
		too_many_nodes(b, m);
		return NULL;
	}
	jx_ynode *n = jx_arena_alloc(&b->tree->arena, sizeof(*n));
	if (!n)
		return NULL;
	n->kind = kind;
	n->line = (unsigned)m->line + 1;
	n->col = (unsigned)m->column + 1;
	b->nodes++;
	return n;
}

static int attach(builder *b, jx_ynode *n)
{
	if (b->depth == 0) {
		b->tree->root = n;
		return 0;
	}
	return push_scratch(b, n);
}

static bool same_key(const jx_ynode *a, const jx_ynode *b)
{
	return a->kind == JX_Y_SCALAR && b->kind == JX_Y_SCALAR && !a->bad && !b->bad && a->len == b->len &&
	       (a->len == 0 || a->str[0] == b->str[0]) && memcmp(a->str, b->str, a->len) == 0;
}

static void report_duplicate(builder *b, const jx_ynode *first, const jx_ynode *dup)
{
	jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, dup->line, dup->col,
		     "duplicate key '%s' (first at line %u)", dup->str, first->line);
}

/* Drop the pairs flagged in dup (a later occurrence of a key), so that
 * loaders see each key once. */
static void drop_pairs(jx_ynode *m, const bool *dup)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (!dup[i]) {
			m->items[2 * k] = m->items[2 * i];
			m->items[2 * k + 1] = m->items[2 * i + 1];
			k++;
		}
	m->n = k;
}

typedef struct keyref {
	const jx_ynode *key;
	size_t pair;
} keyref;

static int key_cmp(const void *pa, const void *pb)
{
	const jx_ynode *a = ((const keyref *)pa)->key, *b = ((const keyref *)pb)->key;
	/* Lists or mappings used as keys (already reported) sort first, unequal. */
	bool sa = a->kind == JX_Y_SCALAR, sb = b->kind == JX_Y_SCALAR;
	if (!sa || !sb)
		return sa == sb ? (a->line > b->line) - (a->line < b->line) : (sa ? 1 : -1);
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	int c = memcmp(a->str, b->str, a->len);
	if (c)
		return c;
	return (a->line > b->line) - (a->line < b->line);
}

/* Maps up to this many keys are checked pairwise (an indicator has ten or so). */
#define SMALL_MAP 32

/* Duplicate keys: pairwise for small maps, sorted for large ones so that a
 * hostile map with many keys costs n log n, not n^2. Each duplicate is
 * reported and removed. */
static int check_keys(builder *b, jx_ynode *m)
{
	bool small[SMALL_MAP] = { false }, *dup = small;
	keyref *keys = NULL;

	for (size_t i = 0; i < m->n; i++) {
		jx_ynode *k = m->items[2 * i];
		if (k->kind != JX_Y_SCALAR)
			jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, k->line, k->col,
				     "mapping keys must be plain text, not %s",
				     jx_ynode_kind_name(k));
	}
	if (m->n > SMALL_MAP) {
		dup = calloc(m->n, sizeof(*dup));
		keys = malloc(m->n * sizeof(*keys));
		if (!dup || !keys) {
			free(dup);
			free(keys);
			return JX_ENOMEM;
		}
		for (size_t i = 0; i < m->n; i++) {
			keys[i].key = m->items[2 * i];
			keys[i].pair = i;
		}
		qsort(keys, m->n, sizeof(*keys), key_cmp);
		for (size_t i = 1, first = 0; i < m->n; i++) {
			if (same_key(keys[first].key, keys[i].key)) {
				report_duplicate(b, keys[first].key, keys[i].key);
				dup[keys[i].pair] = true;
			} else {
				first = i;
			}
		}
	} else {
		/* A key is compared with the earlier ones only when one of them
		 * shares its length and first byte (its bit below): the usual
		 * map of distinct keys costs one pass. */
		uint64_t bits = 0;
		for (size_t i = 0; i < m->n; i++) {
			const jx_ynode *k = m->items[2 * i];
			if (k->kind != JX_Y_SCALAR)
				continue;
			uint64_t bit = UINT64_C(1) << ((k->len * 7 + (k->len ? (unsigned char)k->str[0] : 0)) & 63);
			for (size_t j = 0; (bits & bit) && j < i; j++)
				if (same_key(m->items[2 * j], k)) {
					report_duplicate(b, m->items[2 * j], k);
					dup[i] = true;
					break;
				}
			bits |= bit;
		}
	}
	drop_pairs(m, dup);
	if (dup != small)
		free(dup);
	free(keys);
	return 0;
}

/* A plain scalar of digits only: 1 to 3 of them, or (a group after a
 * thousands separator) exactly 3 with an optional fraction. */
static bool digit_group(const jx_ynode *n, bool after_comma)
{
	if (n->kind != JX_Y_SCALAR || !n->plain || n->bad)
		return false;
	size_t d = strspn(n->str, "0123456789");
	if (!after_comma)
		return d >= 1 && d <= 3 && d == n->len;
	if (d != 3)
		return false;
	if (d == n->len)
		return true;
	return n->str[3] == '.' && n->len > 4 && strspn(n->str + 4, "0123456789") == n->len - 4;
}

/* {initial: 2,927.27, …}: in a flow mapping the comma ends the entry, so
 * the number falls apart into the value 2 and the key 927.27 without a
 * value (which would then be reported as an unknown or a duplicate key).
 * Reports the number with the fix, reads the value as nothing and drops
 * the stray keys. */
static void join_thousands(builder *b, jx_ynode *m)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		jx_ynode *key = m->items[2 * i], *val = m->items[2 * i + 1];
		size_t j = i + 1;
		m->items[2 * k] = key;
		m->items[2 * k + 1] = val;
		k++;
		if (!digit_group(val, false))
			continue;
		while (j < m->n && m->items[2 * j]->line == val->line && digit_group(m->items[2 * j], true) &&
		       m->items[2 * j + 1]->kind == JX_Y_SCALAR && m->items[2 * j + 1]->null &&
		       m->items[2 * j + 1]->len == 0)
			if (m->items[2 * j++]->len > 3)
				break; /* the fraction ends the number */
		if (j == i + 1)
			continue;
		char num[64];
		size_t used = (size_t)snprintf(num, sizeof(num), "%s", val->str);
		for (size_t g = i + 1; g < j && used < sizeof(num); g++)
			used += (size_t)snprintf(num + used, sizeof(num) - used, ",%s", m->items[2 * g]->str);
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, val->line, val->col,
			     "the number '%s' falls apart at the comma: inside {…} a comma separates the entries; put the number in quotes: %s: \"%s\"",
			     num, key->kind == JX_Y_SCALAR ? key->str : "", num);
		val->bad = true;
		i = j - 1;
	}
	m->n = k;
}

static int close_collection(builder *b)
{
	frame *f = &b->stack[--b->depth];
	size_t count = b->nscratch - f->first;
	jx_ynode *n = f->node;

	n->items = jx_arena_array(&b->tree->arena, count ? count : 1, sizeof(*n->items));
	if (!n->items)
		return JX_ENOMEM;
	if (count > 0)
		memcpy(n->items, b->scratch + f->first, count * sizeof(*n->items));
	b->nscratch = f->first;
	if (n->kind == JX_Y_MAP) {
		n->n = count / 2;
		if (f->flow) /* where a comma ends an entry */
			join_thousands(b, n);
		return check_keys(b, n);
	}
	n->n = count;
	return 0;
}

static bool is_null_text(const char *s, size_t len)
{
	return len == 0 || (len == 1 && s[0] == '~') ||
	       (len == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

/* Anchors, aliases and foreign tags are refused; the node is still built so
 * the rest of the file is checked too. */
static void check_props(builder *b, const yaml_mark_t *m, const yaml_char_t *anchor,
			const yaml_char_t *tag)
{
	if (!anchor && !tag)
		return;
	unsigned line = (unsigned)m->line + 1, col = (unsigned)m->column + 1;
	if (anchor)
		error_at(b, line, col, "anchors are not supported ('&%s')", (const char *)anchor);
	if (tag && strncmp((const char *)tag, "tag:yaml.org,2002:", 18) != 0)
		error_at(b, line, col, "YAML tags are not supported ('%s')", (const char *)tag);
}

/* The first control character of s[0..len) other than a tab or a line
 * feed (C0, DEL, C1), or -1. */
static long control_char(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return c;
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f)
			return (unsigned char)s[i + 1];
	}
	return -1;
}

static int on_scalar(builder *b, yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	size_t len = ev->data.scalar.length;
	const char *text = (const char *)ev->data.scalar.value;

	check_props(b, m, ev->data.scalar.anchor, ev->data.scalar.tag);
	jx_ynode *n = new_node(b, JX_Y_SCALAR, m);
	if (!n)
		return b->failed ? 0 : JX_ENOMEM;
	if (len > JX_MAX_SCALAR_BYTES) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, n->line, n->col,
			     "text of %zu bytes is longer than the limit of %u bytes", len,
			     JX_MAX_SCALAR_BYTES);
		len = 0;
		n->bad = true; /* reported: read as nothing, not as an empty value */
	}
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	/* Columns inside the text are exact only when the source holds it as is:
	 * on one line, without escapes (quotes add two characters). A plain
	 * scalar as wide as its bytes is ASCII and needs no counting. */
	size_t quotes = n->plain ? 0 : 2, span = ev->end_mark.column - ev->start_mark.column;
	n->verbatim = ev->start_mark.line == ev->end_mark.line &&
		      ((n->plain && span == len) || span == jx_utf8_count(text, len) + quotes);
	n->quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		    ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	n->null = (n->plain && is_null_text(text, len)) || n->bad;
	n->str = jx_arena_strndup(&b->tree->arena, text, len);
	n->len = len;
	if (!n->str)
		return JX_ENOMEM;
	/* Only an escape ("\0", "\e", "\x1b", "\r") can put a control character
	 * into text: libyaml refuses them in the file itself. */
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && memchr(text, '\0', len)) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, n->line, n->col,
			     "text contains a NUL character");
		n->len = strlen(n->str); /* what every reader sees: the text up to the NUL */
	}
	long cc = ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && !n->bad ? control_char(n->str, n->len) : -1;
	if (cc >= 0) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, n->line, n->col,
			     "text contains the control character U+%04lX (an escape such as \\e or \\r); "
			     "it would garble terminals and tables: remove it", (unsigned long)cc);
		n->bad = n->null = true; /* reported: read as nothing */
	}
	return attach(b, n);
}

static int on_alias(builder *b, yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	error_at(b, (unsigned)m->line + 1, (unsigned)m->column + 1,
		 "aliases are not supported ('*%s'); write the value out",
		 (const char *)ev->data.alias.anchor);
	jx_ynode *n = new_node(b, JX_Y_SCALAR, m);
	if (!n)
		return b->failed ? 0 : JX_ENOMEM;
	n->null = n->plain = n->bad = true;
	n->str = "";
	return attach(b, n);
}

static int on_open(builder *b, yaml_event_t *ev, jx_ykind kind)
{
	const yaml_mark_t *m = &ev->start_mark;
	if (kind == JX_Y_MAP)
		check_props(b, m, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
	else
		check_props(b, m, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
	if (b->depth == JX_MAX_YAML_DEPTH) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, (unsigned)m->line + 1,
			     (unsigned)m->column + 1,
			     "nesting deeper than %d levels", JX_MAX_YAML_DEPTH);
		b->failed = true;
		return 0;
	}
	jx_ynode *n = new_node(b, kind, m);
	if (!n)
		return b->failed ? 0 : JX_ENOMEM;
	int rc = attach(b, n);
	if (rc)
		return rc;
	b->stack[b->depth].node = n;
	b->stack[b->depth].first = b->nscratch;
	b->stack[b->depth].flow = kind == JX_Y_MAP && ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	b->depth++;
	return 0;
}

/* Line and column (1-based, characters) of byte offset off in the text. */
static void offset_to_mark(const jx_ytree *t, size_t off, unsigned *line, unsigned *col)
{
	size_t start = 0;
	*line = 1;
	if (off > t->len)
		off = t->len;
	for (size_t i = 0; i < off; i++)
		if (t->text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (unsigned)jx_utf8_count(t->text + start, off - start) + 1;
}

/* Start and length (without the line end) of line `line` (1-based). */
static const char *line_at(const jx_ytree *t, unsigned line, size_t *len)
{
	const char *p = t->text, *end = t->text + t->len;
	for (unsigned l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = nl ? (size_t)(nl - p) : (size_t)(end - p);
	if (*len > 0 && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

/* Byte offset of column col (1-based, characters) in a line. */
static size_t col_offset(const char *line, size_t len, unsigned col)
{
	return jx_utf8_offset(line, len, col > 0 ? col - 1 : 0);
}

/* What follows a block indicator ('>' or '|') on its line is a valid block
 * header: an indentation digit, a chomping sign, spaces, a comment. */
static bool block_header_ok(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && i < 2 && (s[i] == '+' || s[i] == '-' || (s[i] >= '1' && s[i] <= '9')))
		i++;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == len || s[i] == '#';
}

/* The classic mistake: target: >=200份 makes '>' a block indicator. Reports
 * it, with the line written the way it should be, and returns true. */
static bool report_block_mistake(builder *b, unsigned line, unsigned col)
{
	size_t len, off;
	const char *text = line_at(b->tree, line, &len);
	off = col_offset(text, len, col);
	if (off >= len || (text[off] != '>' && text[off] != '|') ||
	    block_header_ok(text + off + 1, len - off - 1))
		return false;
	/* The value runs to the end of the line, or in a flow to ',', '}' or ']'. */
	size_t vend = off, kend = off, kstart;
	bool flow = memchr(text, '{', off) || memchr(text, '[', off);
	while (vend < len && !(flow && strchr(",}]", text[vend])) && text[vend] != '#')
		vend++;
	while (vend > off && text[vend - 1] == ' ')
		vend--;
	while (kend > 0 && (text[kend - 1] == ' ' || text[kend - 1] == ':'))
		kend--;
	kstart = kend;
	while (kstart > 0 && !strchr(" {,-", text[kstart - 1]))
		kstart--;
	jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
		     "invalid YAML: a value cannot start with '%c' unless quoted", text[off]);
	jx_diags_add(b->diags, JX_SEV_NOTE, &b->tree->src, 0, 0,
		     "YAML reads a leading '%c' as the start of a block of text; put the value in quotes: %.*s: \"%.*s\"",
		     text[off], (int)(kend - kstart), text + kstart, (int)(vend - off), text + off);
	return true;
}

/* The typing slips that make most YAML errors, found on one line: a
 * full-width colon, indentation or a space after ':' typed in full width
 * (the Chinese input method's '　'), no space after a key's ':' or a list's
 * '-'. With key_only, a full-width colon counts only in what would be the
 * key, not in the text of a value. Adds a note at the slip and returns true. */
static bool note_line_slip(builder *b, unsigned l, const char *text, size_t len, bool key_only)
{
	static const char fw_space[] = "\xe3\x80\x80", fw_colon[] = "\xef\xbc\x9a";
	size_t i = 0, key, colon = len;
	const jx_source *src = &b->tree->src;

	while (i < len && (text[i] == ' ' || (len - i >= 3 && memcmp(text + i, fw_space, 3) == 0))) {
		if (text[i] != ' ') {
			jx_diags_add(b->diags, JX_SEV_NOTE, src, l, (unsigned)jx_utf8_count(text, i) + 1,
				     "line %u is indented with a full-width space '　'; indent with ASCII spaces",
				     l);
			return true;
		}
		i++;
	}
	if (i + 1 < len && text[i] == '-' && !strchr(" \t-", text[i + 1])) {
		jx_diags_add(b->diags, JX_SEV_NOTE, src, l, (unsigned)jx_utf8_count(text, i) + 1,
			     "line %u has no space after '-'; a list item starts with '-' and a space", l);
		return true;
	}
	if (i + 1 < len && text[i] == '-' && text[i + 1] == ' ')
		for (i += 2; i < len && text[i] == ' '; i++)
			;
	/* A plain key: up to the first ':', no blank, quote, bracket or comment. */
	for (key = i; i < len && !strchr(" \t:#\"'{}[],", text[i]); i++)
		if (colon == len && len - i >= 3 && memcmp(text + i, fw_colon, 3) == 0)
			colon = i;
	if (!key_only && colon == len)
		for (size_t k = 0; k + 3 <= len && colon == len; k++)
			if (memcmp(text + k, fw_colon, 3) == 0)
				colon = k;
	if (colon < len) {
		jx_diags_add(b->diags, JX_SEV_NOTE, src, l, (unsigned)jx_utf8_count(text, colon) + 1,
			     "line %u uses a full-width colon '：'; a key ends in an ASCII ':' and a space",
			     l);
		return true;
	}
	if (i == key || i + 1 >= len || text[i] != ':')
		return false;
	if (len - i - 1 >= 3 && memcmp(text + i + 1, fw_space, 3) == 0) {
		jx_diags_add(b->diags, JX_SEV_NOTE, src, l, (unsigned)jx_utf8_count(text, i + 1) + 1,
			     "line %u has a full-width space '　' after ':'; a key ends in ':' and an ASCII space",
			     l);
		return true;
	}
	/* "9:30" and "http://" are no keys */
	if (strchr(" \t/", text[i + 1]) || strspn(text + key, "0123456789") == i - key)
		return false;
	size_t vlen = len - i - 1, shown = jx_utf8_offset(text + i + 1, vlen, 30);
	jx_diags_add(b->diags, JX_SEV_NOTE, src, l, (unsigned)jx_utf8_count(text, i + 1) + 1,
		     "line %u has no space after ':'; write '%.*s: %.*s%s'", l, (int)(i - key), text + key,
		     (int)shown, text + i + 1, shown < vlen ? "…" : "");
	return true;
}

/* A line that ends in '|' or '>' (with a block header) opens a block of text. */
static bool opens_block(const char *text, size_t len)
{
	size_t n = 0;
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	while (len > 0 && n < 2 && strchr("+-123456789", text[len - 1]))
		len--, n++;
	return len >= 2 && (text[len - 1] == '|' || text[len - 1] == '>') &&
	       (text[len - 2] == ' ' || text[len - 2] == ':');
}

/* Notes the slips on the lines from the one before the error to the end of
 * the file. The parser stops at the first slip, but one who typed a
 * full-width colon or no space after ':' once did so on other lines too:
 * all of them are shown in one run. Past the error only the keys are
 * looked at, and no line inside a block of text ('|' or '>'). */
static bool note_slips(builder *b, unsigned line)
{
	bool near = false;
	const char *p = b->tree->text, *end = p + b->tree->len;
	size_t block = SIZE_MAX; /* indentation of the line that opened a block of text */

	for (unsigned l = 1; p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p), ind = 0;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		while (ind < len && p[ind] == ' ')
			ind++;
		if (block == SIZE_MAX || (ind < len && p[ind] != '#' && ind <= block)) {
			block = SIZE_MAX;
			if (l + 1 >= line && note_line_slip(b, l, p, len, l > line) && l <= line)
				near = true;
			if (opens_block(p, len))
				block = ind;
		}
		p = nl ? nl + 1 : end;
	}
	return near;
}

/* The column where a line's key starts ("- " items count as their key) or,
 * with dash, where its '-' does; 0 for a line with neither. */
static unsigned line_column(const char *text, size_t len, bool dash)
{
	size_t ind = 0;
	while (ind < len && text[ind] == ' ')
		ind++;
	if (ind == len || text[ind] == '#')
		return 0;
	bool item = text[ind] == '-' && (ind + 1 == len || text[ind + 1] == ' ');
	if (dash)
		return item ? (unsigned)ind + 1 : 0;
	if (item)
		for (ind++; ind < len && text[ind] == ' '; ind++)
			;
	return ind < len && text[ind] != '-' && text[ind] != '#' ? (unsigned)ind + 1 : 0;
}

/* "did not find expected key" at the start of a line: the line is indented
 * one or two spaces off. Names the nearest line above of the same kind (a
 * list item, or a key) that starts a column or two away from it, before
 * one that starts further left (the block around it). */
static void note_indentation(builder *b, unsigned line, unsigned col)
{
	size_t len;
	const char *text = line_at(b->tree, line, &len), *start = b->tree->text;
	bool dash = line_column(text, len, true) == col;
	if (line_column(text, len, dash) != col)
		return;
	const char *p = text;
	for (unsigned l = line - 1; l >= 1 && l + 1000 > line && p > start; l--) {
		const char *q = p - 1; /* the '\n' ending line l */
		while (q > start && q[-1] != '\n')
			q--;
		size_t n = (size_t)(p - 1 - q);
		if (n > 0 && q[n - 1] == '\r')
			n--;
		p = q;
		unsigned c = line_column(q, n, dash);
		if (c == 0 || c == col || c > col + 2)
			continue; /* a blank line, or one inside what comes before */
		if (c + 2 >= col)
			jx_diags_add(b->diags, JX_SEV_NOTE, &b->tree->src, line, col,
				     "line %u is indented to column %u, the %s on line %u to column %u; %s start in the same column",
				     line, col, dash ? "list item" : "key", l, c,
				     dash ? "the items ('-') of one list" : "the keys of one mapping");
		return;
	}
}

static void report_yaml_error(builder *b, const yaml_parser_t *p)
{
	unsigned line, col;
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset;
		if (strstr(problem, "trailing")) {
			/* libyaml points at the byte that broke the sequence: show where it began */
			const unsigned char *t = (const unsigned char *)b->tree->text;
			while (off > 0 && off + 4 > p->problem_offset && (t[off - 1] & 0xC0) == 0x80)
				off--;
			if (off > 0 && t[off - 1] >= 0xC0)
				off--;
		}
		offset_to_mark(b->tree, off, &line, &col);
		if (strstr(problem, "UTF-8") && p->problem_value < 0)
			jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
				     "invalid UTF-8: a character is cut off at the end of the file");
		else if (strstr(problem, "UTF-8"))
			jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
				     "invalid UTF-8 (byte 0x%02X); save the file as UTF-8 (convert a GBK/GB18030 export with: iconv -f GB18030 -t UTF-8)",
				     (unsigned)(unsigned char)b->tree->text[off]);
		else
			jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
				     "invalid text: %s (character U+%04X)", problem, (unsigned)p->problem_value);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, 0, 0, "out of memory");
		return;
	}
	line = (unsigned)p->problem_mark.line + 1;
	col = (unsigned)p->problem_mark.column + 1;
	unsigned cl = (unsigned)p->context_mark.line + 1, cc = (unsigned)p->context_mark.column + 1;
	if ((p->context && report_block_mistake(b, cl, cc)) || report_block_mistake(b, line, col))
		return;
	size_t len;
	const char *text = line_at(b->tree, line, &len);
	size_t off = col_offset(text, len, col);
	if (off < len && text[off] == '\t') {
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
			     "invalid YAML: tab character; indent with spaces");
		return;
	}
	if (p->context && strstr(p->context, "quoted scalar")) {
		const char *q = line_at(b->tree, cl, &len);
		size_t qo = col_offset(q, len, cc);
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, cl, cc,
			     "invalid YAML: unterminated quoted text; this %c is never closed",
			     qo < len ? q[qo] : '"');
		return;
	}
	if (p->context)
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col,
			     "invalid YAML: %s (%s that began at line %u)", problem, p->context, cl);
	else
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, line, col, "invalid YAML: %s",
			     problem);
	if (!note_slips(b, line) && (strstr(problem, "expected key") || strstr(problem, "expected '-'")))
		note_indentation(b, line, col);
}

/* Whether the subset reader is tried first: yes unless JIXIAO_YAML is
 * "libyaml" (to compare the two readers, or to rule the subset reader out)
 * or jx_ytree_use_subset turned it off. */
static bool use_subset = true;
static pthread_once_t reader_once = PTHREAD_ONCE_INIT;

static void read_reader_choice(void)
{
	const char *v = getenv("JIXIAO_YAML");
	use_subset = !(v && strcmp(v, "libyaml") == 0);
}

static bool subset_wanted(void)
{
	pthread_once(&reader_once, read_reader_choice);
	return use_subset;
}

void jx_ytree_use_subset(bool on)
{
	pthread_once(&reader_once, read_reader_choice);
	use_subset = on;
}

/* The events of the subset reader, given to the builder as libyaml's. */
static int replay(builder *b, const jx_yevents *e)
{
	static const yaml_scalar_style_t styles[] = {
		[JX_YEV_PLAIN] = YAML_PLAIN_SCALAR_STYLE,
		[JX_YEV_SINGLE] = YAML_SINGLE_QUOTED_SCALAR_STYLE,
		[JX_YEV_DOUBLE] = YAML_DOUBLE_QUOTED_SCALAR_STYLE,
	};
	yaml_event_t ev;
	int rc = 0;

	memset(&ev, 0, sizeof(ev));
	for (size_t i = 0; i < e->n && rc == 0 && !b->failed; i++) {
		const jx_yev *y = &e->ev[i];
		ev.start_mark.line = y->line;
		ev.start_mark.column = y->col;
		switch ((jx_yev_kind)y->kind) {
		case JX_YEV_SCALAR:
			ev.end_mark.line = y->line;
			ev.end_mark.column = y->end_col;
			ev.data.scalar.value = (yaml_char_t *)b->tree->text + y->off;
			ev.data.scalar.length = y->len;
			ev.data.scalar.style = styles[y->style];
			ev.data.scalar.anchor = ev.data.scalar.tag = NULL;
			rc = on_scalar(b, &ev);
			break;
		case JX_YEV_MAP:
		case JX_YEV_FLOW_MAP:
			ev.data.mapping_start.anchor = ev.data.mapping_start.tag = NULL;
			ev.data.mapping_start.style =
				y->kind == JX_YEV_MAP ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE;
			rc = on_open(b, &ev, JX_Y_MAP);
			break;
		case JX_YEV_SEQ:
			ev.data.sequence_start.anchor = ev.data.sequence_start.tag = NULL;
			rc = on_open(b, &ev, JX_Y_SEQ);
			break;
		case JX_YEV_END:
			rc = close_collection(b);
			break;
		}
	}
	return rc;
}

/* The text through libyaml, which reads all of YAML and reports its errors. */
static int parse_libyaml(builder *b)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0, docs = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p))
		return JX_ENOMEM;
	yaml_parser_set_input_string(&p, (const unsigned char *)b->tree->text, b->tree->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done && rc == 0 && !b->failed) {
		if (!yaml_parser_parse(&p, &ev)) {
			report_yaml_error(b, &p);
			rc = JX_EINVAL;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src,
					     (unsigned)ev.start_mark.line + 1,
					     (unsigned)ev.start_mark.column + 1,
					     "a second YAML document in one file (each file holds one)");
				done = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			rc = on_alias(b, &ev);
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_open(b, &ev, JX_Y_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_open(b, &ev, JX_Y_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = close_collection(b);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* The tree of the text: by the subset reader when it reads the whole text,
 * else by libyaml. */
static int build(builder *b)
{
	int rc = 0, got = 0;

	if (subset_wanted()) {
		got = jx_ysubset_read(b->tree->text, b->tree->len, &b->events);
		if (got == 1) /* the whole text read */
			rc = replay(b, &b->events);
		else if (got < 0)
			rc = got;
	}
	if (got == 0) /* declined, or not tried */
		rc = parse_libyaml(b);
	if (rc == JX_ENOMEM)
		jx_diags_add(b->diags, JX_SEV_ERROR, &b->tree->src, 0, 0, "out of memory");
	if (b->failed || b->depth > 0)
		b->tree->root = NULL; /* a half-built tree is not worth checking further */
	return rc ? rc : (b->failed ? JX_ELIMIT : 0);
}

/* Whether the first line of text that is not blank or a comment has no
 * ':', as a YAML mapping's first key has. */
static bool no_key_first(const char *text, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len, j = i + strspn(text + i, " \t\r");
		if (j < end && text[j] != '#')
			return !memchr(text + j, ':', end - j);
		i = end + 1;
	}
	return false;
}

/* Whether s[0..n) holds the m bytes of needle. */
static bool holds(const char *s, size_t n, const char *needle, size_t m)
{
	for (const char *p = s, *end = s + n; (size_t)(end - p) >= m; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
		if (!p)
			return false;
		if (memcmp(p, needle, m) == 0)
			return true;
	}
	return false;
}

/* What kind of word-processor document t holds (a Word or WPS file given a
 * .yaml name, or saved as RTF), by its first bytes and the name of its main
 * part; NULL when none. A zip archive names its parts in plain text, the
 * compound file of Word 97-2003 its streams in UTF-16. */
static const char *document_kind(const jx_ytree *t)
{
	static const char word_stream[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
	switch (jx_file_signature(t->text, t->len)) {
	case JX_SIG_ZIP:
		return holds(t->text, t->len, "word/document", 13) ? "a Word document (.docx)" : NULL;
	case JX_SIG_OLE:
		return holds(t->text, t->len, word_stream, sizeof(word_stream) - 1)
			       ? "a Word 97-2003 document (.doc)"
			       : NULL;
	case JX_SIG_NONE: break;
	}
	return t->len >= 5 && memcmp(t->text, "{\\rtf", 5) == 0 ? "an RTF document" : NULL;
}

/* What kind of spreadsheet t holds, by its first bytes or, for a file named
 * *.csv, a first line that cannot start a YAML mapping; NULL when none.
 * *then: what to do before importing it ("" when nothing). */
static const char *spreadsheet_kind(const jx_ytree *t, const char **then)
{
	size_t n = strlen(t->src.file);
	*then = "";
	switch (jx_file_signature(t->text, t->len)) {
	case JX_SIG_ZIP: return "an Excel workbook (a zip archive)";
	case JX_SIG_OLE:
		*then = " after saving it as .xlsx in Excel or WPS";
		return "an Excel 97-2003 workbook (.xls)";
	case JX_SIG_NONE: break;
	}
	if (n > 4 && strcasecmp(t->src.file + n - 4, ".csv") == 0 && no_key_first(t->text, t->len))
		return "a CSV file";
	return NULL;
}

static int parse_owned(jx_ytree *t, jx_diags *diags)
{
	builder b;
	size_t errors = diags->errors;

	memset(&b, 0, sizeof(b));
	b.tree = t;
	b.diags = diags;
	/* UTF-8 BOM: skip. UTF-16/32: say so instead of a confusing YAML error. */
	if (t->len >= 3 && memcmp(t->text, "\xef\xbb\xbf", 3) == 0) {
		memmove(t->text, t->text + 3, t->len - 2);
		t->len -= 3;
		t->src.len = t->len;
	} else if (t->len >= 2 && ((unsigned char)t->text[0] == 0xff || (unsigned char)t->text[0] == 0xfe) &&
		   ((unsigned char)t->text[1] == 0xfe || (unsigned char)t->text[1] == 0xff)) {
		jx_diags_add(diags, JX_SEV_ERROR, &t->src, 1, 1,
			     "file is UTF-16; save it as UTF-8");
		return JX_EINVAL;
	}
	/* YAML typed in Word or WPS and saved in its own format: say how to save
	 * it as text instead of a YAML error about its first bytes. */
	const char *doc = document_kind(t);
	if (doc) {
		jx_diags_add(diags, JX_SEV_ERROR, &t->src, 1, 1,
			     "%s, not YAML; an evaluation is plain text: in Word or WPS save it as "
			     "纯文本 (.txt) with the encoding UTF-8, or write it in a text editor",
			     doc);
		return JX_EINVAL;
	}
	/* A 自评表 still in the spreadsheet it was kept in: say how to import it
	 * instead of a YAML error about its first bytes. */
	const char *then, *sheet = spreadsheet_kind(t, &then);
	if (sheet) {
		jx_diags_add(diags, JX_SEV_ERROR, &t->src, 1, 1,
			     "%s, not YAML; a 自评表 kept in a spreadsheet is read with 'jixiao import FILE -o "
			     "FILE.yaml'%s",
			     sheet, then);
		return JX_EINVAL;
	}
	int rc = build(&b);
	free(b.scratch);
	jx_yevents_release(&b.events);
	if (rc == 0 && diags->errors > errors)
		rc = JX_EINVAL;
	return rc;
}

static void tree_init(jx_ytree *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	jx_arena_init(&t->arena);
	t->src.file = jx_arena_strndup(&t->arena, name, strlen(name));
	if (!t->src.file)
		t->src.file = "(out of memory)";
}

int jx_ytree_parse(jx_ytree *out, const char *name, const char *text, size_t len,
		   jx_diags *diags)
{
	tree_init(out, name);
	if (len > JX_MAX_FILE_BYTES) {
		jx_diags_add(diags, JX_SEV_ERROR, &out->src, 0, 0,
			     "file of %zu bytes is larger than the limit of %u bytes", len,
			     JX_MAX_FILE_BYTES);
		return JX_ELIMIT;
	}
	out->text = malloc(len + 1);
	if (!out->text)
		return JX_ENOMEM;
	memcpy(out->text, text, len);
	out->text[len] = '\0';
	out->len = len;
	out->src.text = out->text;
	out->src.len = len;
	return parse_owned(out, diags);
}

const char *jx_ytree_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int jx_ytree_load(jx_ytree *out, const char *path, jx_diags *diags)
{
	tree_init(out, jx_ytree_name(path));
	int rc = jx_read_file(path, &out->src, &out->text, &out->len, diags);
	if (rc)
		return rc;
	out->src.text = out->text;
	out->src.len = out->len;
	return parse_owned(out, diags);
}

void jx_ytree_release(jx_ytree *t)
{
	jx_arena_release(&t->arena);
	free(t->text);
	memset(t, 0, sizeof(*t));
}

const jx_ynode *jx_ynode_get(const jx_ynode *m, const char *key)
{
	size_t klen = strlen(key);
	if (!m || m->kind != JX_Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		const jx_ynode *k = m->items[2 * i];
		if (k->kind == JX_Y_SCALAR && k->len == klen && memcmp(k->str, key, klen) == 0)
			return m->items[2 * i + 1];
	}
	return NULL;
}

const char *jx_ynode_kind_name(const jx_ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case JX_Y_MAP: return "a mapping";
	case JX_Y_SEQ: return "a list";
	default: return n->null ? "an empty value" : "a text";
	}
}
