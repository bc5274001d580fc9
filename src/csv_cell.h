/*
 * csv_cell.h - CSV cells for spreadsheets (RFC 4180 quoting, CRLF line ends),
 * shared by the writers of scored tables and of audits.
 */
#ifndef JX_CSV_CELL_H
#define JX_CSV_CELL_H

#include <stdbool.h>
#include <stdio.h>

/** The UTF-8 byte-order mark that makes spreadsheets read the file as UTF-8. */
#define JX_CSV_BOM "\xef\xbb\xbf"

/**
 * Write one cell (NULL: empty) and a comma, or CRLF after the last cell of a
 * row. Text a spreadsheet would run as a formula ("=60万元", "+1", "@x")
 * gets a leading apostrophe, which spreadsheets take as "text" and hide.
 */
void jx_csv_cell(FILE *out, const char *s, bool last);

#endif
