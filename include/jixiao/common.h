/*
 * jixiao/common.h - error codes and small definitions shared by every module.
 * Functions of the library return 0 on success or one of the negative codes.
 */
#ifndef JIXIAO_COMMON_H
#define JIXIAO_COMMON_H

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

/** A short English description of an error code ("out of memory"). */
const char *jx_strerror(int code);

#endif
