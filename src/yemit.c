/*
 * yemit.c - a thin layer over yaml_emitter_t: events in, YAML out.
 */
#include "yemit.h"

#include <string.h>

static void emit(jx_yemit *e, yaml_event_t *ev, int made)
{
	if (!made) {
		e->ok = false;
		return;
	}
	if (e->ok && !yaml_emitter_emit(&e->em, ev))
		e->ok = false;
	else if (!e->ok)
		yaml_event_delete(ev);
}

bool jx_yemit_begin(jx_yemit *e, FILE *f)
{
	yaml_event_t ev;
	e->scalars = 0;
	e->ok = yaml_emitter_initialize(&e->em) != 0;
	if (!e->ok)
		return false;
	yaml_emitter_set_output_file(&e->em, f);
	yaml_emitter_set_unicode(&e->em, 1);
	yaml_emitter_set_indent(&e->em, 2);
	yaml_emitter_set_width(&e->em, 100);
	yaml_emitter_set_break(&e->em, YAML_LN_BREAK);
	emit(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return e->ok;
}

bool jx_yemit_end(jx_yemit *e)
{
	yaml_event_t ev;
	emit(e, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(e, &ev, yaml_stream_end_event_initialize(&ev));
	if (e->ok && !yaml_emitter_flush(&e->em))
		e->ok = false;
	yaml_emitter_delete(&e->em);
	return e->ok;
}

void jx_yemit_map(jx_yemit *e, bool flow)
{
	yaml_event_t ev;
	emit(e, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							  flow ? YAML_FLOW_MAPPING_STYLE
							       : YAML_BLOCK_MAPPING_STYLE));
}

void jx_yemit_map_end(jx_yemit *e)
{
	yaml_event_t ev;
	emit(e, &ev, yaml_mapping_end_event_initialize(&ev));
}

void jx_yemit_seq(jx_yemit *e, bool flow)
{
	yaml_event_t ev;
	emit(e, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
							   flow ? YAML_FLOW_SEQUENCE_STYLE
								: YAML_BLOCK_SEQUENCE_STYLE));
}

void jx_yemit_seq_end(jx_yemit *e)
{
	yaml_event_t ev;
	emit(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void scalar(jx_yemit *e, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	e->scalars++;
	emit(e, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
						  1, 1, style));
}

void jx_yemit_str(jx_yemit *e, const char *s)
{
	/* libyaml writes these plain, and a plain ~ or null reads back as no
	 * value at all: a grade alias '~' would not load again. */
	bool null_word = strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
			 strcmp(s, "NULL") == 0;
	scalar(e, s, null_word ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

void jx_yemit_num(jx_yemit *e, jx_dec d, int places)
{
	char buf[JX_DEC_BUFSZ];
	scalar(e, jx_dec_format(buf, d, places, 0), YAML_PLAIN_SCALAR_STYLE);
}

void jx_yemit_pct(jx_yemit *e, jx_frac f)
{
	char buf[JX_DEC_BUFSZ + 1];
	jx_frac pct;
	jx_dec d = { 0 };
	if (jx_frac_mul(&pct, f, jx_frac_make(100, 1)) == 0)
		jx_frac_round(&d, pct, JX_DEC_PLACES, JX_ROUND_HALF_UP);
	jx_dec_format(buf, d, -1, 0);
	strcat(buf, "%");
	scalar(e, buf, YAML_PLAIN_SCALAR_STYLE);
}

void jx_yemit_kv(jx_yemit *e, const char *key, const char *value)
{
	jx_yemit_str(e, key);
	jx_yemit_str(e, value);
}
