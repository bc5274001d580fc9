/*
 * check_main.c - runs every Check suite; prints Check's summary line.
 */
#include "check_jixiao.h"

#include <stdlib.h>

int main(void)
{
	SRunner *sr = srunner_create(arena_suite());
	srunner_add_suite(sr, decimal_suite());
	srunner_add_suite(sr, quantity_suite());
	srunner_add_suite(sr, ytree_suite());
	srunner_add_suite(sr, ysubset_suite());
	srunner_add_suite(sr, doc_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, score_suite());
	srunner_add_suite(sr, write_suite());
	srunner_add_suite(sr, findings_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, whatif_suite());
	srunner_add_suite(sr, sensitivity_suite());
	srunner_add_suite(sr, ahp_suite());
	srunner_add_suite(sr, audit_suite());
	srunner_add_suite(sr, import_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
