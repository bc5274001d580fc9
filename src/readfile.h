/*
 * readfile.h - reading a whole input file ("-": standard input) into memory,
 * refusing more than JX_MAX_FILE_BYTES, with the diagnostics a user needs.
 */
#ifndef JX_READFILE_H
#define JX_READFILE_H

#include "jixiao/diag.h"

#include <stddef.h>

/**
 * Read path into *out (malloc'd, NUL-terminated, *len bytes). Problems
 * (cannot open, a directory, too large, cannot read) go to diags as errors
 * of src. Returns 0, JX_ENOTFOUND, JX_EIO, JX_ELIMIT or JX_ENOMEM.
 */
int jx_read_file(const char *path, const jx_source *src, char **out, size_t *len,
		 jx_diags *diags);

#endif
