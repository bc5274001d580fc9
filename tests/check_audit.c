/*
 * check_audit.c - audit records (claimed against recomputed, load errors,
 * details), the writers (JSON Lines, CSV; complete or not at all), the run
 * summary and the rule-set cache.
 */
#include "check_jixiao.h"

#include "jixiao/audit.h"
#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WRONG_LEAF "data/audit/区卫健委/01-wrong-leaf.yaml"
#define CORRECT "data/audit/区教育局/01-correct.yaml"

/* A loaded, scored file and its findings. */
typedef struct scored {
	jx_diags diags;
	jx_doc *doc;
	jx_rules *rules;
	jx_result *res;
	jx_findings found;
} scored;

static void score_file(scored *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	jx_diags_init(&s->diags);
	ck_assert_int_eq(jx_doc_load(&s->doc, path, &s->diags), 0);
	ck_assert_int_eq(jx_rules_load(&s->rules, s->doc->rules, NULL, NULL, &s->diags), 0);
	ck_assert_int_eq(jx_score_run(&s->res, s->doc, s->rules, &s->diags), 0);
	ck_assert_int_eq(jx_findings_run(&s->found, s->res), 0);
}

static void scored_release(scored *s)
{
	jx_findings_release(&s->found);
	jx_result_free(s->res);
	jx_rules_free(s->rules);
	jx_doc_free(s->doc);
	jx_diags_release(&s->diags);
}

START_TEST(row_of_wrong_claims)
{
	scored s;
	jx_audit_row row;
	score_file(&s, WRONG_LEAF);
	ck_assert_int_eq(jx_audit_row_make(&row, "f.yaml", s.res, &s.found, &s.diags, false), 0);
	ck_assert(row.ok);
	ck_assert_str_eq(row.file, "f.yaml");
	ck_assert_str_eq(row.department, "示例区卫生健康委员会");
	ck_assert_int_eq(row.year, 2024);
	ck_assert_str_eq(row.rules, "standard");
	ck_assert_str_eq(row.claimed_total, "70.24");
	ck_assert_str_eq(row.total, "74.24");
	ck_assert_str_eq(row.delta, "4.00");
	ck_assert(row.has_delta && row.delta_value.units == 4 * JX_DEC_SCALE);
	ck_assert_str_eq(row.claimed_grade, "良");
	ck_assert_str_eq(row.grade, "中");
	ck_assert_int_eq(row.claimed_grade_rank, 1);
	ck_assert_int_eq(row.grade_rank, 2);
	ck_assert_uint_eq(row.nmismatches, 4);

	const jx_audit_mismatch *m = row.mismatches;
	ck_assert_str_eq(m[0].field, "rate");
	ck_assert_uint_eq(m[0].path.depth, 3);
	ck_assert_str_eq(m[0].path.names[2], "随访人次");
	ck_assert_str_eq(m[0].path.joined, "产出指标/数量指标/随访人次");
	ck_assert_str_eq(m[0].claimed, "92.00");
	ck_assert_str_eq(m[0].recomputed, "60.00");
	ck_assert_str_eq(m[1].field, "score");
	ck_assert_str_eq(m[1].claimed, "14.00");
	ck_assert_str_eq(m[1].recomputed, "18.00");
	ck_assert_str_eq(m[2].field, "total");
	ck_assert_uint_eq(m[2].path.depth, 0);
	ck_assert_str_eq(m[2].path.joined, "");
	ck_assert(m[2].numeric);
	ck_assert_str_eq(m[3].field, "grade");
	ck_assert(!m[3].numeric);
	ck_assert_str_eq(m[3].claimed, "良");
	ck_assert_str_eq(m[3].recomputed, "中");
	ck_assert_uint_eq(row.findings[0], jx_findings_count(&s.found, JX_FIND_ERROR));
	ck_assert_uint_eq(row.nindicators, 0); /* no detail asked for */
	jx_audit_row_release(&row);
	scored_release(&s);
}
END_TEST

/* Claims with more places than the scores, and a long claimed grade. */
START_TEST(row_precise_claims)
{
	static const char text[] = "jixiao: 1\ntitle: t\nyear: 2024\nindicators:\n"
				   "  - {name: a, weight: 100, target: \"≥100\", actual: 83.97}\n"
				   "claimed: {total: 83.979, grade: 优（经部门党组会议研究通过后自评为优秀等次）}\n";
	scored s;
	jx_audit_row row;
	memset(&s, 0, sizeof(s));
	jx_diags_init(&s.diags);
	ck_assert_int_eq(jx_doc_parse(&s.doc, "p.yaml", text, strlen(text), &s.diags), 0);
	ck_assert_int_eq(jx_rules_load(&s.rules, "standard", NULL, NULL, &s.diags), 0);
	ck_assert_int_eq(jx_score_run(&s.res, s.doc, s.rules, &s.diags), 0);
	ck_assert_int_eq(jx_findings_run(&s.found, s.res), 0);
	ck_assert_int_eq(jx_audit_row_make(&row, "p.yaml", s.res, &s.found, NULL, false), 0);
	ck_assert_str_eq(row.total, "83.97");
	ck_assert_str_eq(row.delta, "-0.009"); /* exact, not cut to the scores' places */
	ck_assert_uint_eq(row.nmismatches, 2);
	ck_assert_str_eq(row.mismatches[0].claimed, "83.979");
	ck_assert_str_eq(row.mismatches[1].claimed, "优（经部门党组会议研究通过后自评为优秀等次）");
	ck_assert_str_eq(row.mismatches[1].recomputed, "良");
	ck_assert_int_eq(row.claimed_grade_rank, -1);
	jx_audit_row_release(&row);
	scored_release(&s);
}
END_TEST

START_TEST(row_details)
{
	scored s;
	jx_audit_row row;
	score_file(&s, CORRECT);
	ck_assert_int_eq(jx_audit_row_make(&row, CORRECT, s.res, &s.found, &s.diags, true), 0);
	ck_assert_uint_eq(row.nmismatches, 0);
	ck_assert_uint_eq(row.nindicators, s.res->nleaves);
	ck_assert_str_eq(row.indicators[1].path.joined, "产出指标/数量指标/参与学生人次");
	ck_assert_str_eq(row.indicators[1].target, "≥12000人次");
	ck_assert_str_eq(row.indicators[1].rate, "95.00");
	ck_assert_str_eq(row.indicators[1].score, "28.50");
	ck_assert_str_eq(row.indicators[1].claimed_score, "28.50");
	ck_assert_str_eq(row.indicators[1].weight, "30");
	ck_assert(row.indicators[1].applicable && !row.indicators[1].mismatch);
	ck_assert_uint_eq(row.nfinding_list, s.found.count);
	ck_assert_str_eq(row.finding_list[0].message, s.found.items[0].message);
	ck_assert_uint_eq(row.nwarnings, 0);
	jx_audit_row_release(&row);

	/* a spreadsheet's import warned: one finding more, after the others */
	size_t warnings = 0;
	for (size_t i = 0; i < s.found.count; i++)
		warnings += s.found.items[i].severity == JX_FIND_WARNING;
	jx_diags_add(&s.diags, JX_SEV_WARNING, NULL, 4, 8, "H4: 'x' is not part of the table as read");
	ck_assert_int_eq(jx_audit_row_make(&row, CORRECT, s.res, &s.found, &s.diags, true), 0);
	ck_assert_uint_eq(row.nfinding_list, s.found.count + 1);
	ck_assert_str_eq(row.finding_list[s.found.count].code, "import");
	ck_assert_uint_eq(row.finding_list[s.found.count].line, 4);
	ck_assert_uint_eq(row.findings[JX_FIND_WARNING], warnings + 1);
	ck_assert_uint_eq(row.nwarnings, 1);
	jx_audit_row_release(&row);
	scored_release(&s);
}
END_TEST

START_TEST(row_of_failed_file)
{
	jx_diags d;
	jx_audit_row row;
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, NULL, 12, 17, "invalid YAML");
	jx_diags_add(&d, JX_SEV_NOTE, NULL, 0, 0, "put it in quotes");
	jx_diags_add(&d, JX_SEV_WARNING, NULL, 3, 1, "not an error");
	/* The same file, and its rule set: only the other file is named. */
	jx_source self = { "bad.yaml", NULL, 0 }, rules = { "rules/mine.yaml", NULL, 0 };
	jx_diags_add(&d, JX_SEV_ERROR, &self, 14, 3, "a weight");
	jx_diags_add(&d, JX_SEV_ERROR, &rules, 6, 11, "unknown rule kind");
	ck_assert_int_eq(jx_audit_row_make(&row, "bad.yaml", NULL, NULL, &d, true), 0);
	ck_assert(!row.ok);
	ck_assert_uint_eq(row.nerrors, 4);
	ck_assert_uint_eq(row.error_count, 3);
	ck_assert_uint_eq(row.errors[0].line, 12);
	ck_assert(!row.errors[0].note && row.errors[1].note);
	ck_assert_ptr_null(row.errors[0].file);
	ck_assert_ptr_null(row.errors[2].file);
	ck_assert_str_eq(row.errors[3].file, "rules/mine.yaml");
	/* a warning of reading it: a finding of code "import", kept apart */
	ck_assert_uint_eq(row.nwarnings, 1);
	ck_assert_uint_eq(row.warnings[0].line, 3);
	ck_assert_str_eq(row.warnings[0].message, "not an error");
	ck_assert_uint_eq(row.findings[JX_FIND_WARNING], 1);
	ck_assert_uint_eq(row.nfinding_list, 1);
	ck_assert_str_eq(row.finding_list[0].code, "import");
	ck_assert_str_eq(row.finding_list[0].severity, "warning");
	ck_assert_uint_eq(row.finding_list[0].path.depth, 0);
	ck_assert_str_eq(row.title, "");
	ck_assert_str_eq(row.total, "");
	ck_assert_int_eq(row.grade_rank, -1);
	jx_audit_row_release(&row);

	/* Nothing in the diagnostics: still a reason. */
	jx_diags_release(&d);
	jx_diags_init(&d);
	ck_assert_int_eq(jx_audit_row_make(&row, "bad.yaml", NULL, NULL, &d, false), 0);
	ck_assert_uint_eq(row.nerrors, 1);
	ck_assert_str_eq(row.errors[0].message, "could not be scored");
	jx_audit_row_release(&row);
	jx_diags_release(&d);
}
END_TEST

/* A name with control characters (from an archive) is shown with them as
 * \xHH, like bytes that are not UTF-8: no output line breaks and no escape
 * sequence reaches the terminal the summary is printed on. */
START_TEST(row_control_characters)
{
	jx_diags d;
	jx_audit_row row;
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, NULL, 1, 1, "cannot open 'x\ty'");
	ck_assert_int_eq(jx_audit_row_make(&row, "a\nb\t\x1b[2J\x7f\xc2\x9b\xc2\xa0\xb2.yaml", NULL,
					   NULL, &d, false), 0);
	ck_assert_str_eq(row.file, "a\\x0Ab\\x09\\x1B[2J\\x7F\\xC2\\x9B\xc2\xa0\\xB2.yaml");
	ck_assert_str_eq(row.errors[0].message, "cannot open 'x\\x09y'");
	jx_audit_row_release(&row);
	jx_diags_release(&d);
}
END_TEST

/* ------------------------------------------------------------- writers */

static char tmpdir[64];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/jx-audit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

/* Entries of tmpdir (files written), not counting . and .. */
static int entries(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	int n = 0;
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void remove_tmpdir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

/* A failed row with text a CSV cell must quote. */
static void tricky_row(jx_audit_row *row)
{
	jx_diags d;
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, NULL, 2, 5, "a \"quoted\", text");
	ck_assert_int_eq(jx_audit_row_make(row, "=cmd.yaml", NULL, NULL, &d, false), 0);
	jx_diags_release(&d);
}

START_TEST(jsonl_commit_and_abort)
{
	jx_audit_writer *w;
	jx_audit_row row;
	char err[256], path[128];
	make_tmpdir();
	snprintf(path, sizeof(path), "%s/out.jsonl", tmpdir);
	tricky_row(&row);

	ck_assert_int_eq(jx_audit_open(&w, JX_AUDIT_JSONL, path, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_write(w, &row, err, sizeof(err)), 0);
	ck_assert_int_eq(entries(), 1); /* only the temporary */
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(jx_audit_close(w, true, err, sizeof(err)), 0);
	char first[1024];
	snprintf(first, sizeof(first), "%s", slurp(path));
	ck_assert_str_eq(first,
			 "{\"file\":\"=cmd.yaml\",\"department\":null,\"title\":null,\"year\":null,"
			 "\"rules\":null,\"ok\":false,\"claimed_total\":null,\"total\":null,"
			 "\"delta\":null,\"claimed_grade\":null,\"grade\":null,\"mismatches\":[],"
			 "\"errors\":[{\"line\":2,\"col\":5,\"severity\":\"error\",\"message\":"
			 "\"a \\\"quoted\\\", text\"}],\"findings\":{\"error\":0,\"warning\":0,\"info\":0}}\n");

	/* A run that is not committed leaves the old output and no temporary. */
	ck_assert_int_eq(jx_audit_open(&w, JX_AUDIT_JSONL, path, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_write(w, &row, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_write(w, &row, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_close(w, false, err, sizeof(err)), 0);
	ck_assert_int_eq(entries(), 1);
	ck_assert_str_eq(slurp(path), first);
	jx_audit_row_release(&row);
	remove_tmpdir();
}
END_TEST

/* A CSV output in tmpdir/csv (path) holding the tricky row, not closed yet. */
static jx_audit_writer *csv_with_row(jx_audit_row *row, char *path, size_t size)
{
	jx_audit_writer *w;
	char err[256];
	make_tmpdir();
	snprintf(path, size, "%s/csv", tmpdir);
	tricky_row(row);
	ck_assert_int_eq(jx_audit_open(&w, JX_AUDIT_CSV, path, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_write(w, row, err, sizeof(err)), 0);
	return w;
}

START_TEST(csv_quoting)
{
	jx_audit_row row;
	char err[256], path[128];
	jx_audit_writer *w = csv_with_row(&row, path, sizeof(path));
	ck_assert_int_eq(jx_audit_close(w, true, err, sizeof(err)), 0);
	snprintf(path, sizeof(path), "%s/csv/files.csv", tmpdir);
	const char *text = slurp(path);
	ck_assert(strncmp(text, "\xef\xbb\xbf文件,部门,", 16) == 0);
	ck_assert_ptr_nonnull(strstr(text, "\r\n'=cmd.yaml,,,,,无法评分,,,,,,0,1,0,0,"
					   "\"2:5: a \"\"quoted\"\", text\"\r\n"));
	snprintf(path, sizeof(path), "%s/csv/mismatches.csv", tmpdir);
	ck_assert_str_eq(slurp(path), "\xef\xbb\xbf文件,指标路径,项目,自评值,复核值\r\n");
	jx_audit_row_release(&row);
	remove_tmpdir();
}
END_TEST

/* A CSV run that does not complete leaves no directory it made, and the
 * directories it did not make as they were. */
START_TEST(csv_abort_keeps_no_directory)
{
	jx_audit_row row;
	char err[256], path[128];
	jx_audit_writer *w = csv_with_row(&row, path, sizeof(path));
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(jx_audit_close(w, false, err, sizeof(err)), 0);
	ck_assert_int_eq(entries(), 0);

	ck_assert_int_eq(mkdir(path, 0777), 0);
	ck_assert_int_eq(jx_audit_open(&w, JX_AUDIT_CSV, path, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_close(w, false, err, sizeof(err)), 0);
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(rmdir(path), 0);
	jx_audit_row_release(&row);
	remove_tmpdir();
}
END_TEST

/* More mismatches than a sheet holds: refused before anything is written,
 * with the limit and the way out in the message; no file is left. (The
 * files sheet has the same limit and check; reaching it would take a
 * million files.) */
START_TEST(xlsx_row_limit)
{
	jx_audit_writer *w;
	jx_audit_row row;
	char err[256], path[128];
	make_tmpdir();
	snprintf(path, sizeof(path), "%s/out.xlsx", tmpdir);
	tricky_row(&row);
	jx_audit_mismatch *many = calloc((size_t)JX_AUDIT_XLSX_MAX_ROWS + 1, sizeof(*many));
	jx_audit_mismatch *own = row.mismatches;
	size_t nown = row.nmismatches;
	ck_assert_ptr_nonnull(many);
	row.mismatches = many;
	row.nmismatches = (size_t)JX_AUDIT_XLSX_MAX_ROWS + 1;

	ck_assert_int_eq(jx_audit_open(&w, JX_AUDIT_XLSX, path, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(jx_audit_write(w, &row, err, sizeof(err)), JX_ELIMIT);
	ck_assert_ptr_nonnull(strstr(err, "more rows than an Excel sheet holds (1048575)"));
	ck_assert_ptr_nonnull(strstr(err, "use --format csv, jsonl or sqlite"));
	ck_assert_int_eq(jx_audit_close(w, false, err, sizeof(err)), 0);
	ck_assert_int_eq(entries(), 0);

	row.mismatches = own;
	row.nmismatches = nown;
	free(many);
	jx_audit_row_release(&row);
	remove_tmpdir();
}
END_TEST

START_TEST(open_errors)
{
	jx_audit_writer *w;
	char err[256];
	ck_assert_int_ne(jx_audit_open(&w, JX_AUDIT_JSONL, "/nonexistent/dir/out.jsonl", NULL, err,
				       sizeof(err)), 0);
	ck_assert_ptr_null(w);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/dir/out.jsonl"));
	ck_assert_int_ne(jx_audit_open(&w, JX_AUDIT_CSV, "/dev/null", NULL, err, sizeof(err)), 0);
	ck_assert_ptr_nonnull(strstr(err, "Not a directory"));
}
END_TEST

/* ------------------------------------------------------------- summary */

/* The summary of rows with the given totals (text, freed by the caller). */
static char *summary_of(const char *const *totals, size_t n)
{
	scored a;
	jx_audit_row row;
	jx_audit_summary *s = jx_audit_summary_new();
	score_file(&a, CORRECT);
	ck_assert_int_eq(jx_audit_row_make(&row, "a.yaml", a.res, &a.found, NULL, false), 0);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(jx_dec_parse(&row.total_value, NULL, totals[i], strlen(totals[i]), NULL), 0);
		ck_assert_int_eq(jx_audit_summary_add(s, &row), 0);
	}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	jx_audit_summary_print(f, s);
	fclose(f);
	jx_audit_row_release(&row);
	jx_audit_summary_free(s);
	scored_release(&a);
	return text;
}

/* Mean and quartiles as GSL defines them, but exact: ties round half-up,
 * where binary fractions (91.00499…) would round down. */
START_TEST(summary_exact_statistics)
{
	static const char *const two[] = { "95.62", "86.39" };
	char *text = summary_of(two, 2);
	ck_assert_msg(strstr(text, "平均 91.01，中位数 91.01，四分位 88.70 / 93.31，最低 86.39，最高 95.62"),
		      "%s", text);
	free(text);
	/* mean 10.02 / 4 = 2.505; q1 at index 0.75: 1.75; median 2.50; q3 at 2.25: 3 + 1.02/4 = 3.255 */
	static const char *const four[] = { "4.02", "1.00", "3.00", "2.00" };
	text = summary_of(four, 4);
	ck_assert_msg(strstr(text, "平均 2.51，中位数 2.50，四分位 1.75 / 3.26，最低 1.00，最高 4.02"),
		      "%s", text);
	free(text);
}
END_TEST

START_TEST(summary_counts_and_top)
{
	scored a, b;
	jx_audit_row row;
	jx_diags d;
	jx_audit_summary *s = jx_audit_summary_new();
	score_file(&a, WRONG_LEAF);
	score_file(&b, CORRECT);
	ck_assert_int_eq(jx_audit_row_make(&row, "a.yaml", a.res, &a.found, NULL, false), 0);
	ck_assert_int_eq(jx_audit_summary_add(s, &row), 0);
	jx_audit_row_release(&row);
	ck_assert_int_eq(jx_audit_row_make(&row, "b.yaml", b.res, &b.found, NULL, false), 0);
	ck_assert_int_eq(jx_audit_summary_add(s, &row), 0);
	jx_audit_row_release(&row);
	jx_diags_init(&d);
	ck_assert_int_eq(jx_audit_row_make(&row, "c.yaml", NULL, NULL, &d, false), 0);
	ck_assert_int_eq(jx_audit_summary_add(s, &row), 0);
	jx_audit_row_release(&row);
	jx_diags_release(&d);
	ck_assert_uint_eq(jx_audit_summary_failed(s), 1);
	ck_assert_uint_eq(jx_audit_summary_mismatched(s), 1);

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	jx_audit_summary_print(f, s);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "复核 3 个文件：2 个已评分，1 个无法评分"));
	ck_assert_ptr_nonnull(strstr(text, "填报值不一致：1 个文件（完成率 1 处，得分 1 处，总分 1 处，等级 1 处）"));
	ck_assert_ptr_nonnull(strstr(text, "等级与自评不同：1 个文件"));
	ck_assert_ptr_nonnull(strstr(text, "平均 86.12，中位数 86.12"));
	ck_assert_ptr_nonnull(strstr(text, "+4.00     70.24     74.24  a.yaml"));
	/* A file with no difference is not among the largest deltas. */
	ck_assert_ptr_null(strstr(text, "b.yaml"));
	free(text);
	jx_audit_summary_free(s);
	scored_release(&a);
	scored_release(&b);
}
END_TEST

/* ------------------------------------------------------------- rule sets */

START_TEST(rules_cache_loads_once)
{
	jx_rules_cache *c = jx_rules_cache_new();
	const jx_rules *a, *b, *p;
	jx_diags d;
	jx_diags_init(&d);
	ck_assert_int_eq(jx_rules_cache_get(c, &a, "standard", NULL, NULL, &d), 0);
	ck_assert_int_eq(jx_rules_cache_get(c, &b, "standard", "data", NULL, &d), 0);
	ck_assert_ptr_eq(a, b);
	ck_assert_int_eq(jx_rules_cache_get(c, &p, "../rules/standard.yaml", NULL, NULL, &d), 0);
	ck_assert_ptr_ne(p, a); /* a file is not the built-in set of the same name */
	ck_assert_int_eq(jx_rules_cache_get(c, &b, "standard.yaml", "../rules", NULL, &d), 0);
	ck_assert_ptr_eq(p, b); /* the same file by another path */
	/* A set that fails is reported each time it is asked for. */
	ck_assert_int_ne(jx_rules_cache_get(c, &b, "no-such-set", NULL, NULL, &d), 0);
	size_t errors = d.errors;
	ck_assert_int_ne(jx_rules_cache_get(c, &b, "no-such-set", NULL, NULL, &d), 0);
	ck_assert_uint_eq(d.errors, 2 * errors);
	jx_diags_release(&d);
	jx_rules_cache_free(c);
}
END_TEST

Suite *audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("audit");
	tcase_add_test(tc, row_of_wrong_claims);
	tcase_add_test(tc, row_details);
	tcase_add_test(tc, row_precise_claims);
	tcase_add_test(tc, row_of_failed_file);
	tcase_add_test(tc, row_control_characters);
	tcase_add_test(tc, jsonl_commit_and_abort);
	tcase_add_test(tc, csv_quoting);
	tcase_add_test(tc, csv_abort_keeps_no_directory);
	tcase_add_test(tc, xlsx_row_limit);
	tcase_add_test(tc, open_errors);
	tcase_add_test(tc, summary_counts_and_top);
	tcase_add_test(tc, summary_exact_statistics);
	tcase_add_test(tc, rules_cache_loads_once);
	suite_add_tcase(s, tc);
	return s;
}
