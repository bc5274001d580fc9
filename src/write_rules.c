/*
 * write_rules.c - a resolved rule set as YAML (`jixiao rules NAME`): every
 * setting after `extends` and defaults, in a form that loads as the same set.
 */
#include "jixiao/write.h"

#include "jixiao/common.h"
#include "text.h"
#include "yemit.h"

#include <stdio.h>
#include <stdlib.h>

static void texts(jx_yemit *e, const char *const *list, size_t n)
{
	jx_yemit_seq(e, true);
	for (size_t i = 0; i < n; i++)
		jx_yemit_str(e, list[i]);
	jx_yemit_seq_end(e);
}

static void key_pct(jx_yemit *e, const char *key, jx_frac f)
{
	jx_yemit_str(e, key);
	jx_yemit_pct(e, f);
}

static void key_int(jx_yemit *e, const char *key, int v)
{
	jx_yemit_str(e, key);
	jx_yemit_num(e, jx_dec_from_int(v), 0);
}

static void rule(jx_yemit *e, const jx_rule *r)
{
	jx_yemit_str(e, r->name);
	jx_yemit_map(e, false);
	if (r->naliases) {
		jx_yemit_str(e, "aliases");
		texts(e, r->aliases, r->naliases);
	}
	jx_yemit_kv(e, "kind", jx_rule_kind_name(r->kind));
	switch (r->kind) {
	case JX_RULE_RATIO:
		key_pct(e, "cap", r->cap);
		key_pct(e, "zero_below", r->zero_below);
		break;
	case JX_RULE_THRESHOLD: key_pct(e, "at", r->at); break;
	case JX_RULE_STEP:
		key_pct(e, "full_at", r->full_at);
		key_pct(e, "per", r->per);
		jx_yemit_str(e, "deduct");
		jx_yemit_num(e, r->deduct, -1);
		break;
	case JX_RULE_BANDS:
		jx_yemit_kv(e, "measure", r->by_deviation ? "deviation" : "rate");
		jx_yemit_str(e, "bands");
		jx_yemit_seq(e, false);
		for (size_t i = 0; i < r->nbands; i++) {
			jx_yemit_map(e, true);
			if (r->bands[i].has_bound)
				key_pct(e, r->by_deviation ? "max" : "min", r->bands[i].bound);
			key_pct(e, "score", r->bands[i].score);
			jx_yemit_map_end(e);
		}
		jx_yemit_seq_end(e);
		break;
	case JX_RULE_LEVELS:
		jx_yemit_str(e, "levels");
		jx_yemit_seq(e, false);
		for (size_t i = 0; i < r->nlevels; i++) {
			const jx_level *l = &r->levels[i];
			jx_yemit_map(e, true);
			jx_yemit_kv(e, "name", l->name);
			if (l->naliases) {
				jx_yemit_str(e, "aliases");
				texts(e, l->aliases, l->naliases);
			}
			key_pct(e, "min", l->min);
			key_pct(e, "max", l->max);
			key_pct(e, "default", l->def);
			jx_yemit_map_end(e);
		}
		jx_yemit_seq_end(e);
		break;
	}
	jx_yemit_map_end(e);
}

int jx_write_rules(FILE *out, const jx_rules *r)
{
	static const char *const roundings[] = { "half-up", "half-even", "down" };
	jx_yemit e;

	/* The files as a comment, so that the output is itself a rule set that
	 * loads to the same settings (a key would be one it does not know). */
	fputs("# loaded from:", out);
	for (size_t i = 0; i < r->nchain; i++) {
		char *shown = jx_text_escape(r->chain[i]); /* one line, whatever the name */
		fprintf(out, "%s%s", i ? ", " : " ", shown ? shown : "?");
		free(shown);
	}
	fputc('\n', out);
	if (!jx_yemit_begin(&e, out))
		return JX_ENOMEM;
	jx_yemit_map(&e, false);
	key_int(&e, "jixiao-rules", 1);
	jx_yemit_kv(&e, "name", r->name);
	jx_yemit_kv(&e, "title", r->title);
	key_int(&e, "decimals", r->decimals);
	key_int(&e, "rate_decimals", r->rate_decimals);
	jx_yemit_kv(&e, "rounding", roundings[r->rounding]);
	jx_yemit_kv(&e, "score_from", r->score_from_rounded ? "rounded_rate" : "exact");
	jx_yemit_str(&e, "grades");
	jx_yemit_seq(&e, false);
	for (size_t i = 0; i < r->ngrades; i++) {
		jx_yemit_map(&e, true);
		jx_yemit_str(&e, "min");
		jx_yemit_num(&e, r->grades[i].min, -1);
		jx_yemit_kv(&e, "name", r->grades[i].name);
		if (r->grades[i].naliases) {
			jx_yemit_str(&e, "aliases");
			texts(&e, r->grades[i].aliases, r->grades[i].naliases);
		}
		jx_yemit_map_end(&e);
	}
	jx_yemit_seq_end(&e);
	jx_yemit_kv(&e, "funds_rule", r->funds_rule->name);
	jx_yemit_kv(&e, "default_rule", r->default_rule->name);
	jx_yemit_kv(&e, "qualitative_rule", r->qualitative_rule->name);
	jx_yemit_kv(&e, "deadline_rule", r->deadline_rule->name);
	jx_yemit_kv(&e, "not_applicable", r->na_drop ? "drop" : "rescale");
	jx_yemit_str(&e, "reverse_groups");
	texts(&e, r->reverse_groups, r->nreverse_groups);
	jx_yemit_str(&e, "standard_weights");
	jx_yemit_map(&e, false);
	for (size_t i = 0; i < r->nstandard_weights; i++) {
		jx_yemit_str(&e, r->standard_weights[i].name);
		jx_yemit_num(&e, r->standard_weights[i].weight, -1);
	}
	jx_yemit_map_end(&e);
	jx_yemit_str(&e, "findings");
	jx_yemit_map(&e, false);
	key_pct(&e, "over_completion", r->findings.over_completion);
	key_pct(&e, "reason_required_below", r->findings.reason_required_below);
	key_pct(&e, "funds_reason_below", r->findings.funds_reason_below);
	key_pct(&e, "qualitative_share", r->findings.qualitative_share);
	jx_yemit_map_end(&e);
	jx_yemit_str(&e, "rules");
	jx_yemit_map(&e, false);
	for (size_t i = 0; i < r->nrules; i++)
		rule(&e, &r->rules[i]);
	jx_yemit_map_end(&e);
	jx_yemit_map_end(&e);
	return jx_yemit_end(&e) && !ferror(out) ? 0 : JX_EIO;
}
