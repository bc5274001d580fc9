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

/** What the first bytes of a file show it to be, when not text. */
typedef enum jx_signature {
	JX_SIG_NONE, /**< none of those below */
	JX_SIG_ZIP,  /**< a zip archive: an .xlsx workbook, whatever its name */
	JX_SIG_OLE   /**< the compound file of Excel 97-2003 (.xls) and of WPS (.et) */
} jx_signature;

/** The signature that bytes (len of them, the start of a file) begin with. */
jx_signature jx_file_signature(const char *bytes, size_t len);

#endif
