/*
 * cmd_audit.c - `jixiao audit PATH...`: re-score many submissions with
 * worker threads, write one record per file in path order whatever the
 * number of threads, and summarise the run.
 *
 * Workers take files in order and leave each record in a window of slots;
 * the main thread writes the records in order, woken when half a window of
 * them is done. A worker waits when it runs a window ahead of the writer, so
 * memory stays bounded however many files there are.
 */
#include "cli.h"

#include "jixiao/audit.h"
#include "jixiao/common.h"
#include "text.h"
#include "ytree.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int run(int argc, char **argv);

const cli_command cmd_audit = {
	"audit", "re-score many submissions: claimed against recomputed, with a summary",
	"usage: jixiao audit PATH... [--rules R] [--jobs N] [--format jsonl|csv|xlsx|sqlite]\n"
	"                    [-o OUT] [--fail-on mismatch|error] [--shard I/N]\n"
	"                    [--spreadsheets] [--quiet]\n"
	"\n"
	"Loads and scores every evaluation (directories are searched for *.yaml and\n"
	"*.yml), compares every claimed rate, score, total and grade with the\n"
	"recomputed one, and writes one record per file in path order. A file that\n"
	"cannot be scored is recorded with its errors; the run goes on. A summary\n"
	"goes to standard error.\n"
	"\n"
	"  -r, --rules R      score every file under rule set R (a name or a path)\n"
	"  -j, --jobs N       worker threads (default: the number of processors)\n"
	"  -f, --format F     jsonl (default, docs/audit.md), csv, xlsx or sqlite\n"
	"  -o, --output OUT   jsonl, xlsx: a file; csv: a directory for files.csv\n"
	"                     and mismatches.csv; sqlite: a database that keeps\n"
	"                     every run. Without -o, jsonl and the csv files table\n"
	"                     go to standard output.\n"
	"      --fail-on W    exit with status 1 when a claim does not follow\n"
	"                     (mismatch) or a file cannot be scored (error); may\n"
	"                     be given twice or as mismatch,error\n"
	"      --shard I/N    audit only the I-th of N equal runs of the sorted\n"
	"                     files (1 <= I <= N); shards concatenate in order\n"
	"      --spreadsheets audit the 自评表 kept in spreadsheets too (*.xlsx,\n"
	"                     *.csv … below a directory, or named), read as\n"
	"                     'jixiao import' reads them; problems at their cells\n"
	"  -q, --quiet        no summary, no progress, no diagnostics\n"
	"  -h, --help         show this help\n",
	run
};

/* Records a worker may run ahead of the writer, per worker. */
#define WINDOW_PER_JOB 16
#define MAX_JOBS 256

typedef struct slot {
	bool done;
	int rc;
	jx_audit_row row;
} slot;

typedef struct audit_run {
	char **paths;
	size_t first, end;        /* the files of this shard */
	const jx_rules *shared;   /* --rules */
	bool detail;
	bool sheets;              /* --spreadsheets */
	/* the window, guarded by mu */
	pthread_mutex_t mu;
	pthread_cond_t ready, space;
	slot *slots;
	size_t window;
	size_t next_take, next_write;
	bool stop;
} audit_run;

/* The record of one file. Returns 0 or JX_ENOMEM. */
static int audit_file(audit_run *a, const char *path, jx_rules_cache *cache, jx_audit_row *row)
{
	jx_diags d;
	cli_eval ev;
	jx_diags_init(&d);
	int flags = a->detail ? 0 : JX_FINDINGS_NO_MESSAGES; /* only SQLite keeps the messages */
	bool scored = cli_eval_load_shared(&ev, path, a->shared, cache, flags, a->sheets, &d) == 0;
	int rc = jx_audit_row_make(row, path, scored ? ev.result : NULL,
				   scored ? &ev.findings : NULL, &d, a->detail);
	if (scored)
		cli_eval_release(&ev);
	jx_diags_release(&d);
	return rc;
}

/*
 * Whether to wake the writer (mu held): the records from next_write on are
 * done for half the window, or up to the last file. Waking it for each
 * record would cost two context switches per file. Workers can run a whole
 * window ahead of a sleeping writer, so the half window is always reached.
 */
static bool writer_has_work(const audit_run *a)
{
	size_t batch = a->window / 2, n = 0;
	while (n < batch && a->next_write + n < a->end &&
	       a->slots[(a->next_write + n) % a->window].done)
		n++;
	return n == batch || (n > 0 && a->next_write + n == a->end);
}

static void *worker(void *arg)
{
	audit_run *a = arg;
	jx_rules_cache *cache = jx_rules_cache_new();
	for (;;) {
		pthread_mutex_lock(&a->mu);
		while (!a->stop && a->next_take < a->end && a->next_take >= a->next_write + a->window)
			pthread_cond_wait(&a->space, &a->mu);
		if (a->stop || a->next_take >= a->end) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		size_t i = a->next_take++;
		pthread_mutex_unlock(&a->mu);

		jx_audit_row row;
		int rc = cache ? audit_file(a, a->paths[i], cache, &row) : JX_ENOMEM;

		pthread_mutex_lock(&a->mu);
		slot *s = &a->slots[i % a->window];
		s->row = row;
		s->rc = rc;
		s->done = true;
		if (writer_has_work(a))
			pthread_cond_signal(&a->ready);
		pthread_mutex_unlock(&a->mu);
	}
	jx_rules_cache_free(cache);
	return NULL;
}

/* ------------------------------------------------------------- progress */

typedef struct progress {
	bool on;          /* standard error is a terminal */
	bool shown;
	struct timespec start, last;
} progress;

static double seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* A bar on standard error once the run has taken a second, redrawn ten times a second. */
static void progress_update(progress *p, size_t done, size_t total)
{
	struct timespec now;
	if (!p->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double elapsed = seconds(&p->start, &now);
	if (elapsed < 1.0 || (p->shown && seconds(&p->last, &now) < 0.1 && done < total))
		return;
	p->last = now;
	p->shown = true;
	char bar[31];
	size_t fill = total ? done * 30 / total : 30;
	for (size_t i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	fprintf(stderr, "\r\033[K复核 %zu/%zu [%s] %3zu%%  %.0f 个/秒", done, total, bar,
		total ? done * 100 / total : 100, elapsed > 0 ? (double)done / elapsed : 0.0);
	fflush(stderr);
}

static void progress_clear(progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		p->shown = false;
	}
}

/* ------------------------------------------------------------- writing */

typedef struct sink {
	jx_audit_writer *w;
	jx_audit_summary *summary;
	progress progress;
	bool quiet;
	bool reported;  /* the failure that stopped the run was told already */
	size_t done, total;
} sink;

/* What take returns once a signal asked the run to stop (JX_E* are negative). */
enum { STOPPED = 1 };

/* Whether a's place in the file comes before b's (none first, as sorted). */
static bool place_before(const jx_audit_error *a, const jx_audit_error *b)
{
	return a->line != b->line ? a->line < b->line : a->col < b->col;
}

/* One diagnostic of a record, on standard error. */
static void tell(const jx_audit_row *row, const jx_audit_error *e, bool warning)
{
	const char *what = warning ? "warning" : e->note ? "note" : "error", *file = e->file ? e->file : row->file;
	if (e->line)
		fprintf(stderr, "%s:%u:%u: %s: %s\n", file, e->line, e->col, what, e->message);
	else
		fprintf(stderr, "%s: %s: %s\n", file, what, e->message);
}

/* Write one record and count it; prints the errors of a file that was not
 * scored, and the warnings of reading a file. */
static int take(sink *k, jx_audit_row *row, int rc)
{
	char err[512];
	bool have_row = rc == 0;
	if (cli_stop_signal) {
		if (have_row)
			jx_audit_row_release(row);
		return STOPPED;
	}
	if (rc == 0 && (!row->ok || row->nwarnings) && !k->quiet) {
		progress_clear(&k->progress);
		/* in the order of their places, as every other command says them */
		size_t e = 0, w = 0;
		while (e < row->nerrors || w < row->nwarnings) {
			bool warning = e == row->nerrors ||
				       (w < row->nwarnings && !row->errors[e].note &&
					place_before(&row->warnings[w], &row->errors[e]));
			tell(row, warning ? &row->warnings[w++] : &row->errors[e++], warning);
		}
	}
	if (rc == 0 && jx_audit_summary_add(k->summary, row) != 0)
		rc = JX_ENOMEM;
	if (rc == 0 && (rc = jx_audit_write(k->w, row, err, sizeof(err))) != 0) {
		progress_clear(&k->progress);
		fprintf(stderr, "jixiao: %s\n", err);
		k->reported = true;
	}
	if (have_row)
		jx_audit_row_release(row);
	k->done++;
	progress_update(&k->progress, k->done, k->total);
	return rc;
}

static int run_serial(audit_run *a, sink *k)
{
	jx_rules_cache *cache = jx_rules_cache_new();
	int rc = cache ? 0 : JX_ENOMEM;
	for (size_t i = a->first; i < a->end && rc == 0; i++) {
		jx_audit_row row;
		rc = take(k, &row, audit_file(a, a->paths[i], cache, &row));
	}
	jx_rules_cache_free(cache);
	return rc;
}

static int run_parallel(audit_run *a, sink *k, unsigned jobs)
{
	pthread_t tid[MAX_JOBS];
	unsigned started = 0;
	int rc = 0;

	a->window = (size_t)jobs * WINDOW_PER_JOB;
	a->slots = calloc(a->window, sizeof(*a->slots));
	if (!a->slots)
		return JX_ENOMEM;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->ready, NULL);
	pthread_cond_init(&a->space, NULL);
	a->next_take = a->next_write = a->first;
	/* Signals go to this thread, which reads cli_stop_signal: workers block them. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	for (; started < jobs; started++)
		if (pthread_create(&tid[started], NULL, worker, a) != 0)
			break;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (started == 0)
		rc = run_serial(a, k); /* no thread could start: do the work on this one */
	for (size_t i = a->first; i < a->end && rc == 0 && started > 0; i++) {
		slot *s = &a->slots[i % a->window];
		pthread_mutex_lock(&a->mu);
		while (!s->done)
			pthread_cond_wait(&a->ready, &a->mu);
		jx_audit_row row = s->row;
		int file_rc = s->rc;
		s->done = false;
		a->next_write = i + 1;
		pthread_cond_broadcast(&a->space);
		/* the next records may be done already: the loop takes them
		 * without waiting */
		pthread_mutex_unlock(&a->mu);
		rc = take(k, &row, file_rc);
	}
	pthread_mutex_lock(&a->mu);
	a->stop = true;
	pthread_cond_broadcast(&a->space);
	pthread_mutex_unlock(&a->mu);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	/* records finished after a failure */
	for (size_t i = 0; i < a->window; i++)
		if (a->slots[i].done && a->slots[i].rc == 0)
			jx_audit_row_release(&a->slots[i].row);
	pthread_cond_destroy(&a->space);
	pthread_cond_destroy(&a->ready);
	pthread_mutex_destroy(&a->mu);
	free(a->slots);
	return rc;
}

/* ------------------------------------------------------------- options */

typedef struct options {
	const char *rules, *output;
	jx_audit_format format;
	unsigned jobs;
	bool fail_mismatch, fail_error, quiet, sheets;
	unsigned shard, shards; /* 0/0: the whole run */
	char shard_text[32];
} options;

/* The records go to standard output: no -o, or -o -. */
static bool to_stdout(const options *o)
{
	return !o->output || strcmp(o->output, "-") == 0;
}

static bool parse_uint(const char *s, unsigned max, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > max || s[0] == '-' || s[0] == '+')
		return false;
	*out = (unsigned)v;
	return true;
}

/* "mismatch", "error" or both, comma-separated; every word must be one of them. */
static int parse_fail_on(options *o, const char *arg)
{
	for (const char *w = arg;;) {
		const char *end = strchr(w, ',');
		size_t n = end ? (size_t)(end - w) : strlen(w);
		if (n == 8 && memcmp(w, "mismatch", n) == 0)
			o->fail_mismatch = true;
		else if (n == 5 && memcmp(w, "error", n) == 0)
			o->fail_error = true;
		else
			return cli_usage_error(&cmd_audit, "--fail-on takes mismatch or error, not '%s'", arg);
		if (!end)
			return EXIT_OK;
		w = end + 1;
	}
}

static int parse_shard(options *o, const char *arg)
{
	char buf[32];
	if (strlen(arg) >= sizeof(buf))
		return cli_usage_error(&cmd_audit, "--shard takes I/N with 1 <= I <= N, not '%s'", arg);
	snprintf(buf, sizeof(buf), "%s", arg);
	char *slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (!slash || !parse_uint(buf, 1000000, &o->shard) ||
	    !parse_uint(slash + 1, 1000000, &o->shards) || o->shard > o->shards)
		return cli_usage_error(&cmd_audit, "--shard takes I/N with 1 <= I <= N, not '%s'", arg);
	snprintf(o->shard_text, sizeof(o->shard_text), "%u/%u", o->shard, o->shards);
	return EXIT_OK;
}

static int parse_format(options *o, const char *arg)
{
	static const char *const names[] = { "jsonl", "csv", "xlsx", "sqlite" };
	static const jx_audit_format formats[] = { JX_AUDIT_JSONL, JX_AUDIT_CSV, JX_AUDIT_XLSX,
						   JX_AUDIT_SQLITE };
	for (size_t i = 0; i < 4; i++)
		if (strcmp(arg, names[i]) == 0) {
			o->format = formats[i];
			return EXIT_OK;
		}
	return cli_usage_error(&cmd_audit, "unknown format '%s' (jsonl, csv, xlsx or sqlite)", arg);
}

static int parse_options(options *o, int argc, char **argv)
{
	enum { OPT_FAIL_ON = 256, OPT_SHARD, OPT_SHEETS };
	static const struct option opts[] = {
		{ "rules", required_argument, NULL, 'r' }, { "jobs", required_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "shard", required_argument, NULL, OPT_SHARD }, { "quiet", no_argument, NULL, 'q' },
		{ "spreadsheets", no_argument, NULL, OPT_SHEETS },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int c, status = EXIT_OK;

	memset(o, 0, sizeof(*o));
	o->format = JX_AUDIT_JSONL;
	o->jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : (unsigned)cores;
	optind = 1;
	opterr = 0;
	while (status == EXIT_OK && (c = getopt_long(argc, argv, ":r:j:f:o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'r': o->rules = optarg; break;
		case 'j':
			if (!parse_uint(optarg, MAX_JOBS, &o->jobs))
				status = cli_usage_error(&cmd_audit, "--jobs takes 1 to %d, not '%s'",
							 MAX_JOBS, optarg);
			break;
		case 'f': status = parse_format(o, optarg); break;
		case 'o':
			/* -o "$OUT" with OUT unset: say so, not ": cannot write" */
			if (!*(o->output = optarg))
				status = cli_usage_error(&cmd_audit, "-o needs a file or directory name, not ''");
			break;
		case OPT_FAIL_ON: status = parse_fail_on(o, optarg); break;
		case OPT_SHARD: status = parse_shard(o, optarg); break;
		case OPT_SHEETS: o->sheets = true; break;
		case 'q': o->quiet = true; break;
		case 'h': cli_usage(stdout, &cmd_audit); return -1;
		default:
			return cli_option_error(&cmd_audit, c, argv, opts);
		}
	}
	if (status == EXIT_OK && optind >= argc)
		status = cli_usage_error(&cmd_audit, "no file or directory to audit");
	/* "-" is standard output, where a workbook or a database cannot go:
	 * not a file named "-" either, which the user did not mean */
	if (status == EXIT_OK && to_stdout(o) &&
	    (o->format == JX_AUDIT_XLSX || o->format == JX_AUDIT_SQLITE))
		status = cli_usage_error(&cmd_audit, "--format %s needs -o FILE",
					 o->format == JX_AUDIT_XLSX ? "xlsx" : "sqlite");
	/* csv: -o names a directory for two tables; a new "audit.csv" would be a
	 * directory of that name, which is not what its name asks for */
	struct stat st;
	size_t n = o->output ? strlen(o->output) : 0;
	if (status == EXIT_OK && o->format == JX_AUDIT_CSV && n > 4 && !to_stdout(o) &&
	    strcasecmp(o->output + n - 4, ".csv") == 0 && stat(o->output, &st) != 0)
		status = cli_usage_error(&cmd_audit,
					 "with --format csv, -o names a directory for files.csv and mismatches.csv, "
					 "not a file such as '%s'",
					 o->output);
	return status;
}

/* ------------------------------------------------------------- the command */

/* Say that a signal stopped the run and what became of the output, before
 * the signal ends the process: it would otherwise end with the last
 * diagnostic and no word on the output. */
static void tell_stopped(const options *o, sink *k)
{
	if (o->quiet)
		return;
	progress_clear(&k->progress);
	if (to_stdout(o))
		fprintf(stderr, "jixiao: stopped after %zu of %zu files\n", k->done, k->total);
	else if (o->format == JX_AUDIT_SQLITE)
		fprintf(stderr, "jixiao: stopped after %zu of %zu files; nothing added to %s\n",
			k->done, k->total, o->output);
	else
		fprintf(stderr, "jixiao: stopped after %zu of %zu files; %s not written\n", k->done,
			k->total, o->output);
}

/* The PATHs of the run as the SQLite output records them: one per line,
 * written as the records write names ("-" as <stdin>). NULL when out of
 * memory. */
static char *paths_text(char *const *paths, size_t n)
{
	char *all = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&all, &len);
	if (!f)
		return NULL;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		char *shown = jx_text_escape(jx_ytree_name(paths[i]));
		ok = shown && fprintf(f, "%s%s", i ? "\n" : "", shown) >= 0;
		free(shown);
	}
	if (fclose(f) != 0 || !ok) {
		free(all);
		return NULL;
	}
	return all;
}

/*
 * EXIT_INPUT, after a line for each, when PATHs name nothing (a mistyped
 * directory): a run that audited the rest would look complete. A PATH that
 * exists but cannot be read gets a record saying why, as any file does.
 */
static int paths_missing(char *const *paths, size_t n)
{
	int status = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) == 0 || (errno != ENOENT && errno != ENOTDIR))
			continue;
		int err = errno;
		char *shown = jx_text_escape(paths[i]);
		fprintf(stderr, "%s: error: cannot open: %s\n", shown ? shown : paths[i], strerror(err));
		free(shown);
		status = EXIT_INPUT;
	}
	return status;
}

static int run(int argc, char **argv)
{
	options o;
	cli_files files;
	jx_rules *shared = NULL;
	char err[512];
	int status = parse_options(&o, argc, argv);
	if (status)
		return status < 0 ? EXIT_OK : status;
	if ((status = paths_missing(argv + optind, (size_t)(argc - optind))) != EXIT_OK ||
	    (status = cli_files_collect_with(&files, argv + optind, (size_t)(argc - optind), o.sheets)) != EXIT_OK)
		return status;
	/* in path order, each file once: the first of its names stays */
	if ((status = cli_files_sort(&files)) != EXIT_OK)
		fprintf(stderr, "jixiao: out of memory listing files\n");
	if (status != EXIT_OK || (status = cli_files_unique(&files)) != EXIT_OK ||
	    (status = cli_files_none(&files, "audit")) != EXIT_OK) {
		cli_files_free(&files); /* rather than report an empty run as done */
		return status;
	}
	if (o.format != JX_AUDIT_CSV && /* csv: -o is a directory */
	    (status = cli_check_output("-o", o.output, files.paths, files.n, o.rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}
	if ((status = cli_rules_option(&shared, o.rules)) != EXIT_OK) {
		cli_files_free(&files);
		return status;
	}

	audit_run a = { .paths = files.paths, .first = 0, .end = files.n, .shared = shared,
			.detail = jx_audit_format_detail(o.format), .sheets = o.sheets };
	if (o.shards) {
		a.first = (size_t)((unsigned long long)files.n * (o.shard - 1) / o.shards);
		a.end = (size_t)((unsigned long long)files.n * o.shard / o.shards);
	}
	char *paths = paths_text(argv + optind, (size_t)(argc - optind));
	jx_audit_run info = { JX_VERSION, o.rules, o.shards ? o.shard_text : NULL, paths, &cli_stop_signal };
	sink k = { .summary = jx_audit_summary_new(), .quiet = o.quiet, .total = a.end - a.first };
	bool ready = k.summary && paths; /* else out of memory */
	/* Not on the terminal the records go to: a bar redrawn between two
	 * lines would end up in front of the next one. */
	k.progress.on = !o.quiet && isatty(STDERR_FILENO) && !(to_stdout(&o) && isatty(STDOUT_FILENO));
	clock_gettime(CLOCK_MONOTONIC, &k.progress.start);
	cli_defer_signals();
	int rc = ready ? jx_audit_open(&k.w, o.format, o.output, &info, err, sizeof(err)) : JX_ENOMEM;
	if (rc && cli_stop_signal) { /* stopped while waiting for the database */
		tell_stopped(&o, &k);
		cli_die_of(cli_stop_signal);
	}
	if (rc) {
		fprintf(stderr, "jixiao: %s\n", ready ? err : "out of memory");
		k.reported = true;
	} else {
		unsigned jobs = o.jobs;
		if (jobs > k.total)
			jobs = k.total ? (unsigned)k.total : 1;
		rc = jobs > 1 ? run_parallel(&a, &k, jobs) : run_serial(&a, &k);
		progress_clear(&k.progress);
		if (rc == 0 && cli_stop_signal)
			rc = STOPPED; /* asked to stop after the last record */
		int crc = jx_audit_close(k.w, rc == 0, err, sizeof(err));
		if (cli_stop_signal) { /* after the rollback, or the commit it came in */
			if (rc != 0 || crc != 0)
				tell_stopped(&o, &k);
			cli_die_of(cli_stop_signal);
		}
		if (crc && rc == 0) {
			fprintf(stderr, "jixiao: %s\n", err);
			k.reported = true;
			rc = crc;
		}
	}
	if (rc && !k.reported && rc != JX_EIO)
		fprintf(stderr, "jixiao: %s\n", rc == JX_ENOMEM ? "out of memory" : jx_strerror(rc));
	if (rc == 0 && !o.quiet)
		jx_audit_summary_print(stderr, k.summary);
	status = rc ? (rc == JX_ELIMIT ? EXIT_INPUT : EXIT_IO) : EXIT_OK;
	if (status == EXIT_OK && ((o.fail_mismatch && jx_audit_summary_mismatched(k.summary)) ||
				  (o.fail_error && jx_audit_summary_failed(k.summary))))
		status = EXIT_FOUND;
	jx_audit_summary_free(k.summary);
	jx_rules_free(shared);
	cli_files_free(&files);
	free(paths);
	return status;
}
