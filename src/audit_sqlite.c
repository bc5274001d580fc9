/*
 * audit_sqlite.c - the audit as rows of a SQLite database that keeps every
 * run: tables runs, files, mismatches, errors, indicators and findings
 * (jx_audit_schema, documented in docs/audit.md). A new database is built in
 * a temporary and renamed into place; an existing one gets the whole run in
 * one transaction. Either way a run is there completely or not at all.
 */
#include "audit_priv.h"

#include "jixiao/common.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Version of the schema below, kept in PRAGMA user_version; a database of
 * version 1 gains errors.file, one of version 1 or 2 runs.paths. */
#define SCHEMA_VERSION 3

/* How long to wait for another run that is writing the same database, and
 * how often to look again. */
#define BUSY_MS 60000
#define BUSY_STEP_MS 20

const char jx_audit_schema[] =
	"CREATE TABLE IF NOT EXISTS runs (\n"
	"  run_id        INTEGER PRIMARY KEY,\n"
	"  started       TEXT NOT NULL,     -- UTC, ISO 8601\n"
	"  version       TEXT NOT NULL,     -- jixiao version\n"
	"  rules         TEXT,              -- --rules, NULL when each file named its own\n"
	"  shard         TEXT,              -- \"i/n\" of a sharded run, else NULL\n"
	"  files         INTEGER,           -- files of the run\n"
	"  paths         TEXT               -- the PATHs audited, one per line (NULL before schema 3)\n"
	");\n"
	"CREATE TABLE IF NOT EXISTS files (\n"
	"  file_id       INTEGER PRIMARY KEY,\n"
	"  run_id        INTEGER NOT NULL REFERENCES runs(run_id),\n"
	"  file          TEXT NOT NULL,\n"
	"  ok            INTEGER NOT NULL,  -- 1 scored, 0 could not be scored (see errors)\n"
	"  department    TEXT,\n"
	"  title         TEXT,\n"
	"  year          INTEGER,\n"
	"  rules         TEXT,              -- rule set the file was scored under\n"
	"  claimed_total NUMERIC,           -- 总分 as the file states it\n"
	"  total         NUMERIC,           -- recomputed\n"
	"  delta         NUMERIC,           -- total - claimed_total\n"
	"  claimed_grade TEXT,\n"
	"  grade         TEXT,\n"
	"  mismatches    INTEGER NOT NULL,  -- rows in mismatches\n"
	"  errors        INTEGER NOT NULL,  -- load errors, or findings of severity error\n"
	"  warnings      INTEGER NOT NULL,\n"
	"  infos         INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS files_by_run ON files(run_id);\n"
	"CREATE INDEX IF NOT EXISTS files_by_file ON files(file);\n"
	"CREATE TABLE IF NOT EXISTS mismatches (\n"
	"  file_id       INTEGER NOT NULL REFERENCES files(file_id),\n"
	"  path          TEXT NOT NULL,     -- names joined by '/'; 'funds'; '' for total and grade\n"
	"  field         TEXT NOT NULL,     -- rate, score, total, grade\n"
	"  claimed       NUMERIC,           -- rates in percent\n"
	"  recomputed    NUMERIC\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS mismatches_by_file ON mismatches(file_id);\n"
	"CREATE TABLE IF NOT EXISTS errors (\n"
	"  file_id       INTEGER NOT NULL REFERENCES files(file_id),\n"
	"  line          INTEGER,           -- NULL when the error has no position\n"
	"  col           INTEGER,\n"
	"  severity      TEXT NOT NULL,     -- error, or note (more about the error before it)\n"
	"  message       TEXT NOT NULL,\n"
	"  file          TEXT               -- the file it is about when not the audited one (a rule set)\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS errors_by_file ON errors(file_id);\n"
	"CREATE TABLE IF NOT EXISTS indicators (\n"
	"  file_id       INTEGER NOT NULL REFERENCES files(file_id),\n"
	"  path          TEXT NOT NULL,\n"
	"  line          INTEGER,\n"
	"  target        TEXT,\n"
	"  actual        TEXT,\n"
	"  weight        NUMERIC,\n"
	"  rate          NUMERIC,           -- percent; NULL when not applicable\n"
	"  score         NUMERIC,\n"
	"  claimed_rate  NUMERIC,\n"
	"  claimed_score NUMERIC,\n"
	"  applicable    INTEGER NOT NULL,\n"
	"  mismatch      INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS indicators_by_file ON indicators(file_id);\n"
	"CREATE TABLE IF NOT EXISTS findings (\n"
	"  file_id       INTEGER NOT NULL REFERENCES files(file_id),\n"
	"  code          TEXT NOT NULL,     -- shortfall, cost-direction, … (docs/report.md)\n"
	"  severity      TEXT NOT NULL,     -- error, warning, info\n"
	"  path          TEXT NOT NULL,\n"
	"  line          INTEGER,\n"
	"  message       TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS findings_by_file ON findings(file_id);\n";

enum { INS_FILE, INS_MISMATCH, INS_ERROR, INS_INDICATOR, INS_FINDING, NSTMT };

static const char *const insert_sql[NSTMT] = {
	"INSERT INTO files (run_id, file, ok, department, title, year, rules, claimed_total, total,"
	" delta, claimed_grade, grade, mismatches, errors, warnings, infos)"
	" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO mismatches VALUES (?,?,?,?,?)",
	"INSERT INTO errors VALUES (?,?,?,?,?,?)",
	"INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO findings VALUES (?,?,?,?,?,?)",
};

typedef struct sqlite_sink {
	audit_sink base;
	char *path;
	jx_tmp tmp;        /* a new database, built aside */
	sqlite3 *db;
	sqlite3_stmt *stmt[NSTMT];
	sqlite3_int64 run_id;
	sqlite3_int64 files;
} sqlite_sink;

/* SQLite's busy handler: wait and try again, up to BUSY_MS, unless the run
 * was asked to stop (a Ctrl-C must not wait a minute for a lock). */
static int busy_wait(void *stop, int tries)
{
	const volatile sig_atomic_t *flag = stop;
	if ((flag && *flag) || (long)tries * BUSY_STEP_MS >= BUSY_MS)
		return 0;
	struct timespec ts = { 0, BUSY_STEP_MS * 1000000L };
	nanosleep(&ts, NULL); /* a signal ends it early */
	return 1;
}

static int db_fail(sqlite_sink *s, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", s->path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
	return JX_EIO;
}

/* Bind text, NULL when empty (numbers: NUMERIC columns store them as numbers). */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_int(sqlite3_stmt *st, int i, sqlite3_int64 v, bool null_if_zero)
{
	if (null_if_zero && v == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

static bool step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE;
}

static bool insert_file(sqlite_sink *s, const jx_audit_row *row)
{
	sqlite3_stmt *st = s->stmt[INS_FILE];
	sqlite3_bind_int64(st, 1, s->run_id);
	sqlite3_bind_text(st, 2, row->file, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, row->ok);
	const char *texts[] = { row->department, row->title };
	for (int i = 0; i < 2; i++)
		bind_text(st, 4 + i, texts[i]);
	bind_int(st, 6, row->year, true);
	const char *more[] = { row->rules, row->claimed_total, row->total, row->delta,
			       row->claimed_grade, row->grade };
	for (int i = 0; i < 6; i++)
		bind_text(st, 7 + i, more[i]);
	bind_int(st, 13, (sqlite3_int64)row->nmismatches, false);
	bind_int(st, 14, (sqlite3_int64)(row->ok ? row->findings[0] : row->error_count), false);
	bind_int(st, 15, (sqlite3_int64)row->findings[1], false);
	bind_int(st, 16, (sqlite3_int64)row->findings[2], false);
	return step(st);
}

static bool insert_details(sqlite_sink *s, const jx_audit_row *row, sqlite3_int64 id)
{
	bool ok = true;
	sqlite3_stmt *st = s->stmt[INS_MISMATCH];
	for (size_t i = 0; ok && i < row->nmismatches; i++) {
		const jx_audit_mismatch *m = &row->mismatches[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, m->path.joined, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, m->field, -1, SQLITE_STATIC);
		bind_text(st, 4, m->claimed);
		bind_text(st, 5, m->recomputed);
		ok = step(st);
	}
	st = s->stmt[INS_ERROR];
	for (size_t i = 0; ok && i < row->nerrors; i++) {
		const jx_audit_error *e = &row->errors[i];
		sqlite3_bind_int64(st, 1, id);
		bind_int(st, 2, e->line, true);
		bind_int(st, 3, e->col, true);
		sqlite3_bind_text(st, 4, e->note ? "note" : "error", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, e->message, -1, SQLITE_STATIC);
		bind_text(st, 6, e->file);
		ok = step(st);
	}
	st = s->stmt[INS_INDICATOR];
	for (size_t i = 0; ok && i < row->nindicators; i++) {
		const jx_audit_indicator *d = &row->indicators[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, d->path.joined, -1, SQLITE_STATIC);
		bind_int(st, 3, d->line, true);
		const char *texts[] = { d->target, d->actual, d->weight, d->rate, d->score,
					d->claimed_rate, d->claimed_score };
		for (int k = 0; k < 7; k++)
			bind_text(st, 4 + k, texts[k]);
		sqlite3_bind_int(st, 11, d->applicable);
		sqlite3_bind_int(st, 12, d->mismatch);
		ok = step(st);
	}
	st = s->stmt[INS_FINDING];
	for (size_t i = 0; ok && i < row->nfinding_list; i++) {
		const jx_audit_finding *f = &row->finding_list[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, f->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, f->severity, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, f->path.joined, -1, SQLITE_STATIC);
		bind_int(st, 5, f->line, true);
		sqlite3_bind_text(st, 6, f->message, -1, SQLITE_STATIC);
		ok = step(st);
	}
	return ok;
}

static int sqlite_write(audit_sink *base, const jx_audit_row *row, char *err, size_t errlen)
{
	sqlite_sink *s = (sqlite_sink *)base;
	if (!insert_file(s, row) || !insert_details(s, row, sqlite3_last_insert_rowid(s->db)))
		return db_fail(s, err, errlen);
	s->files++;
	return 0;
}

static bool exec(sqlite_sink *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/*
 * After a failed run on an existing database: a full disk may have stopped
 * SQLite's own rollback half way, leaving the database changed and its
 * journal "hot" (readers without write access then fail). Opening it again
 * and reading finishes the rollback, which needs no new space.
 */
static void settle(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
	sqlite3_close(db);
}

static int sqlite_close(audit_sink *base, bool commit, char *err, size_t errlen)
{
	sqlite_sink *s = (sqlite_sink *)base;
	int rc = 0;
	for (int i = 0; i < NSTMT; i++)
		sqlite3_finalize(s->stmt[i]);
	if (s->db && commit) {
		char sql[128];
		snprintf(sql, sizeof(sql), "UPDATE runs SET files = %lld WHERE run_id = %lld",
			 (long long)s->files, (long long)s->run_id);
		if (!exec(s, sql) || !exec(s, "COMMIT"))
			rc = db_fail(s, err, errlen);
	}
	bool undo = s->db && (!commit || rc);
	if (undo)
		exec(s, "ROLLBACK");
	if (s->db && sqlite3_close(s->db) != SQLITE_OK && commit && rc == 0)
		rc = db_fail(s, err, errlen);
	if (undo && !s->tmp.tmp)
		settle(s->path);
	if (s->tmp.tmp && commit && rc == 0 && jx_tmp_commit_new(&s->tmp) != 0) {
		if (errno == EEXIST)
			snprintf(err, errlen, "%s: another run created the database meanwhile; this run "
				 "was not added (run it again to add it)", s->path);
		else
			audit_fail_errno(err, errlen, s->path);
		rc = JX_EIO;
	}
	jx_tmp_abort(&s->tmp);
	free(s->path);
	free(s);
	return rc;
}

/* Check the schema version, create the tables, record the run. */
static bool start_run(sqlite_sink *s, const jx_audit_run *run, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int version = 0;
	bool read = false;
	/* The checks below hold for the transaction: no other run comes between. */
	if (!exec(s, "BEGIN IMMEDIATE") ||
	    sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0);
		read = true;
	}
	sqlite3_finalize(st);
	if (!read)
		return false; /* not a database: SQLite says so */
	if (version < 0 || version > SCHEMA_VERSION) {
		snprintf(err, errlen, "%s: not a jixiao audit database of schema 1 to %d (user_version %d)",
			 s->path, SCHEMA_VERSION, version);
		return false;
	}
	/* Version 0 is a new, empty database; one with tables is someone else's. */
	int tables = 0;
	if (version == 0) {
		if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
			return false;
		if (sqlite3_step(st) == SQLITE_ROW)
			tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (tables > 0) {
		snprintf(err, errlen, "%s: not a jixiao audit database (it holds other tables); "
			 "name a new file or a jixiao audit database", s->path);
		return false;
	}
	char started[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
	char set_version[40];
	snprintf(set_version, sizeof(set_version), "PRAGMA user_version = %d", SCHEMA_VERSION);
	/* Brought to this schema in the same transaction; the new columns are
	 * empty for the rows already there. */
	if ((version == 1 && !exec(s, "ALTER TABLE errors ADD COLUMN file TEXT")) ||
	    ((version == 1 || version == 2) && !exec(s, "ALTER TABLE runs ADD COLUMN paths TEXT")) ||
	    !exec(s, jx_audit_schema) || !exec(s, set_version) ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO runs (started, version, rules, shard, paths) VALUES (?,?,?,?,?)",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, started, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, run && run->version ? run->version : JX_VERSION, -1, SQLITE_STATIC);
	bind_text(st, 3, run ? run->rules : NULL);
	bind_text(st, 4, run ? run->shard : NULL);
	bind_text(st, 5, run ? run->paths : NULL);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	s->run_id = sqlite3_last_insert_rowid(s->db);
	for (int i = 0; ok && i < NSTMT; i++)
		ok = sqlite3_prepare_v2(s->db, insert_sql[i], -1, &s->stmt[i], NULL) == SQLITE_OK;
	return ok;
}

int audit_sqlite_open(audit_sink **out, const char *path, const jx_audit_run *run, char *err,
		      size_t errlen)
{
	struct stat st;
	sqlite_sink *s = calloc(1, sizeof(*s));
	if (!s || !(s->path = strdup(path))) {
		free(s);
		snprintf(err, errlen, "out of memory");
		return JX_ENOMEM;
	}
	s->base.write = sqlite_write;
	s->base.close = sqlite_close;
	bool exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device, a pipe or a directory: SQLite would put its journal
		 * next to it (in /dev for /dev/null) and fail at the first page. */
		int rc = JX_EIO;
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			audit_fail_errno(err, errlen, path);
		} else {
			snprintf(err, errlen, "%s: not a regular file; a SQLite database must be one", path);
		}
		sqlite_close(&s->base, false, err, 0);
		return rc;
	}
	if (!exists && jx_tmp_create(&s->tmp, path, false) != 0) {
		int rc = audit_fail_errno(err, errlen, path);
		sqlite_close(&s->base, false, err, 0);
		return rc;
	}
	const char *file = exists ? path : s->tmp.tmp;
	int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
	err[0] = '\0';
	bool opened = sqlite3_open_v2(file, &s->db, flags, NULL) == SQLITE_OK;
	if (opened) {
		/* Another run writing the same database: wait for it, up to a minute. */
		sqlite3_busy_handler(s->db, busy_wait, run ? (void *)run->stop : NULL);
		/* A new database is a temporary until the end: its journal can stay in memory. */
		if (!exists)
			exec(s, "PRAGMA journal_mode = MEMORY");
	}
	if (!opened || !start_run(s, run, err, errlen)) {
		int rc = err[0] ? JX_EIO : db_fail(s, err, errlen);
		sqlite_close(&s->base, false, err, 0);
		return rc;
	}
	*out = &s->base;
	return 0;
}
