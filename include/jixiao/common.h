/*
 * jixiao/common.h - error codes and small definitions shared by every module.
 * Functions of the library return 0 on success or one of the negative codes.
 *
 * What holds for every header of the library:
 * - What is wrong with an input goes to the jx_diags list the function is
 *   given (diag.h), with file, line and column; JX_ENOMEM may come without a
 *   diagnostic.
 * - A function that hands the caller something to free or release through
 *   `out` sets *out to NULL, or clears the struct out points to, before
 *   anything can fail: after a failure there is nothing to free or release.
 * - jx_<thing>_free frees a heap object (from _new, _load, _parse, _run
 *   into a pointer) and does nothing with NULL. jx_<thing>_release frees
 *   what a caller-owned struct holds and clears it, so releasing twice is
 *   harmless.
 * - A `const char *` a function returns is a static string or points into
 *   the object it was given, and lives as long as that object.
 * - Objects are used by one thread at a time, except a loaded rule set,
 *   which threads may share while they score (jixiao audit does).
 * Writers take a FILE * they do not close and return 0, JX_EIO when writing
 * to it failed, or JX_ENOMEM; they may have written part of the output.
 */
#ifndef JIXIAO_COMMON_H
#define JIXIAO_COMMON_H

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the jixiao library and command line tool. */
#define JX_VERSION "0.1.0"

/** Error codes; every fallible function returns 0 or one of these. */
enum {
	JX_OK = 0,
	JX_EINVAL = -1,    /**< the input is malformed; diagnostics say why */
	JX_ERANGE = -2,    /**< a number is outside the exact range */
	JX_ENOMEM = -3,    /**< out of memory */
	JX_EIO = -4,       /**< a file could not be read or written */
	JX_ENOTFOUND = -5, /**< a named thing (file, rule, node) does not exist */
	JX_ELIMIT = -6     /**< an input limit (size, depth, count) was exceeded */
};

/** A short English description of an error code ("out of memory"); a static
 * string, "unknown error" for a code that is not one of the above. */
const char *jx_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
