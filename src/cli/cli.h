/*
 * cli.h - what the commands of the jixiao tool share: exit statuses,
 * diagnostics on stderr, loading and scoring a file, and output files that
 * appear complete or not at all.
 */
#ifndef JX_CLI_H
#define JX_CLI_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/findings.h"
#include "jixiao/import.h"
#include "jixiao/rules.h"
#include "jixiao/score.h"
#include "tmpfile.h"

#include <getopt.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>

/** Exit statuses (spec §7). */
enum {
	EXIT_OK = 0,
	EXIT_FOUND = 1, /**< ran, and found what --fail-on asked about */
	EXIT_INPUT = 2, /**< bad input or usage */
	EXIT_IO = 3     /**< I/O or internal failure */
};

/** One command: name, one-line summary, usage text and entry point. */
typedef struct cli_command {
	const char *name;
	const char *summary;
	const char *usage;
	int (*run)(int argc, char **argv);
} cli_command;

/** Print a command's usage to out. */
void cli_usage(FILE *out, const cli_command *cmd);

/** Report a usage error ("jixiao score: …") and return EXIT_INPUT. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * Report the option that getopt_long just refused and return EXIT_INPUT:
 * an unknown option, one without its argument, or one given an argument it
 * does not take. c is what getopt_long returned; its option string must
 * start with ':' so that a missing argument is told apart.
 */
int cli_option_error(const cli_command *cmd, int c, char *const *argv, const struct option *opts);

/** Print diagnostics to stderr, with source lines and colour on a terminal. */
void cli_print_diags(const jx_diags *d);

/** A loaded and scored evaluation. */
typedef struct cli_eval {
	jx_doc *doc;
	const jx_rules *rules;
	jx_rules *own_rules; /**< rules, when not shared */
	jx_result *result;
	jx_findings findings;
} cli_eval;

/**
 * Load path, load its rule set (rules_override when not NULL, relative to
 * the current directory; else the document's own, relative to the document),
 * score it and compute its findings. Problems go to diags. Returns 0 or a JX_E… code; on failure
 * nothing is left to free.
 */
int cli_eval_load(cli_eval *ev, const char *path, const char *rules_override, jx_diags *diags);

/**
 * The same for many files: the rule set is shared (when not NULL) or taken
 * from cache, and the evaluation does not own it; findings_flags as for
 * jx_findings_collect. With sheets, a path named as a spreadsheet
 * (cli_sheet_name) is imported in memory as `jixiao import` reads it, and
 * the problems of the evaluation it gives are said at the cells.
 */
int cli_eval_load_shared(cli_eval *ev, const char *path, const jx_rules *shared,
			 jx_rules_cache *cache, int findings_flags, bool sheets, jx_diags *diags);

void cli_eval_release(cli_eval *ev);

/**
 * The rule set a command's --rules names, loaded once for all the files of
 * the run (*out NULL when name is NULL). Its problems are printed once, not
 * with each file. Returns an exit status; on failure *out is NULL.
 */
int cli_rules_option(jx_rules **out, const char *name);

/** Whether a file name is a spreadsheet's (*.xlsx, *.xlsm, *.xls, *.et, *.csv). */
bool cli_sheet_name(const char *name);

/** Most worksheets of a workbook looked through for the 自评表. */
#define CLI_MAX_SHEETS 64

/**
 * The YAML `jixiao import` makes of the 自评表 in the spreadsheet at path
 * (a workbook, by its name or content, else CSV; sheet NULL: the first
 * worksheet with an indicator table, else the first), in
 * memory, with where each value came from (the sheet's diagnostics name
 * path). Problems go to diags. Returns 0 or a JX_E… code.
 */
int cli_import_text(const char *path, const char *sheet, char **text, size_t *len, jx_import_trace *trace,
		    jx_diags *diags);

/** An output: standard output, or a file written through a temporary. */
typedef struct cli_out {
	FILE *f;
	jx_tmp tmp; /**< unused for standard output */
} cli_out;

/**
 * Remove the temporaries being written when SIGINT, SIGTERM or SIGHUP ends
 * the run. SIGXFSZ (a file-size limit) is ignored, so that a write beyond
 * the limit fails like one to a full disk instead of ending the run.
 */
void cli_catch_signals(void);

/**
 * As cli_catch_signals, but the first of those signals only sets
 * cli_stop_signal: the command stops at its next record, undoes what it
 * wrote (an SQLite transaction is rolled back) and then calls cli_die_of.
 * A second signal ends the run at once.
 */
void cli_defer_signals(void);
extern volatile sig_atomic_t cli_stop_signal;

/** End the process by sig, as if it had not been caught, after removing temporaries. */
void cli_die_of(int sig);

/** Open path for writing ("-" or NULL: standard output). Returns 0 or EXIT_IO after a message. */
int cli_out_open(cli_out *o, const char *path);

/** Flush and move the temporary into place; returns 0 or EXIT_IO after a message. */
int cli_out_commit(cli_out *o);

/** Remove the temporary; the target is left as it was. */
void cli_out_abort(cli_out *o);

/** Something that writes an output to f; returns 0 or a JX_E… code. */
typedef int (*cli_writer)(FILE *f, const void *ctx);

/**
 * Write an output with fn to path (NULL or "-": standard output), through a
 * temporary renamed into place when complete. Returns an exit status.
 */
int cli_write(const char *path, cli_writer fn, const void *ctx);

/** Most files one command takes (directories expanded); JIXIAO_MAX_FILES may set fewer. */
#define CLI_MAX_FILES 1000000

/** Which file a path leads to: {0, 0} for standard input and a file not found. */
typedef struct cli_file_id {
	dev_t dev;
	ino_t ino;
} cli_file_id;

/** A list of file paths; free with cli_files_free. */
typedef struct cli_files {
	char **paths;
	cli_file_id *ids; /**< of each path, from the stat(2) made while listing */
	size_t n, cap, ids_cap;
	size_t sheets; /**< spreadsheets found below a directory, not read */
	char *sheet;   /**< the first of them */
} cli_files;

/** Deepest directory nesting below a PATH that is searched. */
#define CLI_MAX_DIR_DEPTH 64

/**
 * The files named by args, in the order given; a directory stands for the
 * *.yaml and *.yml files below it (symbolic links to directories are not
 * followed), sorted by path. Returns an exit status (after a message) when
 * memory runs out, directories nest too deep, there are too many files or
 * standard input ("-") is named twice; out is then empty.
 */
int cli_files_collect(cli_files *out, char *const *args, size_t nargs);

/** cli_files_collect; with sheets, the spreadsheets below a directory
 * (cli_sheet_name) are listed too. */
int cli_files_collect_with(cli_files *out, char *const *args, size_t nargs, bool sheets);

/** EXIT_INPUT, after "no *.yaml or *.yml file to VERB" (a mistyped directory,
 * files named *.YAML; the spreadsheets found instead, to be imported), when f
 * holds no file; else EXIT_OK. */
int cli_files_none(const cli_files *f, const char *verb);

/** Sort the list by path (byte order). Returns an exit status. */
int cli_files_sort(cli_files *f);

/**
 * Keep each file once, where it first appears, however it was named (a file
 * and its directory, "a.yaml" and "./a.yaml", a link beside its file), with a
 * note on standard error for each file dropped: for commands whose results
 * depend on how many files there are. Files are told apart by the identity
 * read while listing them, so this costs no system call. Returns an exit
 * status.
 */
int cli_files_unique(cli_files *f);

void cli_files_free(cli_files *f);

/**
 * Refuse an output (NULL or "-": none) that is one of the inputs, which
 * writing it would destroy. Inputs ("-": standard input) are compared by
 * identity: all of them when there are up to 1000, else those with the
 * output's file name (or its link target's), so that an audit of many files
 * costs a few stat calls; rules (may be NULL) is a rule set named on the
 * command line. opt names the option ("-o").
 * Returns EXIT_OK, or EXIT_INPUT after a message.
 */
int cli_check_output(const char *opt, const char *output, char *const *inputs, size_t n,
		     const char *rules);

/** Map a library error code to an exit status. */
int cli_exit_for(int rc);

#endif
