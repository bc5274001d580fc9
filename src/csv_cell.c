/*
 * csv_cell.c - CSV cells for spreadsheets.
 */
#include "csv_cell.h"

#include <string.h>

/* Text a spreadsheet would run as a formula. */
static bool formula_like(const char *s)
{
	return s && (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
		     (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9') && s[1] != '.'));
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

