/*
 * write_json.c - scored evaluations as JSON (spec §4) through yajl, numbers
 * written from exact decimals with the rule set's decimals ("9.80").
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "json.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct out {
	yajl_gen g;
} out;

static void print_cb(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, (FILE *)ctx);
}

yajl_gen jx_json_open(FILE *f)
{
	yajl_gen g = yajl_gen_alloc(NULL);
	if (!g)
		return NULL;
	yajl_gen_config(g, yajl_gen_beautify, 1);
	yajl_gen_config(g, yajl_gen_indent_string, "  ");
	yajl_gen_config(g, yajl_gen_print_callback, print_cb, f);
	return g;
}

void jx_json_str(yajl_gen g, const char *s)
{
	size_t len = strlen(s);
	if (jx_utf8_valid(s, len)) {
		yajl_gen_string(g, (const unsigned char *)s, len);
		return;
	}
	/* A file name that is not UTF-8: JSON has no place for its bytes. */
	char *esc = jx_utf8_escape(s);
	yajl_gen_string(g, (const unsigned char *)(esc ? esc : "?"), esc ? strlen(esc) : 1);
	free(esc);
}

void jx_json_kv_str(yajl_gen g, const char *k, const char *v)
{
	jx_json_str(g, k);
	jx_json_str(g, v);
}

void jx_json_num(yajl_gen g, jx_dec d, int places)
{
	char buf[JX_DEC_BUFSZ];
	jx_dec_format(buf, d, places, 0);
	yajl_gen_number(g, buf, strlen(buf));
}

void jx_json_kv_num(yajl_gen g, const char *k, jx_dec d, int places)
{
	jx_json_str(g, k);
	jx_json_num(g, d, places);
}

void jx_json_kv_int(yajl_gen g, const char *k, long long v)
{
	jx_json_str(g, k);
	yajl_gen_integer(g, v);
}

void jx_json_kv_bool(yajl_gen g, const char *k, bool b)
{
	jx_json_str(g, k);
	yajl_gen_bool(g, b);
}

void jx_json_kv_null(yajl_gen g, const char *k)
{
	jx_json_str(g, k);
	yajl_gen_null(g);
}

void jx_json_double(yajl_gen g, double v, int places)
{
	char buf[JX_FIXED_BUFSZ];
	jx_fixed(buf, v, places);
	yajl_gen_number(g, buf, strlen(buf));
}

void jx_json_shortest(yajl_gen g, double v)
{
	char buf[JX_SHORTEST_BUFSZ];
	jx_shortest(buf, v);
	yajl_gen_number(g, buf, strlen(buf));
}

void jx_json_kv_double(yajl_gen g, const char *key, double v, int places)
{
	jx_json_str(g, key);
	jx_json_double(g, v, places);
}

void jx_json_path(yajl_gen g, const jx_node *n)
{
	const jx_node *chain[JX_MAX_DEPTH];
	size_t depth = jx_node_chain(chain, n);
	jx_json_str(g, "path");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < depth; i++)
		jx_json_str(g, chain[i]->name);
	yajl_gen_array_close(g);
}

void jx_json_funds_head(yajl_gen g, const jx_funds *f)
{
	jx_json_str(g, "path");
	yajl_gen_array_open(g);
	jx_json_str(g, "funds");
	yajl_gen_array_close(g);
	jx_json_kv_num(g, "budget", f->rows[0].budget, -1);
	jx_json_kv_num(g, "executed", f->rows[0].executed, -1);
}

/* Short local names for the helpers above. */
static void str(out *o, const char *s) { jx_json_str(o->g, s); }
static void key(out *o, const char *k) { jx_json_str(o->g, k); }
static void kv_str(out *o, const char *k, const char *v) { jx_json_kv_str(o->g, k, v); }
static void kv_num(out *o, const char *k, jx_dec d, int p) { jx_json_kv_num(o->g, k, d, p); }
static void kv_bool(out *o, const char *k, bool b) { jx_json_kv_bool(o->g, k, b); }
static void kv_null(out *o, const char *k) { jx_json_kv_null(o->g, k); }
static void path(out *o, const jx_node *n) { jx_json_path(o->g, n); }

static void claim(out *o, const jx_claim *c)
{
	if (!c->has_rate && !c->has_score)
		return;
	key(o, "claimed");
	yajl_gen_map_open(o->g);
	if (c->has_rate)
		kv_num(o, "rate", c->rate, c->rate_places);
	if (c->has_score)
		kv_num(o, "score", c->score, c->score_places);
	yajl_gen_map_close(o->g);
}

static void funds(out *o, const jx_result *r)
{
	const jx_funds *f = &r->doc->funds;
	const jx_funds_result *fr = &r->funds;
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;

	key(o, "funds");
	if (!fr->present) {
		yajl_gen_null(o->g);
		return;
	}
	yajl_gen_map_open(o->g);
	kv_num(o, "weight", fr->weight, -1);
	if (f->rows[0].has_initial)
		kv_num(o, "initial", f->rows[0].initial, -1);
	kv_num(o, "budget", f->rows[0].budget, -1);
	kv_num(o, "executed", f->rows[0].executed, -1);
	if (fr->na) { /* the same keys as a leaf that does not apply */
		kv_null(o, "rate");
		kv_null(o, "score");
		kv_null(o, "lost");
	} else {
		kv_num(o, "rate", fr->rate_pct, rdec);
		kv_num(o, "score", fr->score, dec);
		kv_num(o, "lost", fr->lost, dec);
	}
	kv_str(o, "rule", fr->rule->name);
	claim(o, &f->claimed);
	kv_bool(o, "mismatch", fr->rate_mismatch || fr->score_mismatch);
	kv_str(o, "deviation", f->deviation);
	key(o, "rows"); /* every row as written, the first (the total) included */
	yajl_gen_array_open(o->g);
	for (size_t i = 0; i < f->nrows; i++) {
		const jx_funds_row *row = &f->rows[i];
		yajl_gen_map_open(o->g);
		kv_str(o, "name", row->name);
		if (row->has_initial)
			kv_num(o, "initial", row->initial, row->initial_places);
		kv_num(o, "budget", row->budget, row->budget_places);
		kv_num(o, "executed", row->executed, row->executed_places);
		yajl_gen_map_close(o->g);
	}
	yajl_gen_array_close(o->g);
	yajl_gen_map_close(o->g);
}

static void leaf(out *o, const jx_result *r, const jx_leaf_result *lr)
{
	const jx_node *n = lr->node;
	int dec = r->rules->decimals, rdec = r->rules->rate_decimals;

	yajl_gen_map_open(o->g);
	path(o, n);
	kv_str(o, "target", n->target.text);
	kv_str(o, "actual", n->actual.present ? n->actual.text : "");
	kv_num(o, "weight", lr->weight, -1);
	if (lr->na) {
		kv_bool(o, "applicable", false);
		kv_null(o, "rate");
		kv_null(o, "score");
		kv_null(o, "lost");
	} else {
		kv_str(o, "direction", jx_direction_name(lr->direction));
		kv_str(o, "rule", lr->rule->name);
		kv_num(o, "rate", lr->rate_pct, rdec);
		kv_num(o, "score", lr->score, dec);
		kv_num(o, "lost", lr->lost, dec);
	}
	claim(o, &n->claimed);
	kv_bool(o, "mismatch", lr->rate_mismatch || lr->score_mismatch);
	/* the table's texts, "" when it has none */
	kv_str(o, "last_year", n->last_year.present ? n->last_year.text : "");
	kv_str(o, "basis", n->basis);
	kv_str(o, "evidence", n->evidence);
	kv_str(o, "deviation", n->deviation);
	key(o, "line");
	yajl_gen_integer(o->g, n->mark.line);
	yajl_gen_map_close(o->g);
}

static void finding(out *o, const jx_result *r, const jx_finding *g)
{
	yajl_gen_map_open(o->g);
	kv_str(o, "code", g->code);
	kv_str(o, "severity", jx_fseverity_name(g->severity));
	if (g->node) {
		path(o, g->node);
	} else {
		key(o, "path");
		yajl_gen_array_open(o->g);
		if (g->funds)
			str(o, "funds");
		yajl_gen_array_close(o->g);
	}
	key(o, "line");
	yajl_gen_integer(o->g, g->line);
	kv_str(o, "message", g->message);
	if (g->has_alt) {
		key(o, "as_reverse");
		yajl_gen_map_open(o->g);
		kv_num(o, "rate", g->alt_rate, r->rules->rate_decimals);
		kv_num(o, "score", g->alt_score, r->rules->decimals);
		yajl_gen_map_close(o->g);
	}
	yajl_gen_map_close(o->g);
}

static void result(out *o, const jx_result *r, const jx_findings *f)
{
	const jx_doc *d = r->doc;
	int dec = r->rules->decimals;

	yajl_gen_map_open(o->g);
	kv_str(o, "file", d->path);
	kv_str(o, "kind", jx_kind_name(d->kind));
	kv_str(o, "title", d->title);
	kv_str(o, "department", d->department);
	kv_str(o, "implementer", d->implementer);
	key(o, "year");
	yajl_gen_integer(o->g, d->year);
	kv_str(o, "rules", r->rules->name);
	kv_str(o, "money_unit", d->money_unit);
	kv_num(o, "total", r->total, dec);
	kv_num(o, "max", r->max, -1);
	/* the weight of what does not apply, and the sum of the scores before
	 * rescaling it (equal to total when nothing is rescaled) */
	kv_num(o, "not_applicable_weight", r->na_weight, -1);
	kv_num(o, "raw_total", r->raw, dec);
	kv_str(o, "grade", r->grade ? r->grade->name : "");
	funds(o, r);

	key(o, "groups");
	yajl_gen_array_open(o->g);
	for (size_t i = 0; i < r->ngroups; i++) {
		yajl_gen_map_open(o->g);
		path(o, r->groups[i].node);
		kv_num(o, "weight", r->groups[i].weight, -1);
		kv_num(o, "score", r->groups[i].score, dec);
		if (r->groups[i].na_weight.units > 0) /* as the table's own */
			kv_num(o, "not_applicable_weight", r->groups[i].na_weight, -1);
		yajl_gen_map_close(o->g);
	}
	yajl_gen_array_close(o->g);

	key(o, "indicators");
	yajl_gen_array_open(o->g);
	for (size_t i = 0; i < r->nleaves; i++)
		leaf(o, r, &r->leaves[i]);
	yajl_gen_array_close(o->g);

	key(o, "findings");
	yajl_gen_array_open(o->g);
	for (size_t i = 0; f && i < f->count; i++)
		finding(o, r, &f->items[i]);
	yajl_gen_array_close(o->g);

	key(o, "claimed");
	yajl_gen_map_open(o->g);
	if (d->claimed.has_total)
		kv_num(o, "total", d->claimed.total, d->claimed.total_places);
	if (d->claimed.grade)
		kv_str(o, "grade", d->claimed.grade);
	kv_bool(o, "mismatch", r->total_mismatch || r->grade_mismatch);
	yajl_gen_map_close(o->g);
	key(o, "mismatches");
	yajl_gen_integer(o->g, (long long)r->mismatches);
	yajl_gen_map_close(o->g);
}

void jx_json_result(yajl_gen g, const jx_result *r, const jx_findings *f)
{
	out o = { g };
	result(&o, r, f);
}

int jx_write_json(FILE *f, const jx_result *const *results, const jx_findings *const *findings,
		  size_t n, bool array)
{
	out o = { jx_json_open(f) };
	if (!o.g)
		return JX_ENOMEM;
	if (array)
		yajl_gen_array_open(o.g);
	for (size_t i = 0; i < n; i++)
		result(&o, results[i], findings ? findings[i] : NULL);
	if (array)
		yajl_gen_array_close(o.g);
	yajl_gen_free(o.g);
	return ferror(f) ? JX_EIO : 0;
}
