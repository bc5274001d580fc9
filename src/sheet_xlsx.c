/*
 * sheet_xlsx.c - one worksheet of an XLSX file (libzip for the archive,
 * expat for the XML) as a grid of the texts Excel shows: shared and inline
 * strings, and numbers in their cell's number format - decimals, thousands
 * separators, percentages, quoted suffixes such as "分", and dates.
 */
#include "jixiao/import.h"

#include "grow.h"
#include "jixiao/common.h"
#include "jixiao/decimal.h"
#include "sheet_priv.h"
#include "text.h"

#include <expat.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Most bytes one part of the archive may expand to: a defence against zip bombs. */
#define XLSX_MAX_PART (64u * 1024 * 1024)

/* ------------------------------------------------------------- archive */

/* Growing text of the element being read. */
typedef struct textbuf {
	char *s;
	size_t n, cap;
	bool on;
} textbuf;

/* A custom number format of styles.xml. */
typedef struct numfmt {
	int id;
	size_t at; /* its place in styles.xml: of two with one id, the first counts */
	char *code;
} numfmt;

typedef struct xlsx {
	zip_t *zip;
	jx_diags *diags;
	jx_source src;
	textbuf pool;     /* the shared strings, each NUL-terminated, in one buffer */
	uint32_t *strings; /* where each starts in pool (a part has less than 4 GiB) */
	size_t nstrings, capstrings;
	int *numfmt;    /* cellXfs index -> numFmtId */
	size_t nxf, capxf;
	numfmt *fmts;   /* custom number formats, sorted by id once read */
	size_t nfmts, capfmts;
	size_t unpacked; /* bytes of the parts read so far */
	bool oom;
} xlsx;

/* A part of the archive, in memory (NUL-terminated); NULL when absent. */
static char *part(xlsx *x, const char *name, size_t *len, bool required)
{
	zip_stat_t st;
	if (zip_stat(x->zip, name, 0, &st) != 0) {
		/* a Word document is a zip archive too */
		if (required && zip_stat(x->zip, "word/document.xml", 0, &st) == 0)
			jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
				     "a Word document (.docx), not an Excel workbook: copy its table into Excel or "
				     "WPS, save it as .xlsx and import that");
		else if (required)
			jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
				     "not an Excel workbook: it has no %s", name);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_PART) {
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
			     "%s expands to more than %u bytes", name, XLSX_MAX_PART);
		return NULL;
	}
	/* The size the archive claims is a first guess only: the limit holds for
	 * the bytes that come out (a zip bomb may claim anything). Room for one
	 * byte more than the limit tells a part of exactly the limit from a
	 * larger one. */
	zip_file_t *f = zip_fopen(x->zip, name, 0);
	const size_t most = (size_t)XLSX_MAX_PART + 1;
	size_t cap = (st.valid & ZIP_STAT_SIZE) && st.size < most ? (size_t)st.size + 1 : 65536, n = 0;
	bool over = false;
	char *buf = f ? malloc(cap + 1) : NULL;
	while (buf) {
		if (n == cap) {
			if (cap >= most) {
				over = true;
				free(buf);
				buf = NULL;
				break;
			}
			size_t grown = cap > most / 2 ? most : 2 * cap;
			char *nb = realloc(buf, grown + 1);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap = grown;
		}
		zip_int64_t got = zip_fread(f, buf + n, cap - n);
		if (got < 0) {
			free(buf);
			buf = NULL;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (f)
		zip_fclose(f);
	if (over)
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "%s expands to more than %u bytes",
			     name, XLSX_MAX_PART);
	else if (!buf)
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "cannot read %s of the workbook", name);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	*len = n;
	x->unpacked += n;
	return buf;
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* Element names without a namespace prefix ("x:c" is "c"). */
static const char *local(const char *name)
{
	const char *colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

/* Bytes of XML given to the parser at a time. */
#define XML_PIECE (1u << 20)

/* One part being parsed: the handlers of its reader, called with its state. */
typedef struct xml_run {
	XML_Parser p;
	void *ud;
	XML_StartElementHandler start;
	XML_EndElementHandler end;
	XML_CharacterDataHandler chars;
	bool doctype;
	unsigned depth; /* of the elements open */
} xml_run;

/* Elements nested in a part: a worksheet has ten or so, and expat keeps
 * about 150 bytes for each one open (64 MiB of <a> took 3.5 GB). */
#define XML_MAX_DEPTH 256

static void run_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xml_run *r = ud;
	if (++r->depth > XML_MAX_DEPTH) {
		XML_StopParser(r->p, XML_FALSE);
		return;
	}
	r->start(r->ud, name, atts);
}

static void run_end(void *ud, const XML_Char *name)
{
	xml_run *r = ud;
	r->depth--;
	r->end(r->ud, name);
}

static void run_chars(void *ud, const XML_Char *s, int len)
{
	xml_run *r = ud;
	r->chars(r->ud, s, len);
}

/* The XML of a workbook has no document type (ECMA-376 part 2 forbids it):
 * one that has is refused before its entities could expand a few bytes of
 * the archive into gigabytes of text. */
static void run_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			int internal)
{
	xml_run *r = ud;
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)internal;
	r->doctype = true;
	XML_StopParser(r->p, XML_FALSE);
}

/* Parse XML with handlers; false (reported) when it is not well-formed. */
static bool parse_xml(xlsx *x, const char *name, const char *text, size_t len, void *ud,
		      XML_StartElementHandler start, XML_EndElementHandler end,
		      XML_CharacterDataHandler chars)
{
	xml_run r = { XML_ParserCreate("UTF-8"), ud, start, end, chars, false, 0 };
	XML_Parser p = r.p;
	if (!p) {
		x->oom = true;
		return false;
	}
	XML_SetUserData(p, &r);
	XML_SetElementHandler(p, run_start, run_end);
	XML_SetCharacterDataHandler(p, run_chars);
	XML_SetStartDoctypeDeclHandler(p, run_doctype);
	/* In pieces: expat copies what it is given into its own buffer, and a
	 * part may have 64 MiB. */
	bool ok = true;
	size_t at = 0;
	do {
		size_t n = len - at < XML_PIECE ? len - at : XML_PIECE;
		ok = XML_Parse(p, text + at, (int)n, at + n == len) == XML_STATUS_OK;
		at += n;
	} while (ok && at < len);
	if (r.doctype)
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
			     "%s: a document type declaration (<!DOCTYPE) at line %lu, which the XML of a "
			     "workbook never has; not read", name, (unsigned long)XML_GetCurrentLineNumber(p));
	else if (r.depth > XML_MAX_DEPTH)
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
			     "%s: elements nested deeper than %d levels at line %lu; not read", name, XML_MAX_DEPTH,
			     (unsigned long)XML_GetCurrentLineNumber(p));
	else if (!ok)
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "%s: %s at line %lu", name,
			     XML_ErrorString(XML_GetErrorCode(p)), (unsigned long)XML_GetCurrentLineNumber(p));
	XML_ParserFree(p);
	return ok;
}

static bool text_add(textbuf *t, const char *s, int len)
{
	if (!t->on)
		return true;
	if (!JX_GROW(t->s, t->cap, t->n + (size_t)len + 1, 256))
		return false;
	memcpy(t->s + t->n, s, (size_t)len);
	t->n += (size_t)len;
	t->s[t->n] = '\0';
	return true;
}

/* ------------------------------------------------------------- shared strings */

typedef struct sst_state {
	xlsx *x;
	textbuf t;
	int phonetic; /* inside <rPh>: a reading aid, not text */
} sst_state;

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	sst_state *st = ud;
	const char *n = local(name);
	(void)atts;
	if (strcmp(n, "si") == 0) {
		st->t.n = 0;
		st->t.on = false;
		if (st->t.s)
			st->t.s[0] = '\0';
	} else if (strcmp(n, "rPh") == 0) {
		st->phonetic++;
	} else if (strcmp(n, "t") == 0 && !st->phonetic) {
		st->t.on = true;
	}
}

static void sst_end(void *ud, const XML_Char *name)
{
	sst_state *st = ud;
	xlsx *x = st->x;
	const char *n = local(name);
	if (strcmp(n, "t") == 0) {
		st->t.on = false;
	} else if (strcmp(n, "rPh") == 0) {
		st->phonetic--;
	} else if (strcmp(n, "si") == 0) {
		if (!JX_GROW(x->strings, x->capstrings, x->nstrings + 1, 256)) {
			x->oom = true;
			return;
		}
		/* one buffer for all: a part of 64 MiB may hold millions of strings */
		x->strings[x->nstrings] = (uint32_t)x->pool.n;
		if (!text_add(&x->pool, st->t.s ? st->t.s : "", (int)st->t.n)) {
			x->oom = true;
			return;
		}
		x->pool.n++; /* past the NUL */
		x->nstrings++;
	}
}

static void sst_chars(void *ud, const XML_Char *s, int len)
{
	sst_state *st = ud;
	if (!text_add(&st->t, s, len))
		st->x->oom = true;
}

/* ------------------------------------------------------------- styles */

typedef struct style_state {
	xlsx *x;
	bool in_xfs;
} style_state;

static void style_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	style_state *st = ud;
	xlsx *x = st->x;
	const char *n = local(name);
	if (strcmp(n, "numFmt") == 0) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (!JX_GROW(x->fmts, x->capfmts, x->nfmts + 1, 16)) {
			x->oom = true;
			return;
		}
		if (!id || !code)
			return;
		x->fmts[x->nfmts].id = atoi(id);
		x->fmts[x->nfmts].at = x->nfmts;
		x->fmts[x->nfmts].code = strdup(code);
		x->oom |= !x->fmts[x->nfmts].code;
		x->nfmts++;
	} else if (strcmp(n, "cellXfs") == 0) {
		st->in_xfs = true;
	} else if (strcmp(n, "xf") == 0 && st->in_xfs) {
		if (!JX_GROW(x->numfmt, x->capxf, x->nxf + 1, 64)) {
			x->oom = true;
			return;
		}
		const char *id = attr(atts, "numFmtId");
		x->numfmt[x->nxf++] = id ? atoi(id) : 0;
	}
}

static void style_end(void *ud, const XML_Char *name)
{
	style_state *st = ud;
	if (strcmp(local(name), "cellXfs") == 0)
		st->in_xfs = false;
}

static void no_chars(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	(void)len;
}

static int fmt_cmp(const void *pa, const void *pb)
{
	const numfmt *a = pa, *b = pb;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

/* The format code of a cell style; NULL for General. */
static const char *format_code(const xlsx *x, size_t style)
{
	/* Excel writes these by number only; 27-31, 36 and 50-58 are the dates of
	 * a Chinese Excel (ECMA-376 §18.8.30), 37-40 the accounting formats. */
	static const char *const builtin[] = {
		[1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%",
		[14] = "yyyy/m/d", [27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"",
		[29] = "m\"月\"d\"日\"", [30] = "m-d-yy", [31] = "yyyy\"年\"m\"月\"d\"日\"",
		[36] = "yyyy\"年\"m\"月\"", [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)",
		[39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)", [49] = "@",
		[50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"",
		[53] = "m\"月\"d\"日\"", [54] = "m\"月\"d\"日\"", [57] = "yyyy\"年\"m\"月\"",
		[58] = "m\"月\"d\"日\"",
	};
	int id = style < x->nxf ? x->numfmt[style] : 0;
	/* by halves: styles.xml may hold a million formats, the sheet millions of cells */
	size_t lo = 0, hi = x->nfmts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->fmts[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->nfmts && x->fmts[lo].id == id)
		return x->fmts[lo].code;
	if (id > 0 && (size_t)id < sizeof(builtin) / sizeof(builtin[0]))
		return builtin[id];
	return NULL;
}

/* ------------------------------------------------------------- numbers as shown */

/* The value as its shortest decimal of at most 15 significant digits, as
 * Excel keeps it: without an exponent when one is not needed ("10", not "1e+01"). */
static void shortest(char *buf, size_t n, double v)
{
	char first[64] = "";
	for (int p = 1; p <= 15; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) != v)
			continue;
		if (!strchr(buf, 'e'))
			return;
		if (!first[0])
			snprintf(first, sizeof(first), "%s", buf);
	}
	if (first[0])
		snprintf(buf, n, "%s", first);
	else
		snprintf(buf, n, "%.15g", v);
}

/* v rounded half away from zero to places decimals, with separators when asked. */
static void fixed(char *buf, size_t n, double v, int places, bool group)
{
	char s[64];
	jx_dec d;
	int p;
	shortest(s, sizeof(s), v);
	if (!strchr(s, 'e') && jx_dec_parse(&d, &p, s, strlen(s), NULL) == 0 && places <= JX_DEC_PLACES) {
		jx_dec r;
		if (jx_frac_round(&r, jx_frac_from_dec(d), places, JX_ROUND_HALF_UP) == 0) {
			jx_dec_format(buf, r, places, group ? JX_FMT_GROUP : 0);
			return;
		}
	}
	snprintf(buf, n, "%.*f", places, v);
}

/* A date from Excel's day count (1900 system) in the tokens of code. */
static void date_text(char *buf, size_t n, double serial, const char *code)
{
	long days = (long)floor(serial);
	/* days since 1899-12-30, as a civil date (Howard Hinnant's algorithm) */
	long z = days - 25569 + 719468; /* to days since 1970-01-01, then since 0000-03-01 */
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	size_t k = 0;
	for (const char *p = code; *p && k + 8 < n;) {
		if (*p == '"') {
			for (p++; *p && *p != '"' && k + 1 < n; p++)
				buf[k++] = *p;
			p += *p == '"';
		} else if (*p == '\\' && p[1]) {
			buf[k++] = p[1];
			p += 2;
		} else if (*p == 'y' || *p == 'm' || *p == 'd') {
			char c = *p;
			int run = 0;
			while (*p == c) {
				p++;
				run++;
			}
			long v = c == 'y' ? (run <= 2 ? y % 100 : y) : c == 'm' ? m : d;
			k += (size_t)snprintf(buf + k, n - k, run >= 2 && c != 'y' ? "%02ld" : (c == 'y' && run <= 2 ? "%02ld" : "%ld"), v);
		} else if (*p == '[') {
			while (*p && *p != ']')
				p++;
			p += *p == ']';
		} else if (strchr("hHsSAaPp", *p)) {
			p++; /* time of day: the tables only hold dates */
		} else {
			buf[k++] = *p++;
		}
	}
	buf[k] = '\0';
}

#define LITERAL_MAX 64

/* Append c to a literal of a number format (text is cut at LITERAL_MAX). */
static void literal_add(char *lit, char c)
{
	size_t n = strlen(lit);
	if (n + 1 < LITERAL_MAX) {
		lit[n] = c;
		lit[n + 1] = '\0';
	}
}

/* A number as the format code shows it. */
static void number_text(char *buf, size_t n, double v, const char *code)
{
	if (!code || strcmp(code, "General") == 0 || strcmp(code, "@") == 0) {
		shortest(buf, n, v);
		return;
	}
	char section[256];
	const char *semi = strchr(code, ';');
	snprintf(section, sizeof(section), "%.*s", semi ? (int)(semi - code) : (int)strlen(code), code);
	/* letters outside quotes and brackets: a date */
	bool quoted = false, date = false;
	int bracket = 0;
	for (const char *p = section; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '[')
			bracket++;
		else if (!quoted && *p == ']')
			bracket -= bracket > 0;
		else if (!quoted && !bracket && (*p == 'y' || *p == 'd' || *p == 'm'))
			date = true;
	}
	/* Excel's dates run from day 0 to 9999-12-31 (2958465); beyond, the number */
	if (date && v >= 0 && v < 2958466) {
		date_text(buf, n, v, section);
		return;
	}
	/* digits: places after '.', ',' for thousands, '%' scales; literals kept around */
	char before[LITERAL_MAX] = "", after[LITERAL_MAX] = "";
	int places = 0;
	bool group = false, pct = false, in_digits = false, seen_digits = false, dot = false;
	for (const char *p = section; *p; p++) {
		char *lit = seen_digits ? after : before;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				literal_add(lit, *p);
			if (!*p)
				break;
		} else if (*p == '[') {
			while (*p && *p != ']')
				p++;
			if (!*p)
				break;
		} else if (*p == '\\' && p[1]) {
			literal_add(lit, *++p);
		} else if (*p == '0' || *p == '#' || *p == '?') {
			in_digits = seen_digits = true;
			places += dot;
		} else if (*p == '.' && in_digits) {
			dot = true;
		} else if (*p == ',' && in_digits) {
			group = true;
		} else if (*p == '%') {
			pct = true;
			literal_add(lit, '%');
		} else if (*p != '_' && *p != '*') {
			in_digits = false;
			literal_add(lit, *p);
		} else {
			p += p[1] != '\0'; /* _x and *x: padding */
		}
	}
	char digits[64];
	fixed(digits, sizeof(digits), pct ? v * 100 : v, places, group);
	snprintf(buf, n, "%s%s%s", before, digits, after);
}

/* ------------------------------------------------------------- the sheet */

typedef struct cell_state {
	xlsx *x;
	sheet_builder *b;
	textbuf t;
	size_t row, next_row;   /* of the <row> being read, and of one without r="" after it */
	size_t cell_row, col, next_col;
	char type[16];
	size_t style;
	bool in_cell, in_value, formula, has_v;
	/* formulas saved without the value they compute (a workbook written by a
	 * program, never opened in Excel): said once, at the first of them */
	size_t unvalued, unvalued_row, unvalued_col;
	char unvalued_refs[64];
	int rc;
} cell_state;

/* "B12" as row 11, column 1; false when it is not a reference. A place
 * beyond the sheet's limits (XFD1) is kept beyond them, for the builder to
 * refuse: taken as "the next column" it would land in another column. */
static bool parse_ref(const char *ref, size_t *row, size_t *col)
{
	size_t c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++)
		c = c > JX_SHEET_MAX_COLS ? c : c * 26 + (size_t)(*p - 'A' + 1);
	for (; *p >= '0' && *p <= '9'; p++)
		r = r > JX_SHEET_MAX_ROWS ? r : r * 10 + (size_t)(*p - '0');
	if (*p || c == 0 || r == 0)
		return false;
	*row = r - 1;
	*col = c - 1;
	return true;
}

static void cell_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	cell_state *st = ud;
	const char *n = local(name);
	if (strcmp(n, "row") == 0) {
		/* r="" is optional: a row without it follows the one before */
		const char *r = attr(atts, "r");
		size_t at = r ? (size_t)strtoul(r, NULL, 10) : 0;
		st->row = at > 0 ? at - 1 : st->next_row;
		st->next_row = st->row + 1;
		st->next_col = 0;
	} else if (strcmp(n, "c") == 0) {
		/* a cell's own reference places it, else it follows the one before */
		const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
		if (!ref || !parse_ref(ref, &st->cell_row, &st->col)) {
			st->cell_row = st->row;
			st->col = st->next_col;
		}
		st->next_col = st->col + 1;
		snprintf(st->type, sizeof(st->type), "%s", t ? t : "n");
		st->style = s ? (size_t)strtoul(s, NULL, 10) : 0;
		st->in_cell = true;
		st->formula = st->has_v = false;
		st->t.n = 0;
		if (st->t.s)
			st->t.s[0] = '\0';
	} else if (st->in_cell && (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)) {
		st->t.on = true;
		st->has_v |= n[0] == 'v';
	} else if (st->in_cell && strcmp(n, "f") == 0) {
		st->formula = true;
	} else if (strcmp(n, "mergeCell") == 0) {
		/* <mergeCell ref="J12:J14"/>: the text is in J12 only */
		const char *ref = attr(atts, "ref"), *colon = ref ? strchr(ref, ':') : NULL;
		char first[32];
		size_t r1, c1, r2, c2;
		if (colon && (size_t)(colon - ref) < sizeof(first)) {
			memcpy(first, ref, (size_t)(colon - ref));
			first[colon - ref] = '\0';
			if (parse_ref(first, &r1, &c1) && parse_ref(colon + 1, &r2, &c2) && st->rc == 0)
				st->rc = sheet_builder_merge(st->b, r1, c1, r2, c2);
		}
	}
}

static void cell_end(void *ud, const XML_Char *name)
{
	cell_state *st = ud;
	xlsx *x = st->x;
	const char *n = local(name);
	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0) {
		st->t.on = false;
		return;
	}
	if (strcmp(n, "c") != 0 || !st->in_cell)
		return;
	st->in_cell = false;
	const char *v = st->t.s ? st->t.s : "";
	char shown[256];
	if (strcmp(st->type, "s") == 0) {
		size_t i = (size_t)strtoul(v, NULL, 10);
		v = *v && i < x->nstrings ? x->pool.s + x->strings[i] : "";
	} else if (strcmp(st->type, "n") == 0 && *v) {
		number_text(shown, sizeof(shown), strtod(v, NULL), format_code(x, st->style));
		v = shown;
	} else if (strcmp(st->type, "b") == 0) {
		v = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
	}
	/* an empty text computed (=IF(…,"",…)) is saved as t="str" with an empty <v> */
	bool computed = st->has_v && (*v || strcmp(st->type, "str") == 0);
	if (st->formula && !computed && st->unvalued++ < 4) {
		char ref[16];
		if (st->unvalued == 1) {
			st->unvalued_row = st->cell_row;
			st->unvalued_col = st->col;
		}
		jx_textf_append(st->unvalued_refs, sizeof(st->unvalued_refs), "%s%s", st->unvalued > 1 ? ", " : "",
				jx_cell_ref(ref, st->cell_row, st->col));
	}
	if (st->rc == 0)
		st->rc = sheet_builder_put(st->b, st->cell_row, st->col, v, strlen(v));
}

static void cell_chars(void *ud, const XML_Char *s, int len)
{
	cell_state *st = ud;
	if (!text_add(&st->t, s, len))
		st->x->oom = true;
}

/* ------------------------------------------------------------- workbook */

/* Sheet names a message lists: a workbook may have thousands. */
#define BOOK_NAMES_SHOWN 20

typedef struct book_state {
	const char *want; /* sheet name, or NULL: the nth */
	size_t nth;       /* 1-based */
	char *rid;        /* relationship id of the sheet */
	char *chosen;     /* its name */
	char *names;      /* the first sheet names, for the message when it is missing */
	size_t nlen, nsheets;
	char *target;     /* (in the rels) the sheet's part */
} book_state;

static void book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	book_state *st = ud;
	if (strcmp(local(name), "sheet") != 0)
		return;
	const char *nm = attr(atts, "name"), *rid = NULL;
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local(atts[i]), "id") == 0)
			rid = atts[i + 1];
	if (!nm || !rid)
		return;
	size_t add = strlen(nm) + 4; /* ", " and two quotes */
	char *names = ++st->nsheets <= BOOK_NAMES_SHOWN ? realloc(st->names, st->nlen + add + 1) : NULL;
	if (names) {
		st->names = names;
		st->nlen += (size_t)jx_textf(names + st->nlen, add + 1, "%s'%s'", st->nlen ? ", " : "", nm);
	}
	if (!st->rid && (st->want ? strcmp(st->want, nm) == 0 : st->nsheets == st->nth)) {
		st->rid = strdup(rid);
		st->chosen = strdup(nm);
	}
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	book_state *st = ud;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
	if (strcmp(local(name), "Relationship") == 0 && id && target && st->rid &&
	    strcmp(id, st->rid) == 0 && !st->target)
		st->target = strdup(target);
}

static void no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* The archive path of the worksheet named want, else of the nth:
 * "xl/worksheets/sheet1.xml"; its name in *chosen. *missing is set, with
 * no message, when there is no nth sheet beyond the first. */
static char *sheet_part(xlsx *x, const char *want, size_t nth, char **chosen, bool *missing)
{
	book_state st = { .want = want, .nth = nth };
	size_t len;
	char *path = NULL, *book = part(x, "xl/workbook.xml", &len, true), *rels = NULL;
	bool ok = book && parse_xml(x, "xl/workbook.xml", book, len, &st, book_start, no_end, no_chars);
	*missing = ok && !st.rid && !want && nth > 1;
	if (*missing) {
		ok = false;
	} else if (ok && !st.rid) {
		if (st.nsheets > BOOK_NAMES_SHOWN)
			jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0,
				     "no sheet '%s'; the workbook has %zu sheets: %s and %zu more",
				     want ? want : "", st.nsheets, st.names ? st.names : "",
				     st.nsheets - BOOK_NAMES_SHOWN);
		else
			jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "no sheet '%s'; the workbook has %s",
				     want ? want : "", st.names ? st.names : "none");
		ok = false;
	}
	ok = ok && (rels = part(x, "xl/_rels/workbook.xml.rels", &len, true)) &&
	     parse_xml(x, "xl/_rels/workbook.xml.rels", rels, len, &st, rels_start, no_end, no_chars);
	if (ok && st.target) {
		const char *t = st.target[0] == '/' ? st.target + 1 : st.target;
		size_t n = strlen(t) + 4;
		if ((path = malloc(n)))
			snprintf(path, n, "%s%s", strncmp(t, "xl/", 3) == 0 ? "" : "xl/", t);
	} else if (ok) {
		jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "the workbook does not say where sheet '%s' is",
			     want ? want : "1");
	}
	free(book);
	free(rels);
	free(st.rid);
	free(st.names);
	free(st.target);
	if (path)
		*chosen = st.chosen;
	else
		free(st.chosen);
	return path;
}

static void xlsx_release(xlsx *x)
{
	free(x->pool.s);
	free(x->strings);
	for (size_t i = 0; i < x->nfmts; i++)
		free(x->fmts[i].code);
	free(x->fmts);
	free(x->numfmt);
	if (x->zip)
		zip_discard(x->zip);
}

/* The shared strings and the styles of the open archive x->zip, the same
 * for every sheet. */
static void read_common(xlsx *x)
{
	size_t len;
	char *text;
	/* Shared strings and styles are optional parts. */
	sst_state sst = { x, { 0 }, 0 };
	if ((text = part(x, "xl/sharedStrings.xml", &len, false))) {
		parse_xml(x, "xl/sharedStrings.xml", text, len, &sst, sst_start, sst_end, sst_chars);
		free(text);
	}
	free(sst.t.s);
	style_state sty = { x, false };
	if ((text = part(x, "xl/styles.xml", &len, false))) {
		parse_xml(x, "xl/styles.xml", text, len, &sty, style_start, style_end, no_chars);
		free(text);
		if (x->nfmts > 0)
			qsort(x->fmts, x->nfmts, sizeof(*x->fmts), fmt_cmp);
	}
}

/* The sheet want, else the nth, of the open archive x->zip, whose common
 * parts are read. */
static int read_sheet(jx_sheet *s, xlsx *x, const char *path, const char *want, size_t nth)
{
	int rc = JX_EINVAL;
	size_t len;
	char *text, *sheet, *chosen = NULL;
	bool missing;
	memset(s, 0, sizeof(*s));
	sheet = sheet_part(x, want, nth, &chosen, &missing);
	if (missing)
		rc = JX_ENOTFOUND;
	if (sheet && (text = part(x, sheet, &len, true))) {
		sheet_builder b;
		if (sheet_builder_init(&b, path, x->diags) == 0) {
			cell_state st = { .x = x, .b = &b };
			bool ok = parse_xml(x, sheet, text, len, &st, cell_start, cell_end, cell_chars);
			free(st.t.s);
			if (ok && st.unvalued)
				jx_diags_add(x->diags, JX_SEV_WARNING, &x->src, (unsigned)st.unvalued_row + 1,
					     (unsigned)st.unvalued_col + 1,
					     "%s%s: %zu cell%s hold%s a formula saved without the value it computes; "
					     "read as empty: open the workbook in Excel or WPS, save it and import it again",
					     st.unvalued_refs, st.unvalued > 4 ? ", …" : "", st.unvalued,
					     st.unvalued > 1 ? "s" : "", st.unvalued > 1 ? "" : "s");
			free(text); /* up to 64 MiB: not kept while the grid is made */
			rc = !ok ? JX_EINVAL : st.rc ? st.rc : x->oom ? JX_ENOMEM : 0;
			if (rc != 0)
				sheet_builder_release(&b);
			else if ((rc = sheet_builder_finish(&b, s)) == 0)
				s->sheet = chosen, chosen = NULL;
		} else {
			free(text);
			rc = JX_ENOMEM;
		}
	}
	free(sheet);
	free(chosen);
	return rc;
}

/* The sheet want, else the nth, of the open archive x->zip (released here). */
static int read_book(jx_sheet *s, xlsx *x, const char *path, const char *want, size_t nth)
{
	read_common(x);
	int rc = read_sheet(s, x, path, want, nth);
	xlsx_release(x);
	return rc;
}

static void open_failed(xlsx *x, zip_error_t *ze)
{
	jx_diags_add(x->diags, JX_SEV_ERROR, &x->src, 0, 0, "cannot open as an Excel workbook: %s",
		     zip_error_strerror(ze));
}

static int open_book(xlsx *x, const char *path)
{
	int zerr = 0;
	if (!(x->zip = zip_open(path, ZIP_RDONLY, &zerr))) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		open_failed(x, &ze);
		zip_error_fini(&ze);
		return zerr == ZIP_ER_NOENT ? JX_ENOTFOUND : JX_EINVAL;
	}
	return 0;
}

static int read_file(jx_sheet *s, const char *path, const char *want, size_t nth, jx_diags *diags)
{
	xlsx x = { .diags = diags, .src = { path, NULL, 0 }, .pool = { .on = true } };
	memset(s, 0, sizeof(*s));
	int rc = open_book(&x, path);
	return rc ? rc : read_book(s, &x, path, want, nth);
}

int jx_sheet_read_xlsx(jx_sheet *s, const char *path, const char *want, jx_diags *diags)
{
	return read_file(s, path, want, 1, diags);
}

int jx_sheet_read_xlsx_nth(jx_sheet *s, const char *path, size_t n, jx_diags *diags)
{
	return read_file(s, path, NULL, n, diags);
}

/* Bytes of the sheets passed over (with the workbook's list of them, read
 * for each) after which jx_sheet_read_xlsx_first looks no further. */
#define XLSX_MAX_PASSED (16u * 1024 * 1024)

int jx_sheet_read_xlsx_first(jx_sheet *s, size_t *nth, const char *path, bool (*accept)(const jx_sheet *),
			     size_t max, jx_diags *diags)
{
	xlsx x = { .diags = diags, .src = { path, NULL, 0 }, .pool = { .on = true } };
	int rc = open_book(&x, path);
	memset(s, 0, sizeof(*s));
	*nth = 1;
	if (rc)
		return rc;
	read_common(&x);
	size_t common = x.unpacked;
	for (size_t n = 1; n <= max && (n == 1 || x.unpacked - common <= XLSX_MAX_PASSED); n++) {
		jx_diags scratch; /* a sheet passed over says nothing */
		jx_diags_init(&scratch);
		x.diags = &scratch;
		rc = read_sheet(s, &x, path, NULL, n);
		x.diags = diags;
		bool take = rc == 0 ? accept(s) : n == 1; /* n == 1: not a workbook */
		if (take)
			jx_diags_append(diags, &scratch);
		else if (rc == 0)
			jx_sheet_release(s);
		jx_diags_release(&scratch);
		if (take) {
			*nth = n;
			goto done;
		}
		if (rc != 0)
			break; /* no more sheets, or one that cannot be read */
	}
	rc = read_sheet(s, &x, path, NULL, 1);
done:
	xlsx_release(&x);
	return rc;
}

int jx_sheet_parse_xlsx(jx_sheet *s, const char *name, const void *data, size_t len,
			const char *want, jx_diags *diags)
{
	xlsx x = { .diags = diags, .src = { name, NULL, 0 }, .pool = { .on = true } };
	zip_error_t ze;
	memset(s, 0, sizeof(*s));
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (src && !(x.zip = zip_open_from_source(src, ZIP_RDONLY, &ze)))
		zip_source_free(src);
	if (!x.zip) {
		open_failed(&x, &ze);
		zip_error_fini(&ze);
		return JX_EINVAL;
	}
	zip_error_fini(&ze);
	return read_book(s, &x, name, want, 1);
}
