/*
 * readfile.c - a whole input file in memory, with one allocation of its size.
 */
#include "readfile.h"

#include "jixiao/common.h"
#include "ytree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Read all of fd, refusing more than the limit; *out is malloc'd and
 * NUL-terminated. size_hint: the size of a regular file (0 when unknown),
 * so that a file is usually read with one allocation and two read calls. */
static int read_all(int fd, size_t size_hint, char **out, size_t *len)
{
	size_t cap = size_hint ? size_hint + 1 : 65536, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf)
		return JX_ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap > JX_MAX_FILE_BYTES) {
				free(buf);
				return JX_ELIMIT;
			}
			cap *= 2;
			char *nb = realloc(buf, cap + 1);
			if (!nb) {
				free(buf);
				return JX_ENOMEM;
			}
			buf = nb;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return JX_EIO;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > JX_MAX_FILE_BYTES) {
		free(buf);
		return JX_ELIMIT;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int jx_read_file(const char *path, const jx_source *src, char **out, size_t *len,
		 jx_diags *diags)
{
	bool is_stdin = strcmp(path, "-") == 0;
	struct stat st;
	int rc;

	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		jx_diags_add(diags, JX_SEV_ERROR, src, 0, 0, "cannot open: %s", strerror(errno));
		return errno == ENOENT ? JX_ENOTFOUND : JX_EIO;
	}
	bool have_st = fstat(fd, &st) == 0;
	if (have_st && S_ISDIR(st.st_mode)) {
		/* a file was meant: bad usage, not a failure of the system */
		jx_diags_add(diags, JX_SEV_ERROR, src, 0, 0, "cannot read: is a directory, not a file");
		rc = JX_EINVAL;
	} else if (have_st && S_ISREG(st.st_mode) && st.st_size > (off_t)JX_MAX_FILE_BYTES) {
		rc = JX_ELIMIT;
	} else {
		size_t hint = have_st && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
		rc = read_all(fd, hint, out, len);
		if (rc == JX_EIO)
			jx_diags_add(diags, JX_SEV_ERROR, src, 0, 0, "cannot read: %s", strerror(errno));
	}
	if (!is_stdin)
		close(fd);
	if (rc == JX_ELIMIT)
		jx_diags_add(diags, JX_SEV_ERROR, src, 0, 0,
			     "file is larger than the limit of %u bytes (16 MiB)", JX_MAX_FILE_BYTES);
	else if (rc == JX_ENOMEM)
		jx_diags_add(diags, JX_SEV_ERROR, src, 0, 0, "out of memory");
	return rc;
}

jx_signature jx_file_signature(const char *bytes, size_t len)
{
	if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
		return JX_SIG_ZIP;
	if (len >= 8 && memcmp(bytes, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return JX_SIG_OLE;
	return JX_SIG_NONE;
}
