/*
 * json.h - the JSON building blocks shared by every JSON writer (scores,
 * reports, explanations): a yajl generator on a FILE, exact decimal numbers,
 * node paths, and the spec §4 object of a scored evaluation.
 */
#ifndef JX_JSON_H
#define JX_JSON_H

#include "jixiao/ahp.h"
#include "jixiao/findings.h"
#include "jixiao/score.h"
#include "jixiao/whatif.h"

#include <stdio.h>
#include <yajl/yajl_gen.h>

/** A generator writing indented JSON to f; NULL when out of memory. */
yajl_gen jx_json_open(FILE *f);

void jx_json_str(yajl_gen g, const char *s);
void jx_json_kv_str(yajl_gen g, const char *key, const char *value);
/** A decimal with exactly places fraction digits (places < 0: as few as exact). */
void jx_json_num(yajl_gen g, jx_dec d, int places);
void jx_json_kv_num(yajl_gen g, const char *key, jx_dec d, int places);
void jx_json_kv_int(yajl_gen g, const char *key, long long v);
void jx_json_kv_bool(yajl_gen g, const char *key, bool b);
void jx_json_kv_null(yajl_gen g, const char *key);
/** A measured (floating-point) value with a fixed number of decimals: "0.648329". */
void jx_json_kv_double(yajl_gen g, const char *key, double v, int places);
/** The same without a key (in an array). */
void jx_json_double(yajl_gen g, double v, int places);
/** A finite double in the fewest significant digits (at most 15) that read back as it: "50", "0.25", "1e-05". */
void jx_json_shortest(yajl_gen g, double v);
/** "path": [names from level 1]. */
void jx_json_path(yajl_gen g, const jx_node *n);

/** "path": ["funds"], then the scored row's "budget" and "executed". */
void jx_json_funds_head(yajl_gen g, const jx_funds *f);

/** The spec §4 object of a scored evaluation (findings may be NULL). */
void jx_json_result(yajl_gen g, const jx_result *r, const jx_findings *f);

/** The keys of a what-if object ("base", "whatif", "label", "delta",
 * "changes"), inside a map the caller opened. */
void jx_json_whatif_fields(yajl_gen g, const jx_whatif *w);

/** The object of jx_ahp_write_json. */
void jx_json_ahp(yajl_gen g, const jx_ahp *a);

#endif
