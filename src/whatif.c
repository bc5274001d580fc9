/*
 * whatif.c - what-if experiments: a changed copy of the evaluation, scored
 * again by the same scorer; and the side-by-side view of base and what-if.
 */
#include "jixiao/whatif.h"

#include "jixiao/common.h"
#include "json.h"
#include "table.h"
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Room for n changes, so that recording one never moves the others. */
static int reserve_changes(jx_whatif *w, size_t n)
{
	w->changes = calloc(n ? n : 1, sizeof(*w->changes));
	return w->changes ? 0 : JX_ENOMEM;
}

/* Record a change; there is room (reserve_changes). */
static int record_change(jx_whatif *w, const jx_node *node, const char *field, const char *from,
			 const char *to)
{
	jx_whatif_change *c = &w->changes[w->nchanges];
	memset(c, 0, sizeof(*c));
	c->node = node;
	c->field = field;
	if (!(c->from = strdup(from)) || !(c->to = strdup(to))) {
		free(c->from);
		c->from = NULL;
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

/* Append n bytes of s at buf + *len (buf NULL: only count them). */
static void put(char *buf, size_t *len, const char *s, size_t n)
{
	if (buf)
		memcpy(buf + *len, s, n);
	*len += n;
}

/* The label of the changes, "what from → to" joined by "；", into buf (NULL:
 * only measured); returns its length. One pass over the changes. */
static size_t label_text(char *buf, const jx_whatif *w)
{
	size_t len = 0;
	for (size_t i = 0; i < w->nchanges; i++) {
		const jx_whatif_change *c = &w->changes[i];
		bool weight = strcmp(c->field, "weight") == 0;
		if (i > 0)
			put(buf, &len, "；", strlen("；"));
		if (c->node) {
			size_t n = jx_node_path(NULL, 0, c->node, "/");
			if (buf)
				jx_node_path(buf + len, n + 1, c->node, "/");
			len += n;
		}
		const char *what = c->node ? (weight ? " 分值" : " 实际完成值")
				   : weight ? "预算执行分值" : "评分规则";
		put(buf, &len, what, strlen(what));
		put(buf, &len, " ", 1);
		put(buf, &len, c->from, strlen(c->from));
		put(buf, &len, " → ", strlen(" → "));
		put(buf, &len, c->to, strlen(c->to));
	}
	return len;
}

static int make_label(jx_whatif *w)
{
	if (w->nchanges == 0)
		return set_label(w, strdup("不作改动"));
	size_t len = label_text(NULL, w);
	char *s = malloc(len + 1);
	if (s) {
		label_text(s, w);
		s[len] = '\0';
	}
	return set_label(w, s);
}

/* One weight or actual value to set, resolved to the node it changes. */
typedef struct setting {
	jx_node *node;     /* in the copy; NULL for the funds weight */
	jx_dec weight;     /* a weight's value */
	const char *text;  /* an actual value's text */
	char *what;        /* how messages name it: "--weight 产出指标=50" (owned) */
	bool standard;     /* from --standard-weights: an explicit --weight overrides it */
	bool nested;       /* a weight set inside another one, or with one inside it */
} setting;

/* The settings of one what-if, each node set once. weight_at[slot] and
 * actual_at[leaf index] hold a setting's index + 1, or 0. */
typedef struct settings {
	jx_doc *doc;
	jx_diags *diags;
	setting *weights, *actuals;
	size_t nweights, nactuals;
	size_t *weight_at, *actual_at, funds_at;
} settings;

/* A node's place in settings.weight_at: leaves first, then groups. */
static size_t slot(const jx_doc *doc, const jx_node *n)
{
	return jx_node_is_leaf(n) ? n->index : doc->nleaves + n->index;
}

/* What messages call the node a setting changes. */
static const char *subject(char *buf, size_t n, const jx_node *node)
{
	char path[512];
	if (!node) {
		jx_textf(buf, n, "the funds section");
		return buf;
	}
	jx_node_path(path, sizeof(path), node, "/");
	jx_textf(buf, n, "'%s'", path);
	return buf;
}

/* A second setting (what, taken) of what old set: dropped when it agrees
 * (same), an error naming both otherwise, as the result could not honour
 * both. */
static int set_again(const settings *s, const setting *old, char *what, bool same, const char *values)
{
	char buf[600];
	if (!same)
		jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0, "%s and %s give %s two different %s",
			     old->what, what, subject(buf, sizeof(buf), old->node), values);
	free(what);
	return same ? 0 : JX_EINVAL;
}

/* Add a weight setting (taking what). A second setting of the same node
 * replaces a standard weight, else it is as set_again says. */
static int add_weight(settings *s, jx_node *node, jx_dec weight, char *what, bool standard)
{
	size_t *at = node ? &s->weight_at[slot(s->doc, node)] : &s->funds_at;
	if (*at) {
		setting *old = &s->weights[*at - 1];
		if (old->standard && !standard) {
			free(old->what);
			old->what = what;
			old->weight = weight;
			old->standard = false;
			return 0;
		}
		return set_again(s, old, what, jx_dec_cmp(old->weight, weight) == 0, "weights");
	}
	s->weights[s->nweights] = (setting){ node, weight, NULL, what, standard, false };
	*at = ++s->nweights;
	return 0;
}

/* Add an actual-value setting (taking what), as add_weight does. */
static int add_actual(settings *s, jx_node *leaf, const char *text, char *what)
{
	size_t *at = &s->actual_at[leaf->index];
	if (*at) {
		const setting *old = &s->actuals[*at - 1];
		return set_again(s, old, what, strcmp(old->text, text) == 0, "actual values");
	}
	s->actuals[s->nactuals] = (setting){ leaf, { 0 }, text, what, false, false };
	*at = ++s->nactuals;
	return 0;
}

/* The node of the copy that path names, or NULL after a diagnostic. */
static jx_node *find(const settings *s, const char *path, const char *what)
{
	const char *why = "not found";
	const jx_node *n = jx_doc_find(s->doc, path, &why);
	char did[1024] = "";
	if (!n && strncmp(why, "ambiguous", 9) != 0)
		jx_doc_suggest(did, sizeof(did), s->doc, path, strncmp(what, "--actual", 8) == 0);
	if (!n)
		jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0, "%s: indicator '%s' %s in %s%s", what, path,
			     why, s->doc->path, did);
	return (jx_node *)n; /* the copy is ours to change */
}

/* The level-1 group named name, or NULL: standard weights are for level 1
 * only, as the findings compare them, whatever groups below share a name. */
static jx_node *root_named(jx_doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->nroots; i++)
		if (strcmp(doc->roots[i].name, name) == 0)
			return &doc->roots[i];
	return NULL;
}

/* A weight the rule set can score: 0 or more, no more decimals than its scores. */
static bool weight_ok(const settings *s, jx_dec weight, const char *what, const jx_rules *rules)
{
	if (weight.units >= 0 && jx_dec_places(weight) <= rules->decimals)
		return true;
	jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0,
		     "%s: a weight must be 0 or more with at most %d decimal places (those of the scores "
		     "of rule set '%s')", what, rules->decimals, rules->name);
	return false;
}

/* Gather the weights of --standard-weights, then those of --weight: each a
 * node once. Problems go to diags; returns 0 or JX_ENOMEM. */
static int gather_weights(settings *s, const jx_whatif_spec *spec, const jx_rules *rules)
{
	char num[JX_DEC_BUFSZ];
	if (spec->standard_weights) {
		if (rules->nstandard_weights == 0)
			jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0,
				     "--standard-weights: rule set '%s' has no standard_weights", rules->name);
		for (size_t i = 0; i < rules->nstandard_weights; i++) {
			const jx_std_weight *sw = &rules->standard_weights[i];
			bool funds = jx_doc_names_funds(s->doc, sw->name);
			jx_node *n = funds ? NULL : root_named(s->doc, sw->name);
			if (funds ? !s->doc->funds.present : !n) {
				/* a part this table does not have, also when a group
				 * below level 1 bears the name */
				jx_diags_add(s->diags, JX_SEV_NOTE, NULL, 0, 0,
					     "--standard-weights: %s has no %s%s%s; its standard weight %s is not "
					     "used", s->doc->path, funds ? "funds section" : "level-1 group '",
					     funds ? "" : sw->name, funds ? "" : "'",
					     jx_dec_format(num, sw->weight, -1, 0));
				continue;
			}
			char *what = jx_strdupf("--standard-weights (%s=%s)", sw->name,
						jx_dec_format(num, sw->weight, -1, 0));
			if (!what)
				return JX_ENOMEM;
			if (weight_ok(s, sw->weight, what, rules))
				add_weight(s, n, sw->weight, what, true);
			else
				free(what);
		}
	}
	for (size_t i = 0; i < spec->nweights; i++) {
		const jx_whatif_set *set = &spec->weights[i];
		char *what = jx_strdupf("--weight %s=%s", set->path, set->value);
		jx_node *n = NULL;
		jx_dec w;
		size_t errpos;
		if (!what)
			return JX_ENOMEM;
		int rc = jx_dec_parse(&w, NULL, set->value, strlen(set->value), &errpos);
		bool funds = jx_doc_names_funds(s->doc, set->path);
		if (rc)
			jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0, "%s: %s", what, jx_dec_strerror(rc));
		else if (funds && !s->doc->funds.present)
			jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0, "%s: %s has no funds section", what,
				     s->doc->path);
		else if ((funds || (n = find(s, set->path, what))) && weight_ok(s, w, what, rules)) {
			add_weight(s, n, w, what, false);
			continue; /* what is the setting's now */
		}
		free(what);
	}
	return 0;
}

/* Put a diagnostic on the option `what` instead of a place in the file. */
static void put_on_option(jx_diag *g, const char *what)
{
	char *m = jx_strdupf("%s: %s", what, g->message);
	if (!m)
		return; /* out of memory: it stays where it was */
	free(g->message);
	free(g->file);
	free(g->source);
	g->message = m;
	g->file = g->source = NULL;
	g->line = g->col = 0;
}

/* Move the diagnostics of from to diags, those that are not notes put on
 * the option what. */
static void relay(jx_diags *diags, jx_diags *from, const char *what)
{
	for (size_t i = 0; i < from->count; i++)
		if (from->items[i].severity != JX_SEV_NOTE)
			put_on_option(&from->items[i], what);
	jx_diags_append(diags, from);
	jx_diags_release(from);
}

/* The actual values set are not in the file: their cells get a place past
 * its end, line UINT_MAX and the setting's number as the column, so that
 * the scorer's diagnostics about them can be put on their options. */
static jx_mark option_mark(size_t k)
{
	return (jx_mark){ UINT_MAX, k + 1 <= UINT_MAX ? (unsigned)(k + 1) : 0 };
}

/* The scorer's diagnostics about values the options set, on the options:
 * those at a set actual value, and those at the indicator it belongs to
 * (its completion rate). The others stay in the file. */
static void blame_options(jx_diags *scored, const settings *s)
{
	for (size_t i = 0; i < scored->count; i++) {
		jx_diag *g = &scored->items[i];
		if (!g->file || strcmp(g->file, s->doc->src.file) != 0)
			continue;
		for (size_t k = 0; k < s->nactuals; k++) {
			const jx_node *n = s->actuals[k].node;
			jx_mark at = option_mark(k);
			if ((g->line == at.line && g->col == at.col) ||
			    (g->line == n->mark.line && g->col == n->mark.col)) {
				put_on_option(g, s->actuals[k].what);
				break;
			}
		}
	}
}

/* Gather the actual values of --actual, each leaf once, and set them: they
 * depend on nothing else. */
static int gather_actuals(settings *s, const jx_whatif_spec *spec)
{
	for (size_t i = 0; i < spec->nactuals; i++) {
		const jx_whatif_set *set = &spec->actuals[i];
		char *what = jx_strdupf("--actual %s=%s", set->path, set->value);
		if (!what)
			return JX_ENOMEM;
		jx_node *n = find(s, set->path, what);
		if (n && !jx_node_is_leaf(n)) {
			char path[512];
			jx_node_path(path, sizeof(path), n, "/");
			jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0,
				     "%s: '%s' is a group, not an indicator with an actual value", what, path);
		} else if (n && n->target.present && n->target.q.kind == JX_Q_NA) {
			/* it is left out of the score whatever its actual value */
			char path[512];
			jx_node_path(path, sizeof(path), n, "/");
			jx_diags_add(s->diags, JX_SEV_ERROR, NULL, 0, 0,
				     "%s: '%s' does not apply (its target is '%s'): an actual value would "
				     "change nothing", what, path, n->target.text);
		} else if (n) {
			size_t k = s->nactuals;
			add_actual(s, n, set->value, what); /* what is the setting's now */
			if (s->nactuals > k) {
				jx_diags mine;
				jx_diags_init(&mine);
				if (jx_doc_set_actual(s->doc, n, set->value, &mine) == 0)
					n->actual.mark = option_mark(k);
				relay(s->diags, &mine, what);
			}
			continue;
		}
		free(what);
	}
	return 0;
}

/* Mark the weights set inside others, and those with others inside them:
 * each with the nearest setting around it. */
static void mark_nested(settings *s)
{
	for (size_t i = 0; i < s->nweights; i++) {
		const jx_node *n = s->weights[i].node;
		for (const jx_node *p = n ? n->parent : NULL; p; p = p->parent) {
			size_t k = s->weight_at[slot(s->doc, p)];
			if (k) {
				s->weights[i].nested = s->weights[k - 1].nested = true;
				break;
			}
		}
	}
}

/* Make the weight settings: the nodes' at once, then the funds weight. */
static int apply_weights(settings *s, int places)
{
	jx_weight_set *sets = malloc((s->nweights ? s->nweights : 1) * sizeof(*sets));
	size_t n = 0;
	if (!sets)
		return JX_ENOMEM;
	for (size_t i = 0; i < s->nweights; i++)
		if (s->weights[i].node)
			sets[n++] = (jx_weight_set){ s->weights[i].node, s->weights[i].weight,
						     s->weights[i].what };
		else
			s->doc->funds.weight = s->weights[i].weight;
	int rc = jx_doc_set_weights(s->doc, sets, n, places, s->diags);
	free(sets);
	return rc;
}

/* The changes, for the output: each setting that changes the file, with
 * the value in the file and the one the what-if uses. A weight equal to the
 * file's is listed when it is nested: it then holds its node at that
 * weight, which the settings around or inside it would have changed. */
static int list_changes(jx_whatif *w, const settings *s)
{
	const jx_doc *file = w->base->doc;
	char from[JX_DEC_BUFSZ], to[JX_DEC_BUFSZ];
	int rc = 0;
	for (size_t i = 0; i < s->nweights && rc == 0; i++) {
		const setting *set = &s->weights[i];
		const jx_node *n = set->node;
		jx_dec was = !n ? file->funds.weight
			     : jx_node_is_leaf(n) ? file->leaves[n->index]->weight
						  : file->groups[n->index]->weight;
		if (jx_dec_cmp(was, set->weight) == 0 && !set->nested)
			continue;
		rc = record_change(w, n, "weight", jx_dec_format(from, was, -1, 0),
				   jx_dec_format(to, set->weight, -1, 0));
	}
	for (size_t i = 0; i < s->nactuals && rc == 0; i++) {
		const setting *set = &s->actuals[i];
		const jx_node *was = file->leaves[set->node->index];
		const char *text = was->actual.present ? was->actual.text : "";
		if (strcmp(text, set->text) != 0)
			rc = record_change(w, set->node, "actual", text, set->text);
	}
	return rc;
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

/* Whether two rule sets are one: loaded from the same file (a built-in set:
 * the same origin). Loaded twice, they are not the same object. */
static bool same_rules(const jx_rules *a, const jx_rules *b)
{
	if (a == b)
		return true;
	char *ra = realpath(a->origin, NULL), *rb = realpath(b->origin, NULL);
	bool same = ra || rb ? ra && rb && strcmp(ra, rb) == 0 : strcmp(a->origin, b->origin) == 0;
	free(ra);
	free(rb);
	return same;
}

/* The change of rule set, if any: by name, or by file when the names agree. */
static int rules_change(jx_whatif *w, const jx_rules *base, const jx_rules *other)
{
	if (!other || same_rules(base, other))
		return 0;
	bool named = strcmp(base->name, other->name) != 0;
	return record_change(w, NULL, "rules", named ? base->name : base->origin,
			     named ? other->name : other->origin);
}

/* Every failure is explained: a step that failed without saying why (out
 * of memory) is reported here. Returns rc. */
static int explained(int rc, jx_diags *diags, size_t errors)
{
	if (rc && diags->errors == errors)
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0, "what-if not made: %s", jx_strerror(rc));
	return rc;
}

static void settings_release(settings *s)
{
	for (size_t i = 0; i < s->nweights; i++)
		free(s->weights[i].what);
	for (size_t i = 0; i < s->nactuals; i++)
		free(s->actuals[i].what);
	free(s->weights);
	free(s->actuals);
	free(s->weight_at);
	free(s->actual_at);
}

int jx_whatif_run(jx_whatif *out, const jx_result *base, const jx_whatif_spec *spec,
		  jx_diags *diags)
{
	const jx_rules *rules = spec->rules ? spec->rules : base->rules;
	size_t errors = diags->errors;
	settings s = { 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	out->base = base;
	if ((rc = jx_doc_clone(&out->doc, base->doc, diags)) != 0)
		return explained(rc, diags, errors);
	const jx_doc *d = out->doc;
	size_t nweights = spec->nweights + (spec->standard_weights ? rules->nstandard_weights : 0);
	s.doc = out->doc;
	s.diags = diags;
	s.weights = calloc(nweights ? nweights : 1, sizeof(*s.weights));
	s.actuals = calloc(spec->nactuals ? spec->nactuals : 1, sizeof(*s.actuals));
	s.weight_at = calloc(d->nleaves + d->ngroups + 1, sizeof(*s.weight_at));
	s.actual_at = calloc(d->nleaves + 1, sizeof(*s.actual_at));
	if (!s.weights || !s.actuals || !s.weight_at || !s.actual_at ||
	    reserve_changes(out, nweights + spec->nactuals + 1)) {
		rc = JX_ENOMEM;
		goto done;
	}
	/* Every setting is known before any is made, so that the result does
	 * not depend on their order. */
	if ((rc = gather_weights(&s, spec, rules)) != 0 || (rc = gather_actuals(&s, spec)) != 0)
		goto done;
	if (diags->errors == errors && (rc = apply_weights(&s, rules->decimals)) == 0)
		rc = check_max(out->doc, diags);
	if (rc == 0 && diags->errors != errors)
		rc = JX_EINVAL;
	if (rc == 0) {
		mark_nested(&s);
		rc = list_changes(out, &s);
	}
	if (rc == 0)
		rc = rules_change(out, base->rules, spec->rules);
	if (rc == 0)
		rc = make_label(out);
	if (rc == 0) {
		jx_diags scored;
		jx_diags_init(&scored);
		rc = jx_score_run(&out->result, out->doc, rules, &scored);
		blame_options(&scored, &s);
		jx_diags_append(diags, &scored);
		jx_diags_release(&scored);
		for (size_t i = 0; i < s.nactuals; i++)
			s.actuals[i].node->actual.mark = (jx_mark){ 0, 0 }; /* no place in the file */
	}
	if (rc == 0 && jx_dec_sub(&out->delta, out->result->total, base->total) != 0) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "the what-if total minus the base total is 10^12 or more");
		rc = JX_ERANGE;
	}
done:
	settings_release(&s);
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
	    (rc = reserve_changes(out, n)) != 0 ||
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
	if (n > 0 && max > 0 && (rc = jx_whatif_reverse(&out[0], base, leaves, n, diags)) == 0)
		rc = 1;
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
	jx_table t;
	int rc = 0;

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
		/* the whole path, however long: its end names the indicator */
		char *path = jx_node_path_dup(l1->node, "/");
		if (!path) {
			rc = JX_ENOMEM;
			break;
		}
		row(&t, path, l0->weight, l0->score, l1->weight, l1->score, dec, l0->na, l1->na);
		free(path);
	}
	if (rc) {
		jx_table_release(&t);
		return rc;
	}
	if (t.nrows > 1)
		jx_table_rule(&t, t.nrows - 1);
	if (b->funds.present)
		row(&t, "预算执行率", b->funds.weight, b->funds.score, r->funds.weight, r->funds.score, dec,
		    b->funds.na, r->funds.na);
	for (size_t i = 0; i < r->doc->nroots; i++) {
		const jx_node *n0 = &b->doc->roots[i], *n1 = &r->doc->roots[i];
		jx_dec s0, s1, l;
		jx_result_node(b, n0, &s0, &l);
		jx_result_node(r, n1, &s1, &l);
		/* a level-1 indicator that does not apply shows '/', as above */
		bool leaf = jx_node_is_leaf(n1);
		row(&t, n1->name, n0->weight, s0, n1->weight, s1, dec, leaf && b->leaves[n0->index].na,
		    leaf && r->leaves[n1->index].na);
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

void jx_json_whatif_fields(yajl_gen g, const jx_whatif *w)
{
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
}

int jx_whatif_write_json(FILE *out, const jx_whatif *w)
{
	yajl_gen g = jx_json_open(out);
	if (!g)
		return JX_ENOMEM;
	yajl_gen_map_open(g);
	jx_json_whatif_fields(g, w);
	yajl_gen_map_close(g);
	yajl_gen_free(g);
	return ferror(out) ? JX_EIO : 0;
}
