/*
 * cli.c - helpers shared by the commands: usage text, diagnostics, loading,
 * and atomic output files (written to a temporary in the target's directory,
 * then renamed, so a reader never sees half a file).
 */
#include "cli.h"

#include "grow.h"
#include "jixiao/common.h"
#include "jixiao/import.h"
#include "readfile.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_usage(FILE *out, const cli_command *cmd)
{
	fprintf(out, "%s", cmd->usage);
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jixiao %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'jixiao %s --help'.\n", cmd->name);
	return EXIT_INPUT;
}

/* The long option whose short form (or code) is val. */
static const struct option *long_option(const struct option *opts, int val)
{
	for (; opts->name; opts++)
		if (opts->val == val)
			return opts;
	return NULL;
}

/*
 * getopt_long leaves optind past the refused element except in the middle
 * of a cluster of short options ("-zq"), where only optopt names it; a long
 * option keeps optopt at its code, 0 when it is unknown.
 */
int cli_option_error(const cli_command *cmd, int c, char *const *argv, const struct option *opts)
{
	const char *arg = argv[optind - 1];
	int len = (int)strcspn(arg, "=");
	bool is_long = strncmp(arg, "--", 2) == 0;
	const struct option *o = optopt ? long_option(opts, optopt) : NULL;

	if (c == ':' && is_long)
		return cli_usage_error(cmd, "option '%.*s' needs an argument", len, arg);
	if (c == ':')
		return cli_usage_error(cmd, "option '-%c' needs an argument", optopt);
	if (!optopt)
		return cli_usage_error(cmd, "unknown option '%.*s'", len, arg);
	if (is_long && arg[len] == '=' && o && o->has_arg == no_argument)
		return cli_usage_error(cmd, "option '%.*s' takes no argument", len, arg);
	if (optopt > ' ' && optopt < 0x7f)
		return cli_usage_error(cmd, "unknown option '-%c'", optopt);
	return cli_usage_error(cmd, "unknown option: a '-' followed by byte 0x%02X", optopt & 0xff);
}

void cli_print_diags(const jx_diags *d)
{
	int flags = 0;
	if (isatty(fileno(stderr))) {
		flags |= JX_DIAG_CARET;
		const char *nc = getenv("NO_COLOR");
		if (!nc || !*nc)
			flags |= JX_DIAG_COLOR;
	}
	jx_diags_print(stderr, d, flags);
}

int cli_exit_for(int rc)
{
	switch (rc) {
	case 0: return EXIT_OK;
	case JX_EIO: case JX_ENOMEM: return EXIT_IO;
	default: return EXIT_INPUT;
	}
}

/* Score the loaded document under ev->rules and compute its findings. */
static int eval_score(cli_eval *ev, jx_diags *diags, int findings_flags)
{
	int rc = jx_score_run(&ev->result, ev->doc, ev->rules, diags);
	if (rc == 0 && (rc = jx_findings_collect(&ev->findings, ev->result, findings_flags)) != 0)
		jx_diags_add(diags, JX_SEV_ERROR, &ev->doc->src, 0, 0, "out of memory");
	return rc;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Whether path is a workbook: named *.xlsx or *.xlsm, or a zip archive
 * whatever its name (a workbook saved as 自评表.et or without an extension). */
static bool workbook(const char *path)
{
	char magic[4] = { 0 };
	struct stat st;
	if (ends_with(path, ".xlsx") || ends_with(path, ".xlsm"))
		return true;
	/* Only a regular file is looked into: standard input, a pipe or a FIFO
	 * (jixiao import <(…)) can be read once only, as CSV, and opening a FIFO
	 * here would take its data from the reader that follows. */
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false; /* the CSV reader says why, if it cannot read it */
	FILE *f = fopen(path, "rb");
	if (!f)
		return false; /* the CSV reader says why */
	size_t n = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	return jx_file_signature(magic, n) == JX_SIG_ZIP;
}

/*
 * The worksheet of a workbook that holds the 自评表: the first with an
 * indicator table (a cover or a 说明 sheet may come before it), else the
 * first, whose import then says what it lacks.
 */
static int table_sheet(jx_sheet *s, const char *path, jx_diags *diags)
{
	size_t n;
	int rc = jx_sheet_read_xlsx_first(s, &n, path, jx_import_finds_table, CLI_MAX_SHEETS, diags);
	if (rc == 0 && n > 1)
		jx_diags_add(diags, JX_SEV_NOTE, &(jx_source){ path, NULL, 0 }, 0, 0,
			     "read sheet '%s', the first with an indicator table (一级指标)", s->sheet);
	return rc;
}

int cli_import_text(const char *path, const char *sheet, char **text, size_t *len, jx_import_trace *trace,
		    jx_diags *diags)
{
	jx_sheet s;
	int rc;
	if (!workbook(path))
		rc = jx_sheet_read_csv(&s, path, diags);
	else if (sheet)
		rc = jx_sheet_read_xlsx(&s, path, sheet, diags);
	else
		rc = table_sheet(&s, path, diags);
	if (rc)
		return rc;
	FILE *f = open_memstream(text, len);
	if (!f) {
		jx_sheet_release(&s);
		return JX_ENOMEM;
	}
	rc = jx_import_traced(f, &s, trace, diags);
	if (fclose(f) != 0 && rc == 0)
		rc = JX_ENOMEM;
	jx_sheet_release(&s);
	return rc;
}

/* Where the document named its rule set, for diagnostics about it. */
static jx_loc rules_named_at(const jx_doc *doc)
{
	return (jx_loc){ &doc->src, doc->rules_mark.line, doc->rules_mark.col };
}

/* The rule set for doc: the shared one, else from the cache, else loaded
 * (the override or the one doc names) into ev->own_rules. */
static int rules_for(cli_eval *ev, const jx_doc *doc, const char *override, const jx_rules *shared,
		     jx_rules_cache *cache, jx_diags *diags)
{
	jx_loc from = rules_named_at(doc);
	const jx_loc *at = doc->rules_mark.line ? &from : NULL;
	int rc;
	if (shared) {
		ev->rules = shared;
		return 0;
	}
	if (cache)
		return jx_rules_cache_get(cache, &ev->rules, doc->rules, jx_doc_dir(doc), at, diags);
	rc = override ? jx_rules_load(&ev->own_rules, override, NULL, NULL, diags)
		      : jx_rules_load(&ev->own_rules, doc->rules, jx_doc_dir(doc), at, diags);
	ev->rules = ev->own_rules;
	return rc;
}

/*
 * Load, bind and score. A file that is valid YAML but not a valid evaluation
 * is still checked against its rule set as far as it could be read, so one
 * run reports every problem. What the rule set reveals joins the file's own
 * problems in line order; a rule set's own problems follow, in its file.
 */
static int load(cli_eval *ev, const char *path, const char *override, const jx_rules *shared,
		jx_rules_cache *cache, int findings_flags, bool sheets, jx_diags *diags)
{
	jx_doc *partial = NULL;
	jx_import_trace trace = { 0 };
	char *text = NULL;
	size_t first = diags->count, yaml_from = first, len = 0;
	bool imported = sheets && cli_sheet_name(path);
	memset(ev, 0, sizeof(*ev));
	int rc;
	if (imported) {
		/* a 自评表 kept in a spreadsheet, imported in memory */
		size_t errors = diags->errors;
		rc = cli_import_text(path, NULL, &text, &len, &trace, diags);
		if (rc == 0 && diags->errors > errors)
			rc = JX_EINVAL; /* part of the table could not be read */
		yaml_from = diags->count;
		if (rc == 0)
			rc = jx_doc_parse_partial(&ev->doc, &partial, path, text, len, diags);
	} else {
		rc = jx_doc_load_partial(&ev->doc, &partial, path, diags);
	}
	const jx_doc *doc = ev->doc ? ev->doc : partial;
	if (doc) {
		int rules_rc = rules_for(ev, doc, override, shared, cache, diags);
		if (rules_rc) {
			if (rc == 0)
				rc = rules_rc;
		} else if (partial) {
			jx_score_check(partial, ev->rules, diags);
		} else {
			rc = eval_score(ev, diags, findings_flags);
		}
		/* the YAML was never shown: its problems are said at the cells */
		if (imported && yaml_from < diags->count && jx_import_trace_locate(&trace, text, len) == 0)
			jx_import_trace_move(&trace, path, path, diags, yaml_from);
		jx_diags_sort(diags, first);
	}
	free(text);
	jx_import_trace_release(&trace);
	jx_doc_free(partial);
	if (rc)
		cli_eval_release(ev);
	return rc;
}

int cli_eval_load(cli_eval *ev, const char *path, const char *rules_override, jx_diags *diags)
{
	return load(ev, path, rules_override, NULL, NULL, 0, false, diags);
}

int cli_eval_load_shared(cli_eval *ev, const char *path, const jx_rules *shared,
			 jx_rules_cache *cache, int findings_flags, bool sheets, jx_diags *diags)
{
	return load(ev, path, NULL, shared, cache, findings_flags, sheets, diags);
}

int cli_rules_option(jx_rules **out, const char *name)
{
	jx_diags d;
	*out = NULL;
	if (!name)
		return EXIT_OK;
	jx_diags_init(&d);
	int rc = jx_rules_load(out, name, NULL, NULL, &d);
	cli_print_diags(&d);
	jx_diags_release(&d);
	return cli_exit_for(rc);
}

void cli_eval_release(cli_eval *ev)
{
	jx_findings_release(&ev->findings);
	jx_result_free(ev->result);
	jx_rules_free(ev->own_rules);
	jx_doc_free(ev->doc);
	memset(ev, 0, sizeof(*ev));
}

volatile sig_atomic_t cli_stop_signal;

/* A signal ending the run removes the temporaries being written. */
void cli_die_of(int sig)
{
	jx_tmp_remove_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_signal_deferred(int sig)
{
	if (cli_stop_signal)
		cli_die_of(sig);
	cli_stop_signal = sig;
}

/* The handler stays installed and the three signals wait while it runs:
 * signal() in strict C mode resets it at the first call, so a second signal
 * (timeout(1) sends one to the process and one to its group) killed the
 * process before the first had removed the temporaries. */
static void catch_with(void (*handler)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
}

void cli_catch_signals(void)
{
	catch_with(cli_die_of);
}

void cli_defer_signals(void)
{
	catch_with(on_signal_deferred);
}

/* CLI_MAX_FILES, or fewer when JIXIAO_MAX_FILES asks for fewer. */
static size_t max_files(void)
{
	const char *env = getenv("JIXIAO_MAX_FILES");
	char *end;
	if (!env || !*env)
		return CLI_MAX_FILES;
	unsigned long v = strtoul(env, &end, 10);
	return *end == '\0' && v > 0 && v < CLI_MAX_FILES ? (size_t)v : CLI_MAX_FILES;
}

/* Add path to the list, whatever its length. */
static int list_add(cli_files *f, const char *path)
{
	if (!JX_GROW(f->paths, f->cap, f->n + 1, 64))
		return EXIT_IO;
	if (!(f->paths[f->n] = strdup(path)))
		return EXIT_IO;
	f->n++;
	return EXIT_OK;
}

/* Add a file the command takes, st its stat(2) (NULL: standard input or not
 * found): at most max_files() of them. */
static int files_add(cli_files *f, const char *path, const struct stat *st)
{
	if (f->n >= max_files()) {
		fprintf(stderr, "jixiao: more than %zu files (the limit of one run)\n", max_files());
		return EXIT_INPUT;
	}
	if (!JX_GROW(f->ids, f->ids_cap, f->n + 1, 64))
		return EXIT_IO;
	f->ids[f->n] = st ? (cli_file_id){ st->st_dev, st->st_ino } : (cli_file_id){ 0, 0 };
	return list_add(f, path);
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A path with its identity, sorted together. */
typedef struct path_id {
	char *path;
	cli_file_id id;
} path_id;

/* Sort the n paths from first on (and their identities, when listed). */
static int sort_range(cli_files *f, size_t first, size_t n)
{
	if (n < 2) /* qsort must not see the NULL of an empty list */
		return EXIT_OK;
	if (!f->ids) {
		qsort(f->paths + first, n, sizeof(*f->paths), path_cmp);
		return EXIT_OK;
	}
	path_id *pi = malloc(n * sizeof(*pi));
	if (!pi)
		return EXIT_IO;
	for (size_t i = 0; i < n; i++)
		pi[i] = (path_id){ f->paths[first + i], f->ids[first + i] };
	qsort(pi, n, sizeof(*pi), path_cmp); /* the path comes first */
	for (size_t i = 0; i < n; i++) {
		f->paths[first + i] = pi[i].path;
		f->ids[first + i] = pi[i].id;
	}
	free(pi);
	return EXIT_OK;
}

static bool yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

bool cli_sheet_name(const char *name)
{
	static const char *const exts[] = { ".xlsx", ".xlsm", ".xls", ".et", ".csv" };
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strlen(name) > strlen(exts[i]) && ends_with(name, exts[i]))
			return true;
	return false;
}

/* dir and name joined by one slash ("a/" and "a" give the same path). */
static char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	bool slash = !(dl == 1 && dir[0] == '/');
	char *p = malloc(dl + slash + nl + 1);
	if (p) {
		memcpy(p, dir, dl);
		p[dl] = '/';
		memcpy(p + dl + slash, name, nl + 1);
	}
	return p;
}

/* Say on standard error what became of an entry of a directory searched,
 * its name written as the outputs write it (jx_text_escape). */
static void tell_entry(const char *path, const char *what)
{
	char *shown = jx_text_escape(path);
	fprintf(stderr, "jixiao: %s: %s\n", shown ? shown : path, what);
	free(shown);
}

/*
 * The YAML files below dir (with sheets, the spreadsheets too), added to f
 * (sorted later). Subdirectories are searched; symbolic links to directories
 * are not followed, as find(1) does not (a link may loop or lead to files
 * listed already). A link named *.yaml is listed even when it leads nowhere,
 * so that its record says so; a directory that cannot be read is listed too,
 * for the same reason.
 */
static int collect_dir(cli_files *f, const char *dir, int depth, bool sheets)
{
	cli_files here = { 0 };
	struct dirent *e;
	int status = EXIT_OK;

	if (depth > CLI_MAX_DIR_DEPTH) {
		tell_entry(dir, "directories nested too deep");
		return EXIT_INPUT;
	}
	DIR *d = opendir(dir);
	if (!d)
		return files_add(f, dir, NULL);
	while (status == EXIT_OK && (e = readdir(d)))
		if (e->d_name[0] != '.')
			status = list_add(&here, e->d_name); /* not all are files taken */
	closedir(d);
	/* In name order, so that messages come in the same order everywhere. */
	if (status == EXIT_OK)
		status = cli_files_sort(&here);
	for (size_t i = 0; i < here.n && status == EXIT_OK; i++) {
		struct stat st, to;
		char *path = path_join(dir, here.paths[i]);
		if (!path) {
			status = EXIT_IO;
			break;
		}
		bool listed = lstat(path, &st) == 0; /* not removed since */
		bool link = listed && S_ISLNK(st.st_mode);
		bool reached = link && stat(path, &to) == 0;
		if (!listed)
			;
		else if (S_ISDIR(st.st_mode))
			status = collect_dir(f, path, depth + 1, sheets);
		else if (reached && S_ISDIR(to.st_mode))
			tell_entry(path, "a link to a directory; not followed");
		else if (!yaml_name(here.paths[i]) && !(sheets && cli_sheet_name(here.paths[i]))) {
			/* a 自评表 not imported yet: counted, for cli_files_none */
			if (cli_sheet_name(here.paths[i]) && (S_ISREG(st.st_mode) || (reached && S_ISREG(to.st_mode))) &&
			    f->sheets++ == 0)
				f->sheet = path, path = NULL;
		}
		else if (S_ISREG(st.st_mode) || (link && (!reached || S_ISREG(to.st_mode))))
			status = files_add(f, path, link ? (reached ? &to : NULL) : &st);
		else
			tell_entry(path, "not a regular file; skipped");
		free(path);
	}
	cli_files_free(&here);
	return status;
}

int cli_files_collect(cli_files *out, char *const *args, size_t nargs)
{
	return cli_files_collect_with(out, args, nargs, false);
}

int cli_files_collect_with(cli_files *out, char *const *args, size_t nargs, bool sheets)
{
	int status = EXIT_OK;
	bool stdin_named = false;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < nargs && status == EXIT_OK; i++) {
		struct stat st;
		size_t first = out->n;
		bool is_stdin = strcmp(args[i], "-") == 0;
		if (is_stdin && stdin_named) {
			/* read once, it is empty the second time */
			fprintf(stderr, "jixiao: standard input ('-') is named more than once\n");
			status = EXIT_INPUT;
		} else if (!is_stdin && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			/* "a/x.yaml" after "a-b.yaml": the order of the whole path */
			if ((status = collect_dir(out, args[i], 0, sheets)) == EXIT_OK)
				status = sort_range(out, first, out->n - first);
		} else {
			bool found = !is_stdin && stat(args[i], &st) == 0;
			status = files_add(out, args[i], found ? &st : NULL);
		}
		stdin_named = stdin_named || is_stdin;
	}
	if (status == EXIT_IO)
		fprintf(stderr, "jixiao: out of memory listing files\n");
	if (status != EXIT_OK)
		cli_files_free(out); /* nothing half-listed for the caller to free */
	return status;
}

int cli_files_none(const cli_files *f, const char *verb)
{
	if (f->n > 0)
		return EXIT_OK;
	if (f->sheets == 0) {
		fprintf(stderr, "jixiao: no *.yaml or *.yml file to %s\n", verb);
		return EXIT_INPUT;
	}
	/* the workbooks a department sent, not imported yet */
	char *one = jx_text_escape(f->sheet);
	const char *hint = "";
	if (strcmp(verb, "audit") == 0)
		hint = f->sheets > 1 ? ", or audits them as they are with --spreadsheets"
				     : ", or audits it as it is with --spreadsheets";
	fprintf(stderr,
		"jixiao: no *.yaml or *.yml file to %s, only %zu spreadsheet%s (the first: %s); jixiao reads a "
		"自评表 kept in a spreadsheet through 'jixiao import FILE -o FILE.yaml'%s\n",
		verb, f->sheets, f->sheets > 1 ? "s" : "", one ? one : f->sheet, hint);
	free(one);
	return EXIT_INPUT;
}

int cli_files_sort(cli_files *f)
{
	return sort_range(f, 0, f->n);
}

typedef struct file_id {
	dev_t dev;
	ino_t ino;
	char *real; /* its realpath(3), when another path has its identity; else NULL */
	size_t at;  /* position in the list */
} file_id;

static int cmp_size(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

/* By identity, then by real path (none last), then by position. */
static int id_cmp(const void *pa, const void *pb)
{
	const file_id *a = pa, *b = pb;
	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	if (!a->real != !b->real)
		return a->real ? -1 : 1;
	int c = a->real ? strcmp(a->real, b->real) : 0;
	return c ? c : cmp_size(a->at, b->at);
}

static bool same_id(const file_id *a, const file_id *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

/* Whether a and b are one path to one file: the same identity reached
 * through the same real path (a hard link is a file of its own). */
static bool same_file(const file_id *a, const file_id *b)
{
	return same_id(a, b) && a->real && b->real && strcmp(a->real, b->real) == 0;
}

/* The note for path, which leads to the same file as was, listed before it. */
static void tell_again(const char *path, const char *was)
{
	char *shown = jx_text_escape(path), *before = jx_text_escape(was);
	const char *p = shown ? shown : path, *b = before ? before : was;
	if (strcmp(path, was) == 0)
		fprintf(stderr, "jixiao: note: %s is named more than once; it counts once\n", p);
	else
		fprintf(stderr, "jixiao: note: %s is %s again; it counts once\n", p, b);
	free(shown);
	free(before);
}

/* In cli_files_unique: dropped with no note of its own. */
#define QUIETLY SIZE_MAX
/* Notes naming the path of a file reached again, before a count of the rest. */
#define CLI_NOTES_AGAIN 10

int cli_files_unique(cli_files *f)
{
	file_id *ids = calloc(f->n ? f->n : 1, sizeof(*ids));
	size_t *first = calloc(f->n ? f->n : 1, sizeof(*first)); /* 1 + where a file came first */
	size_t nids = 0, kept = 0;
	if (!ids || !first) {
		free(ids);
		free(first);
		fprintf(stderr, "jixiao: out of memory listing files\n");
		return EXIT_IO;
	}
	for (size_t i = 0; i < f->n; i++) {
		cli_file_id id = f->ids[i];
		/* {0, 0}: standard input, an identity of its own; or a file
		 * not found, reported when it is read */
		if (id.dev != 0 || id.ino != 0 || strcmp(f->paths[i], "-") == 0)
			ids[nids++] = (file_id){ id.dev, id.ino, NULL, i };
	}
	if (nids > 1)
		qsort(ids, nids, sizeof(*ids), id_cmp);
	/* Paths with one identity: their real paths tell a second name of a
	 * file ("./a", a symbolic link) from a hard link. */
	bool shared = false;
	for (size_t i = 0; i < nids; i++)
		if ((i > 0 && same_id(&ids[i], &ids[i - 1])) || (i + 1 < nids && same_id(&ids[i], &ids[i + 1]))) {
			ids[i].real = realpath(f->paths[ids[i].at], NULL); /* NULL: kept as a file of its own */
			shared = true;
		}
	if (shared)
		qsort(ids, nids, sizeof(*ids), id_cmp);
	/* Sorted by file, then by position: the first of each run stays. A name
	 * dropped just before is dropped again without a second note (in a
	 * sorted list, every repeat of a name). */
	for (size_t i = 1, run = 0; i < nids; i++) {
		if (!same_file(&ids[i], &ids[run])) {
			run = i;
			continue;
		}
		bool repeat = i - 1 > run && strcmp(f->paths[ids[i - 1].at], f->paths[ids[i].at]) == 0;
		first[ids[i].at] = repeat ? QUIETLY : ids[run].at + 1;
	}
	for (size_t i = 0; i < nids; i++)
		free(ids[i].real);
	size_t notes = 0; /* in the order of the list, the first few */
	for (size_t i = 0; i < f->n; i++)
		if (first[i] && first[i] != QUIETLY && notes++ < CLI_NOTES_AGAIN)
			tell_again(f->paths[i], f->paths[first[i] - 1]);
	if (notes > CLI_NOTES_AGAIN)
		fprintf(stderr, "jixiao: note: %zu more files are reached more than once; each counts once\n",
			notes - CLI_NOTES_AGAIN);
	for (size_t i = 0; i < f->n; i++) {
		if (first[i]) {
			free(f->paths[i]);
		} else {
			f->ids[kept] = f->ids[i];
			f->paths[kept++] = f->paths[i];
		}
	}
	f->n = kept;
	free(ids);
	free(first);
	return EXIT_OK;
}

/* Up to this many inputs, every one is compared with the output. */
#define CLI_CHECK_ALL 1000

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int cli_check_output(const char *opt, const char *output, char *const *inputs, size_t n,
		     const char *rules)
{
	struct stat out, in;
	if (!output || strcmp(output, "-") == 0 || stat(output, &out) != 0 || !S_ISREG(out.st_mode))
		return EXIT_OK; /* a new file, or one that is written in place */
	char *real = realpath(output, NULL);
	const char *name = base_name(output), *target = real ? base_name(real) : name;
	int status = EXIT_OK;
	for (size_t i = 0; i <= n && status == EXIT_OK; i++) {
		const char *input = i < n ? inputs[i] : rules, *b;
		if (!input || (i == n && !jx_rules_is_path(input)))
			continue; /* none, or a rule set by name ("standard") */
		/* Every input of a small run; of a large one (an audit of
		 * directories), those with the output's name. */
		bool same = strcmp(input, "-") == 0 ? fstat(STDIN_FILENO, &in) == 0
			    : (n <= CLI_CHECK_ALL || strcmp(b = base_name(input), name) == 0 ||
			       strcmp(b, target) == 0) && stat(input, &in) == 0;
		if (same && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			fprintf(stderr, "jixiao: error: %s %s is an input of this run (%s); writing it would "
					"destroy it: choose another output\n", opt, output,
				strcmp(input, "-") == 0 ? "standard input" : input);
			status = EXIT_INPUT;
		}
	}
	free(real);
	return status;
}

void cli_files_free(cli_files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	free(f->ids);
	free(f->sheet);
	memset(f, 0, sizeof(*f));
}

int cli_write(const char *path, cli_writer fn, const void *ctx)
{
	cli_out out;
	int status = cli_out_open(&out, path);
	if (status != EXIT_OK)
		return status;
	errno = 0;
	if (fn(out.f, ctx) != 0) {
		int err = errno;
		cli_out_abort(&out);
		fprintf(stderr, "jixiao: cannot write %s%s%s\n", path && strcmp(path, "-") ? path : "the output",
			err ? ": " : "", err ? strerror(err) : "");
		return EXIT_IO;
	}
	return cli_out_commit(&out);
}

int cli_out_open(cli_out *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	cli_catch_signals();
	if (jx_tmp_create(&o->tmp, path, true) != 0) {
		fprintf(stderr, "jixiao: %s: cannot write: %s\n", path, strerror(errno));
		return EXIT_IO;
	}
	o->f = o->tmp.f;
	return 0;
}

int cli_out_commit(cli_out *o)
{
	if (o->f == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "jixiao: cannot write to standard output: %s\n", strerror(errno));
			return EXIT_IO;
		}
		return 0;
	}
	char *path = strdup(o->tmp.path);
	int rc = jx_tmp_commit(&o->tmp);
	if (rc != 0)
		fprintf(stderr, "jixiao: %s: cannot write: %s\n", path ? path : "output", strerror(errno));
	free(path);
	o->f = NULL;
	return rc ? EXIT_IO : 0;
}

void cli_out_abort(cli_out *o)
{
	jx_tmp_abort(&o->tmp);
	memset(o, 0, sizeof(*o));
}
