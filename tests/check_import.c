/*
 * check_import.c - spreadsheets in: cell references, CSV in UTF-8 and
 * GB18030, XLSX cells as Excel shows them, the seed table imported from each
 * scoring 97.26 with every claim kept, and every example exported to XLSX and
 * imported again scoring the same, indicator by indicator, with the same texts.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/doc.h"
#include "jixiao/import.h"
#include "jixiao/rules.h"
#include "jixiao/score.h"
#include "jixiao/write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(cell_refs)
{
	char buf[16];
	ck_assert_str_eq(jx_cell_ref(buf, 0, 0), "A1");
	ck_assert_str_eq(jx_cell_ref(buf, 11, 1), "B12");
	ck_assert_str_eq(jx_cell_ref(buf, 0, 25), "Z1");
	ck_assert_str_eq(jx_cell_ref(buf, 9, 26), "AA10");
	ck_assert_str_eq(jx_cell_ref(buf, 0, 51), "AZ1");
	ck_assert_str_eq(jx_cell_ref(buf, 0, 52), "BA1");
	ck_assert_str_eq(jx_cell_ref(buf, 99999, 255), "IV100000");
}
END_TEST

/* The text of a cell given by reference, e.g. "A3". */
static const char *at(const jx_sheet *s, const char *ref)
{
	size_t c = (size_t)(ref[0] - 'A'), r = (size_t)atoi(ref + 1) - 1;
	return jx_sheet_cell(s, r, c);
}

START_TEST(xlsx_cells_as_shown)
{
	jx_sheet s;
	jx_diags d;
	jx_diags_init(&d);
	ck_assert_int_eq(jx_sheet_read_xlsx(&s, "data/import/formats.xlsx", NULL, &d), 0);
	static const struct {
		const char *ref, *text;
	} want[] = {
		{ "A1", "2024年6月30日" }, { "A2", "2024-12-31" }, { "A3", "97.97%" }, { "A4", "101%" },
		{ "A5", "2,927.27" }, { "A6", "10" }, { "A7", "9.80分" }, { "A8", "0.3" },
		{ "A9", "44.75万元" }, { "A10", "1,234,568" }, { "A11", "2.68" }, { "A12", "TRUE" },
		{ "B1", "=3 辆" }, { "B2", "全角　空格" }, { "C1", "合并" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_ptr_nonnull(at(&s, want[i].ref));
		ck_assert_str_eq(at(&s, want[i].ref), want[i].text);
	}
	ck_assert_ptr_null(at(&s, "D2")); /* the rest of a merged range is empty */
	jx_sheet_release(&s);
	ck_assert_int_eq(jx_sheet_read_xlsx(&s, "data/import/formats.xlsx", "第二页", &d), 0);
	ck_assert_str_eq(at(&s, "A1"), "second");
	jx_sheet_release(&s);
	ck_assert_int_ne(jx_sheet_read_xlsx(&s, "data/import/formats.xlsx", "无", &d), 0);
	ck_assert_str_eq(d.items[d.count - 1].message, "no sheet '无'; the workbook has '格式', '第二页'");
	ck_assert_int_ne(jx_sheet_read_xlsx(&s, "data/import/karamay-2024-project.csv", NULL, &d), 0);
	ck_assert_ptr_nonnull(strstr(d.items[d.count - 1].message, "Not a zip archive"));
	jx_diags_release(&d);
}
END_TEST

/* Import a sheet, load and score the result; the YAML text goes to *yaml. */
static jx_result *import_and_score(const jx_sheet *s, jx_doc **doc, jx_rules **rules, char **yaml)
{
	jx_diags d;
	size_t len = 0;
	jx_result *res = NULL;
	jx_diags_init(&d);
	FILE *f = open_memstream(yaml, &len);
	ck_assert_int_eq(jx_import(f, s, &d), 0);
	fclose(f);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_uint_eq(d.warnings, 0); /* every cell placed */
	ck_assert_int_eq(jx_doc_parse(doc, "imported.yaml", *yaml, len, &d), 0);
	ck_assert_int_eq(jx_rules_load(rules, (*doc)->rules, NULL, NULL, &d), 0);
	ck_assert_int_eq(jx_score_run(&res, *doc, *rules, &d), 0);
	jx_diags_release(&d);
	return res;
}

/* The seed project as published, from each spreadsheet form, against examples/. */
START_TEST(seed_table_imported)
{
	static const char *const files[] = { "data/import/karamay-2024-project.csv",
					      "data/import/karamay-2024-project-gb18030.csv",
					      "data/import/karamay-2024-project.xlsx" };
	jx_diags d;
	jx_doc *ref;
	jx_diags_init(&d);
	ck_assert_int_eq(jx_doc_load(&ref, "../examples/karamay-2024/project.yaml", &d), 0);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		jx_sheet s;
		jx_doc *doc;
		jx_rules *rules;
		char *yaml = NULL, total[JX_DEC_BUFSZ];
		int rc = strstr(files[i], ".xlsx") ? jx_sheet_read_xlsx(&s, files[i], NULL, &d)
						   : jx_sheet_read_csv(&s, files[i], &d);
		ck_assert_int_eq(rc, 0);
		jx_result *res = import_and_score(&s, &doc, &rules, &yaml);
		ck_assert_str_eq(jx_dec_format(total, res->total, 2, 0), "97.26");
		ck_assert_str_eq(doc->title, "2024 年市委专项");
		ck_assert_int_eq(doc->year, 2024);
		ck_assert_str_eq(doc->money_unit, "万元");
		ck_assert(doc->claimed.has_total && doc->claimed.total.units == 97260000);
		ck_assert_uint_eq(res->mismatches, 0);
		/* Every claimed value as in the transcribed example, places included. */
		ck_assert_uint_eq(doc->nleaves, ref->nleaves);
		for (size_t k = 0; k < doc->nleaves; k++) {
			const jx_claim *a = &doc->leaves[k]->claimed, *b = &ref->leaves[k]->claimed;
			ck_assert_str_eq(doc->leaves[k]->name, ref->leaves[k]->name);
			ck_assert_int_eq(doc->leaves[k]->depth, ref->leaves[k]->depth);
			ck_assert(a->has_rate == b->has_rate && a->rate.units == b->rate.units &&
				  a->rate_places == b->rate_places);
			ck_assert(a->has_score == b->has_score && a->score.units == b->score.units &&
				  a->score_places == b->score_places);
			ck_assert_str_eq(doc->leaves[k]->target.text, ref->leaves[k]->target.text);
			ck_assert_str_eq(doc->leaves[k]->deviation, ref->leaves[k]->deviation);
		}
		ck_assert(doc->funds.claimed.rate_places == 1 && doc->funds.claimed.score_places == 2);
		ck_assert_str_eq(doc->funds.rows[1].name, "其中:当年财政拨款");
		jx_result_free(res);
		jx_rules_free(rules);
		jx_doc_free(doc);
		free(yaml);
		jx_sheet_release(&s);
	}
	jx_doc_free(ref);
	jx_diags_release(&d);
}
END_TEST

/* The seed department table as published: 部门资金 with 资金来源, its own titles. */
START_TEST(seed_department_imported)
{
	jx_diags d;
	jx_sheet s;
	jx_doc *doc;
	jx_rules *rules;
	char *yaml = NULL, total[JX_DEC_BUFSZ];
	jx_diags_init(&d);
	ck_assert_int_eq(jx_sheet_read_csv(&s, "data/import/karamay-2024-department.csv", &d), 0);
	jx_result *res = import_and_score(&s, &doc, &rules, &yaml);
	ck_assert_int_eq(doc->kind, JX_KIND_DEPARTMENT);
	ck_assert_str_eq(jx_dec_format(total, res->total, 2, 0), "100.00");
	ck_assert_uint_eq(doc->funds.nrows, 4);
	ck_assert_uint_eq(doc->nleaves, 5);
	ck_assert_str_eq(doc->goals[0].expected, "1.每年一次性实施会议。"); /* <p> tags gone */
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	free(yaml);
	jx_sheet_release(&s);
	jx_diags_release(&d);
}
END_TEST

/* Each example exported with score --format xlsx and imported scores the same. */
START_TEST(examples_round_trip)
{
	static const char *const examples[] = {
		"../examples/karamay-2024/project.yaml", "../examples/karamay-2024/department.yaml",
		"../examples/training-2024/project.yaml", "../examples/road-maintenance-2024/project.yaml",
		"../examples/community-health-2024/project.yaml",
	};
	char path[] = "/tmp/jx-import-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		jx_diags d;
		jx_doc *doc, *back;
		jx_rules *rules, *back_rules;
		jx_result *res;
		jx_findings f;
		jx_sheet s;
		char err[256], *yaml = NULL;
		jx_diags_init(&d);
		ck_assert_int_eq(jx_doc_load(&doc, examples[i], &d), 0);
		ck_assert_int_eq(jx_rules_load(&rules, doc->rules, NULL, NULL, &d), 0);
		ck_assert_int_eq(jx_score_run(&res, doc, rules, &d), 0);
		ck_assert_int_eq(jx_findings_run(&f, res), 0);
		const jx_result *rs[1] = { res };
		const jx_findings *fs[1] = { &f };
		ck_assert_int_eq(jx_write_xlsx(path, rs, fs, 1, err, sizeof(err)), 0);
		ck_assert_int_eq(jx_sheet_read_xlsx(&s, path, NULL, &d), 0);
		jx_result *again = import_and_score(&s, &back, &back_rules, &yaml);
		ck_assert_int_eq(again->total.units, res->total.units);
		ck_assert_str_eq(again->grade->name, res->grade->name);
		ck_assert_uint_eq(again->nleaves, res->nleaves);
		for (size_t k = 0; k < res->nleaves; k++) {
			ck_assert_int_eq(again->leaves[k].weight.units, res->leaves[k].weight.units);
			ck_assert_int_eq(again->leaves[k].na, res->leaves[k].na);
			ck_assert_int_eq(again->leaves[k].score.units, res->leaves[k].score.units);
			ck_assert_int_eq(again->leaves[k].rate_pct.units, res->leaves[k].rate_pct.units);
		}
		ck_assert_int_eq(again->funds.score.units, res->funds.score.units);
		/* the texts too: every one has a cell */
		ck_assert_str_eq(back->funds.deviation, doc->funds.deviation);
		for (size_t k = 0; k < doc->nleaves; k++) {
			ck_assert_str_eq(back->leaves[k]->deviation, doc->leaves[k]->deviation);
			ck_assert_str_eq(back->leaves[k]->basis, doc->leaves[k]->basis);
			ck_assert_str_eq(back->leaves[k]->evidence, doc->leaves[k]->evidence);
		}
		jx_result_free(again);
		jx_rules_free(back_rules);
		jx_doc_free(back);
		free(yaml);
		jx_sheet_release(&s);
		jx_findings_release(&f);
		jx_result_free(res);
		jx_rules_free(rules);
		jx_doc_free(doc);
		jx_diags_release(&d);
	}
	unlink(path);
}
END_TEST

/* A CSV from text, imported; the diagnostics are left in d. */
static int import_csv(const char *text, jx_import_trace *trace, jx_diags *diags, char **out)
{
	char path[] = "/tmp/jx-import-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	jx_sheet s;
	size_t len = 0;
	int rc = jx_sheet_read_csv(&s, path, diags);
	unlink(path);
	if (rc)
		return rc;
	FILE *f = open_memstream(out, &len);
	rc = jx_import_traced(f, &s, trace, diags);
	fclose(f);
	jx_sheet_release(&s);
	return rc;
}

/* The tests below import CSV text: the YAML and diagnostics of the last
 * import, and its diagnostics as "line:col message" lines (diag_text). */
static jx_diags d;
static char *yaml, *all;
static jx_import_trace trace; /* where the values of yaml came from */

static void import_setup(void)
{
	jx_diags_init(&d);
	yaml = all = NULL;
}

static void import_teardown(void)
{
	free(yaml);
	free(all);
	jx_diags_release(&d);
	jx_import_trace_release(&trace);
}

/* import_csv into d and yaml, released first. */
static int import_text(const char *text)
{
	import_teardown();
	import_setup();
	return import_csv(text, &trace, &d, &yaml);
}

/* The diagnostics of the last import, one "line:col message" per line. */
static const char *diag_text(void)
{
	size_t len = 0;
	free(all);
	all = NULL;
	FILE *f = open_memstream(&all, &len);
	ck_assert_ptr_nonnull(f);
	for (size_t i = 0; i < d.count; i++)
		fprintf(f, "%u:%u %s\n", d.items[i].line, d.items[i].col, d.items[i].message);
	fclose(f);
	return all;
}

START_TEST(import_problems)
{
	/* no indicator table at all */
	ck_assert_int_eq(import_text("项目名称,x\n"), JX_EINVAL);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "no indicator table"));
	/* tab-separated; a row with values but no name; an unknown column; a stray cell */
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称\tt\n"
				     "一级指标\t二级指标\t三级指标\t指标值\t分值\t实际完成值\t备注\n"
				     "产出指标\t数量指标\ta\t≥1\t50\t1\tx\n"
				     "\t\t\t≥2\t50\t2\t\n"
				     "\t\t\t\t\t\t\t说明\n"),
			 0);
	ck_assert_uint_eq(d.errors, 1);
	diag_text();
	ck_assert_ptr_nonnull(strstr(all, "5:1 A5: this row has values but no indicator name"));
	ck_assert_ptr_nonnull(strstr(all, "3:7 G3: column '备注' is not a column of the 自评表"));
	ck_assert_ptr_nonnull(strstr(all, "4:7 G4: 'x' is not part of the table as read"));
	ck_assert_ptr_nonnull(strstr(all, "6:8 H6: '说明' is not part of the table as read"));
	ck_assert_ptr_nonnull(strstr(yaml, "title: t"));
	ck_assert_ptr_nonnull(strstr(yaml, "year: 2024"));
	/* past the column limit */
	char wide[2 * JX_SHEET_MAX_COLS + 16];
	memset(wide, ',', JX_SHEET_MAX_COLS);
	snprintf(wide + JX_SHEET_MAX_COLS, sizeof(wide) - JX_SHEET_MAX_COLS, "x\n");
	ck_assert_int_eq(import_text(wide), JX_ELIMIT);
	ck_assert_ptr_nonnull(strstr(d.items[d.count - 1].message, "more than 100000 rows or 256 columns"));
	wide[0] = 'y';
	wide[JX_SHEET_MAX_COLS - 1] = '\n'; /* 255 columns: within the limit */
	ck_assert_int_eq(import_text(wide), JX_EINVAL); /* read; no table in it */
	/* neither UTF-8 nor GB18030 */
	ck_assert_int_eq(import_text("\xff\xff\xff,\x80\n"), JX_EINVAL);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "neither UTF-8 nor GB18030"));
}
END_TEST

/* Numbers typed with a Chinese input method: full-width digits, point and percent sign. */
START_TEST(full_width_numbers)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n"
				     "年度资金总额,１０,１０．５,１０.５,１０,１００％,１０分\n"
				     "其中：财政拨款,\"１，０００\",\"1，000.5\",10.5,—,—,—\n"
				     "一级指标,指标值,分值,实际完成值,完成率,得分\n"
				     "产出指标,≥１０个,９０,９个,９０％,８１\n"
				     "总分,,１００,,,９１分\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_uint_eq(d.warnings, 0);
	ck_assert_ptr_nonnull(strstr(yaml, "{name: 年度资金总额, initial: 10, budget: 10.5, executed: 10.5}"));
	ck_assert_ptr_nonnull(strstr(yaml, "{name: 其中：财政拨款, initial: '1,000', budget: '1,000.5', executed: 10.5}"));
	ck_assert_ptr_nonnull(strstr(yaml, "claimed: {rate: 100%, score: 10}"));
	ck_assert_ptr_nonnull(strstr(yaml, "weight: 90"));
	ck_assert_ptr_nonnull(strstr(yaml, "claimed: {rate: 90%, score: 81}"));
	ck_assert_ptr_nonnull(strstr(yaml, "target: ≥１０个")); /* quantities are kept as written */
	ck_assert_ptr_nonnull(strstr(yaml, "claimed: {total: 91}"));
}
END_TEST

/* A year typed in full-width digits in the title is the year. */
START_TEST(full_width_year)
{
	static const char *const titles[] = { "项目支出绩效自评表（２０２４年度）", "项目支出绩效自评表（２０２４ 年度）",
					      "项目支出绩效自评表（2024年度）" };
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		char text[512];
		snprintf(text, sizeof(text), "%s\n项目名称,t\n一级指标,指标值,分值,实际完成值\n产出指标,≥1,100,1\n",
			 titles[i]);
		ck_assert_int_eq(import_text(text), 0);
		ck_assert_uint_eq(d.errors, 0);
		ck_assert_uint_eq(d.warnings, 0);
		ck_assert_ptr_nonnull(strstr(yaml, "year: 2024"));
	}
}
END_TEST

/* The <p> tags some exports leave in long texts are taken out of every text:
 * the goals, 指标值设定依据, 佐证资料 and 偏差原因, the funds row's too. */
START_TEST(paragraph_tags_in_texts)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分,偏差原因\n"
				     "年度资金总额,10,10,8,10,80%,8,<p>采购延后。</p>\n"
				     ",预期目标,实际完成情况\n,<p>目标</p>,<p>完成</p>\n"
				     "一级指标,指标值,指标值设定依据,分值,佐证资料,实际完成值,偏差原因\n"
				     "产出指标,≥10个,<p>计划标准</p>,90,<p>验收单</p>,9个,\"<p>一期未完工，</p>\n<p>次年完成。</p>\"\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_ptr_null(strstr(yaml, "<p>"));
	ck_assert_ptr_null(strstr(yaml, "</p>"));
	ck_assert_ptr_nonnull(strstr(yaml, "deviation: 采购延后。"));
	ck_assert_ptr_nonnull(strstr(yaml, "expected: 目标"));
	ck_assert_ptr_nonnull(strstr(yaml, "basis: 计划标准"));
	ck_assert_ptr_nonnull(strstr(yaml, "evidence: 验收单"));
	ck_assert_ptr_nonnull(strstr(yaml, "一期未完工，")); /* a text keeps its lines */
	ck_assert_ptr_nonnull(strstr(yaml, "次年完成。"));
}
END_TEST

/* A paragraph or line that a tag ends is a line of the text: the items of
 * a list in one cell are not run together. */
START_TEST(paragraph_tags_end_lines)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     ",预期目标,实际完成情况\n,<p>1.会议</p><p>2.培训</p>,完成<br>按期<br/>验收<br />\n"
				     "一级指标,指标值,分值,实际完成值,偏差原因\n"
				     "产出指标,≥10个,100,9个,<p>一期未完工，</p>\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_ptr_null(strstr(yaml, "<"));
	ck_assert_ptr_nonnull(strstr(yaml, "1.会议\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "2.培训"));
	ck_assert_ptr_null(strstr(yaml, "1.会议2.培训"));
	ck_assert_ptr_nonnull(strstr(yaml, "完成\n"));
	ck_assert_ptr_null(strstr(yaml, "完成按期"));
	ck_assert_ptr_nonnull(strstr(yaml, "deviation: 一期未完工，\n")); /* nothing after the last tag */
}
END_TEST

/*
 * The 总分 row: the number under 分值 is the 分值 the table gives, never the
 * claimed total; checked against the 分值 of the table, by level-1 group.
 */
START_TEST(total_row_weight)
{
	static const struct {
		const char *row; /* the 总分 row under 一级指标,指标值,分值,实际完成值,得分 */
		const char *claimed;  /* in the YAML, or NULL: no claimed total */
		const char *warning;  /* or NULL: none */
	} cases[] = {
		{ "总分,,100,,", NULL, NULL },             /* the 得分 not given */
		{ "总分,,100,,95", "claimed: {total: 95}", NULL },
		{ "合计,,100分,,９５分", "claimed: {total: 95}", NULL },
		{ "总分,100,,得分,95", "claimed: {total: 95}", NULL }, /* as in the seed table */
		{ "总分,100,,得分,", NULL, NULL },          /* its 得分 left empty: 100 is the 分值 */
		{ "总分：100,,,得分,", NULL, NULL },
		{ "总分,90,,得分,", NULL, "8:2 B8: the 总分 row gives 分值 90, but the 分值 of the table add up to 100" },
		{ "总分,,110,,95", "claimed: {total: 95}",
		  "8:3 C8: the 总分 row gives 分值 110, but the 分值 of the table add up to 100 (预算执行 10 + 产出指标 "
		  "60 + 效益指标 30); jixiao scores out of 100" },
		{ "总分,90,,得分,95", "claimed: {total: 95}",
		  "8:2 B8: the 总分 row gives 分值 90, but the 分值 of the table add up to 100" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[1024];
		snprintf(text, sizeof(text),
			 "项目支出绩效自评表（2024 年度）\n项目名称,t\n"
			 "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值\n年度资金总额,10,10,10,10\n"
			 "一级指标,指标值,分值,实际完成值,得分\n"
			 "产出指标,≥1,60,1,60\n效益指标,≥1,30,1,35\n%s\n",
			 cases[i].row);
		/* the 总分 row is row 8 */
		ck_assert_int_eq(import_text(text), 0);
		diag_text();
		ck_assert_uint_eq(d.errors, 0);
		if (cases[i].claimed)
			ck_assert_ptr_nonnull(strstr(yaml, cases[i].claimed));
		else
			ck_assert_ptr_null(strstr(yaml, "\nclaimed:"));
		if (cases[i].warning)
			ck_assert_msg(strstr(all, cases[i].warning), "case %zu: %s", i, all);
		else
			ck_assert_msg(d.warnings == 0, "case %zu: %s", i, all);
	}
}
END_TEST

/*
 * A header of two rows, as the 财政部 template has it: 绩效指标 over the
 * three levels, the other titles in the upper row only (a CSV file saved
 * from the merged header). Every title and label is part of the table.
 */
START_TEST(two_row_header)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "绩效指标,,,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\n"
				     "一级指标,二级指标,三级指标,,,,,\n"
				     "产出指标,数量指标,培训人次,≥100人次,100人次,50,50,\n"
				     ",质量指标,合格率,≥95%,90%,50,47.37,部分学员未通过考核\n"
				     "总分,,,,,100,97.37,\n"),
			 0);
	diag_text();
	ck_assert_msg(d.errors == 0 && d.warnings == 0, "%s", all);
	ck_assert_ptr_nonnull(strstr(yaml, "    - name: 合格率\n      target: ≥95%\n      weight: 50\n"
					   "      actual: 90%\n      deviation: 部分学员未通过考核\n"
					   "      claimed: {score: 47.37}\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "claimed: {total: 97.37}"));
}
END_TEST

/* 偏差原因分析 and 改进措施 in two columns make one deviation text. */
START_TEST(measures_column)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分,偏差原因分析,改进措施\n"
				     "年度资金总额,10,10,8,10,80%,8,采购延后,加快支付进度\n"
				     "一级指标,指标值,分值,实际完成值,得分,偏差原因分析,改进措施\n"
				     "a,≥100人次,30,90人次,27,场地受限,明年增加场次\n"
				     "b,≥100人次,30,90人次,27,,提前预约场地\n"
				     "c,≥100人次,30,90人次,27,天气原因,—\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_uint_eq(d.warnings, 0);
	ck_assert_ptr_nonnull(strstr(yaml, "  deviation: 采购延后；改进措施：加快支付进度\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "  deviation: 场地受限；改进措施：明年增加场次\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "  deviation: 改进措施：提前预约场地\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "  deviation: 天气原因\n"));
}
END_TEST

/* The funds rows as the 财政部 template labels them: "年度资金总额：". */
START_TEST(funds_label_colon)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n"
				     "年度资金总额：,10,10,10,10,100%,10\n其中：当年财政拨款,10,10,10,—,—,—\n"
				     "上年结转资金: ,0,0,0,—,—,—\n"
				     "一级指标,指标值,分值,实际完成值\n产出指标,≥1,90,1\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_ptr_nonnull(strstr(yaml, "{name: 年度资金总额, initial: 10,"));
	ck_assert_ptr_nonnull(strstr(yaml, "{name: 其中：当年财政拨款, initial: 10,"));
	ck_assert_ptr_nonnull(strstr(yaml, "{name: 上年结转资金, initial: 0,"));
}
END_TEST

/*
 * The 总分 row as tables label it: 总得分, 自评总分, 综合得分, 合计（分）, and
 * 总分：97.26 in one cell; the 等级 row after it is not an indicator. A text
 * that starts with 合计： further right is not a 总分 label.
 */
START_TEST(total_row_labels)
{
	static const struct {
		const char *row, *claimed;
	} cases[] = {
		{ "总得分,,,100,95", "claimed: {total: 95, grade: 优}" },
		{ "自评总分,,,100,95", "claimed: {total: 95, grade: 优}" },
		{ "综合得分,,,,95", "claimed: {total: 95, grade: 优}" },
		{ "合计（分）,,,100,95", "claimed: {total: 95, grade: 优}" },
		{ "总分：97.26,,,,", "claimed: {total: 97.26, grade: 优}" },
		{ "总分：100分,,,得分,95", "claimed: {total: 95, grade: 优}" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[512];
		snprintf(text, sizeof(text),
			 "项目支出绩效自评表（2024 年度）\n项目名称,t\n一级指标,指标值,实际完成值,分值,得分,偏差原因\n"
			 "产出指标,≥1,1,100,95,合计：3项\n%s\n自评等级,优\n",
			 cases[i].row);
		ck_assert_int_eq(import_text(text), 0);
		ck_assert_msg(d.errors == 0 && d.warnings == 0, "case %zu: %u errors, %u warnings", i,
			      (unsigned)d.errors, (unsigned)d.warnings);
		ck_assert_msg(strstr(yaml, cases[i].claimed), "case %zu: %s", i, yaml);
		ck_assert_ptr_nonnull(strstr(yaml, "deviation: 合计：3项"));
	}
	/* no 总分 row: the 等级 row and the lines of who filled it in end the table */
	ck_assert_int_eq(import_text("部门整体支出绩效自评表（2024 年度）\n部门名称,t\n一级指标,二级指标,指标值,实际完成值,分值\n"
				     "履职效能,联系人员覆盖率,≥1,1,50\n,联系人,≥1,1,50\n"
				     "自评等级,优\n填报人：张三,,联系电话：123\n"),
			 0);
	ck_assert_uint_eq(d.errors, 0);
	ck_assert_uint_eq(d.warnings, 2); /* the two cells under the table, each said */
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "A7: '填报人：张三' is not part of the table as read"));
	ck_assert_ptr_nonnull(strstr(yaml, "name: 联系人员覆盖率"));
	ck_assert_ptr_nonnull(strstr(yaml, "name: 联系人\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "claimed: {grade: 优}"));
}
END_TEST

/*
 * A group with a row of its own (产出指标 50, its 得分 a subtotal), the
 * indicators on the rows below: its 分值 is the group's weight, its 得分 is
 * said not to be kept. A row like it with nothing below is an indicator.
 */
START_TEST(group_rows)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "一级指标,二级指标,三级指标,指标值,实际完成值,分值,得分\n"
				     "产出指标,,,,,50,50\n,数量指标,a,≥1,1,50,50\n"
				     "效益指标,,,,,40分,—\n,社会效益,b,≥1,0.9,40,36\n"
				     "满意度指标,,,,,10,10\n"
				     "总分,,,,,100,96\n"),
			 0);
	diag_text();
	ck_assert_msg(d.errors == 1 && d.warnings == 1, "%s", all);
	ck_assert_ptr_nonnull(strstr(all, "4:7 G4: 得分 50 of the group '产出指标' is not kept"));
	ck_assert_ptr_nonnull(strstr(all, "8:4 D8: '满意度指标' has no 指标值"));
	ck_assert_ptr_nonnull(strstr(yaml, "- name: 产出指标\n  weight: 50\n  children:\n  - name: 数量指标\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "- name: 效益指标\n  weight: 40\n  children:\n"));
}
END_TEST

/*
 * A problem found once the YAML is loaded (a unit that does not match, a
 * group's weight) is followed by a note at the cell its value came from;
 * problems of the table itself are left as they are.
 */
START_TEST(problems_point_to_cells)
{
	ck_assert_int_eq(import_text("项目支出绩效自评表（2024 年度）\n项目名称,t\n"
				     "序号,一级指标,二级指标,三级指标,指标值,分值,实际完成值,完成率,得分\n"
				     "1,产出指标,数量指标,a,≥10个,50,10册,100%,50\n"
				     "2,,质量指标,b,≥95%,40,95%,100%,40\n"
				     "3,效益指标,,,,,,,\n"),
			 0);
	ck_assert_uint_eq(d.errors, 1); /* 效益指标 has no 指标值 */
	ck_assert_int_eq(jx_import_trace_locate(&trace, yaml, strlen(yaml)), 0);
	/* every value traced is where the YAML has it: 10册 on the line of actual */
	const char *at = strstr(yaml, "actual: 10册");
	ck_assert_ptr_nonnull(at);
	unsigned line = 1;
	for (const char *p = yaml; p < at; p++)
		line += *p == '\n';
	const jx_import_origin *found = NULL;
	for (size_t i = 0; i < trace.count; i++)
		if (trace.items[i].line == line)
			found = &trace.items[i];
	ck_assert_ptr_nonnull(found);
	ck_assert_uint_eq(found->col, 15); /* "      actual: " */
	ck_assert_uint_eq(found->row, 3);
	ck_assert_uint_eq(found->column, 6);

	jx_source src = { "t.yaml", NULL, 0 };
	jx_diags_release(&d);
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, &src, line, 17, "unit '册' does not match");
	jx_diags_add(&d, JX_SEV_ERROR, &src, 1, 1, "missing 'year'");
	jx_diags_add(&d, JX_SEV_WARNING, NULL, 0, 0, "no place");
	jx_import_trace_notes(&trace, "t.yaml", "t.csv", &d);
	ck_assert_uint_eq(d.count, 4);
	ck_assert_uint_eq(d.errors, 2);
	ck_assert_uint_eq(d.warnings, 1);
	ck_assert_int_eq(d.items[1].severity, JX_SEV_NOTE);
	ck_assert_str_eq(d.items[1].file, "t.csv");
	ck_assert_uint_eq(d.items[1].line, 4);
	ck_assert_uint_eq(d.items[1].col, 7);
	ck_assert_str_eq(d.items[1].message, "G4: the cell of the table this value comes from");
	ck_assert_str_eq(d.items[2].message, "missing 'year'"); /* a comment line: no cell */
	/* a place before the first value of a line: the first value on it */
	jx_diags_release(&d);
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, &src, line, 1, "x");
	jx_import_trace_notes(&trace, "t.yaml", "t.csv", &d);
	ck_assert_uint_eq(d.count, 2);
	ck_assert_str_eq(d.items[1].message, "G4: the cell of the table this value comes from");
	/* diagnostics of another file are left alone */
	jx_diags_release(&d);
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_ERROR, &src, line, 17, "x");
	jx_import_trace_notes(&trace, "other.yaml", "t.csv", &d);
	ck_assert_uint_eq(d.count, 1);

	/* audited without showing the YAML: moved to the cell, or left without a
	 * place; those before `from` (the import's own) are left alone */
	jx_diags_release(&d);
	jx_diags_init(&d);
	jx_diags_add(&d, JX_SEV_WARNING, &src, 2, 3, "the import's own");
	jx_diags_add(&d, JX_SEV_ERROR, &src, line, 17, "unit '册' does not match");
	jx_diags_add(&d, JX_SEV_ERROR, &src, 3, 1, "missing 'year'");
	jx_import_trace_move(&trace, "t.yaml", "t.csv", &d, 1);
	ck_assert_uint_eq(d.count, 3);
	ck_assert_str_eq(d.items[0].file, "t.yaml");
	ck_assert_uint_eq(d.items[0].line, 2);
	ck_assert_str_eq(d.items[1].file, "t.csv");
	ck_assert_uint_eq(d.items[1].line, 4);
	ck_assert_uint_eq(d.items[1].col, 7);
	ck_assert_str_eq(d.items[1].message, "G4: unit '册' does not match");
	ck_assert_ptr_null(d.items[1].source);
	ck_assert_str_eq(d.items[2].file, "t.csv");
	ck_assert_uint_eq(d.items[2].line, 0);
	ck_assert_str_eq(d.items[2].message, "missing 'year'");
}
END_TEST

/* The worksheets of a workbook by their place; which of them holds a 自评表. */
START_TEST(xlsx_sheets_by_place)
{
	jx_sheet s;
	jx_diags diags;
	jx_diags_init(&diags);
	ck_assert_int_eq(jx_sheet_read_xlsx_nth(&s, "data/import/cover-sheet.xlsx", 1, &diags), 0);
	ck_assert_str_eq(s.sheet, "封面");
	ck_assert(!jx_import_finds_table(&s));
	jx_sheet_release(&s);
	ck_assert_int_eq(jx_sheet_read_xlsx_nth(&s, "data/import/cover-sheet.xlsx", 2, &diags), 0);
	ck_assert_str_eq(s.sheet, "项目自评表");
	ck_assert(jx_import_finds_table(&s));
	jx_sheet_release(&s);
	ck_assert_int_eq(jx_sheet_read_xlsx_nth(&s, "data/import/cover-sheet.xlsx", 3, &diags), JX_ENOTFOUND);
	ck_assert_uint_eq(diags.count, 0); /* no more sheets is not a problem */
	ck_assert_int_eq(jx_sheet_read_xlsx(&s, "data/import/cover-sheet.xlsx", "项目自评表", &diags), 0);
	ck_assert_str_eq(s.sheet, "项目自评表");
	jx_sheet_release(&s);
	jx_diags_release(&diags);
}
END_TEST

Suite *import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, cell_refs);
	tcase_add_test(tc, xlsx_cells_as_shown);
	tcase_add_test(tc, xlsx_sheets_by_place);
	tcase_add_test(tc, seed_table_imported);
	tcase_add_test(tc, seed_department_imported);
	tcase_add_test(tc, examples_round_trip);
	suite_add_tcase(s, tc);
	tc = tcase_create("import csv");
	tcase_add_checked_fixture(tc, import_setup, import_teardown);
	tcase_add_test(tc, import_problems);
	tcase_add_test(tc, full_width_numbers);
	tcase_add_test(tc, full_width_year);
	tcase_add_test(tc, paragraph_tags_in_texts);
	tcase_add_test(tc, paragraph_tags_end_lines);
	tcase_add_test(tc, total_row_weight);
	tcase_add_test(tc, two_row_header);
	tcase_add_test(tc, measures_column);
	tcase_add_test(tc, funds_label_colon);
	tcase_add_test(tc, total_row_labels);
	tcase_add_test(tc, group_rows);
	tcase_add_test(tc, problems_point_to_cells);
	suite_add_tcase(s, tc);
	return s;
}
