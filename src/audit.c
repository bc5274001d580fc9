/*
 * audit.c - the record of one audited file, built from its result and
 * findings (or from the diagnostics that stopped it), self-contained so that
 * worker threads can build records while another thread writes them.
 */
#include "jixiao/audit.h"

#include "jixiao/common.h"
#include "text.h"
#include "ytree.h"

#include <stdlib.h>
#include <string.h>

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

/* A path from names: the pointer array, then the names, then the joined text. */
static bool path_make(jx_audit_path *p, const char *const *names, size_t depth)
{
	size_t text = 0;
	for (size_t i = 0; i < depth; i++)
		text += strlen(names[i]) + 1;
	char *block = malloc(depth * sizeof(char *) + 2 * text + 1);
	if (!block)
		return false;
	char **ptrs = (char **)block, *s = block + depth * sizeof(char *);
	char *joined = s + text;
	joined[0] = '\0';
	for (size_t i = 0, at = 0; i < depth; i++) {
		size_t n = strlen(names[i]);
		ptrs[i] = memcpy(s, names[i], n + 1);
		s += n + 1;
		if (i > 0)
			joined[at++] = '/';
		memcpy(joined + at, names[i], n + 1);
		at += n;
	}
	p->names = ptrs;
	p->depth = depth;
	p->joined = joined;
	return true;
}

static bool path_of(jx_audit_path *p, const jx_node *n)
{
	const jx_node *chain[JX_MAX_DEPTH];
	const char *names[JX_MAX_DEPTH];
	size_t depth = jx_node_chain(chain, n);
	for (size_t i = 0; i < depth; i++)
		names[i] = chain[i]->name;
	return path_make(p, names, depth);
}

/* ["funds"] for the funds row, [] for the whole evaluation. */
static bool path_named(jx_audit_path *p, const char *name)
{
	return path_make(p, &name, name ? 1 : 0);
}

static void fmt(char *buf, jx_dec d, int places)
{
	jx_dec_format(buf, d, places, 0);
}

/* A mismatch's two values, as decimals (numbers) or as text (grades). */
static bool set_values(jx_audit_mismatch *m, jx_dec claimed, int cplaces, jx_dec recomputed,
		       int rplaces)
{
	char a[JX_DEC_BUFSZ], b[JX_DEC_BUFSZ];
	fmt(a, claimed, cplaces);
	fmt(b, recomputed, rplaces);
	return (m->claimed = strdup(a)) && (m->recomputed = strdup(b));
}

/* Append an empty mismatch; NULL when out of memory. */
static jx_audit_mismatch *add_mismatch(jx_audit_row *row, const char *field, bool numeric)
{
	jx_audit_mismatch *m = realloc(row->mismatches, (row->nmismatches + 1) * sizeof(*m));
	if (!m)
		return NULL;
	row->mismatches = m;
	m = &m[row->nmismatches++];
	memset(m, 0, sizeof(*m));
	m->field = field;
	m->numeric = numeric;
	return m;
}

/* The claims of a leaf (node) or of the funds row (node NULL) that do not follow. */
static bool claim_mismatches(jx_audit_row *row, const jx_rules *rules, const jx_node *node,
			     const jx_claim *c, bool rate_bad, jx_dec rate_pct, bool score_bad,
			     jx_dec score)
{
	const char *fields[2] = { "rate", "score" };
	bool bad[2] = { rate_bad, score_bad };
	jx_dec claimed[2] = { c->rate, c->score }, recomputed[2] = { rate_pct, score };
	int cplaces[2] = { c->rate_places, c->score_places };
	int rplaces[2] = { rules->rate_decimals, rules->decimals };
	for (int k = 0; k < 2; k++) {
		if (!bad[k])
			continue;
		jx_audit_mismatch *m = add_mismatch(row, fields[k], true);
		if (!m || !(node ? path_of(&m->path, node) : path_named(&m->path, "funds")) ||
		    !set_values(m, claimed[k], cplaces[k], recomputed[k], rplaces[k]))
			return false;
	}
	return true;
}

static bool indicators_of(jx_audit_row *row, const jx_result *r)
{
	const jx_rules *ru = r->rules;
	row->indicators = calloc(r->nleaves ? r->nleaves : 1, sizeof(*row->indicators));
	if (!row->indicators)
		return false;
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		const jx_node *n = lr->node;
		jx_audit_indicator *ind = &row->indicators[row->nindicators++];
		ind->target = dup(n->target.text);
		ind->actual = dup(n->actual.present ? n->actual.text : "");
		if (!path_of(&ind->path, n) || !ind->target || !ind->actual)
			return false;
		ind->line = n->mark.line;
		ind->applicable = !lr->na;
		ind->mismatch = lr->rate_mismatch || lr->score_mismatch;
		fmt(ind->weight, lr->weight, -1);
		if (!lr->na) {
			fmt(ind->rate, lr->rate_pct, ru->rate_decimals);
			fmt(ind->score, lr->score, ru->decimals);
		}
		if (n->claimed.has_rate)
			fmt(ind->claimed_rate, n->claimed.rate, n->claimed.rate_places);
		if (n->claimed.has_score)
			fmt(ind->claimed_score, n->claimed.score, n->claimed.score_places);
	}
	return true;
}

static bool findings_of(jx_audit_row *row, const jx_findings *f)
{
	row->finding_list = calloc(f->count ? f->count : 1, sizeof(*row->finding_list));
	if (!row->finding_list)
		return false;
	for (size_t i = 0; i < f->count; i++) {
		const jx_finding *g = &f->items[i];
		jx_audit_finding *af = &row->finding_list[row->nfinding_list++];
		af->code = g->code;
		af->severity = jx_fseverity_name(g->severity);
		af->line = g->line;
		af->message = dup(g->message);
		bool ok = g->node ? path_of(&af->path, g->node)
				  : path_named(&af->path, g->funds ? "funds" : NULL);
		if (!ok || !af->message)
			return false;
	}
	return true;
}

/* The record of a file that could not be scored: its errors and their notes.
 * path is the file as given ("-" for standard input). */
static bool failed_row(jx_audit_row *row, const char *path, const jx_diags *d)
{
	size_t cap = (d ? d->count : 0) + 2;
	row->errors = calloc(cap, sizeof(*row->errors));
	if (!row->errors)
		return false;
	for (size_t i = 0; d && i < d->count; i++) {
		const jx_diag *g = &d->items[i];
		if (g->severity == JX_SEV_WARNING)
			continue;
		jx_audit_error *e = &row->errors[row->nerrors++];
		e->line = g->line;
		e->col = g->col;
		e->note = g->severity == JX_SEV_NOTE;
		bool elsewhere = g->file && strcmp(g->file, jx_ytree_name(path)) != 0;
		/* A message may quote a path (a rule set not found): UTF-8 like the rest. */
		if (!(e->message = jx_text_escape(g->message)) ||
		    (elsewhere && !(e->file = jx_text_escape(g->file))))
			return false;
	}
	for (size_t i = 0; i < row->nerrors; i++)
		row->error_count += !row->errors[i].note;
	if (d && d->dropped) {
		/* A note: the errors not shown are in the count, not more of them. */
		jx_audit_error *e = &row->errors[row->nerrors++];
		e->note = true;
		if (!(e->message = jx_strdupf("%zu more diagnostics not shown", d->dropped)))
			return false;
		if (d->errors > row->error_count)
			row->error_count = d->errors;
	}
	if (row->error_count == 0) {
		if (!(row->errors[row->nerrors++].message = dup("could not be scored")))
			return false;
		row->error_count = 1;
	}
	return true;
}

/* The place of the claimed grade among the rule set's (优秀 matches 优); -1 when none. */
static int grade_rank(const jx_rules *ru, const char *claimed)
{
	for (size_t i = 0; claimed && i < ru->ngrades; i++)
		if (jx_grade_matches(&ru->grades[i], claimed))
			return (int)i;
	return -1;
}

static bool scored_row(jx_audit_row *row, const jx_result *r, const jx_findings *f, bool detail)
{
	const jx_doc *doc = r->doc;
	const jx_rules *ru = r->rules;
	row->ok = true;
	row->year = doc->year;
	row->claimed_grade_rank = grade_rank(ru, doc->claimed.grade);
	row->grade_rank = r->grade ? (int)(r->grade - ru->grades) : -1;
	row->total_value = r->total;
	fmt(row->total, r->total, ru->decimals);
	if (doc->claimed.has_total) {
		fmt(row->claimed_total, doc->claimed.total, doc->claimed.total_places);
		/* Exact: at the claim's places when it has more than the scores. */
		int places = doc->claimed.total_places > ru->decimals ? doc->claimed.total_places
								      : ru->decimals;
		if (jx_dec_sub(&row->delta_value, r->total, doc->claimed.total) == 0) {
			row->has_delta = true;
			fmt(row->delta, row->delta_value, places);
		}
	}
	if (!(row->department = dup(doc->department)) || !(row->title = dup(doc->title)) ||
	    !(row->rules = dup(ru->name)) || !(row->claimed_grade = dup(doc->claimed.grade)) ||
	    !(row->claimed_grade_name = dup(row->claimed_grade_rank >= 0
						    ? ru->grades[row->claimed_grade_rank].name
						    : doc->claimed.grade)) ||
	    !(row->grade = dup(r->grade ? r->grade->name : "")))
		return false;
	if (r->funds.present &&
	    !claim_mismatches(row, ru, NULL, &doc->funds.claimed, r->funds.rate_mismatch,
			      r->funds.rate_pct, r->funds.score_mismatch, r->funds.score))
		return false;
	for (size_t i = 0; i < r->nleaves; i++) {
		const jx_leaf_result *lr = &r->leaves[i];
		if ((lr->rate_mismatch || lr->score_mismatch) &&
		    !claim_mismatches(row, ru, lr->node, &lr->node->claimed, lr->rate_mismatch,
				      lr->rate_pct, lr->score_mismatch, lr->score))
			return false;
	}
	jx_audit_mismatch *m;
	if (r->total_mismatch &&
	    (!(m = add_mismatch(row, "total", true)) || !path_named(&m->path, NULL) ||
	     !set_values(m, doc->claimed.total, doc->claimed.total_places, r->total, ru->decimals)))
		return false;
	if (r->grade_mismatch &&
	    (!(m = add_mismatch(row, "grade", false)) || !path_named(&m->path, NULL) ||
	     !(m->claimed = dup(doc->claimed.grade)) || !(m->recomputed = dup(r->grade->name))))
		return false;
	for (size_t i = 0; f && i < f->count; i++)
		row->findings[f->items[i].severity]++;
	return !detail || (indicators_of(row, r) && (!f || findings_of(row, f)));
}

/*
 * The warnings of reading the file: a spreadsheet's import says so of a
 * cell it could not place or of a formula saved without its value, which
 * may hide a claim. Each is a finding (code "import") of the record, and is
 * kept for the terminal.
 */
static bool read_warnings(jx_audit_row *row, const jx_diags *d, bool detail)
{
	size_t n = 0;
	for (size_t i = 0; d && i < d->count; i++)
		n += d->items[i].severity == JX_SEV_WARNING;
	if (n == 0)
		return true;
	row->findings[JX_FIND_WARNING] += n;
	if (!(row->warnings = calloc(n, sizeof(*row->warnings))))
		return false;
	if (detail) {
		jx_audit_finding *list = realloc(row->finding_list, (row->nfinding_list + n) * sizeof(*list));
		if (!list)
			return false;
		row->finding_list = list;
	}
	for (size_t i = 0; i < d->count; i++) {
		const jx_diag *g = &d->items[i];
		if (g->severity != JX_SEV_WARNING)
			continue;
		jx_audit_error *w = &row->warnings[row->nwarnings++];
		w->line = g->line;
		w->col = g->col;
		if (!(w->message = jx_text_escape(g->message)))
			return false;
		if (detail) {
			jx_audit_finding *af = &row->finding_list[row->nfinding_list++];
			*af = (jx_audit_finding){ .code = "import", .severity = jx_fseverity_name(JX_FIND_WARNING),
						  .line = g->line };
			if (!(af->message = dup(w->message)) || !path_named(&af->path, NULL))
				return false;
		}
	}
	return true;
}

int jx_audit_row_make(jx_audit_row *row, const char *file, const jx_result *r,
		      const jx_findings *f, const jx_diags *d, bool detail)
{
	memset(row, 0, sizeof(*row));
	row->grade_rank = row->claimed_grade_rank = -1;
	bool ok = (row->file = jx_text_escape(jx_ytree_name(file))) != NULL; /* "-": <stdin> */
	if (ok && r) {
		ok = scored_row(row, r, f, detail);
	} else if (ok) {
		ok = (row->department = dup("")) && (row->title = dup("")) &&
		     (row->rules = dup("")) && (row->claimed_grade = dup("")) &&
		     (row->claimed_grade_name = dup("")) && (row->grade = dup("")) &&
		     failed_row(row, file, d);
	}
	ok = ok && read_warnings(row, d, detail);
	if (!ok) {
		jx_audit_row_release(row);
		return JX_ENOMEM;
	}
	return 0;
}

void jx_audit_row_release(jx_audit_row *row)
{
	free(row->file);
	free(row->department);
	free(row->title);
	free(row->rules);
	free(row->claimed_grade);
	free(row->claimed_grade_name);
	free(row->grade);
	for (size_t i = 0; i < row->nmismatches; i++) {
		free(row->mismatches[i].path.names);
		free(row->mismatches[i].claimed);
		free(row->mismatches[i].recomputed);
	}
	free(row->mismatches);
	for (size_t i = 0; i < row->nerrors; i++) {
		free(row->errors[i].file);
		free(row->errors[i].message);
	}
	free(row->errors);
	for (size_t i = 0; i < row->nwarnings; i++)
		free(row->warnings[i].message);
	free(row->warnings);
	for (size_t i = 0; i < row->nindicators; i++) {
		free(row->indicators[i].path.names);
		free(row->indicators[i].target);
		free(row->indicators[i].actual);
	}
	free(row->indicators);
	for (size_t i = 0; i < row->nfinding_list; i++) {
		free(row->finding_list[i].path.names);
		free(row->finding_list[i].message);
	}
	free(row->finding_list);
	memset(row, 0, sizeof(*row));
}

bool jx_audit_format_detail(jx_audit_format fmt)
{
	return fmt == JX_AUDIT_SQLITE;
}
