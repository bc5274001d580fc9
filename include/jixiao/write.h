/*
 * jixiao/write.h - writers of scored evaluations: JSON (spec §4), the
 * terminal 自评表 table, and CSV. Writers only read results; they never score.
 */
#ifndef JIXIAO_WRITE_H
#define JIXIAO_WRITE_H

#include "jixiao/findings.h"
#include "jixiao/score.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/**
 * JSON as spec §4: one object, or an array of n objects when array is true.
 * findings (may be NULL) holds each result's findings. Returns 0, or JX_EIO
 * when writing failed.
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
 * An evaluation as YAML in the format of spec §1, every field kept (comments
 * are not); rules (may be NULL) replaces the file's `rules:`. Loading the
 * output gives the same scores.
 */
int jx_write_doc_yaml(FILE *out, const jx_doc *doc, const char *rules);

/** A resolved rule set as YAML (every setting, after extends and defaults). */
int jx_write_rules(FILE *out, const jx_rules *r);

#endif
