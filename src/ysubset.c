/*
 * ysubset.c - the plain subset of YAML, read line by line.
 *
 * What is read: a block mapping or list as the root; keys written as plain
 * text on one line; values that are plain or quoted text on the key's line,
 * a {…} or […] collection closed on that line, or a block mapping or list
 * on the lines below (a list may stand at its key's indentation); list
 * items of the same kinds, and "- key: value" mappings; blank lines and
 * comments; one "---" at the top.
 *
 * What is declined, to be read by libyaml: tabs, a CR alone, control and special
 * characters, invalid UTF-8; text over several lines (block scalars, folded
 * plain or quoted text); escapes in quotes; anchors, aliases, tags,
 * directives, complex keys; empty or trailing entries in {…}; and every
 * construct that is an error. Declining is always safe, so each rule below
 * accepts only what libyaml is known to read the same way.
 * tests/ysubset_diff.c compares the events of the two readers: make check
 * runs it on the repository's YAML files, the robustness corpus and random
 * files (tests/ysubset_gen.py), make robust on a directory such as the
 * YAML test suite, and tests/fuzz/fuzz_ysubset.c on what libFuzzer makes.
 */
#include "ysubset.h"

#include "grow.h"
#include "jixiao/common.h"
#include "text.h"
#include "ytree.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A little below the tree's own limit, so that libyaml reports a file at it. */
#define MAX_DEPTH (JX_MAX_YAML_DEPTH - 4)
/* libyaml drops a simple key whose ':' is more than 1024 characters after
 * its start (spaces before the ':' count); bytes are never fewer. */
#define MAX_KEY_BYTES 1024

/* Results of the reading functions: the text is outside the subset, read
 * so far, or JX_ENOMEM (negative). */
enum { DECLINE = 0, READ = 1 };
#define TRY(expr)                      \
	do {                           \
		int try_ = (expr);     \
		if (try_ != READ)      \
			return try_;   \
	} while (0)

typedef struct reader {
	const char *text, *end;
	const char *bol, *eol; /* the current line, eol at its line break or the end */
	const char *next;      /* the line after it, or NULL */
	const char *p;         /* the first character of a content line's content */
	const char *cpos;      /* a place on the current line and its column, */
	uint32_t ccol;         /* from which the next column is counted */
	uint32_t line;
	bool done;   /* no content line left */
	bool marker; /* a line starting with "---" or "...": a document marker (or text
		      * starting so, which is declined with it) */
	unsigned depth;
	jx_yevents *out;
} reader;

/* Whether the text is valid UTF-8 (no overlong form, surrogate or code
 * point past U+10FFFF) of characters that libyaml reads as ordinary ones,
 * with line breaks LF or CR LF: no tab, CR alone, C0 or C1 control
 * character, DEL, BOM, NEL, line or paragraph separator, U+FFFE or U+FFFF. */
static bool text_ok(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if ((c < 0x20 || c == 0x7f) && c != '\n' && !(c == '\r' && i + 1 < len && s[i + 1] == '\n'))
				return false;
			i++;
			continue;
		}
		int32_t cp = jx_utf8_next(s, len, &i); /* -1 when malformed */
		if (cp < 0xa0 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff)
			return false;
	}
	return true;
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

static void set_line(reader *r, const char *bol)
{
	const char *nl = memchr(bol, '\n', (size_t)(r->end - bol));
	r->bol = r->cpos = bol;
	r->eol = nl ? nl : r->end;
	r->next = nl ? nl + 1 : NULL;
	if (r->eol > bol && r->eol[-1] == '\r')
		r->eol--; /* CR LF, a line break as LF is */
	r->ccol = 0;
}

/* On to the next line; false, with r->done set, when there is none. */
static bool next_line(reader *r)
{
	if (!r->next) {
		r->p = r->end;
		r->done = true;
		return false;
	}
	set_line(r, r->next);
	r->line++;
	return true;
}

/* From the current line on, the first line with content: r->p at its first
 * character that is not a space. Sets r->done when there is none. */
static void seek_content(reader *r)
{
	do {
		const char *p = skip_spaces(r->bol, r->eol);
		if (p < r->eol && *p != '#') {
			r->p = p;
			if (p == r->bol && r->eol - p >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0))
				r->marker = true;
			return;
		}
	} while (next_line(r));
}

static void next_content(reader *r)
{
	if (next_line(r))
		seek_content(r);
}

/* Column of at, on the current line, in characters. Counted on from the
 * last place asked for, so that a long line costs one pass. */
static uint32_t column(reader *r, const char *at)
{
	if (at < r->cpos) {
		r->cpos = r->bol;
		r->ccol = 0;
	}
	r->ccol += (uint32_t)jx_utf8_count(r->cpos, (size_t)(at - r->cpos));
	r->cpos = at;
	return r->ccol;
}

/* Column of r->p: the indentation of the current content line, or in a
 * "- key: value" item the key's column (what precedes it is ASCII, so
 * bytes are characters). */
static size_t indent(const reader *r)
{
	return (size_t)(r->p - r->bol);
}

static int push(reader *r, jx_yev_kind kind, uint32_t col)
{
	jx_yevents *o = r->out;
	if (o->n >= JX_YSUBSET_MAX_EVENTS)
		return DECLINE;
	if (!JX_GROW(o->ev, o->cap, o->n + 1, 256))
		return JX_ENOMEM;
	jx_yev *e = &o->ev[o->n++];
	memset(e, 0, sizeof(*e));
	e->kind = (uint8_t)kind;
	e->line = r->line;
	e->col = col;
	return READ;
}

static int start(reader *r, jx_yev_kind kind, const char *at)
{
	if (++r->depth > MAX_DEPTH)
		return DECLINE;
	return push(r, kind, column(r, at));
}

static int finish(reader *r)
{
	r->depth--;
	return push(r, JX_YEV_END, 0);
}

/* A scalar of text [s, e) on the current line; q: the quote around it, or 0. */
static int scalar(reader *r, const char *s, const char *e, char q)
{
	uint32_t col = column(r, q ? s - 1 : s);
	TRY(push(r, JX_YEV_SCALAR, col));
	jx_yev *ev = &r->out->ev[r->out->n - 1];
	ev->style = q == '"' ? JX_YEV_DOUBLE : q == '\'' ? JX_YEV_SINGLE : JX_YEV_PLAIN;
	ev->end_col = column(r, q ? e + 1 : e);
	ev->off = (uint32_t)(s - r->text);
	ev->len = (uint32_t)(e - s);
	return READ;
}

/* The empty value libyaml gives a key or an item with nothing after it, at
 * the end of its ':' or '-'. */
static int empty(reader *r, uint32_t line, uint32_t col)
{
	TRY(push(r, JX_YEV_SCALAR, col));
	jx_yev *ev = &r->out->ev[r->out->n - 1];
	ev->line = line;
	ev->end_col = col;
	ev->off = (uint32_t)(r->eol - r->text); /* any place: the length is 0 */
	return READ;
}

/* Whether plain text may start at p (before end): not with an indicator,
 * and with '-' only before a character that makes it a number or a word. */
static bool plain_start(const char *p, const char *end)
{
	switch (*p) {
	case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
	case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
	case '?': case ':': case ' ':
		return false;
	case '-':
		return end - p >= 2 && ((p[1] >= '0' && p[1] <= '9') || p[1] == '.' ||
					(unsigned char)p[1] >= 0x80 ||
					((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z'));
	default:
		return true;
	}
}

/* Whether the rest of the line from p holds nothing but spaces and a
 * comment after at least one space. */
static bool rest_blank(const char *p, const char *eol)
{
	const char *q = skip_spaces(p, eol);
	return q == eol || (*q == '#' && q > p);
}

/* Quoted text at p ('"' or '\''), closed on its line without escapes; *after:
 * the character after the closing quote. */
static int quoted(reader *r, const char *p, const char **after)
{
	char q = *p;
	const char *s = p + 1, *e = s;
	while (e < r->eol && *e != q) {
		if (*e == '\\' && q == '"')
			return DECLINE;
		e++;
	}
	if (e == r->eol || (q == '\'' && e + 1 < r->eol && e[1] == '\''))
		return DECLINE;
	*after = e + 1;
	return scalar(r, s, e, q);
}

/* Plain text in a block at p, to the end of the line or a comment; a ": "
 * in it (a mapping where none may start) declines. */
static int block_plain(reader *r, const char *p)
{
	const char *e = p, *last = p;
	if (!plain_start(p, r->eol))
		return DECLINE;
	while (e < r->eol) {
		if (*e == ' ') {
			if (e + 1 < r->eol && e[1] == '#')
				break;
		} else if (*e == ':' && (e + 1 == r->eol || e[1] == ' ')) {
			return DECLINE;
		} else {
			last = e + 1;
		}
		e++;
	}
	return scalar(r, p, last, 0);
}

/* Where plain text starting at p in a {…} or […] ends: at ',', '}' or ']'
 * (the character returned in *stop), or at ": " (*stop ':'); *last: the end
 * of its last character that is not a space. NULL declines. */
static const char *flow_plain_end(const char *p, const char *eol, const char **last, char *stop)
{
	*last = p;
	for (const char *e = p; e < eol; e++) {
		switch (*e) {
		case ',': case '}': case ']':
			*stop = *e;
			return e;
		case '[': case '{': case '?':
			return NULL;
		case ':':
			if (e + 1 < eol && e[1] == ' ') {
				*stop = ':';
				return e;
			}
			return NULL;
		case ' ':
			if (e + 1 < eol && e[1] == '#')
				return NULL;
			continue; /* a space does not move *last */
		default:
			*last = e + 1;
		}
	}
	return NULL;
}

static int flow_node(reader *r, const char **pp, bool key);

/* The entries of a {…} (close '}') or […] (close ']') after its opening
 * bracket at *pp; *pp ends after the closing one. */
static int flow_entries(reader *r, const char **pp, char close_char)
{
	const char *p = skip_spaces(*pp + 1, r->eol);
	if (p < r->eol && *p == close_char) {
		*pp = p + 1;
		return finish(r);
	}
	for (;;) {
		if (close_char == '}') {
			TRY(flow_node(r, &p, true));
			if (p == r->eol || *p != ':')
				return DECLINE;
			p = skip_spaces(p + 1, r->eol);
		}
		TRY(flow_node(r, &p, false));
		p = skip_spaces(p, r->eol);
		if (p == r->eol)
			return DECLINE;
		if (*p == close_char) {
			*pp = p + 1;
			return finish(r);
		}
		if (*p != ',')
			return DECLINE;
		p = skip_spaces(p + 1, r->eol);
		if (p == r->eol || *p == close_char)
			return DECLINE; /* a trailing comma */
	}
}

/* A node inside {…} or […] at *pp: a key (plain text ending at ": ") or a
 * value (text ending at ',', '}' or ']', or a collection). */
static int flow_node(reader *r, const char **pp, bool key)
{
	const char *p = *pp, *last, *e;
	char stop = 0;

	if (p == r->eol)
		return DECLINE;
	if (!key && (*p == '{' || *p == '[')) {
		TRY(start(r, *p == '{' ? JX_YEV_FLOW_MAP : JX_YEV_SEQ, p));
		return flow_entries(r, pp, *p == '{' ? '}' : ']');
	}
	if (!key && (*p == '"' || *p == '\''))
		return quoted(r, p, pp);
	if (!plain_start(p, r->eol) || !(e = flow_plain_end(p, r->eol, &last, &stop)) ||
	    (stop == ':') != key || (key && e - p > MAX_KEY_BYTES))
		return DECLINE;
	*pp = e;
	return scalar(r, p, last, 0);
}

/* A node on the line after a key's ": " or an item's "- " at p, other than
 * a mapping: text or a {…} or […] collection. owner: the indentation of the
 * mapping or list it belongs to; a line below indented further would
 * continue it. */
static int inline_node(reader *r, const char *p, size_t owner)
{
	const char *after = p;
	if (*p == '{' || *p == '[') {
		TRY(start(r, *p == '{' ? JX_YEV_FLOW_MAP : JX_YEV_SEQ, p));
		TRY(flow_entries(r, &after, *p == '{' ? '}' : ']'));
	} else if (*p == '"' || *p == '\'') {
		TRY(quoted(r, p, &after));
	} else {
		TRY(block_plain(r, p));
		after = r->eol;
	}
	if (!rest_blank(after, r->eol))
		return DECLINE;
	next_content(r);
	return !r->done && indent(r) > owner ? DECLINE : READ;
}

static int block_map(reader *r);
static int block_seq(reader *r, bool indentless);

/* A list item's "- " at p. */
static bool is_entry(const char *p, const char *eol)
{
	return *p == '-' && (p + 1 == eol || p[1] == ' ');
}

/* A block mapping or list whose first line is the current one. */
static int block_node(reader *r)
{
	return is_entry(r->p, r->eol) ? block_seq(r, false) : block_map(r);
}

/* A plain key at p, ending in ':' and a space or the end of the line;
 * *after: the character after the ':'. */
static int key(reader *r, const char *p, const char **after)
{
	const char *e = p, *last = p;
	if (!plain_start(p, r->eol))
		return DECLINE;
	for (; e < r->eol; e++) {
		if (*e == ':' && (e + 1 == r->eol || e[1] == ' '))
			break;
		if (*e == ' ') {
			if (e + 1 < r->eol && e[1] == '#')
				return DECLINE;
		} else {
			last = e + 1;
		}
	}
	if (e == r->eol || e - p > MAX_KEY_BYTES)
		return DECLINE;
	*after = e + 1;
	return scalar(r, p, last, 0);
}

/* Whether the line from p holds a key: plain text and ": " before any comment. */
static bool holds_key(const char *p, const char *eol)
{
	for (const char *e = p; e < eol; e++) {
		if (*e == ':' && (e + 1 == eol || e[1] == ' '))
			return true;
		if (*e == ' ' && e + 1 < eol && e[1] == '#')
			return false;
	}
	return false;
}

/* What follows a key's ':' or an item's '-' at after, where the line holds
 * nothing more: a collection on the lines below (indented further than
 * owner, or a list at the owner's indentation when the owner is a mapping),
 * else the empty value. */
static int value_below(reader *r, const char *after, size_t owner, bool in_map)
{
	uint32_t line = r->line, col = column(r, after);
	next_content(r);
	if (!r->done && (indent(r) > owner || (in_map && indent(r) == owner && is_entry(r->p, r->eol))))
		return indent(r) > owner ? block_node(r) : block_seq(r, true);
	return empty(r, line, col);
}

static int block_map(reader *r)
{
	size_t ind = indent(r);
	TRY(start(r, JX_YEV_MAP, r->p));
	for (;;) {
		const char *after;
		TRY(key(r, r->p, &after));
		const char *v = skip_spaces(after, r->eol);
		if (v < r->eol && *v != '#')
			TRY(inline_node(r, v, ind));
		else
			TRY(value_below(r, after, ind, true));
		if (r->done || indent(r) < ind)
			return finish(r);
		if (indent(r) > ind)
			return DECLINE;
	}
}

static int block_seq(reader *r, bool indentless)
{
	size_t ind = indent(r);
	TRY(start(r, JX_YEV_SEQ, r->p));
	for (;;) {
		const char *after = r->p + 1, *v = skip_spaces(after, r->eol);
		if (v == r->eol || *v == '#') {
			TRY(value_below(r, after, ind, false));
		} else if (is_entry(v, r->eol)) {
			return DECLINE; /* "- - item" */
		} else if (*v != '{' && *v != '[' && *v != '"' && *v != '\'' && holds_key(v, r->eol)) {
			r->p = v; /* "- key: value": a mapping at the key's column */
			TRY(block_map(r));
		} else {
			TRY(inline_node(r, v, ind));
		}
		if (r->done || indent(r) < ind)
			return finish(r);
		if (indent(r) > ind)
			return DECLINE;
		if (!is_entry(r->p, r->eol))
			return indentless ? finish(r) : DECLINE;
	}
}

int jx_ysubset_read(const char *text, size_t len, jx_yevents *out)
{
	reader r;

	out->n = 0;
	if (len >= UINT32_MAX || !text_ok(text, len))
		return DECLINE;
	memset(&r, 0, sizeof(r));
	r.text = text;
	r.end = text + len;
	r.out = out;
	set_line(&r, text);
	seek_content(&r);
	if (!r.done && r.marker) {
		/* "---" alone opens the document; anything else is left to libyaml */
		if (r.eol - r.p < 3 || memcmp(r.p, "---", 3) != 0 || !rest_blank(r.p + 3, r.eol) ||
		    (r.p + 3 < r.eol && r.p[3] != ' '))
			return DECLINE;
		r.marker = false;
		next_content(&r);
	}
	if (r.done)
		return DECLINE; /* an empty document */
	int rc = block_node(&r);
	if (rc != READ)
		return rc;
	return r.done && !r.marker ? READ : DECLINE;
}

void jx_yevents_release(jx_yevents *e)
{
	free(e->ev);
	memset(e, 0, sizeof(*e));
}
