/*
 * criteria.c - the criteria an experiment reweights, read from a result.
 */
#include "criteria.h"

#include "jixiao/common.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double jx_dec_to_double(jx_dec d)
{
	return (double)d.units / (double)JX_DEC_SCALE;
}

/* The weight of the not-applicable leaves under node, exactly. */
static int64_t na_weight(const jx_result *r, const jx_node *node)
{
	if (jx_node_is_leaf(node))
		return r->leaves[node->index].na ? node->weight.units : 0;
	int64_t w = 0;
	for (size_t i = 0; i < node->nchildren; i++)
		w += na_weight(r, &node->children[i]);
	return w;
}

/* Shares are one division of exact units: below 2^53 units (weights below
 * 9·10^9) both are exact as doubles, so equal shares are equal doubles,
 * 24.03 of 30 as 32.04 of 40. */
static void put(jx_criterion *out, size_t *k, const char *name, jx_dec weight, jx_dec score,
		int64_t na)
{
	if (weight.units <= 0)
		return;
	if (*k < JX_MAX_CRITERIA) {
		double w = (double)weight.units;
		out[*k].name = name;
		out[*k].weight = jx_dec_to_double(weight);
		out[*k].attain = (double)score.units / w;
		out[*k].applies = (double)(weight.units - na) / w;
		out[*k].rate = weight.units > na ? (double)score.units / (double)(weight.units - na) : NAN;
	}
	(*k)++; /* counted beyond the limit, so that it can be reported */
}

/* The name of a level-2 criterion, kept in names while there is room. */
static const char *level2_name(jx_criteria_names *names, const jx_node *root, const jx_node *ch)
{
	if (names->n == JX_MAX_CRITERIA)
		return "";
	char *name = jx_strdupf("%s/%s", root->name, ch->name);
	if (!name) {
		names->oom = true;
		return "";
	}
	return names->name[names->n++] = name;
}

void jx_criteria_names_release(jx_criteria_names *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->name[i]);
	memset(names, 0, sizeof(*names));
}

void jx_criteria_table_release(jx_criteria_table *t)
{
	for (size_t f = 0; t->storage && f < t->n; f++)
		jx_criteria_names_release(&t->storage[f]);
	free(t->names);
	free(t->weight);
	free(t->attain);
	free(t->applies);
	free(t->rate);
	free(t->storage);
	memset(t, 0, sizeof(*t));
}

/* The first criterion of cr[0..k) whose name an earlier one has, or NULL. */
static const char *twice(const jx_criterion *cr, size_t k)
{
	for (size_t c = 1; c < k; c++)
		for (size_t d = 0; d < c; d++)
			if (strcmp(cr[c].name, cr[d].name) == 0)
				return cr[c].name;
	return NULL;
}

/* The first criterion of b[0..kb) that a[0..ka) does not have, or NULL. */
static const char *missing(const jx_criterion *a, size_t ka, const jx_criterion *b, size_t kb)
{
	for (size_t c = 0; c < kb && c < JX_MAX_CRITERIA; c++) {
		size_t d = 0;
		while (d < ka && d < JX_MAX_CRITERIA && strcmp(a[d].name, b[c].name) != 0)
			d++;
		if (d == ka || d == JX_MAX_CRITERIA)
			return b[c].name;
	}
	return NULL;
}

/* " ('x.yaml' has no '预算执行率': its funds section does not apply)" into
 * buf, naming a criterion that one of two files has and the other lacks. */
static void name_missing(char *buf, size_t size, const jx_result *ra, const jx_criterion *a,
			 size_t ka, const jx_result *rb, const jx_criterion *b, size_t kb)
{
	const char *name = missing(a, ka, b, kb);
	const jx_result *lacks = ra;
	if (!name) {
		name = missing(b, kb, a, ka);
		lacks = rb;
	}
	buf[0] = '\0';
	if (name)
		jx_textf(buf, size, " (%s has no '%s'%s)", lacks->doc->path, name,
			 strcmp(name, "预算执行率") == 0 && lacks->funds.present && lacks->funds.na
				 ? ": its funds section does not apply, budget and executed are 0"
				 : "");
}

int jx_criteria_table_build(jx_criteria_table *t, const jx_result *const *results, size_t n,
			    int level, size_t min_k, jx_diags *diags)
{
	jx_criterion first[JX_MAX_CRITERIA], cur[JX_MAX_CRITERIA];
	memset(t, 0, sizeof(*t));
	t->n = n;
	t->storage = calloc(n ? n : 1, sizeof(*t->storage));
	if (!t->storage)
		return JX_ENOMEM;
	size_t k = n ? jx_criteria(results[0], level, first, &t->storage[0]) : 0;
	if (n && t->storage[0].oom)
		return JX_ENOMEM;
	if (k > JX_MAX_CRITERIA) {
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "%s has %zu weighted criteria at level %d; an experiment compares at most %d",
			     results[0]->doc->path, k, level, JX_MAX_CRITERIA);
		return JX_ELIMIT;
	}
	if (k < min_k) {
		/* a table of one level-1 group (履职效能) has its criteria below it */
		jx_criteria_names below = { 0 };
		size_t k2 = n && level == 1 ? jx_criteria(results[0], 2, cur, &below) : 0;
		jx_criteria_names_release(&below);
		jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
			     "%s has %zu weighted %s at level %d; at least %zu are needed",
			     n ? results[0]->doc->path : "(no file)", k, k == 1 ? "criterion" : "criteria",
			     level, min_k);
		if (k2 >= min_k && k2 <= JX_MAX_CRITERIA)
			jx_diags_add(diags, JX_SEV_NOTE, NULL, 0, 0,
				     "it has %zu at level 2: compare those with --level 2", k2);
		return JX_EINVAL;
	}
	t->k = k;
	t->names = calloc(k, sizeof(*t->names));
	t->weight = calloc(n * k, sizeof(double));
	t->attain = calloc(n * k, sizeof(double));
	t->applies = calloc(n * k, sizeof(double));
	t->rate = calloc(n * k, sizeof(double));
	if (!t->names || !t->weight || !t->attain || !t->applies || !t->rate)
		return JX_ENOMEM;
	for (size_t c = 0; c < k; c++)
		t->names[c] = first[c].name;
	for (size_t f = 0; f < n; f++) {
		const jx_result *r = results[f];
		size_t kf = f ? jx_criteria(r, level, cur, &t->storage[f]) : k;
		const jx_criterion *cr = f ? cur : first;
		if (t->storage[f].oom)
			return JX_ENOMEM;
		/* Criteria are told apart by name, across files and in the output. */
		const char *dup = kf <= JX_MAX_CRITERIA ? twice(cr, kf) : NULL;
		if (dup) {
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
				     "%s has two criteria called '%s' at level %d (the funds row is '预算执行率'); "
				     "an experiment tells its criteria apart by name: rename one",
				     r->doc->path, dup, level);
			return JX_EINVAL;
		}
		if (kf != k) {
			char which[512];
			name_missing(which, sizeof(which), r, cr, kf, results[0], first, k);
			jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
				     "%s has %zu weighted criteria at level %d, %s has %zu%s; files compared must share them",
				     r->doc->path, kf, level, results[0]->doc->path, k, which);
			return JX_EINVAL;
		}
		for (size_t c = 0; c < k; c++) {
			/* the same criteria, in any order */
			size_t at = k;
			for (size_t d = 0; d < k; d++)
				if (strcmp(cr[d].name, first[c].name) == 0)
					at = d;
			if (at == k) {
				jx_diags_add(diags, JX_SEV_ERROR, NULL, 0, 0,
					     "%s has no weighted criterion '%s' (of %s); files compared must share them",
					     r->doc->path, first[c].name, results[0]->doc->path);
				return JX_EINVAL;
			}
			t->weight[f * k + c] = cr[at].weight;
			t->attain[f * k + c] = cr[at].attain;
			t->applies[f * k + c] = cr[at].applies;
			t->rate[f * k + c] = cr[at].rate;
		}
	}
	return 0;
}

size_t jx_criteria(const jx_result *r, int level, jx_criterion *out, jx_criteria_names *names)
{
	size_t k = 0;
	jx_dec score, lost;
	names->n = 0;
	if (r->funds.present && !r->funds.na)
		put(out, &k, "预算执行率", r->funds.weight, r->funds.score, 0);
	for (size_t i = 0; i < r->doc->nroots; i++) {
		const jx_node *root = &r->doc->roots[i];
		if (level == 1 || jx_node_is_leaf(root)) {
			jx_result_node(r, root, &score, &lost);
			put(out, &k, root->name, root->weight, score, na_weight(r, root));
			continue;
		}
		for (size_t c = 0; c < root->nchildren; c++) {
			const jx_node *ch = &root->children[c];
			const char *name = ch->weight.units > 0 && k < JX_MAX_CRITERIA ? level2_name(names, root, ch) : "";
			jx_result_node(r, ch, &score, &lost);
			put(out, &k, name, ch->weight, score, na_weight(r, ch));
		}
	}
	return k;
}
