/*
 * check_ysubset.c - the subset reader: what it reads gives libyaml's events
 * exactly (compared by tests/ysubset_diff.c), what it must decline it
 * declines, and the tree and the diagnostics are the same whichever reader
 * built them.
 */
#include "check_jixiao.h"

#define YSUBSET_DIFF_NO_MAIN
#include "ysubset_diff.c"

#include "jixiao/common.h"
#include "ytree.h"

/* Long keys: libyaml's simple key ends within 1024 characters of its start. */
#define SP16 "                "
#define SP256 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16
#define K16 "kkkkkkkkkkkkkkkk"
#define K256 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16 K16
#define K1024 K256 K256 K256 K256

typedef struct yaml_case {
	const char *text;
	bool read; /* the subset reader reads it (else it declines) */
} yaml_case;

static const yaml_case cases[] = {
	/* read: the shapes evaluations are written in */
	{ "a: 1\n", true },
	{ "jixiao: 1\nkind: project\ntitle: 培训项目\n", true },
	{ "---\na: 1\n", true },
	{ "--- # 自评表\na: 1\n", true },
	{ "# comment\n\n  # indented comment\na: 1 # after\nb: x#y\n", true },
	{ "a:\n  b: 1\n  c:\n    d: 2\ne: 3\n", true },
	{ "a:\n  - x\n  - y\nb: 2\n", true },
	{ "a:\n- x\n- y\nb: 2\n", true },                 /* a list at its key's indentation */
	{ "- name: 产出指标\n  weight: 50\n  children:\n    - name: 数量\n- name: 效益\n", true },
	{ "a:\n  - name: x\n    children:\n    - name: y\n", true },
	{ "a:\nb:\nc: 3\n", true },                       /* empty values */
	{ "a:   \nb:  # none\n", true },
	{ "-\n- x\n-\n  a: 1\n", true },                  /* empty and nested items */
	{ "a: \"≥200份\"\nb: '≤60万元'\nc: \"\"\nd: ''\n", true },
	{ "a: \"x: y, z # w\" # comment\n", true },
	{ "a: {name: 年度资金, initial: 308.00, budget: \"1,000\"}\n", true },
	{ "a: {}\nb: []\nc: [1, 2, \"三\"]\nd: {x: [1, {y: z}]}\n", true },
	{ "a: { x : 1 ,  y: 2 }\n", true },
	{ "- {name: a, w: 1}\n- [1, 2]\n", true },
	{ "a: b[1] {2} c,d\n", true },                    /* flow characters inside block text */
	{ "a: -5\nb: -x\nc: 5-\nd: a - b\ne: 100%\n", true },
	{ "a: b:c\nurl: http://x.cn/a\ntime: 9:30\n", true },
	{ "a: x  y   \n", true },                         /* inner spaces kept, trailing dropped */
	{ "  a: 1\n  b: 2\n", true },                     /* an indented root */
	{ "- a\n- b\n", true },
	{ "a: 1\na: 2\n", true },                         /* duplicate keys: the tree reports them */
	{ "a: null\nb: ~\nc: Null\n", true },
	{ "key with spaces: v\n中文键: 值\n", true },
	{ "a: 　全角空格\n", true },
	{ "a: 1\n\n\n", true },
	{ "a: 1", true },                                 /* no final line break */
	{ "a: \xc2\xa0x\n", true },                       /* no-break space: an ordinary character */
	{ "a: 😀\n", true },
	{ "a: 1\r\nb:\r\n  - x # c\r\n  - \"y\"\r\nc: {d: 1}\r\n\r\ne:\r\n", true }, /* Windows line breaks */
	{ "a: 1\r\nb: 2", true },
	{ K1024 ": 1\n", true },                         /* the longest key */
	{ "- " K1024 ": 1\n", true },
	{ "a: {" K1024 ": 1}\n", true },
	/* declined: outside the subset */
	{ "", false },
	{ "# only a comment\n", false },
	{ "a", false },
	{ "{a: 1}\n", false },
	{ "a: |\n  text\n", false },
	{ "a: >\n  text\n", false },
	{ "a: >=200份\n", false },
	{ "a: &x 1\nb: *x\n", false },
	{ "a: !!str 1\n", false },
	{ "%YAML 1.1\n---\na: 1\n", false },
	{ "a: 1\n---\nb: 2\n", false },
	{ "a: 1\n...\n", false },
	{ "? a\n: 1\n", false },
	{ "a: long\n  text\n", false },                   /* a plain text folded over two lines */
	{ "a:\n  text\n", false },
	{ "a: \"two\n  lines\"\n", false },
	{ "a: \"esc\\taped\"\n", false },
	{ "a: 'it''s'\n", false },
	{ "\"a\": 1\n", false },
	{ "a: {x: 1,}\n", false },
	{ "a: {x: , y: 1}\n", false },
	{ "a: {x}\n", false },
	{ "a: {x: 1\n  , y: 2}\n", false },
	{ "a: [x: 1]\n", false },
	{ "a: {x: http://y}\n", false },
	{ "a: {x: 1} y\n", false },
	{ "- - x\n", false },
	{ "a: - x\n", false },
	{ "a: -\n", false },
	{ "a:\tb\n", false },
	{ "a: 1\rb: 2\r", false },                        /* CR alone: old Mac line breaks */
	{ "a: \x01\n", false },
	{ "a: \xc2\x85\n", false },                       /* NEL: a line break to libyaml */
	{ "a: \xe2\x80\xa8\n", false },
	{ "a: \xef\xbb\xbfx\n", false },
	{ "a: \xff\n", false },
	{ "a: \xe5\x9f\n", false },                       /* a cut character */
	/* declined: errors, reported by libyaml */
	{ "a: b: c\n", false },
	{ "a: 1\n b: 2\n", false },
	{ "a:\n  b: 1\n c: 2\n", false },
	{ "a:\n  - x\n  b: 1\n", false },
	{ "a: 1\n- x\n", false },
	{ "- a\nb: 1\n", false },
	{ "a: \"open\n", false },
	{ "a: 1\nb\n", false },
	{ "a: [1, 2\n", false },
	{ "a: @x\n", false },
	{ "a: `x\n", false },
	{ "a: 1 #c\n  b\n", false },
	{ "a" SP256 SP256 SP256 SP256 ": 1\n", false },  /* a key too long with its spaces */
	{ "- a" SP256 SP256 SP256 SP256 ": 1\n", false },
	{ "a: {k" K1024 ": 1}\n", false },               /* too long in {…} */
	{ "a: {k" SP256 SP256 SP256 SP256 ": 1}\n", false },
};

START_TEST(test_cases)
{
	const yaml_case *c = &cases[_i];
	char why[512];
	int got = ysubset_diff(c->text, strlen(c->text), why, sizeof(why));
	ck_assert_msg(got != DIFF_DIFFERENT, "case %d '%s': %s", _i, c->text, why);
	ck_assert_msg(got == (c->read ? DIFF_SAME : DIFF_DECLINED), "case %d '%s': %s, want %s", _i,
		      c->text, got == DIFF_SAME ? "read" : "declined", c->read ? "read" : "declined");
}
END_TEST

/* Deeper nesting than the subset reads is left to libyaml, which reports
 * it at the tree's limit. */
START_TEST(test_depth)
{
	char text[8192];
	size_t n = 0;
	jx_yevents e = { 0 };
	for (int d = 0; d < JX_MAX_YAML_DEPTH + 2; d++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%*sk%d:\n", 2 * d, "", d);
	n += (size_t)snprintf(text + n, sizeof(text) - n, "%*sv: 1\n", 2 * (JX_MAX_YAML_DEPTH + 2), "");
	ck_assert_int_eq(jx_ysubset_read(text, n, &e), 0);
	/* and a shallow one is read */
	ck_assert_int_eq(jx_ysubset_read("k:\n  v: 1\n", 10, &e), 1);
	ck_assert_uint_eq(e.n, 7); /* map, k, map, v, 1, end, end */
	jx_yevents_release(&e);
}
END_TEST

/* A list of n items: n + 2 events (the list's start and end). */
static int read_items(size_t n, jx_yevents *e)
{
	char *text = malloc(4 * n + 1);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < n; i++)
		memcpy(text + 4 * i, "- 1\n", 4);
	text[4 * n] = '\0';
	int rc = jx_ysubset_read(text, 4 * n, e);
	free(text);
	return rc;
}

/* Up to JX_YSUBSET_MAX_EVENTS events are read; one more and the file is
 * left to libyaml (the tree then reports its nodes past their limit). */
START_TEST(test_event_limit)
{
	jx_yevents e = { 0 };
	ck_assert_int_eq(read_items(JX_YSUBSET_MAX_EVENTS - 2, &e), 1);
	ck_assert_uint_eq(e.n, JX_YSUBSET_MAX_EVENTS);
	ck_assert_int_eq(read_items(JX_YSUBSET_MAX_EVENTS - 1, &e), 0);
	jx_yevents_release(&e);
}
END_TEST

/* The tree and its diagnostics from either reader, as text. */
static void tree_text(const jx_ynode *n, char *buf, size_t cap, size_t *used)
{
	if (!n)
		return;
	*used += (size_t)snprintf(buf + *used, cap - *used, "(%d %u:%u %d%d%d%d%d '%s'", (int)n->kind,
				  n->line, n->col, n->plain, n->quoted, n->null, n->verbatim, n->bad,
				  n->str ? n->str : "");
	for (size_t i = 0; n->kind != JX_Y_SCALAR && i < (n->kind == JX_Y_MAP ? 2 * n->n : n->n) && *used < cap; i++)
		tree_text(n->items[i], buf, cap, used);
	if (*used < cap)
		*used += (size_t)snprintf(buf + *used, cap - *used, ")");
}

static void parse_text(const char *yaml, char *buf, size_t cap)
{
	jx_ytree t;
	jx_diags d;
	size_t used = 0;
	jx_diags_init(&d);
	int rc = jx_ytree_parse(&t, "t.yaml", yaml, strlen(yaml), &d);
	used += (size_t)snprintf(buf, cap, "rc %d\n", rc);
	tree_text(t.root, buf, cap, &used);
	for (size_t i = 0; i < d.count && used < cap; i++)
		used += (size_t)snprintf(buf + used, cap - used, "\n%u:%u %s", d.items[i].line, d.items[i].col,
					 d.items[i].message);
	jx_diags_release(&d);
	jx_ytree_release(&t);
}

static void expect_same_tree(const char *text)
{
	static char a[8192], b[8192];
	jx_yevents e = { 0 };
	ck_assert_msg(jx_ysubset_read(text, strlen(text), &e) == 1, "'%.60s' not read", text);
	jx_yevents_release(&e);
	parse_text(text, a, sizeof(a));
	jx_ytree_use_subset(false);
	parse_text(text, b, sizeof(b));
	jx_ytree_use_subset(true);
	ck_assert_msg(strlen(a) > 20, "%s", a);
	ck_assert_msg(strcmp(a, b) == 0, "subset reader:\n%s\nlibyaml:\n%s", a, b);
}

START_TEST(test_same_tree)
{
	expect_same_tree("jixiao: 1\nkind: project\ntitle: 项目\nindicators:\n  - name: 产出\n    weight: 50\n"
			 "    children:\n      - {name: 数量, target: \"≥200份\", actual: 210份}\n");
	expect_same_tree("a: 1\nb: 2\na: 3\n");                         /* a duplicate key */
	expect_same_tree("funds: {initial: 1, budget: 2, initial: 3}\n"); /* one in {…} */
	expect_same_tree("a: \"全角\"\nb: '引号'\nc:\nd: ~\ne: [1, '2']\n");
	/* text over the limit, reported at its place */
	size_t n = JX_MAX_SCALAR_BYTES + 100;
	char *text = malloc(n + 16);
	ck_assert_ptr_nonnull(text);
	memcpy(text, "a: 1\nb: ", 9);
	memset(text + 9, 'x', n);
	strcpy(text + 9 + n, "\nc: 2\n");
	expect_same_tree(text);
	free(text);
}
END_TEST

Suite *ysubset_suite(void)
{
	Suite *s = suite_create("ysubset");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_depth);
	tcase_add_test(tc, test_event_limit);
	tcase_add_test(tc, test_same_tree);
	suite_add_tcase(s, tc);
	return s;
}
