/*
 * whatif.c - what-if experiments: a changed copy of the evaluation, scored
 * again by the same scorer; and the side-by-side view of base and what-if.
 */
#include "jixiao/whatif.h"

#include "jixiao/common.h"
#include "json.h"
#include "table.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Record a change (no label). */
static int record_change(jx_whatif *w, const jx_node *node, const char *field, const char *from,
			 const char *to)
{
	jx_whatif_change *c = realloc(w->changes, (w->nchanges + 1) * sizeof(*c));
	if (!c)
		return JX_ENOMEM;
	w->changes = c;
	c = &c[w->nchanges];
	memset(c, 0, sizeof(*c));
	c->node = node;
	c->field = field;
	if (!(c->from = strdup(from)) || !(c->to = strdup(to))) {
		free(c->from);
		return JX_ENOMEM;
	}
	w->nchanges++;
	return 0;
}

/* Set the label; NULL (out of memory) when s is. */
static int set_label(jx_whatif *w, char *s)
{
	free(w->label);
	w->label = s;
	return s ? 0 : JX_ENOMEM;
}

/* The node's path and suffix: "产出指标/数量指标/X 分值". */
static char *node_what(const jx_node *n, const char *suffix)
{
	size_t len = jx_node_path(NULL, 0, n, "/");
	char *s = malloc(len + strlen(suffix) + 1);
	if (s) {
		jx_node_path(s, len + 1, n, "/");
		strcpy(s + len, suffix);
	}
	return s;
}

/* Record a change and add "what from → to" to the label. */
static int add_change(jx_whatif *w, const jx_node *node, const char *field, const char *what,
		      const char *from, const char *to)
{
	int rc = record_change(w, node, field, from, to);
	if (rc == 0)
		rc = set_label(w, jx_strdupf("%s%s%s %s → %s", w->label ? w->label : "",
					     w->label ? "；" : "", what, from, to));
	return rc;
}

/* A node of the copy by path; the copy is ours to change. */
static jx_node *find(jx_whatif *w, const char *path, jx_diags *diags)
{
	const char *why = "not found";
	const jx_node *n = jx_doc_find(w->doc, path, &why);
	if (!n)
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "indicator '%s' %s in %s", path, why,
			     w->doc->path);
	return (jx_node *)n;
}

static bool is_funds(const char *path)
{
	return strcmp(path, "funds") == 0 || strcmp(path, "预算执行率") == 0 ||
	       strcmp(path, "预算执行") == 0;
}

static int set_weight(jx_whatif *w, const char *path, jx_dec weight, int places, jx_diags *diags)
{
	char from[JX_DEC_BUFSZ], to[JX_DEC_BUFSZ];
	jx_dec_format(to, weight, -1, 0);
	if (is_funds(path)) {
		if (!w->doc->funds.present) {
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "%s has no funds section", w->doc->path);
			return JX_EINVAL;
		}
		if (jx_dec_places(weight) > places || weight.units < 0) {
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
				     "funds weight %s must be 0 or more with at most %d decimal places", to, places);
			return JX_EINVAL;
		}
		if (jx_dec_cmp(weight, w->doc->funds.weight) == 0)
			return 0;
		jx_dec_format(from, w->doc->funds.weight, -1, 0);
		w->doc->funds.weight = weight;
		return add_change(w, NULL, "weight", "预算执行分值", from, to);
	}
	jx_node *n = find(w, path, diags);
	if (!n)
		return JX_ENOTFOUND;
	/* "from" is the weight in the file, not one a change of its group
	 * (rescaling its members) has given it since. */
	const jx_node *was = jx_doc_find(w->base->doc, path, NULL);
	jx_dec old = was ? was->weight : n->weight;
	int rc = jx_dec_cmp(weight, n->weight) ? jx_doc_set_weight(w->doc, n, weight, places, diags) : 0;
	if (rc || jx_dec_cmp(weight, old) == 0)
		return rc; /* back to the file's weight: no change to show */
	jx_dec_format(from, old, -1, 0);
	char *what = node_what(n, " 分值");
	rc = what ? add_change(w, n, "weight", what, from, to) : JX_ENOMEM;
	free(what);
	return rc;
}

static int parse_weight(const jx_whatif_set *s, jx_dec *out, jx_diags *diags)
{
	size_t errpos;
	int rc = jx_dec_parse(out, NULL, s->value, strlen(s->value), &errpos);
	if (rc)
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "--weight %s=%s: %s", s->path, s->value,
			     jx_dec_strerror(rc));
	return rc ? JX_EINVAL : 0;
}

/* The table's maximum, the funds weight and the level-1 weights, must stay
 * a decimal (below 10^12) for the scorer to add them up. */
static int check_max(const jx_doc *doc, jx_diags *diags)
{
	jx_dec max = doc->funds.present ? doc->funds.weight : (jx_dec){ 0 };
	for (size_t i = 0; i < doc->nroots; i++)
		if (jx_dec_add(&max, max, doc->roots[i].weight)) {
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
				     "the weights of the table would add up to 10^12 or more (the limit is 10^12)");
			return JX_ERANGE;
		}
	return 0;
}

/* Every failure is explained: a step that failed without saying why (out
 * of memory) is reported here. Returns rc. */
static int explained(int rc, jx_diags *diags, size_t errors)
{
	if (rc && diags->errors == errors)
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "what-if not made: %s", jx_strerror(rc));
	return rc;
}

int jx_whatif_run(jx_whatif *out, const jx_result *base, const jx_whatif_spec *spec,
		  jx_diags *diags)
{
	const jx_rules *rules = spec->rules ? spec->rules : base->rules;
	size_t errors = diags->errors;
	int rc, failed = 0;

	memset(out, 0, sizeof(*out));
	out->base = base;
	if ((rc = jx_doc_clone(&out->doc, base->doc, diags)) != 0)
		return explained(rc, diags, errors);
	if (spec->standard_weights) {
		if (rules->nstandard_weights == 0)
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "rule set '%s' has no standard_weights",
				     rules->name);
		for (size_t i = 0; i < rules->nstandard_weights; i++) {
			const jx_std_weight *sw = &rules->standard_weights[i];
			if (strcmp(sw->name, "funds") == 0 && !out->doc->funds.present)
				continue;
			if (strcmp(sw->name, "funds") != 0 && !jx_doc_find(out->doc, sw->name, NULL))
				continue; /* a level-1 group this table does not have */
			int r = set_weight(out, sw->name, sw->weight, rules->decimals, diags);
			if (r == JX_ENOMEM)
				rc = JX_ENOMEM;
			else if (r)
				failed = r;
		}
	}
	for (size_t i = 0; i < spec->nweights; i++) {
		jx_dec wv;
		int r = parse_weight(&spec->weights[i], &wv, diags);
		if (r == 0)
			r = set_weight(out, spec->weights[i].path, wv, rules->decimals, diags);
		if (r == JX_ENOMEM)
			rc = JX_ENOMEM;
		else if (r)
			failed = r;
	}
	if (rc == 0 && !failed)
		failed = check_max(out->doc, diags);
	for (size_t i = 0; i < spec->nactuals && rc == 0; i++) {
		const jx_whatif_set *s = &spec->actuals[i];
		jx_node *n = find(out, s->path, diags);
		if (!n)
			continue;
		char *from = strdup(n->actual.present ? n->actual.text : "");
		int r = from ? jx_doc_set_actual(out->doc, n, s->value, diags) : JX_ENOMEM;
		if (r == 0) {
			char *what = node_what(n, " 实际完成值");
			rc = what ? add_change(out, n, "actual", what, from, s->value) : JX_ENOMEM;
			free(what);
		} else if (r == JX_ENOMEM) {
			rc = r;
		} else {
			failed = r;
		}
		free(from);
	}
	if (rc == 0 && spec->rules && spec->rules != base->rules)
		rc = add_change(out, NULL, "rules", "评分规则", base->rules->name, rules->name);
	if (rc == 0 && !out->label)
		rc = set_label(out, strdup("不作改动"));
	if (rc == 0 && (failed || diags->errors != errors))
		rc = failed ? failed : JX_EINVAL;
	if (rc == 0 && (rc = jx_score_run(&out->result, out->doc, rules, diags)) == 0 &&
	    jx_dec_sub(&out->delta, out->result->total, base->total) != 0) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "the what-if total minus the base total is 10^12 or more");
		rc = JX_ERANGE;
	}
	if (rc)
		jx_whatif_release(out);
	return explained(rc, diags, errors);
}

int jx_whatif_reverse(jx_whatif *out, const jx_result *base, const size_t *leaves, size_t n,
		      jx_diags *diags)
{
	int rc;
	memset(out, 0, sizeof(*out));
	out->base = base;
	if ((rc = set_label(out, strdup("成本指标按反向指标计分"))) != 0 ||
	    (rc = jx_doc_clone(&out->doc, base->doc, diags)) != 0) {
		jx_whatif_release(out);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		if (leaves[i] < out->doc->nleaves) {
			jx_node *leaf = out->doc->leaves[leaves[i]];
			leaf->direction = JX_DIR_REVERSE;
			if ((rc = record_change(out, leaf, "direction", "positive", "reverse")) != 0)
				break;
		}
	if (rc || (rc = jx_score_run(&out->result, out->doc, base->rules, diags)) != 0 ||
	    (rc = jx_dec_sub(&out->delta, out->result->total, base->total)) != 0)
		jx_whatif_release(out);
	return rc;
}

int jx_whatif_from_findings(jx_whatif *out, size_t max, const jx_result *base,
			    const jx_findings *f, jx_diags *diags)
{
	size_t *leaves = malloc((f->count ? f->count : 1) * sizeof(*leaves)), n = 0;
	int rc;
	if (!leaves)
		return JX_ENOMEM;
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].code, "cost-direction") == 0 && f->items[i].node)
			leaves[n++] = f->items[i].node->index;
	rc = 0;
	if (n > 0 && max > 0)
		rc = jx_whatif_reverse(&out[0], base, leaves, n, diags) == 0 ? 1 : JX_EINVAL;
	free(leaves);
	return rc;
}

void jx_whatif_release(jx_whatif *w)
{
	jx_result_free(w->result);
	jx_doc_free(w->doc);
	for (size_t i = 0; i < w->nchanges; i++) {
		free(w->changes[i].from);
		free(w->changes[i].to);
	}
	free(w->changes);
	free(w->label);
	memset(w, 0, sizeof(*w));
}

/* ------------------------------------------------------------ writing */

enum { C_NAME, C_W0, C_S0, C_W1, C_S1, C_DELTA, C_NCOLS };

static void row(jx_table *t, const char *name, jx_dec w0, jx_dec s0, jx_dec w1, jx_dec s1,
		int dec, bool na0, bool na1)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	jx_dec delta;
	size_t k = jx_table_row(t);
	jx_table_set(t, k, C_NAME, "%s", name);
	jx_table_set(t, k, C_W0, "%s", jx_dec_format(a, w0, -1, 0));
	jx_table_set(t, k, C_S0, "%s", na0 ? "/" : jx_dec_format(b, s0, dec, 0));
	jx_table_set(t, k, C_W1, "%s", jx_dec_format(a, w1, -1, 0));
	jx_table_set(t, k, C_S1, "%s", na1 ? "/" : jx_dec_format(b, s1, dec, 0));
	if (!na0 && !na1 && jx_dec_sub(&delta, s1, s0) == 0)
		jx_table_set(t, k, C_DELTA, "%s%s", delta.units > 0 ? "+" : "",
			     jx_dec_format(a, delta, dec, 0));
}

/* Decimals of the differences: each total is rounded by its own rule set,
 * so their difference is exact at the larger of the two decimals (97.26
 * under two, 97 under none: −0.26, not 0). */
static int delta_places(const jx_whatif *w)
{
	int a = w->base->rules->decimals, b = w->result->rules->decimals;
	return a > b ? a : b;
}

int jx_whatif_write_text(FILE *out, const jx_whatif *w)
{
	const jx_result *b = w->base, *r = w->result;
	int dec = delta_places(w);
	char path[512];
	jx_table t;
	int rc;

	fprintf(out, "情景测算：%s\n改动：%s\n评分规则：基准 %s，情景 %s\n\n", b->doc->title, w->label,
		b->rules->name, r->rules->name);
	jx_table_init(&t, C_NCOLS);
	for (int c = C_W0; c < C_NCOLS; c++)
		jx_table_align(&t, (size_t)c, JX_RIGHT);
	static const char *const titles[C_NCOLS] = {
		[C_NAME] = "指标", [C_W0] = "基准分值", [C_S0] = "基准得分",
		[C_W1] = "情景分值", [C_S1] = "情景得分", [C_DELTA] = "变化",
	};
	jx_table_header(&t, titles);
	/* The leaves whose weight, actual value or score changed. */
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *l0 = &b->leaves[i], *l1 = &r->leaves[i];
		if (jx_dec_cmp(l0->weight, l1->weight) == 0 && jx_dec_cmp(l0->score, l1->score) == 0 &&
		    l0->na == l1->na && strcmp(l0->node->actual.present ? l0->node->actual.text : "",
					       l1->node->actual.present ? l1->node->actual.text : "") == 0)
			continue;
		jx_node_path(path, sizeof(path), l1->node, "/");
		row(&t, path, l0->weight, l0->score, l1->weight, l1->score, dec, l0->na, l1->na);
	}
	if (t.nrows > 1)
		jx_table_rule(&t, t.nrows - 1);
	if (b->funds.present)
		row(&t, "预算执行率", b->funds.weight, b->funds.score, r->funds.weight, r->funds.score, dec,
		    b->funds.na, r->funds.na);
	for (size_t i = 0; i < r->doc->nroots; i++) {
		jx_dec s0, s1, l;
		jx_result_node(b, &b->doc->roots[i], &s0, &l);
		jx_result_node(r, &r->doc->roots[i], &s1, &l);
		row(&t, r->doc->roots[i].name, b->doc->roots[i].weight, s0, r->doc->roots[i].weight, s1,
		    dec, false, false);
	}
	jx_table_rule(&t, t.nrows - 1);
	row(&t, "总分", b->max, b->total, r->max, r->total, dec, false, false);
	size_t k = jx_table_row(&t);
	jx_table_set(&t, k, C_NAME, "等级");
	jx_table_set(&t, k, C_S0, "%s", b->grade ? b->grade->name : "");
	jx_table_set(&t, k, C_S1, "%s", r->grade ? r->grade->name : "");
	if (b->grade != r->grade && b->grade && r->grade && strcmp(b->grade->name, r->grade->name))
		jx_table_set(&t, k, C_DELTA, "变化");
	rc = jx_table_print(&t, out);
	jx_table_release(&t);
	return rc ? rc : (ferror(out) ? JX_EIO : 0);
}

int jx_whatif_write_json(FILE *out, const jx_whatif *w)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_str(g, "base");
	jx_json_result(g, w->base, NULL);
	jx_json_str(g, "whatif");
	jx_json_result(g, w->result, NULL);
	jx_json_kv_str(g, "label", w->label);
	jx_json_kv_num(g, "delta", w->delta, delta_places(w));
	jx_json_str(g, "changes");
	yajl_gen_array_open(g);
	for (size_t i = 0; i < w->nchanges; i++) {
		const jx_whatif_change *c = &w->changes[i];
		yajl_gen_map_open(g);
		if (c->node) {
			jx_json_path(g, c->node);
		} else {
			jx_json_str(g, "path");
			yajl_gen_array_open(g);
			if (strcmp(c->field, "weight") == 0)
				jx_json_str(g, "funds");
			yajl_gen_array_close(g);
		}
		jx_json_kv_str(g, "field", c->field);
		jx_json_kv_str(g, "from", c->from);
		jx_json_kv_str(g, "to", c->to);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
