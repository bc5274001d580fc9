/*
 * check_findings.c - every finding code: a table that triggers it and one
 * that does not; the seed tables' findings; the draft reasons.
 */
#include "check_jixiao.h"

#include "jixiao/common.h"
#include "jixiao/findings.h"
#include "jixiao/whatif.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jx_diags diags;
static jx_doc *doc;
static jx_rules *rules;
static jx_result *res;
static jx_findings found;

static void release(void)
{
	jx_findings_release(&found);
	jx_result_free(res);
	jx_rules_free(rules);
	jx_doc_free(doc);
	jx_diags_release(&diags);
	res = NULL;
	rules = NULL;
	doc = NULL;
}

static void setup(void)
{
	jx_diags_init(&diags);
	memset(&found, 0, sizeof(found));
	res = NULL;
	rules = NULL;
	doc = NULL;
}

static void run(const char *text)
{
	release();
	int rc = text[0] == '@' ? jx_doc_load(&doc, text + 1, &diags)
				: jx_doc_parse(&doc, "t.yaml", text, strlen(text), &diags);
	if (rc == 0)
		rc = jx_rules_load(&rules, doc->rules, jx_doc_dir(doc), NULL, &diags);
	if (rc == 0)
		rc = jx_score_run(&res, doc, rules, &diags);
	for (size_t i = 0; i < diags.count; i++)
		fprintf(stderr, "%u:%u: %s\n", diags.items[i].line, diags.items[i].col, diags.items[i].message);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(jx_findings_run(&found, res), 0);
}

/* The finding with this code (and message part, when given), or NULL. */
static const jx_finding *find(const char *code, const char *part)
{
	for (size_t i = 0; i < found.count; i++)
		if (strcmp(found.items[i].code, code) == 0 &&
		    (!part || strstr(found.items[i].message, part)))
			return &found.items[i];
	return NULL;
}

static size_t count(const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < found.count; i++)
		n += strcmp(found.items[i].code, code) == 0;
	return n;
}

#define HEAD "jixiao: 1\ntitle: t\nyear: 2024\n"

static const struct {
	const char *code;
	jx_fseverity severity;
	const char *message; /* part of it */
	const char *triggers, *silent;
} cases[] = {
	{ "claim-mismatch", JX_FIND_ERROR, "填报得分 9.9，按数据重新计算为 9.80",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=19.25万元', actual: 18.86万元, claimed: {score: 9.9}, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=19.25万元', actual: 18.86万元, claimed: {score: 9.8}, evidence: x}\n" },
	{ "claim-mismatch", JX_FIND_ERROR, "填报总分 99，按数据重新计算为 98.00",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '100', actual: '98', evidence: x, deviation: 原因}\nclaimed: {total: 99}\n",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '100', actual: '98', evidence: x, deviation: 原因}\nclaimed: {total: 98}\n" },
	{ "claim-mismatch", JX_FIND_ERROR, "填报等级“良”，按总分 98.00 应为“优”",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '100', actual: '98', evidence: x, deviation: 原因}\nclaimed: {grade: 良}\n",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '100', actual: '98', evidence: x, deviation: 原因}\nclaimed: {grade: 优秀}\n" },
	{ "claim-full-marks", JX_FIND_WARNING, "填报得分 10 为满分，按数据重新计算为 9.60，扣 0.40 分",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=100', actual: '96', claimed: {score: 10}, evidence: x, deviation: 原因}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=100', actual: '100', claimed: {score: 10}, evidence: x}\n" },
	{ "claim-full-marks", JX_FIND_WARNING, "填报总分 100 为满分，按数据重新计算为 99.60",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '>=1000', actual: '996', evidence: x, deviation: 原因}\nclaimed: {total: 100}\n",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '>=1000', actual: '996', evidence: x, deviation: 原因}\nclaimed: {total: 99.6}\n" },
	{ "missing-reason", JX_FIND_WARNING, "偏差原因只写了“偏差在合理范围内”",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '100', actual: '98', evidence: x, deviation: 偏差在合理范围内}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '100', actual: '98', evidence: x, deviation: 受疫情影响，两场会议推迟到次年。}\n" },
	{ "missing-reason", JX_FIND_WARNING, "偏差原因为空",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '100', actual: '98', evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '100', actual: '100', evidence: x}\n" },
	{ "over-completion", JX_FIND_WARNING, "完成率 125.00% 超过 120%，指标值设置偏低",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=80', actual: '100', evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=80', actual: '96', evidence: x}\n" },
	{ "cost-direction", JX_FIND_WARNING, "按反向指标（≤60万元）计分完成率 134.08%，得分 10.00（现为 7.46）",
	  HEAD "indicators:\n  - name: 成本指标\n    children:\n      - {name: 办公费, weight: 10, target: '=60万元', actual: 44.75万元, evidence: x, deviation: 节约}\n",
	  HEAD "indicators:\n  - name: 成本指标\n    children:\n      - {name: 办公费, weight: 10, target: '≤60万元', actual: 44.75万元, evidence: x}\n" },
	{ "low-execution", JX_FIND_WARNING, "预算执行率 85.00% 低于 90%，未说明原因",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 85}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 85}], deviation: 项目延期至次年支付尾款}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "over-budget", JX_FIND_WARNING, "全年执行数 112.00 万元超过全年预算数 100.00 万元（执行率 112.00%），已说明原因",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 112}], deviation: 追加的设备款由上年结转资金支付}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 100}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "over-budget", JX_FIND_WARNING, "全年执行数 50.00 万元，全年预算数为 0（执行率按 100% 计），未说明原因",
	  HEAD "funds: {weight: 10, rows: [{budget: 0, executed: 50}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 0, executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	/* amounts in 万元 to the 元: four decimals shown, not cut to two */
	{ "over-budget", JX_FIND_WARNING, "全年执行数 12.3457 万元超过全年预算数 12.3456 万元（执行率 100.00%），未说明原因",
	  HEAD "funds: {weight: 10, rows: [{budget: 12.3456, executed: 12.3457}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 12.3456, executed: 12.3456}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "zero-target", JX_FIND_WARNING, "指标值为 0（=0次），按正向计分，实际完成 2次 也得满分",
	  HEAD "indicators:\n  - {name: 安全事故发生次数, weight: 10, target: '=0次', actual: 2次, evidence: x}\n",
	  HEAD "indicators:\n  - {name: 安全事故发生次数, weight: 10, target: '=0次', actual: 0次, evidence: x}\n" },
	{ "zero-target", JX_FIND_WARNING, "指标值为 0（0），按正向计分，实际完成 1 也得满分",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '0', actual: '1', evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '<=0', actual: '1', evidence: x}\n" },
	{ "unit-mismatch", JX_FIND_WARNING, "实际完成值“200”未写单位，按指标值的单位“份”计",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=200份', actual: '200', evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=200份', actual: '200份', evidence: x}\n" },
	{ "qualitative-share", JX_FIND_WARNING, "定性指标分值 40，占总分值的 40.00%，超过 30%",
	  HEAD "indicators:\n  - {name: Q, weight: 40, target: 达成预期指标, actual: 达成, evidence: x}\n  - {name: L, weight: 60, target: '1', actual: '1', evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '1', actual: '1', evidence: x}\n" },
	{ "qualitative-share", JX_FIND_INFO, "定性指标分值 20，占总分值的 20.00%",
	  HEAD "indicators:\n  - {name: Q, weight: 20, target: 达成预期指标, actual: 达成, evidence: x}\n  - {name: L, weight: 80, target: '1', actual: '1', evidence: x}\n",
	  HEAD "indicators:\n  - {name: Q, weight: 0, target: 达成预期指标, actual: 达成, evidence: x}\n  - {name: L, weight: 100, target: '1', actual: '1', evidence: x}\n" },
	{ "shortfall", JX_FIND_INFO, "实际完成 44.75万元，低于指标值 60万元，完成率 74.58%，扣 2.54 分",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '=60万元', actual: 44.75万元, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '=60万元', actual: 60万元, evidence: x}\n" },
	{ "target-equals-last-year", JX_FIND_INFO, "指标值 200份 与上年完成情况 200份 相同",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=200份', last_year: 200份, actual: 200份, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '>=100%', last_year: 100%, actual: 100%, evidence: x}\n" },
	{ "target-equals-last-year", JX_FIND_INFO, "指标值 2万元 与上年完成情况 20000元 相同",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '<=2万元', last_year: 20000元, actual: 2万元, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '<=2万元', last_year: 21000元, actual: 2万元, evidence: x}\n" },
	{ "target-equals-last-year", JX_FIND_INFO, "指标值 3辆 与上年完成情况 3辆 相同",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '=3 辆', last_year: 3 辆, actual: 3 辆, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '=3 辆', last_year: 2 辆, actual: 3 辆, evidence: x}\n" },
	{ "target-below-last-year", JX_FIND_INFO, "指标值 1800人次 低于上年完成情况 1860人次，目标低于上年已达到的水平",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '≥1800人次', last_year: 1860人次, actual: 1900人次, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '≥1900人次', last_year: 1860人次, actual: 1900人次, evidence: x}\n" },
	{ "target-below-last-year", JX_FIND_INFO, "指标值 60万元 高于上年完成情况 572000元（反向指标，越低越好）",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '≤60万元', last_year: 572000元, actual: 58万元, evidence: x}\n",
	  /* a lower cost than last year's is ambition; a positive target above it too */
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '≤55万元', last_year: 572000元, actual: 55万元, evidence: x}\n" },
	{ "target-below-last-year", JX_FIND_INFO, "指标值 90% 低于上年完成情况 93%",
	  HEAD "indicators:\n  - {name: 满意度, weight: 10, target: '≥90%', last_year: 93%, actual: 95%, evidence: x}\n",
	  /* a range, a unit that does not convert: nothing to compare */
	  HEAD "indicators:\n  - {name: 满意度, weight: 10, target: 90%-95%, last_year: 93%, actual: 95%, evidence: x}\n"
	       "  - {name: M, weight: 10, target: '≥5个', last_year: 9次, actual: 5个, evidence: x}\n" },
	{ "weights-vs-standard", JX_FIND_INFO, "一级指标“产出指标”分值 60，规则集“standard”的标准分值为 50",
	  HEAD "indicators:\n  - {name: 产出指标, weight: 60, target: '1', actual: '1', evidence: x}\n",
	  HEAD "indicators:\n  - {name: 产出指标, weight: 50, target: '1', actual: '1', evidence: x}\n" },
	{ "weights-vs-standard", JX_FIND_INFO, "预算执行分值 20，规则集“standard”的标准分值为 10",
	  HEAD "funds: {weight: 20, rows: [{budget: 1, executed: 1}]}\nindicators:\n  - {name: L, weight: 80, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 1, executed: 1}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "budget-adjusted", JX_FIND_INFO, "全年预算数 110.00 万元较年初预算数 100.00 万元调增 10.00 万元（10.00%）",
	  HEAD "funds: {weight: 10, rows: [{initial: 100, budget: 110, executed: 110}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{initial: 110, budget: 110, executed: 110}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "funds-sum", JX_FIND_WARNING, "全年预算数：其余各行合计 90.00 万元，与第一行“年度资金总额” 100.00 万元相差 10.00 万元",
	  HEAD "funds: {weight: 10, rows: [{name: 年度资金总额, budget: 100, executed: 90}, {budget: 60, executed: 50}, {budget: 30, executed: 40}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{name: 年度资金总额, budget: 100, executed: 90}, {budget: 60, executed: 50}, {budget: 40, executed: 40}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	/* Two amounts and the total, each rounded to 0.01: at most 0.015 apart. */
	{ "funds-sum", JX_FIND_WARNING, "全年预算数：其余各行合计 2,443.86 万元，与第一行 2,443.88 万元相差 0.02 万元",
	  HEAD "funds: {weight: 10, rows: [{budget: '2,443.88', executed: 1}, {budget: '1,272.41', executed: 1}, {budget: '1,171.45', executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: '2,443.87', executed: 1}, {budget: '1,272.41', executed: 1}, {budget: '1,171.45', executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "funds-sum", JX_FIND_INFO, "年初预算数：其余各行合计 2,443.86 万元，与第一行 2,443.87 万元相差 0.01 万元，是各行分别四舍五入到 2 位小数的尾差",
	  HEAD "funds: {weight: 10, rows: [{initial: '2,443.87', budget: 1, executed: 1}, {initial: '1,272.41', budget: 1, executed: 1}, {initial: '1,171.45', budget: 0, executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{initial: '2,443.87', budget: 1, executed: 1}, {initial: '1,272.42', budget: 1, executed: 1}, {initial: '1,171.45', budget: 0, executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	/* Amounts written to 0.01 that end in 0 are still rounded to 0.01, not 0.1. */
	{ "funds-sum", JX_FIND_WARNING, "全年预算数：其余各行合计 100.00 万元，与第一行 100.10 万元相差 0.10 万元",
	  HEAD "funds: {weight: 10, rows: [{budget: '100.10', executed: 1}, {budget: '50.00', executed: 1}, {budget: '50.00', executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: '100.00', executed: 1}, {budget: '50.00', executed: 1}, {budget: '50.00', executed: 0}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	/* Whole amounts are taken as exact: no rounding to excuse a difference. */
	{ "funds-sum", JX_FIND_WARNING, "全年执行数：其余各行合计 9.00 万元，与第一行 10.00 万元相差 1.00 万元",
	  HEAD "funds: {weight: 10, rows: [{budget: 10, executed: 10}, {budget: 5, executed: 5}, {budget: 5, executed: 4}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 10, executed: 9}, {budget: 5, executed: 5}, {budget: 5, executed: 4}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	/* A department table: by source, then 基本支出 and 项目支出; each set adds up. */
	{ "funds-sum", JX_FIND_INFO, "全年执行数：第 2 行为 90.00 万元，与第一行 90.01 万元相差 0.01 万元，是各行分别四舍五入到 2 位小数的尾差",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 90.01}, {budget: 100, executed: 90}, {budget: 40, executed: 30}, {budget: 60, executed: 60}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 90}, {budget: 100, executed: 90}, {budget: 40, executed: 30}, {budget: 60, executed: 60}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "funds-sum", JX_FIND_WARNING, "全年执行数：“财政拨款”至“其他资金”各行合计 2,390.00 万元，与第一行“年度资金总额” 2,400.00 万元相差 10.00 万元",
	  HEAD "funds:\n  weight: 10\n  rows:\n    - {name: 年度资金总额, budget: '2,443.87', executed: '2,400.00'}\n    - {name: 财政拨款, budget: '1,272.41', executed: '1,250.00'}\n"
	       "    - {name: 其他资金, budget: '1,171.45', executed: '1,140.00'}\n    - {name: 基本支出, budget: '1,000.00', executed: '1,000.00'}\n"
	       "    - {name: 项目支出, budget: '1,443.87', executed: '1,400.00'}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds:\n  weight: 10\n  rows:\n    - {name: 年度资金总额, budget: '2,443.87', executed: '2,400.00'}\n    - {name: 财政拨款, budget: '1,272.41', executed: '1,260.00'}\n"
	       "    - {name: 其他资金, budget: '1,171.45', executed: '1,140.00'}\n    - {name: 基本支出, budget: '1,000.00', executed: '1,000.00'}\n"
	       "    - {name: 项目支出, budget: '1,443.87', executed: '1,400.00'}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "budget-adjusted", JX_FIND_INFO, "全年预算数 12.3456 万元较年初预算数 12.3455 万元调增 0.0001 万元（0.00%）",
	  HEAD "funds: {weight: 10, rows: [{initial: 12.3455, budget: 12.3456, executed: 12.3456}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "funds: {weight: 10, rows: [{initial: 12.3456, budget: 12.3456, executed: 12.3456}]}\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n" },
	{ "not-applicable-with-actual", JX_FIND_WARNING, "指标值为“/”（不适用），实际完成值却填写了“3个”：该指标的 10 分不计入总分，按百分制折算",
	  HEAD "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n  - {name: M, weight: 10, target: /, actual: 3个, evidence: x}\n",
	  HEAD "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n  - {name: M, weight: 10, target: /, actual: /, evidence: x}\n" },
	{ "not-applicable-with-actual", JX_FIND_WARNING, "指标值为空（不适用），实际完成值却填写了“达成”",
	  HEAD "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n  - {name: M, weight: 10, target: '', actual: 达成, evidence: x}\n",
	  /* with no weight, nothing leaves the total */
	  HEAD "indicators:\n  - {name: L, weight: 100, target: '1', actual: '1', evidence: x}\n  - {name: M, weight: 0, target: '', actual: 达成, evidence: x}\n" },
	{ "weights-total", JX_FIND_WARNING, "分值合计 110，不是规则集“standard”的满分 100：总分按满分 110 计算",
	  HEAD "indicators:\n  - {name: L, weight: 110, target: '1', actual: '1', evidence: x}\n",
	  /* an indicator that does not apply, dropped: the table still gives 100 */
	  HEAD "rules: data/rules/drop.yaml\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n"
	       "  - {name: M, weight: 10, target: /, evidence: x}\n" },
	/* dropped, the 10 that do not apply leave the maximum the total is out of */
	{ "weights-total", JX_FIND_WARNING, "分值合计 110，不是规则集“drop”的满分 100：总分按满分 100 计算",
	  HEAD "rules: data/rules/drop.yaml\nindicators:\n  - {name: L, weight: 100, target: '1', actual: '1', evidence: x}\n"
	       "  - {name: M, weight: 10, target: /, evidence: x}\n",
	  HEAD "rules: data/rules/drop.yaml\nindicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n"
	       "  - {name: M, weight: 10, target: /, evidence: x}\n" },
	/* standard weights without funds do not give the full mark: no check */
	{ "weights-total", JX_FIND_WARNING, "分值合计 110，不是规则集“standard”的满分 100",
	  HEAD "funds: {weight: 20, rows: [{budget: 1, executed: 1}]}\n"
	       "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n",
	  HEAD "rules: data/rules/groups-weights.yaml\nfunds: {weight: 20, rows: [{budget: 1, executed: 1}]}\n"
	       "indicators:\n  - {name: L, weight: 80, target: '1', actual: '1', evidence: x}\n" },
	{ "missing-evidence", JX_FIND_INFO, "未填写佐证资料",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '1', actual: '1'}\n",
	  HEAD "indicators:\n  - {name: L, weight: 10, target: '1', actual: '1', evidence: 工作台账}\n" },
};

START_TEST(test_codes)
{
	run(cases[_i].triggers);
	const jx_finding *g = find(cases[_i].code, cases[_i].message);
	if (!g)
		for (size_t i = 0; i < found.count; i++)
			fprintf(stderr, "  %s: %s\n", found.items[i].code, found.items[i].message);
	ck_assert_msg(g != NULL, "%s not triggered", cases[_i].code);
	ck_assert_int_eq(g->severity, cases[_i].severity);
	run(cases[_i].silent);
	g = find(cases[_i].code, NULL);
	ck_assert_msg(g == NULL || g->severity != cases[_i].severity, "%s not silent: %s",
		      cases[_i].code, g ? g->message : "");
}
END_TEST

START_TEST(test_seed_project)
{
	run("@../examples/karamay-2024/project.yaml");
	ck_assert_uint_eq(count("cost-direction"), 2);
	const jx_finding *g = find("cost-direction", NULL);
	ck_assert_str_eq(g->node->name, "培训费");
	ck_assert(g->has_alt);
	ck_assert_int_eq(g->alt_score.units, 10000000);
	ck_assert_uint_eq(count("over-completion"), 0);
	ck_assert_uint_eq(count("claim-mismatch"), 0);
	ck_assert_ptr_nonnull(find("budget-adjusted", "79.25 万元调减 15.64 万元（-19.74%）"));
	g = find("missing-reason", NULL);
	ck_assert_str_eq(g->node->name, "培训费");
	ck_assert_uint_eq(count("missing-reason"), 1);

	/* the what-if the findings imply: cost leaves as reverse give 100.00 */
	jx_whatif w[1];
	ck_assert_int_eq(jx_whatif_from_findings(w, 1, res, &found, &diags), 1);
	char buf[JX_DEC_BUFSZ];
	ck_assert_str_eq(jx_dec_format(buf, w[0].result->total, 2, 0), "100.00");
	jx_whatif_release(&w[0]);
}
END_TEST

START_TEST(test_seed_department)
{
	run("@../examples/karamay-2024/department.yaml");
	ck_assert_ptr_nonnull(find("budget-adjusted", "2,865.28 万元较年初预算数 2,927.27 万元调减 61.99 万元（-2.12%）"));
	ck_assert_uint_eq(jx_findings_count(&found, JX_FIND_ERROR), 0);
	ck_assert_uint_eq(jx_findings_count(&found, JX_FIND_WARNING), 0);
}
END_TEST

START_TEST(test_funds_sum_quiet)
{
	/* A total with a single source row: other sources may be left out. */
	run(HEAD "funds: {weight: 10, rows: [{budget: 100, executed: 90}, {budget: 80, executed: 70}]}\n"
		 "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n");
	ck_assert_uint_eq(count("funds-sum"), 0);
	/* Rows that add up, and a second set that does too: nothing to say. */
	run(HEAD "funds: {weight: 10, rows: [{initial: 3, budget: 100, executed: 90}, {initial: 1, budget: 70, executed: 60}, "
		 "{initial: 2, budget: 30, executed: 30}, {initial: 3, budget: 100, executed: 90}]}\n"
		 "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n");
	ck_assert_uint_eq(count("funds-sum"), 0);
	/* 年初预算数 is checked only when every row has one. */
	run(HEAD "funds: {weight: 10, rows: [{initial: 5, budget: 10, executed: 9}, {budget: 5, executed: 5}, {budget: 5, executed: 4}]}\n"
		 "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n");
	ck_assert_uint_eq(count("funds-sum"), 0);
}
END_TEST

START_TEST(test_funds_sum_one_column)
{
	/* 全年执行数 entered twice over: the rows do not add up in that column
	 * only; reading them as two sets would hide it and blame the others. */
	run(HEAD "funds: {weight: 10, rows: [{name: 年度资金总额, initial: 100, budget: 100, executed: 100}, "
		 "{name: A, initial: 50, budget: 50, executed: 100}, {name: B, initial: 50, budget: 50, executed: 100}]}\n"
		 "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n");
	ck_assert_uint_eq(count("funds-sum"), 1);
	ck_assert_ptr_nonnull(find("funds-sum", "全年执行数：其余各行合计 200.00 万元，与第一行“年度资金总额” 100.00 万元相差 100.00 万元"));
}
END_TEST

/* Row names of any length are named whole, with their closing quotes. */
START_TEST(test_funds_sum_long_names)
{
	char a[301], b[301], text[2048], want[800];
	memset(a, 'a', 300);
	memset(b, 'b', 300);
	a[300] = b[300] = '\0';
	/* by source (a, b: 全年执行数 80 of 90), then by kind of spending (adds up) */
	snprintf(text, sizeof(text), HEAD "funds:\n  weight: 10\n  rows:\n    - {budget: 100, executed: 90}\n"
		 "    - {name: %s, budget: 60, executed: 50}\n    - {name: %s, budget: 40, executed: 30}\n"
		 "    - {budget: 30, executed: 30}\n    - {budget: 70, executed: 60}\n"
		 "indicators:\n  - {name: L, weight: 90, target: '1', actual: '1', evidence: x}\n", a, b);
	run(text);
	snprintf(want, sizeof(want), "全年执行数：“%s”至“%s”各行合计 80.00 万元，与第一行 90.00 万元相差 10.00 万元",
		 a, b);
	ck_assert_ptr_nonnull(find("funds-sum", want));
	ck_assert_uint_eq(count("funds-sum"), 1);
}
END_TEST

START_TEST(test_stock_reasons)
{
	ck_assert(jx_findings_is_stock_reason(""));
	ck_assert(jx_findings_is_stock_reason(NULL));
	ck_assert(jx_findings_is_stock_reason(" 无。"));
	ck_assert(jx_findings_is_stock_reason("偏差在合理范围内"));
	ck_assert(!jx_findings_is_stock_reason("受疫情影响，培训推迟。"));
}
END_TEST

static const struct {
	const char *target, *actual, *draft;
} drafts[] = {
	{ "=60万元", "44.75万元", "实际完成 44.75万元，低于指标值 60万元，完成率 74.58%，扣 2.54 分" },
	{ "≤12万元", "12.6万元", "实际完成 12.6万元，高于指标值 12万元（不超过），完成率 95.24%，扣 0.48 分" },
	{ "90%-95%", "97%", "实际完成 97%，高于区间上限 95%，完成率 97.94%，扣 0.21 分" },
	{ "90%-95%", "85%", "实际完成 85%，低于区间下限 90%，完成率 94.44%，扣 0.56 分" },
	{ "6月30日前", "7月", "实际完成时间 7月，未在时限（6月30日前）内完成，完成率 0.00%，扣 10.00 分" },
	{ "效果明显", "部分达成", "完成情况为“部分达成”（指标值 效果明显），完成率 80.00%，扣 2.00 分" },
	/* off by less than the rate shows: the direction still follows the data */
	{ ">=100000人次", "100001人次", "实际完成 100001人次，高于指标值 100000人次，完成率 100.00%，扣 0.00 分" },
	{ "<=100000元", "99999元", "实际完成 99999元，低于指标值 100000元（不超过），完成率 100.00%，扣 0.00 分" },
};

START_TEST(test_drafts)
{
	char text[512], buf[512];
	snprintf(text, sizeof(text), HEAD "indicators:\n  - {name: L, weight: 10, target: '%s', actual: '%s'}\n",
		 drafts[_i].target, drafts[_i].actual);
	run(text);
	ck_assert_str_eq(jx_findings_draft(buf, sizeof(buf), res, &res->leaves[0]), drafts[_i].draft);
}
END_TEST

/* A qualitative target of 400 characters is quoted whole, and the draft
 * still ends with the rate and the points lost. */
START_TEST(test_draft_long_target)
{
	static const char phrase[] = "按计划完成年度重点工作任务，";
	char target[1400], text[1600], *draft;
	size_t len = 0;
	for (int i = 0; i < 20; i++, len += strlen(phrase))
		memcpy(target + len, phrase, strlen(phrase));
	memcpy(target + len, "效果明显", sizeof("效果明显"));
	snprintf(text, sizeof(text), HEAD "indicators:\n  - {name: L, weight: 10, target: '%s', actual: 部分达成}\n",
		 target);
	run(text);
	ck_assert_int_eq(jx_findings_draft_text(&draft, res, &res->leaves[0]), 0);
	ck_assert_ptr_nonnull(strstr(draft, target));
	ck_assert_str_eq(draft + strlen(draft) - strlen("），完成率 80.00%，扣 2.00 分"),
			 "），完成率 80.00%，扣 2.00 分");
	free(draft);
}
END_TEST

Suite *findings_suite(void)
{
	Suite *s = suite_create("findings");
	TCase *tc = tcase_create("codes");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_loop_test(tc, test_codes, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_funds_sum_quiet);
	tcase_add_test(tc, test_funds_sum_long_names);
	tcase_add_test(tc, test_funds_sum_one_column);
	suite_add_tcase(s, tc);
	tc = tcase_create("seed");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_test(tc, test_seed_project);
	tcase_add_test(tc, test_seed_department);
	suite_add_tcase(s, tc);
	tc = tcase_create("reasons");
	tcase_add_checked_fixture(tc, setup, release);
	tcase_add_test(tc, test_stock_reasons);
	tcase_add_test(tc, test_draft_long_target);
	tcase_add_loop_test(tc, test_drafts, 0, sizeof(drafts) / sizeof(drafts[0]));
	suite_add_tcase(s, tc);
	return s;
}
