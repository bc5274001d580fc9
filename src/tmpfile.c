/*
 * tmpfile.c - temporaries renamed into place, registered for signal cleanup.
 */
#include "tmpfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
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
			atomic_signal_fence(memory_order_seq_cst); /* the path before the flag */
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

/* The file a dangling symbolic link at path points to (a new output is
 * created there, as a shell redirection would), else path itself. */
static char *follow_dangling(const char *path)
{
	char *p = strdup(path);
	for (int hops = 0; p && hops < 40; hops++) {
		struct stat st;
		char link[4096];
		ssize_t n;
		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode) ||
		    (n = readlink(p, link, sizeof(link) - 1)) < 0)
			return p;
		link[n] = '\0';
		const char *slash = strrchr(p, '/');
		size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
		char *next = malloc(dir + (size_t)n + 1);
		if (next) {
			memcpy(next, p, dir);
			memcpy(next + dir, link, (size_t)n + 1);
		}
		free(p);
		p = next;
	}
	if (p)
		errno = ELOOP;
	free(p);
	return NULL;
}

/* The descriptor a name such as /dev/stdout or /dev/fd/3 stands for, or -1:
 * written through it, as a shell does, so that `-o /dev/stdout >>log`
 * appends to log. */
static int named_descriptor(const char *path)
{
	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	const char *n = strncmp(path, "/dev/fd/", 8) == 0		? path + 8
			: strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
								     : NULL;
	if (!n || *n < '0' || *n > '9')
		return -1;
	char *end;
	long v = strtol(n, &end, 10);
	return *end == '\0' && v <= 1024 ? (int)v : -1;
}

/* The output itself, opened for writing: the descriptor it names, or the
 * device or pipe. */
static int open_output(const char *path)
{
	int named = named_descriptor(path);
	return named >= 0 ? fcntl(named, F_DUPFD_CLOEXEC, 3) : open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
}

/* Create t->tmp, named head + tail (tail ends in "XXXXXX"), registered for
 * removal by a signal handler. Returns its descriptor, or -1 with errno set
 * and t as it was. */
static int make_temp(jx_tmp *t, const char *head, const char *tail)
{
	size_t hlen = strlen(head), n = hlen + strlen(tail) + 1;
	if (n > sizeof(slot_path[0])) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *name = malloc(n);
	if (!name) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(name, head, hlen);
	memcpy(name + hlen, tail, n - hlen);
	int fd = mkstemp(name);
	if (fd < 0) {
		int err = errno;
		free(name);
		errno = err;
		return -1;
	}
	t->tmp = name;
	slot_add(t->tmp);
	return fd;
}

/* A scratch file for a library that writes a direct output by name, and may
 * seek in it (a workbook is a zip archive): copied to the output when
 * complete. In $TMPDIR when a file can be made there, else in /tmp, as
 * tempnam(3) does. */
static int scratch(jx_tmp *t)
{
	const char *dir = getenv("TMPDIR");
	int fd = dir && *dir ? make_temp(t, dir, "/jixiao-XXXXXX") : -1;
	if (fd < 0 && (fd = make_temp(t, "/tmp", "/jixiao-XXXXXX")) < 0)
		return fail(t, errno);
	close(fd);
	return 0;
}

/* Write the output itself: a descriptor, a device, a pipe. */
static int open_direct(jx_tmp *t, bool open_file)
{
	t->direct = true;
	if (!open_file)
		return scratch(t);
	int fd = open_output(t->path);
	if (fd < 0 || !(t->f = fdopen(fd, "w"))) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		return fail(t, err);
	}
	return 0;
}

int jx_tmp_create(jx_tmp *t, const char *path, bool open_file)
{
	struct stat st;
	memset(t, 0, sizeof(*t));
	if (!(t->path = strdup(path)))
		return fail(t, ENOMEM);
	if (named_descriptor(path) >= 0)
		return open_direct(t, open_file);
	bool exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return fail(t, EISDIR);
	if (exists && !S_ISREG(st.st_mode))
		return open_direct(t, open_file);
	t->target = exists ? realpath(path, NULL) : follow_dangling(path);
	if (!t->target)
		return fail(t, errno ? errno : ENOMEM);

	int fd = make_temp(t, t->target, ".tmpXXXXXX");
	if (fd < 0 && errno == ENAMETOOLONG) {
		/* a name of 246 bytes or more has no room for the suffix: a
		 * short one beside it */
		const char *slash = strrchr(t->target, '/');
		char *dir = strndup(t->target, slash ? (size_t)(slash - t->target) + 1 : 0);
		if (!dir)
			return fail(t, ENOMEM);
		fd = make_temp(t, dir, ".jixiao-XXXXXX");
		free(dir);
	}
	if (fd < 0)
		return fail(t, errno);
	/* mkstemp makes the file private: give it the mode of the output it
	 * replaces, or the one a new file would get. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
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

/* The scratch file's bytes, copied to the output. A pipe whose reader has
 * gone is EPIPE, not SIGPIPE: the scratch file must still be removed.
 * Returns 0 or an errno. */
static int copy_scratch(const jx_tmp *t)
{
	int in = open(t->tmp, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno;
	int out = open_output(t->path), err = 0;
	if (out < 0) {
		err = errno;
		close(in);
		return err;
	}
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	char buf[65536];
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? errno : 0;
			break;
		}
		for (ssize_t done = 0; done < n && !err;) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));
			if (w >= 0)
				done += w;
			else if (errno != EINTR)
				err = errno;
		}
		if (err)
			break;
	}
	close(in);
	if (close(out) != 0 && !err)
		err = errno;
	sigaction(SIGPIPE, &old, NULL);
	return err;
}

/* Written in place: flushed and closed (a terminal or a pipe cannot be
 * synced), or copied from the scratch file a library wrote. */
static int commit_direct(jx_tmp *t)
{
	int err = 0;
	if (t->f) {
		if (fflush(t->f) != 0 || ferror(t->f))
			err = errno ? errno : EIO;
		if (fclose(t->f) != 0 && !err)
			err = errno;
		t->f = NULL;
	} else if (t->tmp) {
		err = copy_scratch(t);
	}
	jx_tmp_abort(t);
	errno = err;
	return err ? -1 : 0;
}

static int commit(jx_tmp *t, bool replace)
{
	if (t->direct)
		return commit_direct(t);
	int err = sync_tmp(t);
	if (!err && replace && rename(t->tmp, t->target) != 0)
		err = errno;
	/* A hard link fails when the output exists meanwhile: nothing is replaced. */
	if (!err && !replace) {
		if (link(t->tmp, t->target) == 0)
			unlink(t->tmp);
		else if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
			err = errno;
		else if (access(t->target, F_OK) == 0) /* no hard links here: check, then rename */
			err = EEXIST;
		else if (rename(t->tmp, t->target) != 0)
			err = errno;
	}
	if (err)
		return fail(t, err);
	slot_drop(t->tmp);
	free(t->tmp);
	t->tmp = NULL;
	jx_tmp_abort(t);
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
	free(t->target);
	free(t->path);
	memset(t, 0, sizeof(*t));
}
