/*
 * ytree.h - YAML text to a tree of scalars, mappings and sequences, each node
 * marked with its line and column. The first stage of every loader: it owns
 * the input limits, rejects anchors, aliases and duplicate keys, and turns
 * libyaml's errors into diagnostics with hints for the common mistakes.
 * Text in the plain subset of YAML is read by ysubset.c, the rest by libyaml.
 */
#ifndef JX_YTREE_H
#define JX_YTREE_H

#include "arena.h"
#include "jixiao/diag.h"

#include <stdbool.h>
#include <stddef.h>

/** Input limits (see docs/limits.md). */
#define JX_MAX_FILE_BYTES (16u * 1024 * 1024) /**< 16 MiB */
#define JX_MAX_SCALAR_BYTES (64u * 1024)      /**< 64 KiB */
#define JX_MAX_YAML_DEPTH 64                  /**< nested collections */
#define JX_MAX_YAML_NODES 500000              /**< nodes in one file */

typedef enum jx_ykind {
	JX_Y_SCALAR,
	JX_Y_MAP,
	JX_Y_SEQ
} jx_ykind;

typedef struct jx_ynode jx_ynode;

/** A node of the tree; everything lives in the owning jx_ytree's arena. */
struct jx_ynode {
	jx_ykind kind;
	unsigned line, col; /**< 1-based start, col in characters */
	bool plain;         /**< scalar written without quotes or block indicator */
	bool quoted;        /**< scalar in single or double quotes (text starts at col + 1) */
	bool null;          /**< plain scalar that is empty, "~" or "null" */
	bool verbatim;      /**< scalar whose text stands as is on one source line */
	bool bad;           /**< a refused alias or too long a text: reported, read as nothing */
	const char *str;    /**< scalar text, NUL-terminated */
	size_t len;         /**< scalar length in bytes */
	size_t n;           /**< map: pairs; seq: items */
	jx_ynode **items;   /**< map: key, value, key, value…; seq: the items */
};

/** A parsed file. Release with jx_ytree_release. */
typedef struct jx_ytree {
	jx_arena arena;
	char *text;     /**< the file's bytes without a BOM, NUL-terminated (owned) */
	size_t len;
	jx_source src;  /**< file name and text for diagnostics */
	jx_ynode *root; /**< NULL for an empty file */
} jx_ytree;

/**
 * Read path ("-" for standard input) and parse it. Problems go to diags
 * (all that can be found; YAML syntax errors stop the parse). Returns 0,
 * JX_EINVAL (see diags), JX_EIO or JX_ENOMEM. The tree is filled as far as
 * it could be parsed and must be released in every case.
 */
int jx_ytree_load(jx_ytree *out, const char *path, jx_diags *diags);

/** The name diagnostics give path: "<stdin>" for "-", else path itself. */
const char *jx_ytree_name(const char *path);

/** Parse text[0..len) (copied) as if read from a file called name. */
int jx_ytree_parse(jx_ytree *out, const char *name, const char *text, size_t len,
		   jx_diags *diags);

void jx_ytree_release(jx_ytree *t);

/**
 * Whether parsing tries the subset reader (ysubset.h) before libyaml: yes
 * unless the environment sets JIXIAO_YAML=libyaml, or this turns it off.
 * Either way the tree and the diagnostics are the same; for tests and
 * benchmarks. Call it before other threads parse.
 */
void jx_ytree_use_subset(bool on);

/** The value for key in map node m, or NULL. */
const jx_ynode *jx_ynode_get(const jx_ynode *m, const char *key);

/** Name of a node's kind for messages ("a mapping"). */
const char *jx_ynode_kind_name(const jx_ynode *n);

#endif
