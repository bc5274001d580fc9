/*
 * jixiao/write.h - writers of scored evaluations: JSON (docs/output.md), the
 * terminal 自评表 table, CSV and Excel. Writers only read results; they never
 * score. Each returns 0, JX_EIO when writing failed, or JX_ENOMEM; out is
 * not closed, and may hold part of the output after a failure.
 */
#ifndef JIXIAO_WRITE_H
#define JIXIAO_WRITE_H

#include "jixiao/findings.h"
#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * JSON as docs/output.md describes: one object, or an array of n objects
 * when array is true. findings (may be NULL) holds each result's findings.
 */
int jx_write_json(FILE *out, const jx_result *const *results, const jx_findings *const *findings,
		  size_t n, bool array);

/** The scored 自评表 as a text table for a terminal. */
int jx_write_table(FILE *out, const jx_result *r);

/**
 * CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
 * read the Chinese headers): one row per funds row, indicator and total, for
 * every result.
 */
int jx_write_csv(FILE *out, const jx_result *const *results, size_t n);

/**
 * The scored 自评表 of each result as an Excel workbook written to path (the
 * caller makes it a temporary and renames it): one sheet per evaluation in
 * the published layout (group cells merged over their indicators, numbers
 * as numbers with the rule set's decimals, 完成率 as percentages, a claimed
 * value that does not follow filled red with a comment giving the recomputed
 * value, 总分 and 等级), and after each a sheet of its findings (findings may
 * be NULL). Returns 0, or JX_EIO with the reason (without the path) in err.
 */
int jx_write_xlsx(const char *path, const jx_result *const *results,
		  const jx_findings *const *findings, size_t n, char *err, size_t errlen);

/**
 * An evaluation as YAML in the format of docs/format.md, every field kept (comments
 * are not); rules (may be NULL) replaces the file's `rules:`. Loading the
 * output gives the same scores.
 */
int jx_write_doc_yaml(FILE *out, const jx_doc *doc, const char *rules);

/** A resolved rule set as YAML (every setting, after extends and defaults). */
int jx_write_rules(FILE *out, const jx_rules *r);

#ifdef __cplusplus
}
#endif

#endif
