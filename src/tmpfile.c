/*
 * tmpfile.c - temporaries renamed into place, registered for signal cleanup.
 */
#include "tmpfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The live temporaries, readable from a signal handler: a slot's path is
 * complete before its flag is set, and the flag is cleared before reuse. */
static char slot_path[JX_TMP_MAX][4096];
static volatile sig_atomic_t slot_live[JX_TMP_MAX];

static void slot_add(const char *tmp)
{
	for (int i = 0; i < JX_TMP_MAX; i++)
		if (!slot_live[i]) {
			memcpy(slot_path[i], tmp, strlen(tmp) + 1);
			slot_live[i] = 1;
			return;
		}
}

static void slot_drop(const char *tmp)
{
	for (int i = 0; i < JX_TMP_MAX; i++)
		if (slot_live[i] && strcmp(slot_path[i], tmp) == 0) {
			slot_live[i] = 0;
			return;
		}
}

void jx_tmp_remove_all(void)
{
	for (int i = 0; i < JX_TMP_MAX; i++)
		if (slot_live[i])
			unlink(slot_path[i]);
}

static int fail(jx_tmp *t, int err)
{
	jx_tmp_abort(t);
	errno = err;
	return -1;
}

int jx_tmp_create(jx_tmp *t, const char *path, bool open_file)
{
	size_t n = strlen(path) + sizeof(".tmpXXXXXX");
	memset(t, 0, sizeof(*t));
	if (n > sizeof(slot_path[0])) {
		errno = ENAMETOOLONG;
		return -1;
	}
	t->path = strdup(path);
	t->tmp = malloc(n);
	if (!t->path || !t->tmp)
		return fail(t, ENOMEM);
	snprintf(t->tmp, n, "%s.tmpXXXXXX", path);
	int fd = mkstemp(t->tmp);
	if (fd < 0) {
		int err = errno;
		free(t->tmp);
		t->tmp = NULL;
		return fail(t, err);
	}
	slot_add(t->tmp);
	/* mkstemp makes the file private; give it the mode a new file would get. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if (!open_file) {
		close(fd);
		return 0;
	}
	if (!(t->f = fdopen(fd, "w"))) {
		int err = errno;
		close(fd);
		return fail(t, err);
	}
	return 0;
}

/* Flush the temporary to disk: through t->f, or by name when a library wrote it. */
static int sync_tmp(jx_tmp *t)
{
	int err = 0;
	if (t->f) {
		if (fflush(t->f) != 0 || ferror(t->f) || fsync(fileno(t->f)) != 0)
			err = errno ? errno : EIO;
		if (fclose(t->f) != 0 && !err)
			err = errno;
		t->f = NULL;
		return err;
	}
	int fd = open(t->tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	if (fsync(fd) != 0)
		err = errno;
	close(fd);
	return err;
}

static int commit(jx_tmp *t, bool replace)
{
	int err = sync_tmp(t);
	if (!err && replace && rename(t->tmp, t->path) != 0)
		err = errno;
	/* A hard link fails when the output exists meanwhile: nothing is replaced. */
	if (!err && !replace) {
		if (link(t->tmp, t->path) == 0)
			unlink(t->tmp);
		else if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
			err = errno;
		else if (access(t->path, F_OK) == 0) /* no hard links here: check, then rename */
			err = EEXIST;
		else if (rename(t->tmp, t->path) != 0)
			err = errno;
	}
	if (err)
		return fail(t, err);
	slot_drop(t->tmp);
	free(t->tmp);
	free(t->path);
	memset(t, 0, sizeof(*t));
	return 0;
}

int jx_tmp_commit(jx_tmp *t)
{
	return commit(t, true);
}

int jx_tmp_commit_new(jx_tmp *t)
{
	return commit(t, false);
}

void jx_tmp_abort(jx_tmp *t)
{
	if (t->f)
		fclose(t->f);
	if (t->tmp) {
		unlink(t->tmp);
		slot_drop(t->tmp);
	}
	free(t->tmp);
	free(t->path);
	memset(t, 0, sizeof(*t));
}
