/*
 * rules.c - rule-set loading: find the file (path, $JIXIAO_RULES_PATH or
 * built in), follow `extends`, merge, and validate the result so that the
 * scorer can trust every rule it is given.
 */
#include "jixiao/rules.h"

#include "arena.h"
#include "builtin.h"
#include "grow.h"
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "schema.h"
#include "text.h"
#include "ytree.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_EXTENDS 8
/* Names (with their aliases) of the rules of a set, of the levels of a rule,
 * of the grades; entries of reverse_groups and standard_weights. Each name
 * is checked against the others, and scoring looks them up: without a
 * limit, a file of 100,000 rules took minutes (docs/limits.md). */
#define MAX_NAMES 1000

enum { REF_FUNDS, REF_DEFAULT, REF_QUALITATIVE, REF_DEADLINE, NREFS };

static const char *const ref_keys[NREFS] = { "funds_rule", "default_rule", "qualitative_rule",
					      "deadline_rule" };
static const char *const ref_defaults[NREFS] = { "proportional", "proportional", "qualitative",
						  "on-time" };

/* A reference to a rule by name, with the place that made it. */
typedef struct rule_ref {
	const char *name;
	jx_loc at;
} rule_ref;

typedef struct impl {
	jx_rules pub;
	jx_arena arena;
	jx_diags *diags;
	jx_rule *rules;  /* on the heap, grown by doubling: a set may have many */
	jx_loc *rule_at; /* where each rule was defined, while loading */
	size_t nrules, rules_cap, rule_at_cap;
	const char **chain;
	const char **ids; /* the files of chain, resolved: a cycle is the same file twice */
	size_t nchain;
	rule_ref refs[NREFS];
	const jx_ynode *std_weights; /* the standard_weights that hold, and their file */
	const jx_source *std_weights_src;
	jx_ytree trees[MAX_EXTENDS + 1]; /* kept for diagnostics until loading ends */
	size_t ntrees;
	/* The names and aliases of rules that failed to read, and whether some
	 * rules could not be read at all: a funds_rule, … naming none of them
	 * is unknown even when the set has other errors. */
	const char **failed; /* on the heap */
	size_t nfailed, failed_cap;
	bool unsure;
} impl;

/* ------------------------------------------------------------ locating */

bool jx_rules_is_path(const char *spec)
{
	size_t n = strlen(spec);
	return strchr(spec, '/') || (n > 5 && strcmp(spec + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(spec + n - 4, ".yml") == 0);
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const jx_builtin_rule_file *builtin(const char *name)
{
	for (unsigned i = 0; i < jx_builtin_rule_file_count; i++)
		if (strcmp(jx_builtin_rule_files[i].name, name) == 0)
			return &jx_builtin_rule_files[i];
	return NULL;
}

/* The file an origin names, whatever path led to it. */
static const char *set_identity(impl *im, const char *origin)
{
	char *real = realpath(origin, NULL);
	if (!real)
		return origin; /* a built-in set: its origin is unique */
	const char *id = jx_arena_strndup(&im->arena, real, strlen(real));
	free(real);
	return id ? id : origin;
}

/* Whether the set that origin names is one being loaded (a file that
 * extends, directly or not, the set asked for). */
static bool in_chain(impl *im, const char *origin)
{
	const char *id = set_identity(im, origin);
	for (size_t i = 0; i < im->nchain; i++)
		if (strcmp(im->ids[i], id) == 0)
			return true;
	return false;
}

/*
 * "dir/name.yaml" for the first directory of $JIXIAO_RULES_PATH holding it.
 * With skip, a file being loaded is passed over, so that a standard.yaml
 * with 'extends: standard' reaches the set it hides rather than itself.
 */
static char *search_path(impl *im, const char *name, bool skip)
{
	const char *env = getenv("JIXIAO_RULES_PATH");
	while (env && *env) {
		const char *colon = strchr(env, ':');
		size_t n = colon ? (size_t)(colon - env) : strlen(env);
		if (n > 0) {
			char *p = jx_arena_printf(&im->arena, "%.*s/%s.yaml", (int)n, env, name);
			if (p && file_exists(p) && !(skip && in_chain(im, p)))
				return p;
		}
		env = colon ? colon + 1 : NULL;
	}
	return NULL;
}

/* The built-in set called name, unless skip and it is being loaded. */
static const jx_builtin_rule_file *builtin_set(impl *im, const char *name, bool skip)
{
	const jx_builtin_rule_file *b = builtin(name);
	char origin[512];
	if (b && skip) {
		snprintf(origin, sizeof(origin), "%s (built in)", b->path);
		if (in_chain(im, origin))
			return NULL;
	}
	return b;
}

/* The directory part of path ("." when there is none). */
static const char *dir_of(jx_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	if (slash == path)
		return "/";
	return jx_arena_strndup(a, path, (size_t)(slash - path));
}

static void report_unknown_set(impl *im, const char *spec, const jx_loc *from)
{
	jx_rules_entry *list = NULL;
	size_t n = 0;
	char known[512] = "";
	const char *names[64];
	size_t nn = 0;

	if (jx_rules_list(&list, &n) == 0) {
		for (size_t i = 0; i < n && nn < 64; i++)
			names[nn++] = list[i].name;
		for (size_t i = 0; i < n; i++)
			if (!jx_textf_append(known, sizeof(known), "%s%s", i ? ", " : "", list[i].name))
				break;
	}
	const char *hint = jx_text_suggest(spec, names, nn);
	char did[128] = "";
	if (hint)
		jx_textf(did, sizeof(did), "; did you mean '%s'?", hint);
	jx_diags_add(im->diags, JX_SEV_ERROR, from ? from->src : NULL, from ? from->line : 0,
		     from ? from->col : 0, "unknown rule set '%s'%s (known: %s)", spec, did, known);
	jx_rules_list_free(list, n);
}

/* A set's name when its file gives none: the file name without ".yaml". */
static const char *set_name(jx_arena *a, const char *spec)
{
	const char *base = strrchr(spec, '/');
	base = base ? base + 1 : spec;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	const char *s = jx_arena_strndup(a, base, n);
	return s ? s : spec;
}

/* Load the file spec names into the next tree slot; *dir gets its directory
 * (NULL for a built-in set). Returns the tree or NULL after a diagnostic. */
static jx_ytree *open_set(impl *im, const char *spec, const char *base_dir, const jx_loc *from,
			  const char **dir, const char **origin)
{
	jx_ytree *t = &im->trees[im->ntrees];
	int rc;

	if (jx_rules_is_path(spec)) {
		const char *path = spec;
		while (strncmp(path, "./", 2) == 0) {
			path += 2;
			while (*path == '/') /* ".//x.yaml" is ./x.yaml, not /x.yaml */
				path++;
		}
		if (!*path) /* "./": say what is there */
			path = ".";
		if (path[0] != '/' && base_dir && strcmp(base_dir, ".") != 0)
			path = jx_arena_printf(&im->arena, "%s/%s", base_dir, path);
		if (!path)
			return NULL;
		if (!file_exists(path)) {
			/* Say what is there instead: "not found" for a directory
			 * sends the user looking for a file that is not missing. */
			struct stat st;
			const char *what = stat(path, &st) != 0 ? "not found"
					   : S_ISDIR(st.st_mode) ? "is a directory"
								  : "is not a regular file";
			/* 'standard.yaml' for the built-in 'standard' is a path. */
			const char *stem = strchr(spec, '/') ? NULL : set_name(&im->arena, spec);
			char did[160] = "";
			if (stem && stat(path, &st) != 0 && (builtin(stem) || search_path(im, stem, false)))
				jx_textf(did, sizeof(did), "; did you mean the rule set '%s' (a name, without '%s')?",
					 stem, spec + strlen(stem));
			jx_diags_add(im->diags, JX_SEV_ERROR, from ? from->src : NULL,
				     from ? from->line : 0, from ? from->col : 0,
				     "rule set file '%s' %s%s", path, what, did);
			return NULL;
		}
		im->ntrees++;
		rc = jx_ytree_load(t, path, im->diags);
		*dir = dir_of(&im->arena, path);
		*origin = jx_arena_strndup(&im->arena, path, strlen(path));
	} else {
		/* The first set of that name not being loaded; when every one is,
		 * the first, for the caller to report the circle. */
		char *path = search_path(im, spec, true);
		const jx_builtin_rule_file *b = path ? NULL : builtin_set(im, spec, true);
		if (!path && !b) {
			path = search_path(im, spec, false);
			b = path ? NULL : builtin(spec);
		}
		if (!path && !b) {
			report_unknown_set(im, spec, from);
			return NULL;
		}
		im->ntrees++;
		if (path) {
			rc = jx_ytree_load(t, path, im->diags);
			*dir = dir_of(&im->arena, path);
			*origin = path;
		} else {
			rc = jx_ytree_parse(t, b->path, b->text, b->len, im->diags);
			*dir = NULL;
			*origin = jx_arena_printf(&im->arena, "%s (built in)", b->path);
		}
	}
	return rc == 0 ? t : NULL;
}

/* ------------------------------------------------------------- reading */

enum {
	F_VERSION, F_NAME, F_TITLE, F_EXTENDS, F_DESCRIPTION, F_DECIMALS, F_RATE_DECIMALS,
	F_ROUNDING, F_SCORE_FROM, F_GRADES, F_FUNDS_RULE, F_DEFAULT_RULE, F_QUALITATIVE_RULE,
	F_DEADLINE_RULE, F_NOT_APPLICABLE, F_REVERSE_GROUPS, F_STANDARD_WEIGHTS, F_FINDINGS,
	F_RULES
};

static const jx_field set_fields[] = {
	{ "jixiao-rules", F_VERSION }, { "name", F_NAME }, { "title", F_TITLE },
	{ "extends", F_EXTENDS }, { "description", F_DESCRIPTION }, { "decimals", F_DECIMALS },
	{ "rate_decimals", F_RATE_DECIMALS }, { "rounding", F_ROUNDING },
	{ "score_from", F_SCORE_FROM }, { "grades", F_GRADES }, { "funds_rule", F_FUNDS_RULE },
	{ "default_rule", F_DEFAULT_RULE }, { "qualitative_rule", F_QUALITATIVE_RULE },
	{ "deadline_rule", F_DEADLINE_RULE }, { "not_applicable", F_NOT_APPLICABLE },
	{ "reverse_groups", F_REVERSE_GROUPS }, { "standard_weights", F_STANDARD_WEIGHTS },
	{ "findings", F_FINDINGS }, { "rules", F_RULES },
};

enum {
	R_ALIASES, R_KIND, R_CAP, R_ZERO_BELOW, R_AT, R_FULL_AT, R_PER, R_DEDUCT, R_MEASURE,
	R_BANDS, R_LEVELS, R_DESCRIPTION
};

static const jx_field rule_fields[] = {
	{ "aliases", R_ALIASES }, { "kind", R_KIND }, { "cap", R_CAP },
	{ "zero_below", R_ZERO_BELOW }, { "at", R_AT }, { "full_at", R_FULL_AT },
	{ "per", R_PER }, { "deduct", R_DEDUCT }, { "measure", R_MEASURE },
	{ "bands", R_BANDS }, { "levels", R_LEVELS }, { "description", R_DESCRIPTION },
};

/* Which kinds each parameter belongs to (bit per jx_rule_kind). */
static unsigned param_kinds(int id)
{
	switch (id) {
	case R_CAP: case R_ZERO_BELOW: return 1u << JX_RULE_RATIO;
	case R_AT: return 1u << JX_RULE_THRESHOLD;
	case R_FULL_AT: case R_PER: case R_DEDUCT: return 1u << JX_RULE_STEP;
	case R_MEASURE: case R_BANDS: return 1u << JX_RULE_BANDS;
	case R_LEVELS: return 1u << JX_RULE_LEVELS;
	default: return ~0u;
	}
}

static const char *const kind_names[] = { "ratio", "threshold", "step", "bands", "levels" };

const char *jx_rule_kind_name(jx_rule_kind k)
{
	return (unsigned)k < 5 ? kind_names[k] : "?";
}

/* The word among words that a Chinese term for it names (四舍五入 is
 * half-up, 按百分制折算 is rescale), or NULL. */
static const char *choice_term(const char *const *words, int nwords, const char *s)
{
	static const struct {
		const char *term, *word;
	} terms[] = {
		{ "四舍五入", "half-up" },     { "四舍六入五成双", "half-even" },
		{ "四舍六入", "half-even" },   { "银行家舍入", "half-even" },
		{ "去尾", "down" },            { "去尾法", "down" },
		{ "截尾", "down" },            { "舍去", "down" },
		{ "直接舍去", "down" },        { "按百分制折算", "rescale" },
		{ "百分制折算", "rescale" },   { "折算", "rescale" },
		{ "比例", "ratio" },           { "按比例", "ratio" },
		{ "完成比例", "ratio" },       { "达标", "threshold" },
		{ "阈值", "threshold" },       { "扣分", "step" },
		{ "分档扣分", "step" },        { "逐档扣分", "step" },
		{ "分档", "bands" },           { "区间", "bands" },
		{ "档次", "bands" },           { "定性", "levels" },
		{ "等级", "levels" },          { "定性等级", "levels" },
	};
	for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		if (strcmp(s, terms[i].term) == 0)
			for (int w = 0; w < nwords; w++)
				if (strcmp(words[w], terms[i].word) == 0)
					return words[w];
	return NULL;
}

/* "; did you mean 'half-up'?" or "; 四舍五入 is 'half-up'" for a value s that
 * is not among words, into did (empty when there is no hint). */
static void choice_hint(char *did, size_t size, const char *const *words, int nwords, const char *s)
{
	const char *hint = jx_text_suggest(s, words, (size_t)nwords);
	did[0] = '\0';
	if (hint)
		jx_textf(did, size, "; did you mean '%s'?", hint);
	else if ((hint = choice_term(words, nwords, s)))
		jx_textf(did, size, "; %s is '%s'", s, hint);
}

static bool read_kind(const jx_reader *rd, const jx_ynode *n, jx_rule_kind *out)
{
	const char *s;
	if (!jx_read_text(rd, n, "a rule kind", &s))
		return false;
	for (int k = 0; k < 5; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (jx_rule_kind)k;
			return true;
		}
	char did[160];
	choice_hint(did, sizeof(did), kind_names, 5, s);
	jx_read_error(rd, n, "unknown rule kind '%s'%s (kinds: ratio, threshold, step, bands, levels)", s,
		      did);
	return false;
}

/*
 * A list kept in order of a bound (grades by min, bands by min or max):
 * entries out of order are noted as they are read and reported at the end,
 * as one mistake when the whole list is written the other way round.
 */
typedef struct order_check {
	const jx_ynode **misplaced;
	size_t nmisplaced, nread, reversed;
} order_check;

static bool order_init(order_check *o, const jx_reader *rd, size_t n)
{
	memset(o, 0, sizeof(*o));
	o->misplaced = jx_arena_array(rd->arena, n, sizeof(*o->misplaced));
	return o->misplaced != NULL;
}

/* An entry whose bound was read: c compares it with the previous one's in
 * the list's direction (> 0 in order), first when there is none. Returns
 * whether it is in order. */
static bool order_note(order_check *o, const jx_ynode *at, bool first, int c)
{
	o->nread++;
	if (first || c > 0)
		return true;
	o->reversed += c < 0;
	o->misplaced[o->nmisplaced++] = at;
	return false;
}

/* Report the entries out of order, each with rule ("grades must be in
 * decreasing order of 'min'"); a list of n entries all read and written the
 * other way round gets one error, with what else it needs (fix). Returns
 * whether that was the case. */
static bool order_report(const order_check *o, const jx_reader *rd, const jx_ynode *list,
			 const char *rule, const char *fix)
{
	if (o->nread == list->n && list->n > 1 && o->reversed == list->n - 1) {
		jx_read_error(rd, list, "%s, and these go the other way: reverse the list%s", rule, fix);
		return true;
	}
	for (size_t i = 0; i < o->nmisplaced; i++)
		jx_read_error(rd, o->misplaced[i], "%s", rule);
	return false;
}

/* How many names an entry of a list (a rule, level or grade) gives: its
 * own and those of its 'aliases'. */
static size_t names_in(const jx_ynode *entry)
{
	const jx_ynode *al = entry->kind == JX_Y_MAP ? jx_ynode_get(entry, "aliases") : NULL;
	return 1 + (!al ? 0 : al->kind == JX_Y_SEQ ? al->n : 1);
}

/* Whether the entries of list, up to and including entry i, give more than
 * MAX_NAMES names (*count: those before i); reported at entry i. */
static bool too_many_names(const jx_reader *rd, const jx_ynode *list, size_t i, size_t *count,
			   const char *what)
{
	*count += names_in(list->items[list->kind == JX_Y_MAP ? 2 * i + 1 : i]);
	if (*count <= MAX_NAMES)
		return false;
	jx_read_error(rd, list->items[list->kind == JX_Y_MAP ? 2 * i : i],
		      "more than %d %s names and aliases (the limit is %d)", MAX_NAMES, what, MAX_NAMES);
	return true;
}

/* Bands: ordered, no gaps, scores within 0-100%. */
static bool read_bands(const jx_reader *rd, const jx_ynode *n, jx_rule *r)
{
	static const jx_field fields[] = { { "min", 0 }, { "max", 1 }, { "score", 2 } };
	bool ok = true;

	if (!jx_read_list(rd, n, "a list of bands"))
		return false;
	if (n->n == 0) {
		jx_read_error(rd, n, "a bands rule needs at least one band");
		return false;
	}
	jx_band *bands = jx_arena_array(rd->arena, n->n, sizeof(*bands));
	if (!bands)
		return false;
	/* Each band is checked against the last one whose bound was read, so
	 * that one mistake neither hides nor causes another. */
	const jx_band *prev = NULL;
	order_check order;
	bool last_read = false; /* the last band's bound was read (or left out) */
	if (!order_init(&order, rd, n->n))
		return false;
	for (size_t i = 0; i < n->n; i++) {
		const jx_ynode *b = n->items[i];
		jx_keys seen = { 0 };
		bool has_score = false, bound_ok = true;
		if (!jx_read_map(rd, b, "a band ({min: 90%, score: 100%})")) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < b->n; j++) {
			const jx_ynode *k = b->items[2 * j], *v = b->items[2 * j + 1];
			int id = jx_read_key(rd, k, fields, 3, &seen, "band");
			if (id == 2) {
				has_score = true;
				ok &= jx_read_pct(rd, v, "a band's score", 100, &bands[i].score);
			} else if (id >= 0) {
				if ((id == 1) != r->by_deviation) {
					jx_read_error(rd, k, "bands measured by %s use '%s', not '%s'",
						      r->by_deviation ? "deviation" : "rate",
						      r->by_deviation ? "max" : "min", k->str);
					bound_ok = false;
					continue;
				}
				bands[i].has_bound = true;
				bound_ok &= jx_read_pct(rd, v, "a band's bound", 1000, &bands[i].bound);
			} else {
				bound_ok = false; /* an unknown key, perhaps a misspelt bound */
			}
		}
		ok &= bound_ok;
		if (!has_score) {
			jx_read_error(rd, b, "band has no 'score'");
			ok = false;
		}
		if (i + 1 == n->n)
			last_read = bound_ok;
		if (!bound_ok)
			continue;
		if (!bands[i].has_bound && i + 1 < n->n) {
			jx_read_error(rd, b, "only the last band may leave out its '%s'",
				      r->by_deviation ? "max" : "min");
			ok = false;
			continue;
		}
		if (!bands[i].has_bound && prev && !r->by_deviation && prev->bound.num == 0) {
			jx_read_error(rd, b, "this band is never reached: every rate is at least the 'min: 0%%' of the band before it");
			ok = false;
			continue;
		}
		if (bands[i].has_bound) {
			int c = prev ? jx_frac_cmp(bands[i].bound, prev->bound) : 0;
			ok &= order_note(&order, b, !prev, r->by_deviation ? c : -c);
		}
		prev = &bands[i];
	}
	/* Reversed, the first band is the last: is it a catch-all? */
	bool catch_all = !r->by_deviation && bands[0].bound.num == 0;
	if (order_report(&order, rd, n, r->by_deviation ? "bands must be in increasing order of 'max'"
						       : "bands must be in decreasing order of 'min'",
			 catch_all ? ""
			 : r->by_deviation ? " and end it with a band without 'max'"
					   : " and end it with 'min: 0%' or a band without 'min'"))
		return false;
	const jx_band *last = &bands[n->n - 1];
	if (last_read && r->by_deviation && last->has_bound) {
		jx_read_error(rd, n->items[n->n - 1],
			      "deviations above the last band's max have no score; end with a band without 'max'");
		ok = false;
	} else if (last_read && !r->by_deviation && last->has_bound && last->bound.num != 0) {
		jx_read_error(rd, n->items[n->n - 1],
			      "rates below the last band's min have no score; end with 'min: 0%%' or a band without 'min'");
		ok = false;
	}
	r->bands = bands;
	r->nbands = n->n;
	return ok;
}

static bool names_clash(const char *s, const jx_level *levels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (levels[i].name && strcmp(levels[i].name, s) == 0)
			return true;
		for (size_t j = 0; j < levels[i].naliases; j++)
			if (strcmp(levels[i].aliases[j], s) == 0)
				return true;
	}
	return false;
}

/* A share in a message: "80%". */
static char *pct(char *buf, jx_frac f)
{
	return jx_frac_format_pct(buf, f, 2);
}

/*
 * Levels given as ranges (min below max) must meet, taken by min: a rate
 * between two of them would have no level (达成 80%–100%, 部分达成 50%–70%),
 * and one inside two would have two. A level with min = max is a fixed share
 * (达成 100%) and is left out. valid[i]: level i was read without error.
 */
static bool check_level_ranges(const jx_reader *rd, const jx_ynode *n, const jx_level *lv,
			       const bool *valid)
{
	size_t *idx = jx_arena_array(rd->arena, n->n, sizeof(*idx)), m = 0;
	bool ok = true;
	if (!idx)
		return false;
	for (size_t i = 0; i < n->n; i++) {
		if (!valid[i] || jx_frac_cmp(lv[i].min, lv[i].max) >= 0)
			continue;
		size_t k = m++; /* insertion by decreasing min, file order among equals */
		for (; k > 0 && jx_frac_cmp(lv[idx[k - 1]].min, lv[i].min) < 0; k--)
			idx[k] = idx[k - 1];
		idx[k] = i;
	}
	for (size_t k = 1; k < m; k++) {
		const jx_level *hi = &lv[idx[k - 1]], *lo = &lv[idx[k]];
		int c = jx_frac_cmp(lo->max, hi->min);
		if (c == 0)
			continue;
		char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ], d[JX_DEC_BUFSZ], e[JX_DEC_BUFSZ];
		const jx_ynode *at = n->items[idx[k] > idx[k - 1] ? idx[k] : idx[k - 1]];
		jx_read_error(rd, at,
			      "levels '%s' (%s–%s) and '%s' (%s–%s) %s %s–%s; let each range start where the next one ends",
			      hi->name, pct(a, hi->min), pct(b, hi->max), lo->name, pct(d, lo->min),
			      pct(e, lo->max),
			      c < 0 ? "leave no level for" : "both hold",
			      c < 0 ? e : a, c < 0 ? a : jx_frac_cmp(lo->max, hi->max) < 0 ? e : b);
		ok = false;
	}
	return ok;
}

static bool read_levels(const jx_reader *rd, const jx_ynode *n, jx_rule *r)
{
	static const jx_field fields[] = { { "name", 0 }, { "aliases", 1 }, { "min", 2 },
					   { "max", 3 }, { "default", 4 } };
	bool ok = true;

	if (!jx_read_list(rd, n, "a list of levels"))
		return false;
	if (n->n == 0) {
		jx_read_error(rd, n, "a levels rule needs at least one level");
		return false;
	}
	jx_level *levels = jx_arena_array(rd->arena, n->n, sizeof(*levels));
	bool *valid = jx_arena_array(rd->arena, n->n, sizeof(*valid));
	size_t names = 0;
	if (!levels || !valid)
		return false;
	for (size_t i = 0; i < n->n; i++) {
		const jx_ynode *l = n->items[i];
		jx_level *lv = &levels[i];
		jx_keys seen = { 0 };
		bool has_def = false, lok = true;
		if (too_many_names(rd, n, i, &names, "level"))
			return false;
		if (!jx_read_map(rd, l, "a level ({name: 达成, min: 100%, max: 100%})")) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < l->n; j++) {
			const jx_ynode *k = l->items[2 * j], *v = l->items[2 * j + 1];
			switch (jx_read_key(rd, k, fields, 5, &seen, "level")) {
			case 0:
				lok &= jx_read_text(rd, v, "a level name", &lv->name);
				if (lv->name && names_clash(lv->name, levels, i)) {
					jx_read_error(rd, v, "level name '%s' is used twice", lv->name);
					lok = false;
				}
				break;
			case 1:
				lok &= jx_read_texts(rd, v, "level aliases", &lv->aliases, &lv->naliases);
				for (size_t a = 0; lok && a < lv->naliases; a++)
					if (names_clash(lv->aliases[a], levels, i) ||
					    (lv->name && strcmp(lv->name, lv->aliases[a]) == 0)) {
						jx_read_error(rd, v, "level alias '%s' already names a level",
							      lv->aliases[a]);
						lok = false;
					}
				break;
			case 2: lok &= jx_read_pct(rd, v, "a level's min", 100, &lv->min); break;
			case 3: lok &= jx_read_pct(rd, v, "a level's max", 100, &lv->max); break;
			case 4:
				has_def = true;
				lok &= jx_read_pct(rd, v, "a level's default", 100, &lv->def);
				break;
			default: lok = false; break;
			}
		}
		static const char *const need[] = { "name", NULL, "min", "max" };
		for (int f = 0; lok && f < 4; f++)
			if (need[f] && !jx_keys_has(&seen, f)) {
				jx_read_error(rd, l, "level has no '%s'", need[f]);
				lok = false;
			}
		if (lok && !has_def)
			lv->def = lv->max;
		char lo[JX_DEC_BUFSZ], hi[JX_DEC_BUFSZ], df[JX_DEC_BUFSZ];
		if (lok && jx_frac_cmp(lv->min, lv->max) > 0) {
			jx_read_error(rd, l, "level '%s' has its min above its max (%s > %s)", lv->name,
				      pct(lo, lv->min), pct(hi, lv->max));
			lok = false;
		} else if (lok && (jx_frac_cmp(lv->min, lv->def) > 0 || jx_frac_cmp(lv->def, lv->max) > 0)) {
			jx_read_error(rd, l, "level '%s' has its default outside min..max (%s is not within %s–%s)",
				      lv->name, pct(df, lv->def), pct(lo, lv->min), pct(hi, lv->max));
			lok = false;
		}
		valid[i] = lok;
		ok &= lok;
	}
	ok &= check_level_ranges(rd, n, levels, valid);
	r->levels = levels;
	r->nlevels = n->n;
	return ok;
}

static void rule_defaults(jx_rule *r)
{
	r->cap = jx_frac_make(1, 1);
	r->zero_below = jx_frac_make(0, 1);
	r->at = jx_frac_make(1, 1);
	r->full_at = jx_frac_make(1, 1);
	r->per = jx_frac_make(0, 1);
}

static bool read_rule(const jx_reader *rd, const char *origin, const jx_ynode *k,
		      const jx_ynode *v, jx_rule *r)
{
	jx_keys seen = { 0 };
	bool ok = true, has_kind = false;

	memset(r, 0, sizeof(*r));
	rule_defaults(r);
	r->origin = origin;
	r->line = k->line;
	if (!jx_read_text(rd, k, "a rule name", &r->name) || !jx_read_map(rd, v, "a rule (a mapping with 'kind')"))
		return false;
	/* The kind first: it decides which parameters are allowed. */
	const jx_ynode *kn = jx_ynode_get(v, "kind");
	if (kn)
		has_kind = read_kind(rd, kn, &r->kind);
	else
		jx_read_error(rd, k, "rule '%s' has no 'kind' (ratio, threshold, step, bands or levels)",
			      r->name);
	if (!has_kind)
		return false;
	const jx_ynode *mn = jx_ynode_get(v, "measure");
	if (mn && r->kind == JX_RULE_BANDS) {
		const char *m;
		if (jx_read_text(rd, mn, "a measure", &m)) {
			if (strcmp(m, "deviation") == 0)
				r->by_deviation = true;
			else if (strcmp(m, "rate") != 0) {
				jx_read_error(rd, mn, "measure must be 'rate' or 'deviation', not '%s'", m);
				ok = false;
			}
		}
	}
	for (size_t i = 0; i < v->n; i++) {
		const jx_ynode *pk = v->items[2 * i], *pv = v->items[2 * i + 1];
		int id = jx_read_key(rd, pk, rule_fields, sizeof(rule_fields) / sizeof(rule_fields[0]),
				     &seen, "rule");
		if (id < 0) {
			ok = false;
			continue;
		}
		if (!(param_kinds(id) & (1u << r->kind))) {
			jx_read_error(rd, pk, "'%s' does not apply to a %s rule", pk->str,
				      kind_names[r->kind]);
			ok = false;
			continue;
		}
		switch (id) {
		case R_ALIASES: ok &= jx_read_texts(rd, pv, "rule aliases", &r->aliases, &r->naliases); break;
		case R_CAP:
			/* Read up to 1000% like the other rates, to say why more than 100% is wrong. */
			if (!jx_read_pct(rd, pv, "cap", 1000, &r->cap)) {
				ok = false;
			} else if (jx_frac_cmp(r->cap, jx_frac_make(1, 1)) > 0) {
				jx_read_error(rd, pv, "cap '%s' has no effect above 100%%: a leaf never scores above its weight",
					      pv->str);
				ok = false;
			}
			break;
		case R_ZERO_BELOW: ok &= jx_read_pct(rd, pv, "zero_below", 1000, &r->zero_below); break;
		case R_AT: ok &= jx_read_pct(rd, pv, "at", 1000, &r->at); break;
		case R_FULL_AT: ok &= jx_read_pct(rd, pv, "full_at", 1000, &r->full_at); break;
		case R_PER:
			if (jx_read_pct(rd, pv, "per", 1000, &r->per) && r->per.num <= 0) {
				jx_read_error(rd, pv, "per must be above 0%% (a step such as 5%%)");
				ok = false;
			} else if (r->per.num <= 0) {
				ok = false;
			}
			break;
		case R_DEDUCT:
			if (pv->kind == JX_Y_SCALAR && !pv->null && pv->len > 0 && pv->str[pv->len - 1] == '%') {
				jx_read_error(rd, pv, "deduct is in points (分) per step, not a percentage: "
					      "write 1 or 0.5, not '%s'", pv->str);
				ok = false;
				break;
			}
			if (!jx_read_dec(rd, pv, "deduct", "\xe5\x88\x86", &r->deduct, NULL)) {
				ok = false;
			} else if (r->deduct.units <= 0) {
				/* 0 would give every rate full points */
				jx_read_error(rd, pv, "deduct must be above 0 points, not '%s'", pv->str);
				ok = false;
			}
			break;
		case R_BANDS: ok &= read_bands(rd, pv, r); break;
		case R_LEVELS: ok &= read_levels(rd, pv, r); break;
		default: break; /* kind and measure were read above; description is free text */
		}
	}
	if (r->kind == JX_RULE_STEP && !jx_keys_has(&seen, R_PER)) {
		jx_read_error(rd, k, "step rule '%s' has no 'per' (a step such as 5%%)", r->name);
		ok = false;
	}
	if (r->kind == JX_RULE_STEP && !jx_keys_has(&seen, R_DEDUCT)) {
		jx_read_error(rd, k, "step rule '%s' has no 'deduct' (points per step)", r->name);
		ok = false;
	}
	if (r->kind == JX_RULE_BANDS && !jx_keys_has(&seen, R_BANDS)) {
		jx_read_error(rd, k, "bands rule '%s' needs 'bands'", r->name);
		ok = false;
	}
	if (r->kind == JX_RULE_LEVELS && !jx_keys_has(&seen, R_LEVELS)) {
		jx_read_error(rd, k, "levels rule '%s' needs 'levels'", r->name);
		ok = false;
	}
	return ok;
}

/* Whether rule x is called name or has it among its aliases. */
static bool rule_named(const jx_rule *x, const char *name)
{
	if (strcmp(x->name, name) == 0)
		return true;
	for (size_t j = 0; j < x->naliases; j++)
		if (strcmp(x->aliases[j], name) == 0)
			return true;
	return false;
}

static const jx_rule *find_in(const jx_rule *rules, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (rule_named(&rules[i], name))
			return &rules[i];
	return NULL;
}

/* The node of the alias (or the name) called name inside rule node v, for messages. */
static const jx_ynode *alias_node(const jx_ynode *k, const jx_ynode *v, const char *name)
{
	const jx_ynode *al = jx_ynode_get(v, "aliases");
	if (al && al->kind == JX_Y_SEQ)
		for (size_t i = 0; i < al->n; i++)
			if (al->items[i]->kind == JX_Y_SCALAR && strcmp(al->items[i]->str, name) == 0)
				return al->items[i];
	if (al && al->kind == JX_Y_SCALAR && strcmp(al->str, name) == 0)
		return al;
	return k;
}

/* Add r, replacing a rule of the same name from a set this one extends;
 * *slot gets its place. False when out of memory. */
static bool put_rule(impl *im, const jx_reader *rd, const jx_ynode *at, const jx_rule *r,
		     size_t *slot)
{
	jx_loc loc = { rd->src, at->line, jx_node_col(at, 0) };
	for (size_t i = 0; i < im->nrules; i++)
		if (strcmp(im->rules[i].name, r->name) == 0) {
			im->rules[i] = *r;
			im->rule_at[i] = loc;
			*slot = i;
			return true;
		}
	if (!JX_GROW(im->rules, im->rules_cap, im->nrules + 1, 16) ||
	    !JX_GROW(im->rule_at, im->rule_at_cap, im->nrules + 1, 16))
		return false;
	im->rules[im->nrules] = *r;
	im->rule_at[im->nrules] = loc;
	*slot = im->nrules++;
	return true;
}

/*
 * Every name and alias must name one rule of the merged set. Checked once
 * the rules of a file are all in place, so that their order in the file does
 * not matter (a rule may take over an alias that a rule redefined below it
 * gives up). slots[i] is where the file's i-th rule went, whose key and value
 * are keys[i] and vals[i]; of two rules of the file, the later is reported.
 */
static bool check_rule_names(impl *im, const jx_reader *rd, const size_t *slots,
			     const jx_ynode *const *keys, const jx_ynode *const *vals, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		const jx_rule *r = &im->rules[slots[i]];
		for (size_t j = 0; j <= r->naliases; j++) {
			const char *name = j < r->naliases ? r->aliases[j] : r->name;
			for (size_t k = 0; k < im->nrules; k++) {
				if (k == slots[i] || !rule_named(&im->rules[k], name))
					continue;
				size_t later = 0; /* the other is a rule of this file further down */
				while (later < n && slots[later] != k)
					later++;
				if (later < n && later > i)
					continue;
				jx_read_error(rd, alias_node(keys[i], vals[i], name),
					      "'%s' of rule '%s' already names rule '%s'", name, r->name,
					      im->rules[k].name);
				ok = false;
				break;
			}
		}
	}
	return ok;
}

/* The grade among g[0..n) that s names (its name or an alias), or NULL. */
static const jx_grade *grade_named(const char *s, const jx_grade *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (g[i].name && strcmp(g[i].name, s) == 0)
			return &g[i];
		for (size_t j = 0; j < g[i].naliases; j++)
			if (strcmp(g[i].aliases[j], s) == 0)
				return &g[i];
	}
	return NULL;
}

static bool read_grades(const jx_reader *rd, const jx_ynode *n, jx_rules *pub)
{
	static const jx_field fields[] = { { "min", 0 }, { "name", 1 }, { "aliases", 2 } };
	bool ok = true;

	if (!jx_read_list(rd, n, "a list of grades"))
		return false;
	if (n->n == 0) {
		jx_read_error(rd, n, "grades must not be empty");
		return false;
	}
	jx_grade *g = jx_arena_array(rd->arena, n->n, sizeof(*g));
	size_t names = 0;
	if (!g)
		return false;
	/* Each grade is checked against the last one whose min was read. */
	const jx_grade *prev = NULL;
	order_check order;
	bool last_read = false;
	if (!order_init(&order, rd, n->n))
		return false;
	for (size_t i = 0; i < n->n; i++) {
		const jx_ynode *e = n->items[i];
		jx_keys seen = { 0 };
		const jx_grade *other;
		bool min_ok = false;
		if (too_many_names(rd, n, i, &names, "grade"))
			return false;
		if (!jx_read_map(rd, e, "a grade ({min: 90, name: 优})")) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < e->n; j++) {
			const jx_ynode *k = e->items[2 * j], *v = e->items[2 * j + 1];
			switch (jx_read_key(rd, k, fields, 3, &seen, "grade")) {
			case 0:
				min_ok = jx_read_dec(rd, v, "a grade's min", NULL, &g[i].min, NULL);
				ok &= min_ok;
				break;
			/* A claimed grade must name one grade, or a wrong claim would pass. */
			case 1:
				if (!jx_read_text(rd, v, "a grade name", &g[i].name)) {
					ok = false;
				} else if ((other = grade_named(g[i].name, g, i))) {
					jx_read_error(rd, v, "grade name '%s' already names grade '%s'", g[i].name,
						      other->name);
					ok = false;
				}
				break;
			case 2:
				if (!jx_read_texts(rd, v, "grade aliases", &g[i].aliases, &g[i].naliases)) {
					ok = false;
					break;
				}
				for (size_t a = 0; a < g[i].naliases; a++)
					if ((other = grade_named(g[i].aliases[a], g, i))) {
						jx_read_error(rd, alias_node(v, e, g[i].aliases[a]),
							      "grade alias '%s' already names grade '%s'",
							      g[i].aliases[a], other->name);
						ok = false;
					}
				break;
			default: ok = false; break;
			}
		}
		if (!jx_keys_has(&seen, 0) || !jx_keys_has(&seen, 1)) {
			jx_read_error(rd, e, "a grade needs 'min' and 'name'");
			ok = false;
		}
		if (i + 1 == n->n)
			last_read = min_ok;
		if (!min_ok)
			continue;
		ok &= order_note(&order, e, !prev, prev ? jx_dec_cmp(prev->min, g[i].min) : 0);
		prev = &g[i];
	}
	if (order_report(&order, rd, n, "grades must be in decreasing order of 'min'",
			 g[0].min.units > 0 ? " and end it with 'min: 0'" : ""))
		return false;
	if (last_read && g[n->n - 1].min.units > 0) {
		char buf[JX_DEC_BUFSZ];
		jx_read_error(rd, n->items[n->n - 1],
			      "totals below %s have no grade; give the last grade 'min: 0'",
			      jx_dec_format(buf, g[n->n - 1].min, -1, 0));
		ok = false;
	}
	if (ok) {
		pub->grades = g;
		pub->ngrades = n->n;
	}
	return ok;
}

static bool read_std_weights(const jx_reader *rd, const jx_ynode *n, jx_rules *pub)
{
	bool ok = true;
	if (!jx_read_map(rd, n, "a mapping of group names to weights"))
		return false;
	if (n->n > MAX_NAMES) {
		jx_read_error(rd, n, "more than %d standard weights (the limit is %d)", MAX_NAMES, MAX_NAMES);
		return false;
	}
	jx_std_weight *w = jx_arena_array(rd->arena, n->n ? n->n : 1, sizeof(*w));
	jx_dec sum = { 0 };
	bool sum_ok = true;
	if (!w)
		return false;
	const char *funds = NULL; /* the word that names the funds row */
	for (size_t i = 0; i < n->n; i++) {
		const jx_ynode *v = n->items[2 * i + 1];
		ok &= jx_read_text(rd, n->items[2 * i], "a group name", &w[i].name);
		if (w[i].name && jx_funds_word(w[i].name)) {
			if (funds) {
				jx_read_error(rd, n->items[2 * i], "'%s' and '%s' both name the funds row; keep one",
					      funds, w[i].name);
				ok = false;
			}
			funds = w[i].name;
		}
		if (!jx_read_dec(rd, v, "a weight", NULL, &w[i].weight, NULL)) {
			ok = false;
		} else if (w[i].weight.units < 0) {
			jx_read_error(rd, v, "a standard weight must not be negative, not '%s'", v->str);
			ok = false;
		} else if (sum_ok && jx_dec_add(&sum, sum, w[i].weight) != 0) {
			/* The full mark they give, as the findings compare it, and
			 * the table's maximum, as whatif --standard-weights sets it. */
			jx_read_error(rd, v, "the standard weights add up to 10^12 or more (the limit is 10^12)");
			ok = sum_ok = false;
		}
	}
	pub->standard_weights = w;
	pub->nstandard_weights = n->n;
	return ok;
}

static bool read_findings(const jx_reader *rd, const jx_ynode *n, jx_finding_limits *f)
{
	static const jx_field fields[] = { { "over_completion", 0 }, { "reason_required_below", 1 },
					   { "funds_reason_below", 2 }, { "qualitative_share", 3 } };
	jx_keys seen = { 0 };
	bool ok = true;
	if (!jx_read_map(rd, n, "a mapping of finding thresholds"))
		return false;
	for (size_t i = 0; i < n->n; i++) {
		const jx_ynode *k = n->items[2 * i], *v = n->items[2 * i + 1];
		switch (jx_read_key(rd, k, fields, 4, &seen, "findings")) {
		case 0:
			if (!jx_read_pct(rd, v, "over_completion", 1000, &f->over_completion)) {
				ok = false;
			} else if (jx_frac_cmp(f->over_completion, jx_frac_make(1, 1)) < 0) {
				/* below 100% it would call targets not even met 指标值设置偏低 */
				jx_read_error(rd, v, "over_completion must be 100%% or more, not '%s': rates above it "
					      "mark a target set too low (指标值设置偏低)", v->str);
				ok = false;
			}
			break;
		case 1: ok &= jx_read_pct(rd, v, "reason_required_below", 1000, &f->reason_required_below); break;
		case 2: ok &= jx_read_pct(rd, v, "funds_reason_below", 1000, &f->funds_reason_below); break;
		case 3: ok &= jx_read_pct(rd, v, "qualitative_share", 100, &f->qualitative_share); break;
		default: ok = false; break;
		}
	}
	return ok;
}

/* Read a choice among words; *out gets its index. */
static bool read_choice(const jx_reader *rd, const jx_ynode *n, const char *what,
			const char *const *words, int nwords, int *out)
{
	const char *s;
	if (!jx_read_text(rd, n, what, &s))
		return false;
	for (int i = 0; i < nwords; i++)
		if (strcmp(s, words[i]) == 0) {
			*out = i;
			return true;
		}
	char list[128] = "", did[160];
	for (int i = 0; i < nwords; i++)
		if (!jx_textf_append(list, sizeof(list), "%s%s", i ? ", " : "", words[i]))
			break;
	choice_hint(did, sizeof(did), words, nwords, s);
	jx_read_error(rd, n, "%s must be one of %s, not '%s'%s", what, list, s, did);
	return false;
}

static bool apply_file(impl *im, jx_ytree *t, const char *dir, const char *origin, int depth);

/* The names and aliases of the rules read so far. */
static size_t rule_names(const impl *im)
{
	size_t n = 0;
	for (size_t i = 0; i < im->nrules; i++)
		n += 1 + im->rules[i].naliases;
	return n;
}

static bool note_failed(impl *im, const jx_ynode *n)
{
	if (n->kind != JX_Y_SCALAR || n->null)
		return true;
	if (!JX_GROW(im->failed, im->failed_cap, im->nfailed + 1, 8))
		return false;
	im->failed[im->nfailed++] = n->str;
	return true;
}

/* Note the name and aliases of a rule k: v that failed to read. */
static void note_failed_rule(impl *im, const jx_ynode *k, const jx_ynode *v)
{
	const jx_ynode *al = v->kind == JX_Y_MAP ? jx_ynode_get(v, "aliases") : NULL;
	bool ok = note_failed(im, k);
	if (al && al->kind == JX_Y_SEQ)
		for (size_t i = 0; ok && i < al->n; i++)
			ok = note_failed(im, al->items[i]);
	else if (al)
		ok = note_failed(im, al);
	if (!ok)
		im->unsure = true; /* out of memory: say nothing rather than something wrong */
}

/* The rules: mapping of one file, merged into the set. */
static bool read_rules(impl *im, const jx_reader *rd, const char *origin, const jx_ynode *val)
{
	size_t *slots = jx_arena_array(&im->arena, val->n, sizeof(*slots)), n = 0;
	const jx_ynode **keys = jx_arena_array(&im->arena, val->n, sizeof(*keys));
	const jx_ynode **vals = jx_arena_array(&im->arena, val->n, sizeof(*vals));
	size_t names = 0;
	bool ok = true;
	if (val->n && (!slots || !keys || !vals))
		return false;
	for (size_t j = 0; j < val->n; j++) {
		const jx_ynode *k = val->items[2 * j], *v = val->items[2 * j + 1];
		jx_rule r;
		if (too_many_names(rd, val, j, &names, "rule")) {
			im->unsure = true;
			return false;
		}
		if (!read_rule(rd, origin, k, v, &r)) {
			note_failed_rule(im, k, v);
			ok = false;
		} else if (put_rule(im, rd, k, &r, &slots[n])) {
			keys[n] = k;
			vals[n++] = v;
		} else {
			return false;
		}
	}
	/* With the rules of the sets it extends. */
	if (rule_names(im) > MAX_NAMES) {
		jx_read_error(rd, val, "more than %d rule names and aliases with those of the sets it extends (the limit is %d)",
			      MAX_NAMES, MAX_NAMES);
		return false;
	}
	return check_rule_names(im, rd, slots, keys, vals, n) && ok;
}

/* Load the set `extends` names and apply it first. */
static bool apply_parent(impl *im, const jx_reader *rd, const jx_ynode *v, const char *dir,
			 int depth)
{
	const char *spec, *pdir = NULL, *porigin = NULL;
	/* Its rules are unknown unless it is read (apply_file says if not). */
	im->unsure = true;
	if (!jx_read_text(rd, v, "the name of a rule set", &spec))
		return false;
	jx_loc from = { rd->src, v->line, jx_node_col(v, 0) };
	if (depth >= MAX_EXTENDS) {
		jx_read_error(rd, v, "rule sets extend each other more than %d deep (a cycle?)",
			      MAX_EXTENDS);
		return false;
	}
	jx_ytree *t = open_set(im, spec, dir, &from, &pdir, &porigin);
	if (!t)
		return false;
	const char *id = set_identity(im, porigin);
	for (size_t i = 0; i < im->nchain; i++)
		if (strcmp(im->ids[i], id) == 0) {
			char path[1024] = "";
			for (size_t j = i; j < im->nchain; j++)
				if (!jx_textf_append(path, sizeof(path), "%s → ", im->chain[j]))
					break;
			jx_read_error(rd, v, "rule sets extend each other in a circle: %s%s", path, porigin);
			return false;
		}
	im->unsure = false;
	return apply_file(im, t, pdir, porigin, depth + 1);
}

static bool push_chain(impl *im, const char *origin)
{
	const char **c = jx_arena_array(&im->arena, im->nchain + 1, sizeof(*c));
	const char **ids = jx_arena_array(&im->arena, im->nchain + 1, sizeof(*ids));
	if (!c || !ids)
		return false;
	if (im->nchain) {
		memcpy(c, im->chain, im->nchain * sizeof(*c));
		memcpy(ids, im->ids, im->nchain * sizeof(*ids));
	}
	c[im->nchain] = origin;
	ids[im->nchain++] = set_identity(im, origin);
	im->chain = c;
	im->ids = ids;
	return true;
}

static bool apply_file(impl *im, jx_ytree *t, const char *dir, const char *origin, int depth)
{
	static const char *const roundings[] = { "half-up", "half-even", "down" };
	static const char *const score_froms[] = { "exact", "rounded_rate" };
	static const char *const nas[] = { "rescale", "drop" };
	jx_reader rd = { im->diags, &t->src, &im->arena, true };
	jx_rules *pub = &im->pub;
	const jx_ynode *root = t->root;
	jx_keys seen = { 0 };
	bool ok = true;
	long v;
	int choice;

	if (!push_chain(im, origin))
		return false;
	/* A file that stops early leaves its rules unknown (im->unsure). */
	if (!root) {
		im->unsure = true;
		jx_diags_add(im->diags, JX_SEV_ERROR, &t->src, 1, 1, "empty rule set file");
		return false;
	}
	if (!jx_read_map(&rd, root, "a rule set (a mapping starting with 'jixiao-rules: 1')") ||
	    !jx_read_file_kind(&rd, root, "jixiao-rules")) {
		im->unsure = true;
		return false;
	}
	const jx_ynode *ver = jx_ynode_get(root, "jixiao-rules");
	if (!ver) {
		jx_diags_add(im->diags, JX_SEV_ERROR, &t->src, root->line, root->col,
			     "missing 'jixiao-rules: 1' (the rule-set format version)");
		ok = false;
	} else if (jx_read_int(&rd, ver, "jixiao-rules", 1, 1000, &v) && v != 1) {
		jx_read_error(&rd, ver, "unsupported rule-set format version %ld (this jixiao reads 1)", v);
		im->unsure = true;
		return false;
	}
	/* The parent first, so this file's keys override it whatever their order.
	 * A parent that fails is reported, and this file is still read, so that
	 * its own mistakes are said in the same run. */
	const jx_ynode *ext = jx_ynode_get(root, "extends");
	if (ext && !apply_parent(im, &rd, ext, dir, depth))
		ok = false;

	for (size_t i = 0; i < root->n; i++) {
		const jx_ynode *k = root->items[2 * i], *val = root->items[2 * i + 1];
		int id = jx_read_key(&rd, k, set_fields, sizeof(set_fields) / sizeof(set_fields[0]),
				     &seen, "rule set");
		switch (id) {
		/* A set's name and title are its own, never those of the set it extends. */
		case F_NAME: {
			const char *s = NULL;
			if (!jx_read_text(&rd, val, "a rule-set name", &s))
				ok = false;
			else if (depth == 0)
				pub->name = s;
			break;
		}
		case F_TITLE: {
			const char *s = NULL;
			if (!jx_read_text(&rd, val, "a title", &s))
				ok = false;
			else if (depth == 0)
				pub->title = s;
			break;
		}
		case F_DECIMALS:
			if ((ok &= jx_read_int(&rd, val, "decimals", 0, 4, &v)))
				pub->decimals = (int)v;
			break;
		case F_RATE_DECIMALS:
			if ((ok &= jx_read_int(&rd, val, "rate_decimals", 0, 4, &v)))
				pub->rate_decimals = (int)v;
			break;
		case F_ROUNDING:
			if ((ok &= read_choice(&rd, val, "rounding", roundings, 3, &choice)))
				pub->rounding = (jx_rounding)choice;
			break;
		case F_SCORE_FROM:
			if ((ok &= read_choice(&rd, val, "score_from", score_froms, 2, &choice)))
				pub->score_from_rounded = choice == 1;
			break;
		case F_NOT_APPLICABLE:
			if ((ok &= read_choice(&rd, val, "not_applicable", nas, 2, &choice)))
				pub->na_drop = choice == 1;
			break;
		case F_GRADES: ok &= read_grades(&rd, val, pub); break;
		case F_FUNDS_RULE: case F_DEFAULT_RULE: case F_QUALITATIVE_RULE: case F_DEADLINE_RULE: {
			rule_ref *ref = &im->refs[id - F_FUNDS_RULE];
			ok &= jx_read_text(&rd, val, "a rule name", &ref->name);
			ref->at.src = &t->src;
			ref->at.line = val->line;
			ref->at.col = jx_node_col(val, 0);
			break;
		}
		case F_REVERSE_GROUPS:
			if (val->kind == JX_Y_SEQ && val->n > MAX_NAMES) {
				jx_read_error(&rd, val, "more than %d groups in reverse_groups (the limit is %d)",
					      MAX_NAMES, MAX_NAMES);
				ok = false;
				break;
			}
			ok &= jx_read_texts(&rd, val, "group names", &pub->reverse_groups,
					    &pub->nreverse_groups);
			break;
		case F_STANDARD_WEIGHTS:
			if (read_std_weights(&rd, val, pub)) {
				im->std_weights = val;
				im->std_weights_src = &t->src;
			} else {
				im->std_weights = NULL; /* reported; nothing to check later */
				ok = false;
			}
			break;
		case F_FINDINGS: ok &= read_findings(&rd, val, &pub->findings); break;
		case F_RULES:
			if (!jx_read_map(&rd, val, "a mapping of rule names to rules")) {
				im->unsure = true;
				ok = false;
				break;
			}
			ok &= read_rules(im, &rd, origin, val);
			break;
		case -1: ok = false; break;
		default: break; /* version and extends were read above; description is free text */
		}
	}
	return ok;
}

/* ------------------------------------------------------------ finishing */

const jx_rule *jx_rules_find(const jx_rules *r, const char *name)
{
	return find_in(r->rules, r->nrules, name);
}

const char *jx_rule_label(const jx_rule *rule)
{
	return rule->naliases ? rule->aliases[0] : rule->name;
}

/*
 * Numbers in points may not have more places than the scores: standard
 * weights are applied as weights (whatif --standard-weights), and a step's
 * deduct of 0.5 at whole points makes one step cost 0 or 1 by the rounding.
 * decimals may come from another file of the chain, hence a check of the merge.
 */
static bool check_places(impl *im)
{
	const jx_rules *pub = &im->pub;
	bool ok = true;
	char num[JX_DEC_BUFSZ];
	if (im->std_weights) {
		jx_reader rd = { im->diags, im->std_weights_src, &im->arena, false };
		for (size_t i = 0; i < pub->nstandard_weights; i++) {
			const jx_ynode *v = im->std_weights->items[2 * i + 1];
			if (jx_dec_places(pub->standard_weights[i].weight) > pub->decimals) {
				jx_read_error(&rd, v, "standard weight '%s' of '%s' has more decimal places than the scores (decimals: %d)",
					      v->str, pub->standard_weights[i].name, pub->decimals);
				ok = false;
			}
		}
	}
	for (size_t i = 0; i < im->nrules; i++) {
		const jx_rule *r = &im->rules[i];
		const jx_loc *at = &im->rule_at[i];
		if (r->kind == JX_RULE_STEP && jx_dec_places(r->deduct) > pub->decimals) {
			jx_diags_add(im->diags, JX_SEV_ERROR, at->src, at->line, at->col,
				     "step rule '%s' deducts %s points a step, more decimal places than the scores (decimals: %d)",
				     r->name, jx_dec_format(num, r->deduct, -1, 0), pub->decimals);
			ok = false;
		}
	}
	return ok;
}

/* Which file of the set src is in: 0 for the root, more for the sets it extends. */
static size_t tree_index(const impl *im, const jx_source *src)
{
	for (size_t i = 0; i < im->ntrees; i++)
		if (&im->trees[i].src == src)
			return i;
	return (size_t)-1;
}

/* Whether name names a rule that failed to read, or may (some could not be read). */
static bool maybe_failed(const impl *im, const char *name)
{
	if (im->unsure)
		return true;
	for (size_t i = 0; i < im->nfailed; i++)
		if (strcmp(im->failed[i], name) == 0)
			return true;
	return false;
}

/* "; did you mean 'proportional'?" for a rule name not found, into did. */
static void rule_hint(impl *im, char *did, size_t size, const char *name)
{
	size_t n = rule_names(im);
	const char **words = jx_arena_array(&im->arena, n ? n : 1, sizeof(*words));
	const char *hint = NULL;
	if (words) {
		n = 0;
		for (size_t i = 0; i < im->nrules; i++) {
			words[n++] = im->rules[i].name;
			for (size_t j = 0; j < im->rules[i].naliases; j++)
				words[n++] = im->rules[i].aliases[j];
		}
		hint = jx_text_suggest(name, words, n);
	}
	if (hint)
		jx_textf(did, size, "; did you mean '%s'?", hint);
	else
		jx_textf(did, size, "; define it under 'rules:' or extend 'standard'");
}

/* Bind funds_rule, default_rule, … to their rules. With all false (the set
 * has other errors), a name the file gives is reported unknown only when no
 * rule that failed to read may be the one, and the kind of each rule found
 * is checked, so that both are said in the same run. */
static bool resolve_refs(impl *im, bool all)
{
	const jx_rule **slots[NREFS] = { &im->pub.funds_rule, &im->pub.default_rule,
					 &im->pub.qualitative_rule, &im->pub.deadline_rule };
	bool ok = true;
	for (int i = 0; i < NREFS; i++) {
		rule_ref *ref = &im->refs[i];
		const char *name = ref->name ? ref->name : ref_defaults[i];
		const jx_rule *r = jx_rules_find(&im->pub, name);
		jx_loc top = { &im->trees[0].src, 1, 1 };
		const jx_loc *at = ref->name ? &ref->at : &top;
		if (!r && !all && (!ref->name || maybe_failed(im, name))) {
			ok = false;
		} else if (!r) {
			char did[160];
			rule_hint(im, did, sizeof(did), name);
			jx_diags_add(im->diags, JX_SEV_ERROR, at ? at->src : NULL, at ? at->line : 0,
				     at ? at->col : 0, "%s '%s' is not defined in rule set '%s'%s",
				     ref_keys[i], name, im->pub.name, did);
			ok = false;
		} else if ((i == REF_QUALITATIVE) != (r->kind == JX_RULE_LEVELS)) {
			/* Say it in the file that made the mismatch: the one that
			 * named the rule, or the later one that redefined it. */
			const jx_loc *def = &im->rule_at[r - im->rules];
			if (!ref->name || tree_index(im, def->src) < tree_index(im, at->src))
				jx_diags_add(im->diags, JX_SEV_ERROR, def->src, def->line, def->col,
					     "rule '%s' is a %s rule, but it is the %s, which must %sbe a levels rule",
					     r->name, kind_names[r->kind], ref_keys[i],
					     i == REF_QUALITATIVE ? "" : "not ");
			else
				jx_diags_add(im->diags, JX_SEV_ERROR, at->src, at->line, at->col,
					     "%s '%s' must %sbe a levels rule", ref_keys[i], name,
					     i == REF_QUALITATIVE ? "" : "not ");
			ok = false;
		}
		*slots[i] = r;
	}
	return ok;
}

static void set_defaults(jx_rules *pub)
{
	/* Constant, so that rule sets loaded on several threads share it safely. */
	static const jx_grade grades[4] = {
		{ .name = "\xe4\xbc\x98", .min = { 90 * JX_DEC_SCALE } }, /* 优 */
		{ .name = "\xe8\x89\xaf", .min = { 80 * JX_DEC_SCALE } }, /* 良 */
		{ .name = "\xe4\xb8\xad", .min = { 60 * JX_DEC_SCALE } }, /* 中 */
		{ .name = "\xe5\xb7\xae", .min = { 0 } },                 /* 差 */
	};
	pub->decimals = 2;
	pub->rate_decimals = 2;
	pub->rounding = JX_ROUND_HALF_UP;
	pub->grades = grades;
	pub->ngrades = 4;
	pub->findings.over_completion = jx_frac_make(6, 5);
	pub->findings.reason_required_below = jx_frac_make(1, 1);
	pub->findings.funds_reason_below = jx_frac_make(9, 10);
	pub->findings.qualitative_share = jx_frac_make(3, 10);
}

/* A new, empty set being loaded. */
static impl *new_set(jx_diags *diags)
{
	impl *im = calloc(1, sizeof(*im));
	if (!im)
		return NULL;
	jx_arena_init(&im->arena);
	im->diags = diags;
	im->pub.priv = im;
	set_defaults(&im->pub);
	return im;
}

/* Apply the root file t (NULL when it could not be read), validate, finish. */
static int finish_set(jx_rules **out, impl *im, jx_ytree *t, const char *dir, const char *origin,
		      const char *spec, const jx_loc *from, size_t first, size_t errors)
{
	jx_diags *diags = im->diags;
	int rc = JX_EINVAL;
	bool applied = t && apply_file(im, t, dir, origin, 0);
	if (!im->pub.name) /* for messages; a set's name is its file's when it gives none */
		im->pub.name = set_name(&im->arena, spec);
	im->pub.rules = im->rules;
	im->pub.nrules = im->nrules;
	if (t && im->ntrees > 0 && (!applied || diags->errors > errors)) {
		resolve_refs(im, false);
		check_places(im);
	} else if (applied) {
		if (im->nrules == 0) {
			jx_diags_add(diags, JX_SEV_ERROR, &t->src, 1, 1,
				     "rule set defines no rules; add 'extends: standard' or a 'rules:' section");
		} else {
			bool refs_ok = resolve_refs(im, true);
			if (check_places(im) && refs_ok)
				rc = 0;
		}
	}
	jx_diags_sort(diags, first);
	/* Point back at whatever named the broken set. */
	if (rc && from && from->src && diags->errors > errors && t)
		jx_diags_add(diags, JX_SEV_NOTE, from->src, from->line, from->col,
			     "in rule set '%s' named here", spec);
	if (rc == 0) {
		im->pub.origin = origin;
		im->pub.chain = im->chain;
		im->pub.nchain = im->nchain;
		if (!im->pub.title)
			im->pub.title = im->pub.name;
	}
	for (size_t i = 0; i < im->ntrees; i++)
		jx_ytree_release(&im->trees[i]);
	im->ntrees = 0;
	if (rc) {
		jx_rules_free(&im->pub);
		return rc;
	}
	*out = &im->pub;
	return 0;
}

int jx_rules_load(jx_rules **out, const char *spec, const char *base_dir, const jx_loc *from,
		  jx_diags *diags)
{
	const char *dir = NULL, *origin = NULL;
	size_t first = diags->count, errors = diags->errors;
	impl *im = new_set(diags);
	*out = NULL;
	if (!im)
		return JX_ENOMEM;
	jx_ytree *t = open_set(im, spec, base_dir, from, &dir, &origin);
	return finish_set(out, im, t, dir, origin, spec, from, first, errors);
}

int jx_rules_parse(jx_rules **out, const char *name, const char *text, size_t len,
		   jx_diags *diags)
{
	size_t first = diags->count, errors = diags->errors;
	impl *im = new_set(diags);
	*out = NULL;
	if (!im)
		return JX_ENOMEM;
	jx_ytree *t = &im->trees[im->ntrees++];
	const char *origin = jx_arena_strndup(&im->arena, name, strlen(name));
	bool ok = origin && jx_ytree_parse(t, name, text, len, diags) == 0;
	return finish_set(out, im, ok ? t : NULL, NULL, origin ? origin : name, name, NULL, first,
			  errors);
}

void jx_rules_free(jx_rules *r)
{
	if (!r)
		return;
	impl *im = r->priv;
	jx_arena_release(&im->arena);
	free(im->rules);
	free(im->rule_at);
	free(im->failed);
	free(im);
}

/* ------------------------------------------------------------- cache */

typedef struct cached_set {
	char *key;
	jx_rules *rules;
} cached_set;

struct jx_rules_cache {
	cached_set *sets;
	size_t n, cap;
};

jx_rules_cache *jx_rules_cache_new(void)
{
	return calloc(1, sizeof(jx_rules_cache));
}

/* "a" "b" "c" joined into a new string. */
static char *concat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);
	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb);
		memcpy(s + la + lb, c, lc + 1);
	}
	return s;
}

/* What identifies the set spec names from base_dir: the name, or the file. */
static char *cache_key(const char *spec, const char *base_dir)
{
	if (!jx_rules_is_path(spec))
		return concat3("name:", spec, "");
	char *joined = spec[0] == '/' || !base_dir ? concat3(spec, "", "") : concat3(base_dir, "/", spec);
	char *real = joined ? realpath(joined, NULL) : NULL;
	if (!real)
		return joined; /* missing: loading reports it, and nothing is kept */
	free(joined);
	char *key = concat3("file:", real, "");
	free(real);
	return key;
}

int jx_rules_cache_get(jx_rules_cache *c, const jx_rules **out, const char *spec,
		       const char *base_dir, const jx_loc *from, jx_diags *diags)
{
	char *key = cache_key(spec, base_dir);
	*out = NULL;
	if (!key)
		return JX_ENOMEM;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->sets[i].key, key) == 0) {
			free(key);
			*out = c->sets[i].rules;
			return 0;
		}
	jx_rules *r;
	int rc = jx_rules_load(&r, spec, base_dir, from, diags);
	if (rc == 0 && JX_GROW(c->sets, c->cap, c->n + 1, 4)) {
		c->sets[c->n++] = (cached_set){ key, r };
		*out = r;
		return 0;
	}
	free(key);
	if (rc == 0) {
		jx_rules_free(r);
		rc = JX_ENOMEM;
	}
	return rc;
}

void jx_rules_cache_free(jx_rules_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->sets[i].key);
		jx_rules_free(c->sets[i].rules);
	}
	free(c->sets);
	free(c);
}

const jx_grade *jx_rules_grade(const jx_rules *r, jx_dec total)
{
	for (size_t i = 0; i < r->ngrades; i++)
		if (jx_dec_cmp(total, r->grades[i].min) >= 0)
			return &r->grades[i];
	return r->ngrades ? &r->grades[r->ngrades - 1] : NULL;
}

bool jx_grade_matches(const jx_grade *g, const char *text)
{
	const char *t = text;
	size_t len = strlen(text);
	jx_text_trim(&t, &len);
	if (strlen(g->name) == len && memcmp(g->name, t, len) == 0)
		return true;
	for (size_t i = 0; i < g->naliases; i++)
		if (strlen(g->aliases[i]) == len && memcmp(g->aliases[i], t, len) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------- listing */

static bool listed(const jx_rules_entry *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0)
			return true;
	return false;
}

static int list_add(jx_rules_entry **list, size_t *n, size_t *cap, const char *name,
		    size_t nlen, const char *origin)
{
	char *nm = strndup(name, nlen);
	if (!nm)
		return JX_ENOMEM;
	if (listed(*list, *n, nm)) {
		free(nm);
		return 0;
	}
	if (!JX_GROW(*list, *cap, *n + 1, 8) || !((*list)[*n].origin = strdup(origin))) {
		free(nm);
		return JX_ENOMEM;
	}
	(*list)[(*n)++].name = nm;
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the *.yaml files of directory dir, sorted, into *names (the
 * caller frees each and the array); none when it cannot be read. */
static int yaml_names(const char *dir, char ***names, size_t *n)
{
	size_t cap = 0;
	int rc = 0;
	DIR *d = opendir(dir);
	struct dirent *e;

	*names = NULL;
	*n = 0;
	while (d && rc == 0 && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l <= 5 || strcmp(e->d_name + l - 5, ".yaml") != 0)
			continue;
		if (!JX_GROW(*names, cap, *n + 1, 16) || !((*names)[*n] = strdup(e->d_name)))
			rc = JX_ENOMEM;
		else
			(*n)++;
	}
	if (d)
		closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), name_cmp);
	return rc;
}

int jx_rules_list(jx_rules_entry **out, size_t *n)
{
	size_t cap = 0;
	int rc = 0;
	const char *env = getenv("JIXIAO_RULES_PATH");

	*out = NULL;
	*n = 0;
	while (rc == 0 && env && *env) {
		const char *colon = strchr(env, ':');
		size_t dl = colon ? (size_t)(colon - env) : strlen(env);
		char *dirname = strndup(env, dl), **names = NULL;
		size_t nn = 0;
		if (!dirname)
			rc = JX_ENOMEM;
		else if (dl > 0)
			rc = yaml_names(dirname, &names, &nn);
		for (size_t i = 0; i < nn; i++) {
			char *path = rc ? NULL : jx_strdupf("%s/%s", dirname, names[i]);
			if (rc == 0 && !path)
				rc = JX_ENOMEM;
			/* Only what the name finds: a directory called x.yaml is not a
			 * set, and x.yml.yaml would be named as the path 'x.yml'. */
			names[i][strlen(names[i]) - 5] = '\0';
			if (rc == 0 && file_exists(path) && !jx_rules_is_path(names[i]))
				rc = list_add(out, n, &cap, names[i], strlen(names[i]), path);
			free(path);
			free(names[i]);
		}
		free(names);
		free(dirname);
		env = colon ? colon + 1 : NULL;
	}
	for (unsigned i = 0; rc == 0 && i < jx_builtin_rule_file_count; i++) {
		char origin[512];
		snprintf(origin, sizeof(origin), "%s (built in)", jx_builtin_rule_files[i].path);
		rc = list_add(out, n, &cap, jx_builtin_rule_files[i].name,
			      strlen(jx_builtin_rule_files[i].name), origin);
	}
	if (rc) {
		jx_rules_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void jx_rules_list_free(jx_rules_entry *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].origin);
	}
	free(list);
}
