/*
 * schema.h - typed reads from a YAML node tree, shared by every loader
 * (evaluations, rule sets): keys from a table with aliases and did-you-mean,
 * numbers, percentages, text and lists, each failure a diagnostic at the node.
 */
#ifndef JX_SCHEMA_H
#define JX_SCHEMA_H

#include "arena.h"
#include "jixiao/decimal.h"
#include "jixiao/diag.h"
#include "ytree.h"

#include <stdbool.h>
#include <stdint.h>

/** Where reads report and allocate. */
typedef struct jx_reader {
	jx_diags *diags;
	const jx_source *src;
	jx_arena *arena; /**< copies of text go here when copy is set */
	bool copy;       /**< copy strings (else they point into the tree) */
} jx_reader;

/** One key a mapping may hold; several spellings may share an id. */
typedef struct jx_field {
	const char *key;
	int id; /**< 0..63 */
} jx_field;

/** The keys met so far in one mapping, and those a typo pointed to. */
typedef struct jx_keys {
	uint64_t seen;
	uint64_t hinted;          /**< ids suggested for an unknown key: not "missing" */
	uint8_t spelled[64];      /**< how each field was written: its index in the table */
} jx_keys;

/** True when field id was given, or an unknown key was taken for it. */
bool jx_keys_has(const jx_keys *k, int id);

/** An error at node n (its text column when it is a scalar). */
void jx_read_error(const jx_reader *rd, const jx_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/** An error at byte offset off of scalar n's text (its column when the text stands as is). */
void jx_read_error_at(const jx_reader *rd, const jx_ynode *n, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/** A warning at node n. */
void jx_read_warning(const jx_reader *rd, const jx_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/**
 * The id of key node k in fields, or -1 after reporting an unknown key
 * (with the closest known spelling) or a field given twice under two
 * spellings (seen tracks the ids met so far in this mapping; what owns
 * the mapping names itself in `where`, e.g. "indicator"). A table holds
 * at most 256 spellings.
 */
int jx_read_key(const jx_reader *rd, const jx_ynode *k, const jx_field *fields, size_t n,
		jx_keys *seen, const char *where);

/** n must be a mapping (else an error naming what was expected). */
bool jx_read_map(const jx_reader *rd, const jx_ynode *n, const char *what);

/**
 * Whether the file whose root mapping is root may be of the kind whose
 * format-version key is key ("jixiao", "jixiao-rules", "jixiao-ahp"): false,
 * with one error saying what the file holds and what reads it, when its
 * first key is the version key of another kind (a rule set named as an
 * evaluation, an evaluation named with --rules …).
 */
bool jx_read_file_kind(const jx_reader *rd, const jx_ynode *root, const char *key);

/** n must be a list. */
bool jx_read_list(const jx_reader *rd, const jx_ynode *n, const char *what);

/** Non-empty text; *out is a copy or a pointer into the tree (rd->copy). */
bool jx_read_text(const jx_reader *rd, const jx_ynode *n, const char *what, const char **out);

/** Text that may be empty or null (then ""). */
bool jx_read_opt_text(const jx_reader *rd, const jx_ynode *n, const char *what, const char **out);

/**
 * An exact decimal: a YAML number or text such as "2,865.28"; suffix (may
 * be NULL) is an optional unit allowed after the number ("分", "%").
 * *places (may be NULL) gets the number of fraction digits as written.
 */
bool jx_read_dec(const jx_reader *rd, const jx_ynode *n, const char *what, const char *suffix,
		 jx_dec *out, int *places);

/** An integer in [min, max]. */
bool jx_read_int(const jx_reader *rd, const jx_ynode *n, const char *what, long min, long max,
		 long *out);

/** A percentage written with '%' ("60%"), as a fraction of 1, within [0%, max_pct%]. */
bool jx_read_pct(const jx_reader *rd, const jx_ynode *n, const char *what, long max_pct,
		 jx_frac *out);

/** A list of texts (a single text counts as a list of one). */
bool jx_read_texts(const jx_reader *rd, const jx_ynode *n, const char *what,
		   const char *const **out, size_t *count);

/** Column of character off of scalar n's text (quotes skipped). */
unsigned jx_node_col(const jx_ynode *n, size_t off);

#endif
