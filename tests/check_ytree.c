/*
 * check_ytree.c - the YAML reader: marks, limits (at, below and above each),
 * refused anchors, aliases, tags and duplicate keys, and the hints for the
 * classic mistakes.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "ytree.h"

#include <stdlib.h>
#include <string.h>

static jx_ytree tree;
static jx_diags diags;

static void setup(void)
{
	jx_diags_init(&diags);
	memset(&tree, 0, sizeof(tree));
}

static void teardown(void)
{
	jx_ytree_release(&tree);
	jx_diags_release(&diags);
}

static int parse(const char *text)
{
	jx_ytree_release(&tree);
	jx_diags_release(&diags);
	return jx_ytree_parse(&tree, "t.yaml", text, strlen(text), &diags);
}

/* The first diagnostic is an error at line:col whose message contains part. */
static void expect_error(unsigned line, unsigned col, const char *part)
{
	ck_assert_msg(diags.count > 0, "no diagnostic (want '%s')", part);
	const jx_diag *g = &diags.items[0];
	ck_assert_int_eq(g->severity, JX_SEV_ERROR);
	ck_assert_msg(strstr(g->message, part), "message '%s' lacks '%s'", g->message, part);
	ck_assert_msg(g->line == line && g->col == col, "'%s' at %u:%u, want %u:%u", g->message,
		      g->line, g->col, line, col);
}

START_TEST(test_marks)
{
	ck_assert_int_eq(parse("a: 1\nb:\n  - x\n  - \"培训费\"\n"), 0);
	const jx_ynode *r = tree.root;
	ck_assert_int_eq(r->kind, JX_Y_MAP);
	ck_assert_uint_eq(r->n, 2);
	const jx_ynode *b = jx_ynode_get(r, "b");
	ck_assert_int_eq(b->kind, JX_Y_SEQ);
	ck_assert_uint_eq(b->items[1]->line, 4);
	ck_assert_uint_eq(b->items[1]->col, 5);
	ck_assert(b->items[1]->quoted);
	ck_assert_str_eq(b->items[1]->str, "培训费");
	ck_assert(jx_ynode_get(r, "c") == NULL);
}
END_TEST

/* Escapes are the only way to write a control character: each is refused,
 * and the text is read as nothing. Tabs and line feeds are text. */
START_TEST(test_control_characters)
{
	static const struct {
		const char *yaml, *code;
	} cases[] = {
		{ "a: \"x\\ey\"\n", "U+001B" },   { "a: \"x\\ry\"\n", "U+000D" },
		{ "a: \"x\\x7fy\"\n", "U+007F" }, { "a: \"x\\x85y\"\n", "U+0085" },
		{ "a: \"x\\u009by\"\n", "U+009B" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(parse(cases[i].yaml), JX_EINVAL);
		expect_error(1, 4, cases[i].code);
		const jx_ynode *a = jx_ynode_get(tree.root, "a");
		ck_assert(a->bad && a->null);
	}
	ck_assert_int_eq(parse("a: \"x\\ty\\nz \\u00a0\\u0080\"\n"), JX_EINVAL); /* U+0080 is C1 */
	ck_assert_int_eq(parse("a: \"x\\ty\\nz \\u00a0\"\n"), 0);
	ck_assert_str_eq(jx_ynode_get(tree.root, "a")->str, "x\ty\nz \xc2\xa0");
}
END_TEST

START_TEST(test_bom_crlf)
{
	ck_assert_int_eq(parse("\xef\xbb\xbf" "a: 1\r\nb: 2\r\n"), 0);
	const jx_ynode *b = jx_ynode_get(tree.root, "b");
	ck_assert_uint_eq(b->line, 2);
	ck_assert_uint_eq(b->col, 4);
	ck_assert_int_eq(parse("\xff\xfe" "a\0:\0"), JX_EINVAL);
	expect_error(1, 1, "UTF-16");
}
END_TEST

START_TEST(test_nulls)
{
	ck_assert_int_eq(parse("a:\nb: ~\nc: null\nd: ''\ne: x\n"), 0);
	ck_assert(jx_ynode_get(tree.root, "a")->null);
	ck_assert(jx_ynode_get(tree.root, "b")->null);
	ck_assert(jx_ynode_get(tree.root, "c")->null);
	ck_assert(!jx_ynode_get(tree.root, "d")->null);
	ck_assert(!jx_ynode_get(tree.root, "e")->null);
}
END_TEST

START_TEST(test_refused)
{
	ck_assert_int_eq(parse("a: &x 1\nb: 2\n"), JX_EINVAL);
	expect_error(1, 4, "anchors are not supported");
	ck_assert_int_eq(parse("a: 1\nb: *x\n"), JX_EINVAL);
	/* libyaml itself rejects an undefined alias; a defined one is ours to refuse */
	ck_assert_int_eq(parse("a: &x 1\nb: *x\n"), JX_EINVAL);
	ck_assert_uint_eq(diags.count, 2);
	ck_assert(strstr(diags.items[1].message, "aliases are not supported"));
	ck_assert_int_eq(parse("a: !foo 1\n"), JX_EINVAL);
	expect_error(1, 4, "tags are not supported");
	ck_assert_int_eq(parse("a: !!str 1\n"), 0);
	ck_assert_int_eq(parse("a: 1\n---\nb: 2\n"), JX_EINVAL);
	expect_error(2, 1, "second YAML document");
	ck_assert_int_eq(parse("? [a]\n: 1\n"), JX_EINVAL);
	expect_error(1, 3, "mapping keys must be plain text");
}
END_TEST

START_TEST(test_duplicates)
{
	ck_assert_int_eq(parse("a: 1\nb: 2\na: 3\n"), JX_EINVAL);
	expect_error(3, 1, "duplicate key 'a' (first at line 1)");
	/* Mappings of 20 keys (compared pairwise) and 40 (sorted first): every
	 * duplicate is reported, whichever way it is found. */
	for (int n = 20; n <= 40; n += 20) {
		char buf[1024] = "";
		for (int i = 0; i < n; i++)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "k%d: %d\n", i, i);
		strcat(buf, "k3: x\nk7: y\n");
		teardown();
		setup();
		ck_assert_int_eq(parse(buf), JX_EINVAL);
		ck_assert_uint_eq(diags.errors, 2);
		ck_assert(strstr(diags.items[0].message, "'k3' (first at line 4)"));
		ck_assert(strstr(diags.items[1].message, "'k7' (first at line 8)"));
		ck_assert_uint_eq(tree.root ? tree.root->n : 0, (size_t)n);
	}
	/* Keys alike in length and first byte are still told apart; the empty
	 * key is a key like any other. */
	teardown();
	setup();
	ck_assert_int_eq(parse("ab: 1\nac: 2\nad: 3\nab: 4\n'': 5\n'': 6\n"), JX_EINVAL);
	ck_assert_uint_eq(diags.errors, 2);
	ck_assert(strstr(diags.items[0].message, "'ab' (first at line 1)"));
	ck_assert(strstr(diags.items[1].message, "'' (first at line 5)"));
	ck_assert_uint_eq(tree.root->n, 4);
}
END_TEST

START_TEST(test_classic_mistake)
{
	ck_assert_int_eq(parse("name: x\ntarget: >=200份\n"), JX_EINVAL);
	expect_error(2, 9, "cannot start with '>' unless quoted");
	ck_assert_uint_eq(diags.count, 2);
	ck_assert(strstr(diags.items[1].message, "target: \">=200份\""));
	ck_assert_int_eq(parse("- {name: x, target: >200份}\n"), JX_EINVAL);
	expect_error(1, 21, "cannot start with '>'");
	ck_assert_int_eq(parse("a:\n\tb: 1\n"), JX_EINVAL);
	expect_error(2, 1, "tab character");
	ck_assert_int_eq(parse("a: \"abc\n"), JX_EINVAL);
	expect_error(1, 4, "unterminated quoted text; this \" is never closed");
	/* a block of text is fine; a tab inside it is the problem */
	ck_assert_int_eq(parse("a: |\n  x\n\ty\n"), JX_EINVAL);
	expect_error(3, 1, "tab character");
}
END_TEST

START_TEST(test_invalid_utf8)
{
	ck_assert_int_eq(parse("a: 1\nb: \xff\xfe x\n"), JX_EINVAL);
	expect_error(2, 4, "invalid UTF-8 (byte 0xFF); save the file as UTF-8");
}
END_TEST

/* A flow sequence nested depth times. */
static char *nested(int depth)
{
	char *s = malloc((size_t)depth * 2 + 8);
	size_t k = 0;
	for (int i = 0; i < depth; i++)
		s[k++] = '[';
	s[k++] = '1';
	for (int i = 0; i < depth; i++)
		s[k++] = ']';
	s[k] = '\0';
	return s;
}

START_TEST(test_depth_limit)
{
	char *at = nested(JX_MAX_YAML_DEPTH), *over = nested(JX_MAX_YAML_DEPTH + 1);
	ck_assert_int_eq(parse(at), 0);
	ck_assert_int_eq(parse(over), JX_ELIMIT);
	expect_error(1, JX_MAX_YAML_DEPTH + 1, "nesting deeper than 64 levels");
	ck_assert(tree.root == NULL);
	free(at);
	free(over);
}
END_TEST

START_TEST(test_scalar_limit)
{
	size_t n = JX_MAX_SCALAR_BYTES + 8;
	char *s = malloc(n + 8);
	memcpy(s, "a: ", 3);
	memset(s + 3, 'x', JX_MAX_SCALAR_BYTES);
	s[3 + JX_MAX_SCALAR_BYTES] = '\0';
	ck_assert_int_eq(parse(s), 0);
	ck_assert_uint_eq(jx_ynode_get(tree.root, "a")->len, JX_MAX_SCALAR_BYTES);
	strcpy(s + 3 + JX_MAX_SCALAR_BYTES, "x");
	ck_assert_int_eq(parse(s), JX_EINVAL);
	expect_error(1, 4, "longer than the limit of 65536 bytes");
	/* read as nothing, so that no reader says it is empty */
	ck_assert(jx_ynode_get(tree.root, "a")->bad);
	free(s);
}
END_TEST

START_TEST(test_file_limit)
{
	size_t n = JX_MAX_FILE_BYTES + 1;
	char *s = malloc(n);
	/* a comment that fills the file exactly to the limit */
	memset(s, ' ', n);
	memcpy(s, "a: 1 #", 6);
	ck_assert_int_eq(jx_ytree_parse(&tree, "big.yaml", s, JX_MAX_FILE_BYTES, &diags), 0);
	jx_ytree_release(&tree);
	ck_assert_int_eq(jx_ytree_parse(&tree, "big.yaml", s, n, &diags), JX_ELIMIT);
	ck_assert(strstr(diags.items[0].message, "larger than the limit"));
	free(s);
}
END_TEST

START_TEST(test_file_limit_on_disk)
{
	char path[] = "/tmp/jx-big-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs("a: 1\n", f);
	ck_assert_int_eq(fseek(f, JX_MAX_FILE_BYTES, SEEK_SET), 0);
	fputc('\n', f);
	fclose(f);
	ck_assert_int_eq(jx_ytree_load(&tree, path, &diags), JX_ELIMIT);
	ck_assert(strstr(diags.items[0].message, "16 MiB"));
	remove(path);
	jx_ytree_release(&tree);
	jx_diags_release(&diags);
	ck_assert_int_eq(jx_ytree_load(&tree, "/nonexistent/x.yaml", &diags), JX_ENOTFOUND);
	ck_assert(strstr(diags.items[0].message, "cannot open"));
	jx_ytree_release(&tree);
	jx_diags_release(&diags);
	ck_assert_int_eq(jx_ytree_load(&tree, "/tmp", &diags), JX_EINVAL);
	ck_assert(strstr(diags.items[0].message, "is a directory"));
}
END_TEST

START_TEST(test_node_limit)
{
	/* [0,0,0,…] with exactly the limit of nodes (the list counts as one). */
	size_t items = JX_MAX_YAML_NODES - 1;
	char *s = malloc(items * 2 + 4);
	size_t k = 0;
	s[k++] = '[';
	for (size_t i = 0; i < items; i++) {
		s[k++] = '0';
		s[k++] = ',';
	}
	s[k - 1] = ']';
	s[k] = '\0';
	ck_assert_int_eq(parse(s), 0);
	s[k - 1] = ',';
	s[k++] = '0';
	s[k++] = ']';
	s[k] = '\0';
	ck_assert_int_eq(parse(s), JX_ELIMIT);
	ck_assert(strstr(diags.items[0].message, "too many YAML nodes"));
	free(s);
}
END_TEST

Suite *ytree_suite(void)
{
	Suite *s = suite_create("ytree");
	TCase *tc = tcase_create("reading");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_marks);
	tcase_add_test(tc, test_bom_crlf);
	tcase_add_test(tc, test_control_characters);
	tcase_add_test(tc, test_nulls);
	suite_add_tcase(s, tc);
	tc = tcase_create("refusals");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_duplicates);
	tcase_add_test(tc, test_classic_mistake);
	tcase_add_test(tc, test_invalid_utf8);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_depth_limit);
	tcase_add_test(tc, test_scalar_limit);
	tcase_add_test(tc, test_file_limit);
	tcase_add_test(tc, test_file_limit_on_disk);
	tcase_add_test(tc, test_node_limit);
	suite_add_tcase(s, tc);
	return s;
}
