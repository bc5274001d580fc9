/*
 * score.c - the scorer (spec §2). Two passes: bind every leaf to its
 * direction, rule and level (reporting what the rule set rejects), then
 * compute with exact fractions, rounding once per displayed value.
 * Nothing here prints; writers read the result.
 */
#include "jixiao/score.h"

#include "jixiao/common.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scorer {
	const jx_doc *doc;
	const jx_rules *rules;
	jx_diags *diags;
	jx_result *res;
} scorer;

static void error_at(scorer *s, jx_mark m, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void error_at(scorer *s, jx_mark m, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	jx_diags_add(s->diags, JX_SEV_ERROR, &s->doc->src, m.line, m.col, "%s", buf);
}

static const jx_frac ONE = { 1, 1 };
static const jx_frac ZERO = { 0, 1 };
static const jx_frac HUNDRED = { 100, 1 };

/* ------------------------------------------------------------- binding */

/* "proportional (按照完成比例赋分, …), satisfaction (满意度赋分), …" */
static void known_rules(const jx_rules *r, char *buf, size_t n)
{
	bool room = true;
	buf[0] = '\0';
	for (size_t i = 0; i < r->nrules && room; i++) {
		const jx_rule *x = &r->rules[i];
		room = jx_textf_append(buf, n, "%s%s", i ? ", " : "", x->name);
		for (size_t j = 0; j < x->naliases && room; j++)
			room = jx_textf_append(buf, n, "%s%s", j ? ", " : " (", x->aliases[j]);
		if (x->naliases && room)
			room = jx_textf_append(buf, n, ")");
	}
}

/* The name or alias closest to a misspelt rule name, or NULL. */
static const char *suggest_rule(const jx_rules *r, const char *name)
{
	const char *cands[256];
	size_t n = 0;
	for (size_t i = 0; i < r->nrules && n < 256; i++) {
		cands[n++] = r->rules[i].name;
		for (size_t j = 0; j < r->rules[i].naliases && n < 256; j++)
			cands[n++] = r->rules[i].aliases[j];
	}
	return jx_text_suggest(name, cands, n);
}

static const jx_rule *find_rule(scorer *s, const char *name, jx_mark at, const char *whose)
{
	const jx_rule *r = jx_rules_find(s->rules, name);
	if (!r) {
		char known[700], did[128] = "";
		const char *hint = suggest_rule(s->rules, name);
		known_rules(s->rules, known, sizeof(known));
		if (hint)
			jx_textf(did, sizeof(did), "; did you mean '%s'?", hint);
		error_at(s, at, "unknown rule '%s' for '%s' in rule set '%s'%s (known: %s)", name,
			 whose, s->rules->name, did, known);
	}
	return r;
}

static bool in_reverse_group(const jx_rules *rules, const jx_node *n)
{
	for (const jx_node *p = n->parent; p; p = p->parent)
		for (size_t i = 0; i < rules->nreverse_groups; i++)
			if (strcmp(p->name, rules->reverse_groups[i]) == 0)
				return true;
	return false;
}

static const jx_level *find_level(const jx_rule *r, const char *text, size_t len)
{
	for (size_t i = 0; i < r->nlevels; i++) {
		const jx_level *l = &r->levels[i];
		if (strlen(l->name) == len && memcmp(l->name, text, len) == 0)
			return l;
		for (size_t j = 0; j < l->naliases; j++)
			if (strlen(l->aliases[j]) == len && memcmp(l->aliases[j], text, len) == 0)
				return l;
	}
	return NULL;
}

static void level_names(const jx_rule *r, char *buf, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; i < r->nlevels; i++)
		if (!jx_textf_append(buf, n, "%s%s", i ? ", " : "", r->levels[i].name))
			break;
}

/* The level an actual names, checked against its allowed range. */
static bool bind_level(scorer *s, const jx_node *n, jx_leaf_result *lr)
{
	const jx_quantity *a = &n->actual.q;
	const jx_rule *lv = lr->rule->kind == JX_RULE_LEVELS ? lr->rule : s->rules->qualitative_rule;
	lr->levels_rule = lv;
	if (a->kind != JX_Q_TEXT)
		return true; /* a percentage: used as the rate */
	lr->level = find_level(lv, a->text, a->text_len);
	if (!lr->level) {
		char names[400];
		const jx_quantity *t = &n->target.q;
		/* 指标值 明显提升, 实际完成值 明显提升: the table meant it was reached */
		bool repeats = t->kind == JX_Q_TEXT && t->text_len == a->text_len &&
			       memcmp(t->text, a->text, a->text_len) == 0 && lv->nlevels > 0;
		level_names(lv, names, sizeof(names));
		error_at(s, n->actual.mark, "'%.*s' is not a level of rule '%s' (levels: %s)%s%s%s",
			 (int)a->text_len, a->text, lv->name, names,
			 repeats ? "; it repeats the target: write the level reached, such as '" : "",
			 repeats ? lv->levels[0].name : "", repeats ? "'" : "");
		return false;
	}
	if (a->has_pct) {
		jx_frac p;
		if (jx_frac_div(&p, jx_frac_from_dec(a->pct), HUNDRED) != 0 ||
		    jx_frac_cmp(p, lr->level->min) < 0 || jx_frac_cmp(p, lr->level->max) > 0) {
			char lo[JX_DEC_BUFSZ], hi[JX_DEC_BUFSZ];
			jx_frac lo100, hi100;
			jx_frac_mul(&lo100, lr->level->min, HUNDRED);
			jx_frac_mul(&hi100, lr->level->max, HUNDRED);
			error_at(s, n->actual.mark, "level '%s' allows %s%% to %s%%, not the %s given",
				 lr->level->name, jx_frac_format(lo, lo100, 2),
				 jx_frac_format(hi, hi100, 2), n->actual.text);
			return false;
		}
	}
	return true;
}

/* Scores are kept at the rule set's decimals, so a weight may not have more:
 * a score of 2.13 for a weight of 2.125 would exceed it. */
static bool weight_fits(scorer *s, jx_dec w, jx_mark at, const char *whose)
{
	char buf[JX_DEC_BUFSZ];
	if (jx_dec_places(w) <= s->rules->decimals)
		return true;
	error_at(s, at, "weight %s of '%s' has more decimal places than the scores of rule set '%s' (decimals: %d)",
		 jx_dec_format(buf, w, -1, 0), whose, s->rules->name, s->rules->decimals);
	return false;
}

/* The message for a rate or score that leaves the exact range. */
static void report_range(scorer *s, jx_mark at, const char *whose, int rc)
{
	if (rc == JX_ELIMIT)
		error_at(s, at, "the completion rate of '%s' is 10^12%% or more; check its target and actual value",
			 whose);
	else
		error_at(s, at, "the numbers of '%s' are too large to score exactly", whose);
}

/* The rule a leaf names, or the rule set's default for its target. */
static bool bind_rule(scorer *s, const jx_node *n, jx_leaf_result *lr)
{
	const jx_quantity *t = &n->target.q;
	if (n->rule)
		return (lr->rule = find_rule(s, n->rule, n->rule_mark, n->name)) != NULL;
	lr->rule = t->kind == JX_Q_TEXT ? s->rules->qualitative_rule
		 : t->kind == JX_Q_TIME ? s->rules->deadline_rule
		 : s->rules->default_rule;
	return true;
}

static bool bind_leaf(scorer *s, const jx_node *n, jx_leaf_result *lr)
{
	const jx_quantity *t = &n->target.q, *a = &n->actual.q;

	lr->node = n;
	lr->weight = n->weight;
	if (t->kind == JX_Q_NA) {
		lr->na = true;
		return true;
	}
	/* Each problem is reported, then binding goes on as far as it can. */
	bool ok = weight_fits(s, n->weight, n->weight_mark, n->name);
	switch (t->kind) {
	case JX_Q_NUMBER:
		lr->direction = (t->op == JX_OP_LE || t->op == JX_OP_LT) ? JX_DIR_REVERSE : JX_DIR_POSITIVE;
		if (n->direction != JX_DIR_AUTO)
			lr->direction = n->direction;
		if (in_reverse_group(s->rules, n) && lr->direction != JX_DIR_REVERSE) {
			lr->direction = JX_DIR_REVERSE;
			lr->reversed_by_rules = true;
		}
		if (t->value.units < 0 || a->value.units < 0) {
			error_at(s, t->value.units < 0 ? n->target.mark : n->actual.mark,
				 "'%s' has a negative value; a completion rate needs values of 0 or more",
				 n->name);
			ok = false;
		}
		break;
	case JX_Q_RANGE:
		lr->direction = JX_DIR_RANGE;
		if (t->value.units < 0 || a->value.units < 0) {
			error_at(s, t->value.units < 0 ? n->target.mark : n->actual.mark,
				 "'%s' has a negative value; a completion rate needs values of 0 or more",
				 n->name);
			ok = false;
		}
		break;
	case JX_Q_TIME: lr->direction = JX_DIR_DEADLINE; break;
	default: lr->direction = JX_DIR_QUALITATIVE; break;
	}

	if (!bind_rule(s, n, lr))
		return false;
	bool qualitative = t->kind == JX_Q_TEXT || (t->kind == JX_Q_TIME && a->kind == JX_Q_TEXT);
	if (lr->rule->kind == JX_RULE_LEVELS && !qualitative) {
		error_at(s, n->rule_mark.line ? n->rule_mark : n->target.mark,
			 "rule '%s' scores qualitative levels, but the target '%s' of '%s' is not qualitative",
			 lr->rule->name, n->target.text, n->name);
		return false;
	}
	return (qualitative ? bind_level(s, n, lr) : true) && ok;
}

/* ------------------------------------------------------------- compute */

static int pow10_frac(jx_frac *out, int exp)
{
	jx_frac f = ONE;
	for (int i = 0; i < exp; i++)
		if (jx_frac_mul(&f, f, jx_frac_make(10, 1)) != 0)
			return JX_ERANGE;
	*out = f;
	return 0;
}

/* Target and actual in one unit: money is brought to the smaller unit. */
static int common_values(const jx_quantity *t, const jx_quantity *a, jx_leaf_result *lr)
{
	jx_frac ta = jx_frac_from_dec(t->value), th = jx_frac_from_dec(t->high),
		b = jx_frac_from_dec(a->value), ft = ONE, fa = ONE;
	lr->unit_exp = 0;
	if (t->unit.kind == JX_UNIT_MONEY && a->unit.kind == JX_UNIT_MONEY) {
		int lo = t->unit.money_exp < a->unit.money_exp ? t->unit.money_exp : a->unit.money_exp;
		lr->unit_exp = lo;
		if (pow10_frac(&ft, t->unit.money_exp - lo) || pow10_frac(&fa, a->unit.money_exp - lo))
			return JX_ERANGE;
	} else if (t->unit.kind == JX_UNIT_MONEY) {
		lr->unit_exp = t->unit.money_exp;
	}
	if (jx_frac_mul(&lr->a, ta, ft) || jx_frac_mul(&lr->a_high, th, ft) ||
	    jx_frac_mul(&lr->b, b, fa))
		return JX_ERANGE;
	return 0;
}

static int cmp3(int a1, int a2, int a3, int b1, int b2, int b3)
{
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	if (a2 != b2)
		return a2 < b2 ? -1 : 1;
	return (a3 > b3) - (a3 < b3);
}

/* Whether the actual month or date meets the deadline target. */
static bool deadline_met(const jx_when *dl, const jx_when *act, int doc_year)
{
	int dy = dl->year ? dl->year : doc_year, ay = act->year ? act->year : doc_year;
	switch (dl->deadline) {
	case JX_DL_BEFORE_MONTH: return cmp3(ay, act->month, 0, dy, dl->month, 0) < 0;
	case JX_DL_BY_MONTH_END: return cmp3(ay, act->month, 0, dy, dl->month, 0) <= 0;
	default: {
		/* A month without a day counts as done at its end. */
		int ad = act->day ? act->day : jx_days_in_month(ay, act->month);
		return cmp3(ay, act->month, ad, dy, dl->month, dl->day) <= 0;
	}
	}
}

static int leaf_rate(scorer *s, const jx_node *n, jx_leaf_result *lr)
{
	const jx_quantity *t = &n->target.q, *a = &n->actual.q;
	int rc = 0;

	if (lr->levels_rule) {
		if (a->kind == JX_Q_NUMBER)
			return jx_frac_div(&lr->rate, jx_frac_from_dec(a->value), HUNDRED);
		if (a->has_pct)
			return jx_frac_div(&lr->rate, jx_frac_from_dec(a->pct), HUNDRED);
		lr->rate = lr->level->def;
		return 0;
	}
	switch (lr->direction) {
	case JX_DIR_DEADLINE:
		lr->rate = deadline_met(&t->when, &a->when, s->doc->year) ? ONE : ZERO;
		return 0;
	case JX_DIR_POSITIVE:
		if ((rc = common_values(t, a, lr)) != 0)
			return rc;
		if (lr->a.num == 0) {
			lr->rate = ONE; /* spec §2.1: a target of 0 is met by anything */
			return 0;
		}
		return jx_frac_div(&lr->rate, lr->b, lr->a);
	case JX_DIR_REVERSE:
		if ((rc = common_values(t, a, lr)) != 0)
			return rc;
		if (lr->b.num == 0) {
			lr->rate = ONE;
			return 0;
		}
		return jx_frac_div(&lr->rate, lr->a, lr->b);
	case JX_DIR_RANGE:
		if ((rc = common_values(t, a, lr)) != 0)
			return rc;
		if (jx_frac_cmp(lr->b, lr->a) < 0)
			return jx_frac_div(&lr->rate, lr->b, lr->a);
		if (jx_frac_cmp(lr->b, lr->a_high) > 0)
			return jx_frac_div(&lr->rate, lr->a_high, lr->b);
		lr->rate = ONE;
		return 0;
	default:
		return JX_EINVAL;
	}
}

int jx_score_steps(const jx_rule *r, jx_frac rate, jx_frac *gap, long long *steps)
{
	jx_frac steps_f;
	int rc;
	if ((rc = jx_frac_sub(gap, r->full_at, rate)) || (rc = jx_frac_div(&steps_f, *gap, r->per)))
		return rc;
	jx_i128 n = jx_frac_ceil(steps_f);
	*steps = n > 1000000000 ? 1000000000 : (long long)n; /* far past a zero score either way */
	return 0;
}

/* f(rate) of spec §2.4 as a share of the weight. */
static int rule_factor(const jx_rule *r, jx_frac rate, jx_dec weight, jx_frac *out)
{
	int rc = 0;
	switch (r->kind) {
	case JX_RULE_RATIO:
		if (jx_frac_cmp(rate, r->zero_below) < 0)
			*out = ZERO;
		else
			*out = jx_frac_cmp(rate, r->cap) < 0 ? rate : r->cap;
		return 0;
	case JX_RULE_THRESHOLD:
		*out = jx_frac_cmp(rate, r->at) >= 0 ? ONE : ZERO;
		return 0;
	case JX_RULE_STEP: {
		jx_frac gap, points, w = jx_frac_from_dec(weight), deducted;
		long long steps;
		if (jx_frac_cmp(rate, r->full_at) >= 0 || weight.units == 0) {
			*out = weight.units == 0 ? ZERO : ONE;
			return 0;
		}
		if ((rc = jx_score_steps(r, rate, &gap, &steps)))
			return rc;
		if ((rc = jx_frac_mul(&deducted, jx_frac_from_dec(r->deduct), jx_frac_make((int64_t)steps, 1))) ||
		    (rc = jx_frac_sub(&points, w, deducted)))
			return rc;
		if (points.num < 0)
			points = ZERO;
		return jx_frac_div(out, points, w);
	}
	case JX_RULE_BANDS: {
		jx_frac m = rate;
		if (r->by_deviation && (rc = jx_frac_sub(&m, rate, ONE)) == 0)
			m = jx_frac_abs(m);
		if (rc)
			return rc;
		for (size_t i = 0; i < r->nbands; i++) {
			const jx_band *b = &r->bands[i];
			int c = b->has_bound ? jx_frac_cmp(m, b->bound) : 0;
			if (!b->has_bound || (r->by_deviation ? c <= 0 : c >= 0)) {
				*out = b->score;
				return 0;
			}
		}
		*out = ZERO; /* validation leaves no gaps; kept for safety */
		return 0;
	}
	case JX_RULE_LEVELS:
		*out = rate;
		return 0;
	}
	return JX_EINVAL;
}

/* Display rate, the rate the rule sees, the factor and the rounded score. */
static int score_rate(const jx_rules *rules, const jx_rule *rule, jx_frac rate, jx_dec weight,
		      jx_dec *rate_pct, jx_frac *rate_used, jx_frac *factor, jx_frac *exact,
		      jx_dec *score, jx_dec *lost)
{
	jx_frac pct, w = jx_frac_from_dec(weight);
	int rc;

	if ((rc = jx_frac_mul(&pct, rate, HUNDRED)))
		return rc;
	if (jx_frac_round(rate_pct, pct, rules->rate_decimals, rules->rounding))
		return JX_ELIMIT; /* a rate of 10^12 % cannot be displayed */
	*rate_used = rate;
	if (rules->score_from_rounded &&
	    (rc = jx_frac_div(rate_used, jx_frac_from_dec(*rate_pct), HUNDRED)))
		return rc;
	if ((rc = rule_factor(rule, *rate_used, weight, factor)) || (rc = jx_frac_mul(exact, w, *factor)))
		return rc;
	/* A leaf never scores above its weight, nor below zero. */
	if (jx_frac_cmp(*exact, w) > 0)
		*exact = w;
	if (exact->num < 0)
		*exact = ZERO;
	if ((rc = jx_frac_round(score, *exact, rules->decimals, rules->rounding)))
		return rc;
	return jx_dec_sub(lost, weight, *score);
}

/*
 * Does a claimed value follow from the exact one? Spec §1: it is compared at
 * its own precision, with the rule set's rounding: claimed 9.8 matches
 * 9.7974 (→ 9.8), claimed 97.974% matches 97.974025…%.
 */
/*
 * Whether a claim with places decimals follows from exact, which the rule
 * set shows as shown (at shown_places): at the claim's own places (a claimed
 * 9.8 holds for 9.7974…, and so does 9.797), or, with more places than the
 * rule set's, as the value shown written with more zeros (9.800 for 9.80).
 * docs/format.md §7.
 */
static bool claim_holds(jx_frac exact, jx_dec shown, int shown_places, jx_rounding mode,
			jx_dec claimed, int places)
{
	jx_dec ref;
	if (places == shown_places || (places > shown_places && jx_dec_cmp(shown, claimed) == 0))
		return jx_dec_cmp(shown, claimed) == 0;
	return jx_frac_round(&ref, exact, places, mode) == 0 && jx_dec_cmp(ref, claimed) == 0;
}

/* rate_pct and score are rate (as a percentage) and exact rounded to the
 * rule set's places. */
static void check_claim(const jx_rules *rules, const jx_claim *c, jx_frac rate, jx_dec rate_pct,
			jx_frac exact, jx_dec score, bool *rate_bad, bool *score_bad)
{
	jx_frac pct = ZERO;
	if (c->has_rate && (c->rate_places == rules->rate_decimals || jx_frac_mul(&pct, rate, HUNDRED) == 0))
		*rate_bad = !claim_holds(pct, rate_pct, rules->rate_decimals, rules->rounding, c->rate,
					 c->rate_places);
	if (c->has_score)
		*score_bad = !claim_holds(exact, score, rules->decimals, rules->rounding, c->score,
					  c->score_places);
}

static bool score_leaf(scorer *s, const jx_node *n, jx_leaf_result *lr)
{
	int rc;
	if (lr->na)
		return true;
	rc = leaf_rate(s, n, lr);
	if (rc == 0)
		rc = score_rate(s->rules, lr->rule, lr->rate, lr->weight, &lr->rate_pct, &lr->rate_used,
				&lr->factor, &lr->score_exact, &lr->score, &lr->lost);
	if (rc) {
		report_range(s, n->mark, n->name, rc);
		return false;
	}
	check_claim(s->rules, &n->claimed, lr->rate, lr->rate_pct, lr->score_exact, lr->score,
		    &lr->rate_mismatch, &lr->score_mismatch);
	return true;
}

/* The funds section's rule, and its weight unless only the rule can be
 * checked (a section with errors of its own: jx_score_check). */
static bool bind_funds(scorer *s, bool rule_only)
{
	const jx_funds *f = &s->doc->funds;
	jx_funds_result *fr = &s->res->funds;
	bool ok = true;
	if (!f->present)
		return true;
	fr->present = true;
	fr->weight = f->weight;
	fr->rule = s->rules->funds_rule;
	if (f->rule && !(fr->rule = find_rule(s, f->rule, f->rule_mark, "funds")))
		ok = false;
	else if (fr->rule->kind == JX_RULE_LEVELS) {
		error_at(s, f->rule_mark, "rule '%s' scores qualitative levels and cannot score funds",
			 fr->rule->name);
		ok = false;
	}
	return (rule_only || weight_fits(s, f->weight, f->weight_mark, "funds")) && ok;
}

static bool score_funds(scorer *s)
{
	const jx_funds *f = &s->doc->funds;
	jx_funds_result *fr = &s->res->funds;
	if (!fr->present)
		return true;
	const jx_funds_row *row = &f->rows[0];
	if (row->budget.units == 0) {
		if (row->executed.units == 0) {
			fr->na = true;
			return true;
		}
		fr->rate = ONE;
	} else if (jx_frac_div(&fr->rate, jx_frac_from_dec(row->executed), jx_frac_from_dec(row->budget))) {
		error_at(s, f->mark, "the funds amounts are too large to score exactly");
		return false;
	}
	int rc = score_rate(s->rules, fr->rule, fr->rate, fr->weight, &fr->rate_pct, &fr->rate_used,
			    &fr->factor, &fr->score_exact, &fr->score, &fr->lost);
	if (rc) {
		report_range(s, f->mark, "funds", rc);
		return false;
	}
	check_claim(s->rules, &f->claimed, fr->rate, fr->rate_pct, fr->score_exact, fr->score,
		    &fr->rate_mismatch, &fr->score_mismatch);
	return true;
}

/* Subtotals bottom-up: groups are in pre-order, so walking them backwards
 * meets every child group before its parent. */
static bool score_groups(scorer *s)
{
	jx_result *r = s->res;
	for (size_t i = r->ngroups; i-- > 0;) {
		const jx_node *g = s->doc->groups[i];
		jx_group_result *gr = &r->groups[i];
		gr->node = g;
		gr->weight = g->weight;
		gr->score.units = gr->max.units = gr->na_weight.units = 0;
		for (size_t k = 0; k < g->nchildren; k++) {
			const jx_node *c = &g->children[k];
			bool leaf = jx_node_is_leaf(c);
			const jx_leaf_result *lr = leaf ? &r->leaves[c->index] : NULL;
			jx_dec add = leaf ? lr->score : r->groups[c->index].score;
			jx_dec na = leaf ? (lr->na ? lr->weight : (jx_dec){ 0 }) : r->groups[c->index].na_weight;
			if (jx_dec_add(&gr->score, gr->score, add) ||
			    jx_dec_add(&gr->max, gr->max, jx_result_node_max(r, c)) ||
			    jx_dec_add(&gr->na_weight, gr->na_weight, na))
				return false;
		}
	}
	return true;
}

static bool score_total(scorer *s)
{
	jx_result *r = s->res;
	const jx_doc *d = s->doc;
	jx_dec zero = { 0 };

	r->raw = r->max = r->na_weight = zero;
	if (r->funds.present) {
		if (jx_dec_add(&r->max, r->max, r->funds.weight))
			return false;
		if (r->funds.na ? jx_dec_add(&r->na_weight, r->na_weight, r->funds.weight)
				: jx_dec_add(&r->raw, r->raw, r->funds.score))
			return false;
	}
	for (size_t i = 0; i < d->nroots; i++) {
		const jx_node *n = &d->roots[i];
		jx_dec sc = jx_node_is_leaf(n) ? r->leaves[n->index].score : r->groups[n->index].score;
		if (jx_dec_add(&r->raw, r->raw, sc) || jx_dec_add(&r->max, r->max, n->weight))
			return false;
	}
	for (size_t i = 0; i < r->nleaves; i++)
		if (r->leaves[i].na && jx_dec_add(&r->na_weight, r->na_weight, r->leaves[i].weight))
			return false;

	r->total_exact = jx_frac_from_dec(r->raw);
	jx_dec left;
	if (jx_dec_sub(&left, r->max, r->na_weight) || left.units <= 0) {
		jx_mark at = d->nroots ? d->roots[0].mark : (jx_mark){ 0, 0 };
		jx_diags_add(s->diags, JX_SEV_ERROR, &d->src, at.line, at.col,
			     "nothing to score: no indicator that applies has a weight");
		return false;
	}
	r->applicable = left;
	if (r->na_weight.units > 0) {
		if (s->rules->na_drop) {
			r->max = left;
		} else if (jx_frac_mul(&r->total_exact, r->total_exact, jx_frac_from_dec(r->max)) ||
			   jx_frac_div(&r->total_exact, r->total_exact, jx_frac_from_dec(left))) {
			return false;
		}
	}
	if (jx_frac_round(&r->total, r->total_exact, s->rules->decimals, s->rules->rounding))
		return false;
	r->grade = jx_rules_grade(s->rules, r->total);
	if (d->claimed.has_total)
		r->total_mismatch = !claim_holds(r->total_exact, r->total, s->rules->decimals,
						 s->rules->rounding, d->claimed.total,
						 d->claimed.total_places);
	if (d->claimed.grade && r->grade)
		r->grade_mismatch = !jx_grade_matches(r->grade, d->claimed.grade);
	return true;
}

/*
 * Each leaf's part of max - total. Without rescaling it is its lost points;
 * with rescaling the lost points grow by max / (max - n/a), and the rounded
 * parts are apportioned so that they add up to max - total exactly.
 */
static bool apportion_losses(scorer *s)
{
	jx_result *r = s->res;
	size_t n = r->nleaves + 1, k = 0;
	jx_frac scale = ONE;
	jx_dec gap;
	bool ok = false;

	if (r->na_weight.units > 0 && !s->rules->na_drop &&
	    jx_frac_div(&scale, jx_frac_from_dec(r->max), jx_frac_from_dec(r->applicable)))
		return false;
	jx_frac *shares = calloc(n, sizeof(*shares));
	jx_dec *parts = calloc(n, sizeof(*parts));
	if (!shares || !parts || jx_dec_sub(&gap, r->max, r->total))
		goto done;
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		shares[k] = ZERO;
		if (!lr->na && jx_frac_mul(&shares[k], jx_frac_from_dec(lr->lost), scale))
			goto done;
		k++;
	}
	shares[k] = ZERO;
	if (r->funds.present && !r->funds.na &&
	    jx_frac_mul(&shares[k], jx_frac_from_dec(r->funds.lost), scale))
		goto done;
	if (jx_apportion(parts, shares, n, gap, s->rules->decimals))
		goto done;
	for (size_t i = 0; i < r->nleaves; i++)
		r->leaves[i].lost_in_total = parts[i];
	r->funds.lost_in_total = parts[r->nleaves];
	for (size_t i = r->ngroups; i-- > 0;) {
		const jx_node *g = s->doc->groups[i];
		jx_group_result *gr = &r->groups[i];
		gr->lost_in_total.units = 0;
		for (size_t c = 0; c < g->nchildren; c++) {
			const jx_node *ch = &g->children[c];
			gr->lost_in_total.units += jx_node_is_leaf(ch) ? r->leaves[ch->index].lost_in_total.units
								      : r->groups[ch->index].lost_in_total.units;
		}
	}
	ok = true;
done:
	free(shares);
	free(parts);
	return ok;
}

static void count_mismatches(jx_result *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nleaves; i++)
		n += (size_t)r->leaves[i].rate_mismatch + (size_t)r->leaves[i].score_mismatch;
	n += (size_t)r->funds.rate_mismatch + (size_t)r->funds.score_mismatch;
	n += (size_t)r->total_mismatch + (size_t)r->grade_mismatch;
	r->mismatches = n;
}

int jx_score_run(jx_result **out, const jx_doc *doc, const jx_rules *rules, jx_diags *diags)
{
	scorer s = { doc, rules, diags, NULL };
	size_t errors0 = diags->errors;
	bool ok = true;

	*out = NULL;
	if (doc->partial)
		return JX_EINVAL; /* only jx_score_check reads those */
	jx_result *r = calloc(1, sizeof(*r));
	if (!r)
		return JX_ENOMEM;
	s.res = r;
	r->doc = doc;
	r->rules = rules;
	r->nleaves = doc->nleaves;
	r->ngroups = doc->ngroups;
	r->leaves = calloc(doc->nleaves ? doc->nleaves : 1, sizeof(*r->leaves));
	r->groups = calloc(doc->ngroups ? doc->ngroups : 1, sizeof(*r->groups));
	if (!r->leaves || !r->groups) {
		jx_result_free(r);
		return JX_ENOMEM;
	}
	/* Bind everything first, so one run reports every problem. */
	for (size_t i = 0; i < doc->nleaves; i++)
		ok &= bind_leaf(&s, doc->leaves[i], &r->leaves[i]);
	ok &= bind_funds(&s, false);
	for (size_t i = 0; ok && i < doc->nleaves; i++)
		ok &= score_leaf(&s, doc->leaves[i], &r->leaves[i]);
	ok = ok && score_funds(&s) && score_groups(&s);
	if (ok && !(score_total(&s) && apportion_losses(&s))) {
		if (diags->errors == errors0)
			jx_diags_add(diags, JX_SEV_ERROR, &doc->src, 0, 0,
				     "the total is too large to compute exactly");
		ok = false;
	}
	if (!ok || diags->errors > errors0) {
		jx_result_free(r);
		return JX_EINVAL;
	}
	count_mismatches(r);
	*out = r;
	return 0;
}

int jx_score_check(const jx_doc *partial, const jx_rules *rules, jx_diags *diags)
{
	jx_result r = { 0 };
	scorer s = { partial, rules, diags, &r };
	bool ok = true;
	/* Of a faulty part, only the rule can still be checked: for a leaf, the
	 * rule it names, unless its target is (or could not be read and so
	 * reads as) not applicable, which binds no rule. */
	for (size_t i = 0; i < partial->nleaves; i++) {
		const jx_node *n = partial->leaves[i];
		jx_leaf_result lr = { 0 };
		if (!n->faulty)
			ok &= bind_leaf(&s, n, &lr);
		else if (n->rule && n->target.q.kind != JX_Q_NA)
			ok &= bind_rule(&s, n, &lr);
	}
	ok &= bind_funds(&s, partial->funds.faulty);
	return ok ? 0 : JX_EINVAL;
}

void jx_result_free(jx_result *r)
{
	if (!r)
		return;
	free(r->leaves);
	free(r->groups);
	free(r);
}

int jx_score_leaf_reversed(const jx_result *r, const jx_leaf_result *lr, jx_dec *rate_pct,
			   jx_dec *score)
{
	jx_frac rate = ONE, used, factor, exact;
	jx_dec lost;
	if (lr->na || lr->direction != JX_DIR_POSITIVE)
		return JX_EINVAL;
	if (lr->b.num != 0 && jx_frac_div(&rate, lr->a, lr->b))
		return JX_ERANGE;
	return score_rate(r->rules, lr->rule, rate, lr->weight, rate_pct, &used, &factor, &exact,
			  score, &lost);
}

void jx_result_node(const jx_result *r, const jx_node *node, jx_dec *score, jx_dec *lost_in_total)
{
	bool leaf = jx_node_is_leaf(node);
	*score = leaf ? r->leaves[node->index].score : r->groups[node->index].score;
	*lost_in_total = leaf ? r->leaves[node->index].lost_in_total : r->groups[node->index].lost_in_total;
}

const jx_leaf_result *jx_result_leaf(const jx_result *r, const jx_node *node)
{
	return jx_node_is_leaf(node) && node->index < r->nleaves ? &r->leaves[node->index] : NULL;
}

/* What a weight counts for in max: nothing when it does not apply and the
 * rule set drops what does not apply. */
static jx_dec counts_for(const jx_result *r, bool na, jx_dec weight)
{
	return na && r->rules->na_drop ? (jx_dec){ 0 } : weight;
}

jx_dec jx_result_node_max(const jx_result *r, const jx_node *node)
{
	if (!jx_node_is_leaf(node))
		return r->groups[node->index].max;
	const jx_leaf_result *lr = &r->leaves[node->index];
	return counts_for(r, lr->na, lr->weight);
}

jx_dec jx_result_funds_max(const jx_result *r)
{
	return counts_for(r, r->funds.na, r->funds.weight);
}

const jx_group_result *jx_result_group(const jx_result *r, const jx_node *node)
{
	return !jx_node_is_leaf(node) && node->index < r->ngroups ? &r->groups[node->index] : NULL;
}
