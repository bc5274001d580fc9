/*
 * csv_cell.c - CSV cells for spreadsheets.
 */
#include "csv_cell.h"

#include <string.h>

/* A negative number as the writers print it: "-5", "-1,234.50", "-2.12%". */
static bool negative_number(const char *s)
{
	size_t n = strspn(s + 1, "0123456789.,");
	return n > 0 && (s[1 + n] == '\0' || strcmp(s + 1 + n, "%") == 0);
}

/* Text a spreadsheet would run as a formula; one that starts with '-' is
 * one unless it is a number ("-2+3+cmd|' /C calc'!A0" is). */
static bool formula_like(const char *s)
{
	return s && (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
		     (s[0] == '-' && s[1] && !negative_number(s)));
}

void jx_csv_cell(FILE *out, const char *s, bool last)
{
	bool quote = s && s[strcspn(s, ",\"\r\n")] != '\0';
	/* The apostrophe goes inside the quotes: a quoted field starts with '"'. */
	if (quote)
		fputc('"', out);
	if (formula_like(s))
		fputc('\'', out);
	if (quote) {
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else if (s) {
		fputs(s, out);
	}
	fputs(last ? "\r\n" : ",", out);
}

