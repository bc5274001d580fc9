/*
 * audit_write.c - the audit writer: one interface over the output formats,
 * the cells the tabular formats share, and the JSON Lines and CSV outputs.
 */
#include "audit_priv.h"

#include "csv_cell.h"
#include "jixiao/common.h"
#include "json.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yajl/yajl_gen.h>

struct jx_audit_writer {
	audit_sink *sink;
	bool failed;
};

int jx_audit_open(jx_audit_writer **w, jx_audit_format fmt, const char *out,
		  const jx_audit_run *run, char *err, size_t errlen)
{
	audit_sink *sink = NULL;
	int rc;
	*w = NULL;
	switch (fmt) {
	case JX_AUDIT_JSONL: rc = audit_jsonl_open(&sink, out, err, errlen); break;
	case JX_AUDIT_CSV: rc = audit_csv_open(&sink, out, err, errlen); break;
	case JX_AUDIT_XLSX: rc = audit_xlsx_open(&sink, out, err, errlen); break;
	case JX_AUDIT_SQLITE: rc = audit_sqlite_open(&sink, out, run, err, errlen); break;
	default: rc = JX_EINVAL; snprintf(err, errlen, "unknown format"); break;
	}
	if (rc)
		return rc;
	if (!(*w = calloc(1, sizeof(**w)))) {
		sink->close(sink, false, err, errlen);
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	(*w)->sink = sink;
	return 0;
}

int jx_audit_write(jx_audit_writer *w, const jx_audit_row *row, char *err, size_t errlen)
{
	if (w->failed) {
		snprintf(err, errlen, "output already failed");
		return JX_EIO;
	}
	int rc = w->sink->write(w->sink, row, err, errlen);
	w->failed = rc != 0;
	return rc;
}

int jx_audit_close(jx_audit_writer *w, bool commit, char *err, size_t errlen)
{
	if (!w)
		return 0;
	int rc = w->sink->close(w->sink, commit && !w->failed, err, errlen);
	free(w);
	return rc;
}

/* ------------------------------------------------------------- shared */

int audit_fail_errno(char *err, size_t errlen, const char *what)
{
	const char *why = strerror(errno ? errno : EIO);
	if (what)
		snprintf(err, errlen, "%s: cannot write: %s", what, why);
	else
		snprintf(err, errlen, "cannot write to standard output: %s", why);
	return JX_EIO;
}

int audit_commit(jx_tmp *t, char *err, size_t errlen)
{
	char what[4096];
	snprintf(what, sizeof(what), "%s", t->path);
	return jx_tmp_commit(t) == 0 ? 0 : audit_fail_errno(err, errlen, what);
}

const char *audit_field_label(const char *field)
{
	if (strcmp(field, "rate") == 0)
		return "完成率(%)";
	if (strcmp(field, "score") == 0)
		return "得分";
	if (strcmp(field, "total") == 0)
		return "总分";
	return "等级";
}

char *audit_errors_text(const jx_audit_row *row)
{
	size_t cap = 1;
	for (size_t i = 0; i < row->nerrors; i++)
		cap += strlen(row->errors[i].message) + 40 +
		       (row->errors[i].file ? strlen(row->errors[i].file) + 2 : 0);
	char *s = malloc(cap), *p = s;
	if (!s)
		return NULL;
	*p = '\0';
	for (size_t i = 0; i < row->nerrors; i++) {
		const jx_audit_error *e = &row->errors[i];
		const char *sep = i == 0 ? "" : e->note ? " (" : "; ", *end = e->note ? ")" : "";
		p += sprintf(p, "%s", sep);
		if (e->file)
			p += sprintf(p, "%s:", e->file);
		if (e->line)
			p += sprintf(p, "%u:%u:", e->line, e->col);
		p += sprintf(p, "%s%s%s", e->file || e->line ? " " : "", e->message, end);
	}
	return s;
}

const char *const audit_file_titles[AUDIT_FILE_COLS] = {
	"文件", "部门", "项目名称", "年度", "规则", "状态", "自评总分", "复核总分", "差异(复核−自评)",
	"自评等级", "复核等级", "不一致项", "错误", "警告", "提示", "错误信息"
};

const char *const audit_mismatch_titles[AUDIT_MISMATCH_COLS] = {
	"文件", "指标路径", "项目", "自评值", "复核值"
};

bool audit_file_cells_make(audit_file_cells *c, const jx_audit_row *row)
{
	memset(c, 0, sizeof(*c));
	size_t counts[4] = { row->nmismatches, row->ok ? row->findings[0] : row->error_count,
			     row->findings[1], row->findings[2] };
	for (int i = 0; i < 4; i++)
		snprintf(c->counts[i], sizeof(c->counts[i]), "%zu", counts[i]);
	if (row->year)
		snprintf(c->year, sizeof(c->year), "%d", row->year);
	if (!row->ok && !(c->errors = audit_errors_text(row)))
		return false;
	const char *cells[AUDIT_FILE_COLS] = {
		row->file, row->department, row->title, c->year, row->rules,
		row->ok ? "已复核" : "无法评分", row->claimed_total, row->total, row->delta,
		row->claimed_grade, row->grade, c->counts[0], c->counts[1], c->counts[2],
		c->counts[3], c->errors ? c->errors : ""
	};
	/* 年度, the three totals and the four counts are numbers */
	static const bool number[AUDIT_FILE_COLS] = {
		[3] = true, [6] = true, [7] = true, [8] = true,
		[11] = true, [12] = true, [13] = true, [14] = true,
	};
	memcpy(c->cell, cells, sizeof(cells));
	memcpy(c->number, number, sizeof(number));
	return true;
}

void audit_file_cells_release(audit_file_cells *c)
{
	free(c->errors);
	c->errors = NULL;
}

/* ------------------------------------------------------------- JSON Lines */

typedef struct jsonl_sink {
	audit_sink base;
	jx_tmp tmp; /* unused on standard output */
	FILE *f;
	yajl_gen g;
} jsonl_sink;


/* A string, or null when empty. */
static void str_or_null(yajl_gen g, const char *s)
{
	if (s && *s)
		jx_json_str(g, s);
	else
		yajl_gen_null(g);
}

/* An exact decimal as a JSON number, or null when empty. */
static void num_or_null(yajl_gen g, const char *s)
{
	if (s && *s)
		yajl_gen_number(g, s, strlen(s));
	else
		yajl_gen_null(g);
}

static void uint_or_null(yajl_gen g, unsigned v)
{
	if (v)
		yajl_gen_integer(g, v);
	else
		yajl_gen_null(g);
}

static void jsonl_path(yajl_gen g, const jx_audit_path *p)
{
	yajl_gen_array_open(g);
	for (size_t i = 0; i < p->depth; i++)
		jx_json_str(g, p->names[i]);
	yajl_gen_array_close(g);
}

static void jsonl_row(yajl_gen g, const jx_audit_row *row)
{
	yajl_gen_map_open(g);
	jx_json_str(g, "file"), jx_json_str(g, row->file);
	jx_json_str(g, "department"), str_or_null(g, row->department);
	jx_json_str(g, "title"), str_or_null(g, row->title);
	jx_json_str(g, "year"), uint_or_null(g, row->year > 0 ? (unsigned)row->year : 0);
	jx_json_str(g, "rules"), str_or_null(g, row->rules);
	jx_json_str(g, "ok"), yajl_gen_bool(g, row->ok);
	jx_json_str(g, "claimed_total"), num_or_null(g, row->claimed_total);
	jx_json_str(g, "total"), num_or_null(g, row->total);
	jx_json_str(g, "delta"), num_or_null(g, row->delta);
	jx_json_str(g, "claimed_grade"), str_or_null(g, row->claimed_grade);
	jx_json_str(g, "grade"), str_or_null(g, row->grade);
	jx_json_str(g, "mismatches"), yajl_gen_array_open(g);
	for (size_t i = 0; i < row->nmismatches; i++) {
		const jx_audit_mismatch *m = &row->mismatches[i];
		yajl_gen_map_open(g);
		jx_json_str(g, "path"), jsonl_path(g, &m->path);
		jx_json_str(g, "field"), jx_json_str(g, m->field);
		jx_json_str(g, "claimed"), m->numeric ? num_or_null(g, m->claimed) : jx_json_str(g, m->claimed);
		jx_json_str(g, "recomputed"), m->numeric ? num_or_null(g, m->recomputed) : jx_json_str(g, m->recomputed);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	jx_json_str(g, "errors"), yajl_gen_array_open(g);
	for (size_t i = 0; i < row->nerrors; i++) {
		const jx_audit_error *e = &row->errors[i];
		yajl_gen_map_open(g);
		if (e->file)
			jx_json_str(g, "file"), jx_json_str(g, e->file);
		jx_json_str(g, "line"), uint_or_null(g, e->line);
		jx_json_str(g, "col"), uint_or_null(g, e->col);
		jx_json_str(g, "severity"), jx_json_str(g, e->note ? "note" : "error");
		jx_json_str(g, "message"), jx_json_str(g, e->message);
		yajl_gen_map_close(g);
	}
	yajl_gen_array_close(g);
	jx_json_str(g, "findings"), yajl_gen_map_open(g);
	static const char *const sev[3] = { "error", "warning", "info" };
	for (int i = 0; i < 3; i++)
		jx_json_str(g, sev[i]), yajl_gen_integer(g, (long long)row->findings[i]);
	yajl_gen_map_close(g);
	yajl_gen_map_close(g);
}

static int jsonl_write(audit_sink *base, const jx_audit_row *row, char *err, size_t errlen)
{
	jsonl_sink *s = (jsonl_sink *)base;
	const unsigned char *buf;
	size_t len;
	jsonl_row(s->g, row);
	yajl_gen_get_buf(s->g, &buf, &len);
	fwrite(buf, 1, len, s->f);
	yajl_gen_clear(s->g);
	yajl_gen_reset(s->g, NULL);
	if (fputc('\n', s->f) == EOF || ferror(s->f))
		return audit_fail_errno(err, errlen, s->tmp.path);
	return 0;
}

static int jsonl_close(audit_sink *base, bool commit, char *err, size_t errlen)
{
	jsonl_sink *s = (jsonl_sink *)base;
	int rc = 0;
	yajl_gen_free(s->g);
	if (s->f == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = audit_fail_errno(err, errlen, NULL);
	} else if (commit) {
		rc = audit_commit(&s->tmp, err, errlen);
	} else {
		jx_tmp_abort(&s->tmp);
	}
	free(s);
	return rc;
}

int audit_jsonl_open(audit_sink **out, const char *path, char *err, size_t errlen)
{
	jsonl_sink *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	s->base.write = jsonl_write;
	s->base.close = jsonl_close;
	if (!path || strcmp(path, "-") == 0) {
		s->f = stdout;
	} else if (jx_tmp_create(&s->tmp, path, true) != 0) {
		int rc = audit_fail_errno(err, errlen, path);
		free(s);
		return rc;
	} else {
		s->f = s->tmp.f;
	}
	if (!(s->g = yajl_gen_alloc(NULL))) {
		jsonl_close(&s->base, false, err, errlen);
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	*out = &s->base;
	return 0;
}

/* ------------------------------------------------------------- CSV */

typedef struct csv_sink {
	audit_sink base;
	jx_tmp files, mismatches; /* with a directory */
	FILE *ff, *fm;            /* fm NULL on standard output */
	char *made;               /* the directory, when this run created it */
} csv_sink;

static void csv_row(FILE *f, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		jx_csv_cell(f, cells[i], i + 1 == n);
}

static int csv_write(audit_sink *base, const jx_audit_row *row, char *err, size_t errlen)
{
	csv_sink *s = (csv_sink *)base;
	audit_file_cells c;
	if (!audit_file_cells_make(&c, row)) {
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	csv_row(s->ff, c.cell, AUDIT_FILE_COLS);
	audit_file_cells_release(&c);
	for (size_t i = 0; s->fm && i < row->nmismatches; i++) {
		const jx_audit_mismatch *m = &row->mismatches[i];
		const char *cells[AUDIT_MISMATCH_COLS] = { row->file, m->path.joined,
							   audit_field_label(m->field), m->claimed,
							   m->recomputed };
		csv_row(s->fm, cells, AUDIT_MISMATCH_COLS);
	}
	if (ferror(s->ff) || (s->fm && ferror(s->fm)))
		return audit_fail_errno(err, errlen, s->files.path);
	return 0;
}

static int csv_close(audit_sink *base, bool commit, char *err, size_t errlen)
{
	csv_sink *s = (csv_sink *)base;
	int rc = 0;
	if (!s->fm) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = audit_fail_errno(err, errlen, NULL);
	} else if (commit) {
		rc = audit_commit(&s->files, err, errlen);
		if (rc == 0)
			rc = audit_commit(&s->mismatches, err, errlen);
	}
	jx_tmp_abort(&s->files);
	jx_tmp_abort(&s->mismatches);
	/* A directory made for a run that did not complete goes with it (rmdir
	 * leaves it when it holds anything: a CSV file committed already). */
	if (s->made && (!commit || rc))
		rmdir(s->made);
	free(s->made);
	free(s);
	return rc;
}

int audit_csv_open(audit_sink **out, const char *dir, char *err, size_t errlen)
{
	csv_sink *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	s->base.write = csv_write;
	s->base.close = csv_close;
	if (!dir || strcmp(dir, "-") == 0) {
		s->ff = stdout;
	} else {
		char path[4096];
		struct stat st;
		bool created = mkdir(dir, 0777) == 0;
		bool made = created || errno == EEXIST;
		if (created && !(s->made = strdup(dir))) {
			rmdir(dir);
			free(s);
			snprintf(err, errlen, "out of memory");
			return JX_ENOMEM;
		}
		if (made && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
			made = false;
			errno = ENOTDIR;
		}
		if (!made) {
			bool file = errno == ENOTDIR;
			int rc = audit_fail_errno(err, errlen, dir);
			if (file) /* -o audit.csv, as for one file */
				jx_textf_append(err, errlen, " (with --format csv, -o names a directory "
						"for files.csv and mismatches.csv)");
			free(s->made);
			free(s);
			return rc;
		}
		snprintf(path, sizeof(path), "%s/files.csv", dir);
		bool ok = jx_tmp_create(&s->files, path, true) == 0;
		if (ok) {
			snprintf(path, sizeof(path), "%s/mismatches.csv", dir);
			ok = jx_tmp_create(&s->mismatches, path, true) == 0;
		}
		if (!ok) {
			int rc = audit_fail_errno(err, errlen, path);
			csv_close(&s->base, false, err, 0);
			return rc;
		}
		s->ff = s->files.f;
		s->fm = s->mismatches.f;
		fputs(JX_CSV_BOM, s->fm);
		csv_row(s->fm, audit_mismatch_titles, AUDIT_MISMATCH_COLS);
	}
	fputs(JX_CSV_BOM, s->ff);
	csv_row(s->ff, audit_file_titles, AUDIT_FILE_COLS);
	*out = &s->base;
	return 0;
}
