/*
 * check_jixiao.h - the Check suites of jixiao, one per module, run by
 * check_main.c. Tests run from the tests/ directory.
 */
#ifndef CHECK_JIXIAO_H
#define CHECK_JIXIAO_H

#include <check.h>

#include "jixiao/diag.h"

/* Fails the test unless d has a diagnostic at line:col whose message
 * contains part; prints them all when it has not (check_util.c). */
void check_expect_diag(const jx_diags *d, unsigned line, unsigned col, const char *part);

Suite *arena_suite(void);
Suite *decimal_suite(void);
Suite *quantity_suite(void);
Suite *ytree_suite(void);
Suite *ysubset_suite(void);
Suite *doc_suite(void);
Suite *rules_suite(void);
Suite *score_suite(void);
Suite *write_suite(void);
Suite *findings_suite(void);
Suite *report_suite(void);
Suite *whatif_suite(void);
Suite *sensitivity_suite(void);
Suite *ahp_suite(void);
Suite *audit_suite(void);
Suite *import_suite(void);

#endif
