/*
 * ysubset_diff.c - the subset reader against libyaml. For each file it
 * reads, the subset reader must give libyaml's events for it exactly: the
 * same kinds, lines, columns, texts and styles; where libyaml finds an
 * error, or a construct the subset has no event for, the subset reader must
 * have declined the file.
 *
 *   ysubset_diff FILE...      prints "read", "declined" or the first
 *                             difference for each file; exit status 1 when
 *                             any differs
 *
 * tests/fuzz/fuzz_ysubset.c includes this file with YSUBSET_DIFF_NO_MAIN.
 */
#include "readfile.h"
#include "ysubset.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum { DIFF_DECLINED, DIFF_SAME, DIFF_DIFFERENT };

static const char *kind_name(int kind)
{
	static const char *const names[] = { "scalar", "mapping", "flow mapping", "list", "end" };
	return kind >= 0 && kind <= JX_YEV_END ? names[kind] : "?";
}

/* libyaml's event as the subset reader's, or -1 for an event it has none
 * for (an alias, an anchor, a tag, a block scalar), or -2 for one that has
 * no counterpart either way (stream and document events). */
static int as_subset(const yaml_event_t *ev, jx_yev *out)
{
	memset(out, 0, sizeof(*out));
	out->line = (uint32_t)ev->start_mark.line;
	out->col = (uint32_t)ev->start_mark.column;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor || ev->data.scalar.tag ||
		    ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
		    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE ||
		    ev->end_mark.line != ev->start_mark.line)
			return -1;
		out->kind = JX_YEV_SCALAR;
		out->style = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE           ? JX_YEV_PLAIN
			     : ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? JX_YEV_SINGLE
											: JX_YEV_DOUBLE;
		out->end_col = (uint32_t)ev->end_mark.column;
		out->len = (uint32_t)ev->data.scalar.length;
		return 0;
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor || ev->data.mapping_start.tag)
			return -1;
		out->kind = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? JX_YEV_FLOW_MAP
										    : JX_YEV_MAP;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor || ev->data.sequence_start.tag)
			return -1;
		out->kind = JX_YEV_SEQ;
		return 0;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		out->kind = JX_YEV_END;
		return 0;
	case YAML_ALIAS_EVENT:
		return -1;
	default:
		return -2;
	}
}

/* Compares the two readers on text[0..len) (NUL-terminated). why gets the
 * first difference. */
static int ysubset_diff(const char *text, size_t len, char *why, size_t whylen)
{
	jx_yevents e = { 0 };
	int got = jx_ysubset_read(text, len, &e);
	yaml_parser_t p;
	yaml_event_t ev;
	size_t i = 0;
	int result = DIFF_SAME;
	bool end = false;

	why[0] = '\0';
	if (got < 0) {
		snprintf(why, whylen, "out of memory");
		jx_yevents_release(&e);
		return DIFF_DIFFERENT;
	}
	if (got == 0) {
		jx_yevents_release(&e);
		return DIFF_DECLINED;
	}
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!end && result == DIFF_SAME) {
		jx_yev want;
		if (!yaml_parser_parse(&p, &ev)) {
			snprintf(why, whylen, "read, but libyaml finds an error at %zu:%zu: %s",
				 p.problem_mark.line + 1, p.problem_mark.column + 1,
				 p.problem ? p.problem : "?");
			result = DIFF_DIFFERENT;
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		int k = as_subset(&ev, &want);
		if (k == -1) {
			snprintf(why, whylen, "read, but libyaml gives an event of type %d at %zu:%zu",
				 (int)ev.type, ev.start_mark.line + 1, ev.start_mark.column + 1);
			result = DIFF_DIFFERENT;
		} else if (k == 0) {
			const jx_yev *have = i < e.n ? &e.ev[i] : NULL;
			i++;
			if (!have) {
				snprintf(why, whylen, "event %zu: libyaml has a %s at %u:%u, the subset reader nothing",
					 i, kind_name(want.kind), want.line + 1, want.col + 1);
				result = DIFF_DIFFERENT;
			} else if (have->kind != want.kind || (want.kind != JX_YEV_END &&
							       (have->line != want.line || have->col != want.col))) {
				snprintf(why, whylen, "event %zu: libyaml has a %s at %u:%u, the subset reader a %s at %u:%u",
					 i, kind_name(want.kind), want.line + 1, want.col + 1,
					 kind_name(have->kind), have->line + 1, have->col + 1);
				result = DIFF_DIFFERENT;
			} else if (want.kind == JX_YEV_SCALAR &&
				   (have->style != want.style || have->end_col != want.end_col ||
				    have->len != want.len ||
				    memcmp(text + have->off, ev.data.scalar.value, want.len) != 0)) {
				snprintf(why, whylen, "event %zu, the text at %u:%u: libyaml '%.*s' (style %d, to column %u), "
					 "the subset reader '%.*s' (style %d, to column %u)",
					 i, want.line + 1, want.col + 1, (int)want.len, (const char *)ev.data.scalar.value,
					 want.style, want.end_col + 1, (int)have->len, text + have->off, have->style,
					 have->end_col + 1);
				result = DIFF_DIFFERENT;
			}
		} else if (ev.type == YAML_DOCUMENT_START_EVENT && i > 0) {
			snprintf(why, whylen, "read, but libyaml finds a second document at %zu:%zu",
				 ev.start_mark.line + 1, ev.start_mark.column + 1);
			result = DIFF_DIFFERENT;
		}
		yaml_event_delete(&ev);
	}
	if (result == DIFF_SAME && i != e.n) {
		snprintf(why, whylen, "the subset reader has %zu events, libyaml %zu", e.n, i);
		result = DIFF_DIFFERENT;
	}
	yaml_parser_delete(&p);
	jx_yevents_release(&e);
	return result;
}

#ifndef YSUBSET_DIFF_NO_MAIN
int main(int argc, char **argv)
{
	size_t counts[3] = { 0, 0, 0 };

	for (int a = 1; a < argc; a++) {
		jx_source src = { argv[a], NULL, 0 };
		jx_diags d;
		char *text = NULL;
		size_t len = 0;
		jx_diags_init(&d);
		if (jx_read_file(argv[a], &src, &text, &len, &d) != 0) {
			jx_diags_print(stderr, &d, 0);
			jx_diags_release(&d);
			return 2;
		}
		jx_diags_release(&d);
		size_t skip = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0; /* as ytree.c */
		char why[512];
		int r = ysubset_diff(text + skip, len - skip, why, sizeof(why));
		counts[r]++;
		if (r == DIFF_DIFFERENT)
			printf("%s: DIFFERENT: %s\n", argv[a], why);
		else if (getenv("YSUBSET_VERBOSE"))
			printf("%s: %s\n", argv[a], r == DIFF_SAME ? "read" : "declined");
		free(text);
	}
	printf("subset reader against libyaml: %zu files, %zu read the same, %zu declined, %zu different\n",
	       counts[0] + counts[1] + counts[2], counts[DIFF_SAME], counts[DIFF_DECLINED],
	       counts[DIFF_DIFFERENT]);
	return counts[DIFF_DIFFERENT] ? 1 : 0;
}
#endif
