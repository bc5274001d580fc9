/*
 * check_util.c - helpers the Check suites share.
 */
#include "check_jixiao.h"

#include <stdio.h>
#include <string.h>

void check_expect_diag(const jx_diags *d, unsigned line, unsigned col, const char *part)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].line == line && d->items[i].col == col &&
		    strstr(d->items[i].message, part))
			return;
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  %u:%u: %s\n", d->items[i].line, d->items[i].col,
			d->items[i].message);
	ck_abort_msg("no diagnostic %u:%u '%s'", line, col, part);
}
