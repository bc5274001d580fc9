/*
 * jixiao/doc.h - an evaluation (one 自评表) loaded from YAML, typed and
 * validated: header, funds section, goals and the indicator tree, each value
 * with the line and column it came from.
 */
#ifndef JIXIAO_DOC_H
#define JIXIAO_DOC_H

#include "jixiao/decimal.h"
#include "jixiao/diag.h"
#include "jixiao/quantity.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Limits of an evaluation (see docs/limits.md). */
#define JX_MAX_DEPTH 6          /**< levels of indicators */
#define JX_MAX_INDICATORS 10000 /**< indicator nodes, groups and leaves */

/** A place in the evaluation file (1-based; 0 when absent). */
typedef struct jx_mark {
	unsigned line, col;
} jx_mark;

/** 项目支出 or 部门整体支出. */
typedef enum jx_kind {
	JX_KIND_PROJECT,
	JX_KIND_DEPARTMENT
} jx_kind;

/** Scoring direction of a leaf. */
typedef enum jx_direction {
	JX_DIR_AUTO,        /**< as the target implies (documents only) */
	JX_DIR_POSITIVE,    /**< rate = B / A */
	JX_DIR_REVERSE,     /**< rate = A / B */
	JX_DIR_RANGE,       /**< inside the range: 100% */
	JX_DIR_DEADLINE,    /**< on time: 100% */
	JX_DIR_QUALITATIVE  /**< the level's percentage */
} jx_direction;

/** Values a table reports for itself (完成率, 得分), to compare with. */
typedef struct jx_claim {
	bool has_rate, has_score;
	jx_dec rate;      /**< in percent: 97.97 */
	int rate_places;  /**< fraction digits as written */
	jx_dec score;
	int score_places;
	jx_mark rate_mark, score_mark;
} jx_claim;

/** A target, actual or last-year cell: text as written and parsed. */
typedef struct jx_cell {
	bool present;
	const char *text;
	jx_quantity q;
	jx_mark mark;
	bool verbatim; /**< the text stands as is in the file: columns inside it are exact */
} jx_cell;

typedef struct jx_node jx_node;

/** An indicator: a group (has children) or a leaf. */
struct jx_node {
	const char *name;
	jx_mark mark;
	jx_node *parent;
	jx_node *children;  /**< array of nchildren nodes */
	size_t nchildren;
	int depth;          /**< 1 for 一级指标 */
	size_t index;       /**< leaves: position among leaves; groups: among groups */
	jx_dec weight;      /**< groups: as given, else the sum of the children */
	bool weight_given;
	jx_mark weight_mark;
	/* leaves only */
	jx_cell target, actual, last_year;
	const char *rule;   /**< rule name or alias as written, or NULL */
	jx_mark rule_mark;
	jx_direction direction; /**< as written; JX_DIR_AUTO when absent */
	jx_mark direction_mark;
	const char *basis, *evidence, *deviation; /**< "" when absent */
	jx_claim claimed;
	bool faulty;        /**< leaves: it had an error of its own (see jx_doc_load_partial) */
};

/** One row of the funds block (年度资金总额, 当年财政拨款, 其他资金…). */
typedef struct jx_funds_row {
	const char *name;
	bool has_initial;
	jx_dec initial;   /**< 年初预算数 */
	jx_dec budget;    /**< 全年预算数 */
	jx_dec executed;  /**< 全年执行数 */
	int initial_places, budget_places, executed_places; /**< fraction digits as written */
	jx_mark mark;
} jx_funds_row;

/** The 预算执行 section. */
typedef struct jx_funds {
	bool present;
	jx_dec weight;
	jx_mark mark, weight_mark;
	jx_funds_row *rows; /**< the first row is the total used for scoring */
	size_t nrows;
	const char *rule;   /**< NULL: the rule set's funds_rule */
	jx_mark rule_mark;
	jx_claim claimed;
	const char *deviation;
	bool faulty;      /**< it had an error of its own (see jx_doc_load_partial) */
} jx_funds;

/** A 年度总体目标 row. */
typedef struct jx_goal {
	const char *expected; /**< 预期目标 */
	const char *achieved; /**< 实际完成情况 */
} jx_goal;

/**
 * An evaluation. Create with jx_doc_load or jx_doc_parse, free with
 * jx_doc_free. Every string and node it points to is owned by it and lives
 * until jx_doc_free; results scored from it borrow it (score.h).
 */
typedef struct jx_doc {
	const char *path;       /**< as given ("<stdin>" for standard input) */
	const char *path_shown; /**< path as text outputs write it: control
				 * characters and bytes that are not UTF-8 as
				 * "\xHH" (a name cannot break a line or send
				 * commands to a terminal) */
	jx_source src;          /**< the file's text, for diagnostics */
	jx_kind kind;
	const char *title;      /**< 项目名称 / 部门名称 */
	const char *department; /**< 主管部门, "" when absent */
	const char *implementer;/**< 实施单位, "" when absent */
	int year;
	const char *rules;      /**< rule-set name or path ("standard" when absent) */
	jx_mark rules_mark;
	const char *money_unit; /**< unit of the funds amounts (万元) */
	jx_funds funds;
	jx_goal *goals;
	size_t ngoals;
	jx_node *roots;         /**< the 一级指标 */
	size_t nroots;
	jx_node **leaves;       /**< every leaf in document order */
	size_t nleaves;
	jx_node **groups;       /**< every group in document (pre-)order */
	size_t ngroups;
	int depth;              /**< the deepest leaf's depth */
	struct {
		bool has_total;
		jx_dec total;
		int total_places;
		jx_mark total_mark;
		const char *grade; /**< NULL when absent */
		jx_mark grade_mark;
	} claimed;
	bool partial;           /**< from jx_doc_load_partial: not to be scored */
	void *priv;             /**< the library's own storage: not for callers */
} jx_doc;

/**
 * Load the evaluation at path ("-": standard input). Every problem found goes
 * to diags (the YAML reader stops at the first syntax error; after that,
 * all problems of the file are reported). Returns 0 with *out set, or an
 * error code with *out NULL: JX_ENOTFOUND when there is no such file,
 * JX_EINVAL for a file with errors, JX_EIO when reading it fails, JX_ELIMIT
 * beyond a limit of docs/limits.md, JX_ENOMEM. The caller frees *out with
 * jx_doc_free.
 */
int jx_doc_load(jx_doc **out, const char *path, jx_diags *diags);

/**
 * Like jx_doc_load; in addition, when the file is valid YAML but not a valid
 * evaluation, *partial (else NULL) is the evaluation as far as it could be
 * read, so that the problems its rule set would reveal can be found in the
 * same run (jx_score_check). Leaves and the funds section with an error in
 * what decides their scoring (name, weight, target, actual, rule, direction,
 * keys) are marked `faulty`; errors in texts, claims, last year's value or
 * funds amounts are not. A checked date may still meet a new error once a
 * bad `year` is mended. No partial evaluation when the YAML has an error,
 * the top level is not an evaluation mapping of version 1, or the rule set
 * cannot be known (an unreadable or misspelt `rules`). The caller frees
 * *partial with jx_doc_free; jx_score_run refuses it.
 */
int jx_doc_load_partial(jx_doc **out, jx_doc **partial, const char *path, jx_diags *diags);

/** Like jx_doc_load for text[0..len) (copied: the caller keeps text), reported
 * as file name. */
int jx_doc_parse(jx_doc **out, const char *name, const char *text, size_t len, jx_diags *diags);

/** jx_doc_load_partial for text[0..len) (copied), reported as file name. */
int jx_doc_parse_partial(jx_doc **out, jx_doc **partial, const char *name, const char *text,
			 size_t len, jx_diags *diags);

/** Free doc and everything it owns; NULL does nothing. Free the results and
 * what-ifs scored from it first. */
void jx_doc_free(jx_doc *doc);

/**
 * A copy of doc that may be changed (for what-if experiments): parsed again
 * from doc's own text, so it has the same nodes in the same order. Returns
 * 0 with *out set (the caller frees it with jx_doc_free), or an error code
 * with *out NULL.
 */
int jx_doc_clone(jx_doc **out, const jx_doc *doc, jx_diags *diags);

/**
 * The node at path (owned by doc): names joined with '/'
 * ("产出指标/成本指标/经济成本指标/办公费"), or a bare name that is unique in
 * the document. A name may contain '/' itself: the path jx_node_path writes
 * finds it, unless another node has the same path read with its '/'s in
 * other places. Returns NULL and sets *why
 * (may be NULL) to "not found" or a reason beginning "ambiguous" when there
 * is no single node.
 */
const jx_node *jx_doc_find(const jx_doc *doc, const char *path, const char **why);

/**
 * For a path jx_doc_find did not find, the nodes a user may have meant
 * (indicators only when leaves, else groups too): those whose name holds the
 * last name of path or is held in it ("完工时间" and 项目完工时间), written into
 * buf (size bytes) as "; did you mean '产出指标/时效指标/项目完工时间'?", up to
 * three of them; "" when there is none. Returns buf.
 */
char *jx_doc_suggest(char *buf, size_t size, const jx_doc *doc, const char *path, bool leaves);

/** Whether name is one of the words for the funds section: "funds",
 * "预算执行率" or "预算执行". */
bool jx_funds_word(const char *name);

/**
 * Whether name stands for doc's funds section: a funds word, unless doc has
 * no funds section and an indicator or group of that name (a department's
 * table may have a 预算执行率 indicator). True also when doc has neither:
 * the caller then says there is no funds section.
 */
bool jx_doc_names_funds(const jx_doc *doc, const char *name);

/**
 * Write the node's path (names joined by sep) into buf of size n; returns
 * the length it needs (like snprintf). A path too long for buf is cut
 * between characters and ends in "…".
 */
size_t jx_node_path(char *buf, size_t n, const jx_node *node, const char *sep);

/** The node's whole path (names joined by sep), however long, in a new string
 * the caller frees; NULL when out of memory. */
char *jx_node_path_dup(const jx_node *node, const char *sep);

/**
 * The node's ancestors and itself, root first, into out (JX_MAX_DEPTH
 * entries); returns how many.
 */
size_t jx_node_chain(const jx_node **out, const jx_node *node);

/** The table's column title of level 1..6: "一级指标" … "六级指标". */
const char *jx_level_title(int level);

/** Level columns of the published table: 一级 to 三级, more when the tree is deeper. */
size_t jx_level_columns(const jx_doc *doc);

/** True when the node is a leaf. */
bool jx_node_is_leaf(const jx_node *node);

/** "project" / "department". */
const char *jx_kind_name(jx_kind k);

/** The funds block's title in the published table: "项目资金" / "部门资金". */
const char *jx_funds_title(jx_kind k);

/** "positive", "reverse", "range", "deadline", "qualitative". */
const char *jx_direction_name(jx_direction d);

/**
 * Replace a leaf's actual value by text (borrowed: it must outlive the
 * document), checked as the loader checks a file. Returns 0, or JX_EINVAL
 * with the problem in diags and the leaf unchanged.
 */
int jx_doc_set_actual(jx_doc *doc, jx_node *leaf, const char *text, jx_diags *diags);

/**
 * Set the weight of node, one of doc's (at most `places` decimals). A
 * group's leaves scale to the new weight and are rounded to `places` by
 * largest remainders (ties to the earlier leaf), so they add up to it
 * exactly; group weights become the sums of their children. Returns 0 or an
 * error in diags.
 */
int jx_doc_set_weight(jx_doc *doc, jx_node *node, jx_dec weight, int places, jx_diags *diags);

/** One weight for jx_doc_set_weights. */
typedef struct jx_weight_set {
	jx_node *node;    /**< a node of the document being changed */
	jx_dec weight;
	const char *what; /**< how messages name this setting ("--weight 产出指标=50"), or NULL */
} jx_weight_set;

/**
 * Set several weights at once (each node once, at most `places` decimals),
 * so that every node ends with exactly the weight given, whatever the order
 * of sets. A group setting spreads what the settings inside it leave over
 * its other leaves, in proportion to their weights (equally when they all
 * weigh 0), rounded by largest remainders as jx_doc_set_weight does: with
 * 产出指标 = 50 and 产出指标/数量指标 = 20, 数量指标's leaves add up to 20 and
 * the other leaves of 产出指标 to 30. Settings inside a group that add up to
 * more than its weight, or to less with nothing else in it, are errors.
 * Group weights become the sums of their children. Returns 0, or an error
 * in diags with the document partly changed.
 */
int jx_doc_set_weights(jx_doc *doc, const jx_weight_set *sets, size_t n, int places,
		       jx_diags *diags);

/** The directory holding the evaluation file ("." when it has none), owned by doc. */
const char *jx_doc_dir(const jx_doc *doc);

#ifdef __cplusplus
}
#endif

#endif
