/*
 * tmpfile.h - outputs that appear complete or not at all: each is written to
 * a temporary next to it ("OUT.tmpXXXXXX") and renamed over it when done.
 * Live temporaries are registered so that a signal handler can remove them.
 * An output that is a symbolic link has its target replaced, keeping the
 * link; an existing output keeps its permissions. An output that is not a
 * regular file (a terminal, /dev/null, a pipe, /dev/stdout, /dev/fd/3) is
 * written directly: it cannot be replaced.
 */
#ifndef JX_TMPFILE_H
#define JX_TMPFILE_H

#include <stdbool.h>
#include <stdio.h>

/** A temporary for the output at path. */
typedef struct jx_tmp {
	char *path;   /**< the output, as given */
	char *target; /**< the file the temporary replaces: path with its links followed */
	char *tmp;    /**< the temporary (a scratch file in $TMPDIR for a direct output written
		       * by name), NULL when none is open */
	bool direct;  /**< the output is not a regular file: written in place */
	FILE *f;      /**< open on the temporary (or the output) when asked for */
} jx_tmp;

/** The file to write, for libraries that open it by name. */
static inline const char *jx_tmp_name(const jx_tmp *t)
{
	return t->tmp;
}

/** Most temporaries open at once. */
#define JX_TMP_MAX 8

/**
 * Create the temporary for path (mode as a new file would get), opened as
 * t->f when open_file, else closed (for libraries that open by name).
 * Returns 0, or -1 with errno set.
 */
int jx_tmp_create(jx_tmp *t, const char *path, bool open_file);

/**
 * Flush, sync and close t->f (or sync the file when it was written by name),
 * then rename the temporary over the output. Returns 0, or -1 with errno set
 * and the temporary removed.
 */
int jx_tmp_commit(jx_tmp *t);

/**
 * The same for an output that must not exist yet: when another process
 * created it meanwhile, fails with EEXIST and leaves it as it is.
 */
int jx_tmp_commit_new(jx_tmp *t);

/** Remove the temporary; the output is left as it was. */
void jx_tmp_abort(jx_tmp *t);

/** Remove every live temporary; async-signal-safe (for a signal handler). */
void jx_tmp_remove_all(void);

#endif
