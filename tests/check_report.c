/*
 * check_report.c - the report writers: the seed report's numbers in
 * Markdown, a well-formed self-contained HTML page with its two charts, and
 * the explain trace of 办公费.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/explain.h"
#include "jixiao/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jx_diags diags;
static jx_doc *doc;
static jx_rules *rules;
static jx_result *res;
static jx_findings found;
static jx_whatif whatifs[1];
static int nwhatifs;

static void setup(void)
{
	jx_diags_init(&diags);
	ck_assert_int_eq(jx_doc_load(&doc, "../examples/karamay-2024/project.yaml", &diags), 0);
	ck_assert_int_eq(jx_rules_load(&rules, "standard", NULL, NULL, &diags), 0);
	ck_assert_int_eq(jx_score_run(&res, doc, rules, &diags), 0);
	ck_assert_int_eq(jx_findings_run(&found, res), 0);
	nwhatifs = jx_whatif_from_findings(whatifs, 1, res, &found, &diags);
	ck_assert_int_eq(nwhatifs, 1);
}

static void teardown(void)
{
	for (int i = 0; i < nwhatifs; i++)
		jx_whatif_release(&whatifs[i]);
	jx_findings_release(&found);
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
}

typedef int (*writer)(FILE *, const jx_report *);

static char *write_report(writer w)
{
	char *buf = NULL;
	size_t len = 0;
	jx_report rep = { res, &found, whatifs, (size_t)nwhatifs };
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(w(f, &rep), 0);
	fclose(f);
	return buf;
}

START_TEST(test_markdown)
{
	char *md = write_report(jx_report_write_md);
	ck_assert(strstr(md, "按数据重新计算总分 **97.26**，等级 **优**；自评表填报总分 97.26，一致。满分 100，共扣 2.74 分。"));
	ck_assert(strstr(md, "| 产出指标 | 60 | 57.26 | 2.74 |"));
	ck_assert(strstr(md, "| 培训费 | >=19.25万元 | 18.86万元 | 10 | 97.97% | 9.80 | 0.20 |"));
	ck_assert(strstr(md, "- 偏差原因分析及改进措施（自评表填写）：根据机关厉行节约相关内容"));
	ck_assert(strstr(md, "（**草稿**，由 jixiao 根据数据生成，请核实补充原因和改进措施）：实际完成 18.86万元，低于指标值 19.25万元，完成率 97.97%，扣 0.20 分。"));
	ck_assert(strstr(md, "### 警告（3）"));
	ck_assert(strstr(md, "- 成本指标按反向指标计分，总分为 100.00（优），比现在高 2.74 分。"));
	ck_assert(strstr(md, "over-completion") == NULL);
	free(md);
}
END_TEST

/* Tags that must be closed, counted in order: a small well-formedness check. */
static void check_balanced(const char *html)
{
	static const char *const tags[] = { "html", "head", "body", "table", "tr", "td", "th", "svg",
					    "text", "ul", "li", "div", "p", "h1", "h2", "h3", "style",
					    "title", "footer", "span", "code", "b" };
	for (size_t t = 0; t < sizeof(tags) / sizeof(tags[0]); t++) {
		char open[16], close[16];
		long depth = 0;
		snprintf(open, sizeof(open), "<%s", tags[t]);
		snprintf(close, sizeof(close), "</%s>", tags[t]);
		for (const char *p = html; (p = strchr(p, '<')); p++) {
			size_t n = strlen(open);
			if (strncmp(p, open, n) == 0 && (p[n] == '>' || p[n] == ' '))
				depth++;
			else if (strncmp(p, close, strlen(close)) == 0)
				depth--;
			ck_assert_msg(depth >= 0, "</%s> without <%s>", tags[t], tags[t]);
		}
		ck_assert_msg(depth == 0, "<%s> left open (%ld)", tags[t], depth);
	}
}

START_TEST(test_html)
{
	char *html = write_report(jx_report_write_html);
	ck_assert(strncmp(html, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
	check_balanced(html);
	/* two charts, nothing fetched from anywhere */
	size_t svgs = 0;
	for (const char *p = html; (p = strstr(p, "<svg ")); p++)
		svgs++;
	ck_assert_uint_eq(svgs, 2);
	ck_assert(strstr(html, "aria-label=\"扣分瀑布图\""));
	ck_assert(strstr(html, "aria-label=\"各指标完成率\""));
	ck_assert(strstr(html, "<script") == NULL);
	ck_assert(strstr(html, " src=") == NULL);
	ck_assert(strstr(html, "href=") == NULL);
	ck_assert(strstr(html, "@page{size:A4"));
	/* the waterfall's steps: -0.20 and -2.54 from 100.00 to 97.26 */
	ck_assert(strstr(html, ">−0.20</text>"));
	ck_assert(strstr(html, ">−2.54</text>"));
	ck_assert(strstr(html, ">97.26</text>"));
	free(html);
}
END_TEST

START_TEST(test_explain)
{
	char *buf = NULL;
	size_t len = 0;
	const jx_node *n = jx_doc_find(doc, "办公费", NULL);
	jx_explain_what what = { jx_result_leaf(res, n), false };
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(jx_explain_write_text(f, res, what), 0);
	fclose(f);
	ck_assert(strstr(buf, "44.75 / 60 = 0.745833… → 74.58%"));
	ck_assert(strstr(buf, "10 × 0.745833… = 7.458333… → 7.46"));
	ck_assert(strstr(buf, "定义于 rules/standard.yaml (built in) 第 33 行"));
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(jx_explain_write_json(f, res, what), 0);
	fclose(f);
	ck_assert(strstr(buf, "\"fraction\": \"179/240\""));
	ck_assert(strstr(buf, "\"fraction\": \"179/24\""));
	free(buf);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("seed");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_markdown);
	tcase_add_test(tc, test_html);
	tcase_add_test(tc, test_explain);
	suite_add_tcase(s, tc);
	return s;
}
