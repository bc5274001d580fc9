/*
 * write_json.c - scored evaluations as JSON (spec §4) through yajl, numbers
 * written from exact decimals with the rule set's decimals ("9.80").
 */
#include "jixiao/write.h"

#include "jixiao/common.h"

#include <string.h>
#include <yajl/yajl_gen.h>

typedef struct out {
	yajl_gen g;
	FILE *f;
} out;

static void print_cb(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, (FILE *)ctx);
}

static void str(out *o, const char *s)
{
	yajl_gen_string(o->g, (const unsigned char *)s, strlen(s));
}

static void key(out *o, const char *k)
{
	str(o, k);
}

static void num(out *o, jx_dec d, int places)
{
	char buf[JX_DEC_BUFSZ];
	jx_dec_format(buf, d, places, 0);
	yajl_gen_number(o->g, buf, strlen(buf));
}

static void kv_str(out *o, const char *k, const char *v)
{
	key(o, k);
	str(o, v);
}

static void kv_num(out *o, const char *k, jx_dec d, int places)
{
	key(o, k);
	num(o, d, places);
}

static void kv_bool(out *o, const char *k, bool b)
{
	key(o, k);
	yajl_gen_bool(o->g, b);
}

static void kv_null(out *o, const char *k)
{
	key(o, k);
	yajl_gen_null(o->g);
}

static void path(out *o, const jx_node *n)
{
	const jx_node *chain[JX_MAX_DEPTH + 1];
	size_t depth = 0;
	for (const jx_node *p = n; p && depth <= JX_MAX_DEPTH; p = p->parent)
		chain[depth++] = p;
	key(o, "path");
	yajl_gen_array_open(o->g);
	while (depth > 0)
		str(o, chain[--depth]->name);
	yajl_gen_array_close(o->g);
}

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
	if (fr->na) {
		kv_null(o, "rate");
		kv_null(o, "score");
	} else {
		kv_num(o, "rate", fr->rate_pct, rdec);
		kv_num(o, "score", fr->score, dec);
		kv_num(o, "lost", fr->lost, dec);
	}
	kv_str(o, "rule", fr->rule->name);
	claim(o, &f->claimed);
	kv_bool(o, "mismatch", fr->rate_mismatch || fr->score_mismatch);
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
	key(o, "line");
	yajl_gen_integer(o->g, n->mark.line);
	yajl_gen_map_close(o->g);
}

static void result(out *o, const jx_result *r)
{
	const jx_doc *d = r->doc;
	int dec = r->rules->decimals;

	yajl_gen_map_open(o->g);
	kv_str(o, "file", d->path);
	kv_str(o, "kind", jx_kind_name(d->kind));
	kv_str(o, "title", d->title);
	kv_str(o, "department", d->department);
	key(o, "year");
	yajl_gen_integer(o->g, d->year);
	kv_str(o, "rules", r->rules->name);
	kv_num(o, "total", r->total, dec);
	kv_num(o, "max", r->max, -1);
	kv_str(o, "grade", r->grade ? r->grade->name : "");
	funds(o, r);

	key(o, "groups");
	yajl_gen_array_open(o->g);
	for (size_t i = 0; i < r->ngroups; i++) {
		yajl_gen_map_open(o->g);
		path(o, r->groups[i].node);
		kv_num(o, "weight", r->groups[i].weight, -1);
		kv_num(o, "score", r->groups[i].score, dec);
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

int jx_write_json(FILE *f, const jx_result *const *results, size_t n, bool array)
{
	out o = { yajl_gen_alloc(NULL), f };
	if (!o.g)
		return JX_ENOMEM;
	yajl_gen_config(o.g, yajl_gen_beautify, 1);
	yajl_gen_config(o.g, yajl_gen_indent_string, "  ");
	yajl_gen_config(o.g, yajl_gen_print_callback, print_cb, f);
	if (array)
		yajl_gen_array_open(o.g);
	for (size_t i = 0; i < n; i++)
		result(&o, results[i]);
	if (array)
		yajl_gen_array_close(o.g);
	yajl_gen_free(o.g);
	return ferror(f) ? JX_EIO : 0;
}
