/*
 * write_doc.c - an evaluation as YAML, every field of the format kept: what
 * `jixiao whatif --emit-yaml` writes, and what loads back to the same scores.
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "yemit.h"

#include <string.h>

static void kv_num(jx_yemit *e, const char *key, jx_dec d, int places)
{
	jx_yemit_str(e, key);
	jx_yemit_num(e, d, places);
}

static void kv_opt(jx_yemit *e, const char *key, const char *value)
{
	if (value && *value)
		jx_yemit_kv(e, key, value);
}

static void claim(jx_yemit *e, const jx_claim *c)
{
	if (!c->has_rate && !c->has_score)
		return;
	jx_yemit_str(e, "claimed");
	jx_yemit_map(e, true);
	if (c->has_rate) {
		char buf[JX_DEC_BUFSZ + 1];
		jx_dec_format(buf, c->rate, c->rate_places, 0);
		strcat(buf, "%");
		jx_yemit_kv(e, "rate", buf);
	}
	if (c->has_score)
		kv_num(e, "score", c->score, c->score_places);
	jx_yemit_map_end(e);
}

static void node(jx_yemit *e, const jx_node *n)
{
	jx_yemit_map(e, false);
	jx_yemit_kv(e, "name", n->name);
	if (!jx_node_is_leaf(n)) {
		if (n->weight_given)
			kv_num(e, "weight", n->weight, -1);
		jx_yemit_str(e, "children");
		jx_yemit_seq(e, false);
		for (size_t i = 0; i < n->nchildren; i++)
			node(e, &n->children[i]);
		jx_yemit_seq_end(e);
		jx_yemit_map_end(e);
		return;
	}
	jx_yemit_kv(e, "target", n->target.text);
	kv_opt(e, "basis", n->basis);
	if (n->last_year.present)
		jx_yemit_kv(e, "last_year", n->last_year.text);
	if (n->target.q.kind != JX_Q_NA || n->weight.units)
		kv_num(e, "weight", n->weight, -1);
	kv_opt(e, "rule", n->rule);
	if (n->direction != JX_DIR_AUTO)
		jx_yemit_kv(e, "direction", jx_direction_name(n->direction));
	kv_opt(e, "evidence", n->evidence);
	if (n->actual.present)
		jx_yemit_kv(e, "actual", n->actual.text);
	claim(e, &n->claimed);
	kv_opt(e, "deviation", n->deviation);
	jx_yemit_map_end(e);
}

int jx_write_doc_yaml(FILE *out, const jx_doc *d, const char *rules)
{
	jx_yemit e;
	if (!jx_yemit_begin(&e, out))
		return JX_ENOMEM;
	jx_yemit_map(&e, false);
	jx_yemit_str(&e, "jixiao");
	jx_yemit_num(&e, jx_dec_from_int(1), 0);
	jx_yemit_kv(&e, "kind", jx_kind_name(d->kind));
	jx_yemit_kv(&e, "title", d->title);
	kv_opt(&e, "department", d->department);
	kv_opt(&e, "implementer", d->implementer);
	jx_yemit_str(&e, "year");
	jx_yemit_num(&e, jx_dec_from_int(d->year), 0);
	jx_yemit_kv(&e, "rules", rules ? rules : d->rules);
	jx_yemit_kv(&e, "money_unit", d->money_unit);
	if (d->funds.present) {
		const jx_funds *f = &d->funds;
		jx_yemit_str(&e, "funds");
		jx_yemit_map(&e, false);
		kv_num(&e, "weight", f->weight, -1);
		jx_yemit_str(&e, "rows");
		jx_yemit_seq(&e, false);
		for (size_t i = 0; i < f->nrows; i++) {
			const jx_funds_row *r = &f->rows[i];
			jx_yemit_map(&e, true);
			jx_yemit_kv(&e, "name", r->name);
			if (r->has_initial)
				kv_num(&e, "initial", r->initial, -1);
			kv_num(&e, "budget", r->budget, -1);
			kv_num(&e, "executed", r->executed, -1);
			jx_yemit_map_end(&e);
		}
		jx_yemit_seq_end(&e);
		kv_opt(&e, "rule", f->rule);
		claim(&e, &f->claimed);
		kv_opt(&e, "deviation", f->deviation);
		jx_yemit_map_end(&e);
	}
	if (d->ngoals) {
		jx_yemit_str(&e, "goals");
		jx_yemit_seq(&e, false);
		for (size_t i = 0; i < d->ngoals; i++) {
			jx_yemit_map(&e, false);
			jx_yemit_kv(&e, "expected", d->goals[i].expected);
			jx_yemit_kv(&e, "achieved", d->goals[i].achieved);
			jx_yemit_map_end(&e);
		}
		jx_yemit_seq_end(&e);
	}
	jx_yemit_str(&e, "indicators");
	jx_yemit_seq(&e, false);
	for (size_t i = 0; i < d->nroots; i++)
		node(&e, &d->roots[i]);
	jx_yemit_seq_end(&e);
	if (d->claimed.has_total || d->claimed.grade) {
		jx_yemit_str(&e, "claimed");
		jx_yemit_map(&e, true);
		if (d->claimed.has_total)
			kv_num(&e, "total", d->claimed.total, d->claimed.total_places);
		if (d->claimed.grade)
			jx_yemit_kv(&e, "grade", d->claimed.grade);
		jx_yemit_map_end(&e);
	}
	jx_yemit_map_end(&e);
	return jx_yemit_end(&e) && !ferror(out) ? 0 : JX_EIO;
}
