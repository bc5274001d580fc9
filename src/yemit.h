/*
 * yemit.h - writing YAML through libyaml's emitter, so that quoting is
 * always right: rule sets shown by `jixiao rules`, modified evaluations.
 */
#ifndef JX_YEMIT_H
#define JX_YEMIT_H

#include "jixiao/decimal.h"

#include <stdbool.h>
#include <stdio.h>
#include <yaml.h>

typedef struct jx_yemit {
	yaml_emitter_t em;
	bool ok;
	size_t scalars; /* scalar events emitted so far: the next one's index */
} jx_yemit;

/** Start a one-document stream to f. */
bool jx_yemit_begin(jx_yemit *e, FILE *f);

/** End the document and the stream; returns whether everything was written. */
bool jx_yemit_end(jx_yemit *e);

void jx_yemit_map(jx_yemit *e, bool flow);
void jx_yemit_map_end(jx_yemit *e);
void jx_yemit_seq(jx_yemit *e, bool flow);
void jx_yemit_seq_end(jx_yemit *e);

/** A text scalar, quoted only when YAML needs it. */
void jx_yemit_str(jx_yemit *e, const char *s);

/** A number scalar (places < 0: as few digits as exact). */
void jx_yemit_num(jx_yemit *e, jx_dec d, int places);

/** A percentage ("80%") from a fraction of 1. */
void jx_yemit_pct(jx_yemit *e, jx_frac f);

/** A key and a text value in the current mapping. */
void jx_yemit_kv(jx_yemit *e, const char *key, const char *value);

#endif
