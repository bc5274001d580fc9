/*
 * jixiao/report.h - the bias-analysis report (偏差分析报告): total and grade
 * against the claims, points lost per level-1 group, the scored table, a
 * deviation note for every leaf off 100%, the findings by severity and the
 * what-ifs they imply. Markdown, a self-contained HTML page, or JSON.
 */
#ifndef JIXIAO_REPORT_H
#define JIXIAO_REPORT_H

#include "jixiao/findings.h"
#include "jixiao/score.h"
#include "jixiao/whatif.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a report shows; everything is borrowed. The writers return 0, JX_EIO
 * when writing to out failed, or JX_ENOMEM. */
typedef struct jx_report {
	const jx_result *result;
	const jx_findings *findings;
	const jx_whatif *whatifs;
	size_t nwhatifs;
} jx_report;

/** Markdown (GitHub-flavoured tables). */
int jx_report_write_md(FILE *out, const jx_report *rep);

/**
 * One HTML file with inline CSS and SVG (no network), printable on A4, with
 * a waterfall of the points lost per leaf and the completion rate per leaf.
 */
int jx_report_write_html(FILE *out, const jx_report *rep);

/** JSON: {"result": the object of docs/output.md, "lost_by_group", "deviations", "whatifs"}. */
int jx_report_write_json(FILE *out, const jx_report *rep);

#ifdef __cplusplus
}
#endif

#endif
