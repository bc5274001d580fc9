/*
 * ysubset.h - a reader for the plain subset of YAML that evaluations are
 * written in: block mappings and lists indented with spaces, one-line {…}
 * and […] collections, one-line plain or quoted text, comments. It gives
 * the events libyaml gives for the same text, at the same lines and
 * columns, in a fraction of the time; for anything outside the subset
 * (and for every error) it declines, and the text is read by libyaml.
 */
#ifndef JX_YSUBSET_H
#define JX_YSUBSET_H

#include <stddef.h>
#include <stdint.h>

typedef enum jx_yev_kind {
	JX_YEV_SCALAR,
	JX_YEV_MAP,      /**< start of a block mapping */
	JX_YEV_FLOW_MAP, /**< start of a mapping written {…} */
	JX_YEV_SEQ,      /**< start of a block list or a list written […] */
	JX_YEV_END       /**< end of the innermost open mapping or list */
} jx_yev_kind;

typedef enum jx_yev_style {
	JX_YEV_PLAIN,
	JX_YEV_SINGLE, /**< '…' */
	JX_YEV_DOUBLE  /**< "…" */
} jx_yev_style;

/** One event. Lines and columns are 0-based, columns in characters, as in
 * libyaml's marks; a scalar ends on the line it starts on. An end event has
 * no place (its line and columns mean nothing). */
typedef struct jx_yev {
	uint8_t kind, style;
	uint32_t line, col, end_col;
	uint32_t off, len; /**< scalar: its text is text[off .. off + len) */
} jx_yev;

typedef struct jx_yevents {
	jx_yev *ev;
	size_t n, cap;
} jx_yevents;

/** At most this many events are read; a longer file is left to libyaml. */
#define JX_YSUBSET_MAX_EVENTS 1000000u

/**
 * Read text[0..len) (without a BOM) into out, which
 * is emptied first and may be reused. Returns 1 when the whole text is in
 * the subset and out holds its events (one document, its root a mapping or
 * a list), 0 when it is not (out then holds nothing useful), JX_ENOMEM.
 */
int jx_ysubset_read(const char *text, size_t len, jx_yevents *out);

void jx_yevents_release(jx_yevents *e);

#endif
