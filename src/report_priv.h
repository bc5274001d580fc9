/*
 * report_priv.h - what the Markdown, JSON and HTML reports share: which
 * leaves get a deviation note, and the reason shown for each.
 */
#ifndef JX_REPORT_PRIV_H
#define JX_REPORT_PRIV_H

#include "jixiao/report.h"

#include <stdbool.h>
#include <stddef.h>

/** "项目支出绩效自评偏差分析报告" or the department form. */
const char *jx_report_title(const jx_result *r);

/** A scored leaf whose rate is not exactly 100%: it gets a deviation note. */
bool jx_report_off_target(const jx_leaf_result *lr);

/**
 * The deviation reason to show: the department's own text, or when that is
 * empty or a stock phrase a draft stating the facts (*draft set), whole
 * however long the texts it quotes (malloc'd; NULL when out of memory).
 */
char *jx_report_reason(const jx_result *r, const jx_leaf_result *lr, bool *draft);

/**
 * The header rows (项目名称, 主管部门, 实施单位, 年度) into labels and values
 * (4 entries each); year is a buffer for the year's text. Returns how many.
 */
size_t jx_report_meta(const jx_result *r, const char *labels[], const char *values[], char *year,
		      size_t year_size);

/**
 * Whether the total was rescaled for indicators that do not apply; then
 * *adjust is what the rescaling adds to the scores (total − raw), shown on a
 * row of its own so that the scores of the groups add up to the total. The
 * 扣分 of a group is then its part of max − total (its loss, rescaled).
 */
bool jx_report_rescaled(const jx_result *r, jx_dec *adjust);

/** Whether the funds row missed 100% execution and so has a 偏差原因 entry. */
bool jx_report_funds_off_target(const jx_result *r);

/**
 * The funds row's reason to show: the department's own text, or when that is
 * empty or a stock phrase a request to write one (*draft set).
 */
const char *jx_report_funds_reason(const jx_result *r, bool *draft);

/** "成本指标按反向指标计分，总分为 100.00（优），比现在高 2.74 分" for what-if i
 * (malloc'd; NULL when out of memory). */
char *jx_report_whatif_line(const jx_report *rep, size_t i);

/** jx_dec_format without separators. */
char *jx_report_fmt(char *buf, jx_dec d, int places);

#endif
