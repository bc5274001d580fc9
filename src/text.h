/*
 * text.h - UTF-8 helpers shared by the library: decoding, display width of
 * CJK text (through utf8proc), trimming, and edit distance for suggestions.
 */
#ifndef JX_TEXT_H
#define JX_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Decode the code point at s[*i] (within len) and advance *i past it.
 * Returns the code point, or -1 for a malformed sequence (then *i advances
 * by one byte).
 */
int32_t jx_utf8_next(const char *s, size_t len, size_t *i);

/**
 * The ASCII character a full-width form typed with a Chinese input method
 * stands for ('０'-'９' . % + > < = ~ / -), or 0 when cp is none of them.
 */
char jx_text_ascii_of(int32_t cp);

/** Whether s[0..len) starts with a Chinese numeral (零〇一二两三四五六七八九十百千万),
 * as a number written "二十" or "九场" does. */
bool jx_text_chinese_numeral(const char *s, size_t len);

/** Number of code points in s[0..len): bytes that are not UTF-8 continuation bytes. */
size_t jx_utf8_count(const char *s, size_t len);

/** Byte offset of the code point with index chars in s[0..len) (or len). */
size_t jx_utf8_offset(const char *s, size_t len, size_t chars);

/** Offset of the first byte in s[0..len) that is not part of a well-formed UTF-8 character, or len. */
size_t jx_utf8_bad_byte(const char *s, size_t len);

/** True when s[0..len) is well-formed UTF-8. */
bool jx_utf8_valid(const char *s, size_t len);

/**
 * Columns s[0..len) takes on a terminal: 2 for CJK and other wide
 * characters, 0 for combining marks, 1 otherwise (tabs count as 1).
 */
size_t jx_text_width(const char *s, size_t len);

/** Same as jx_text_width for a NUL-terminated string (NULL is 0 wide). */
size_t jx_text_width0(const char *s);

/**
 * text itself when it takes at most max UTF-16 code units (as Excel counts
 * a cell's characters: one beyond U+FFFF, such as 𠀀, counts two), else as
 * much of it as fits in max - 1 and "…", in *buf (reallocated; the caller
 * frees it). "" when out of memory.
 */
const char *jx_text_fit(const char *text, size_t max, char **buf);

/**
 * A copy of s (malloc'd) in which every byte that is not part of a
 * well-formed UTF-8 character is written as "\xHH": a file name from a
 * system that does not use UTF-8 stays recognisable and the output valid.
 * NULL when out of memory.
 */
char *jx_utf8_escape(const char *s);

/**
 * The length in bytes of the control character s starts with: a C0
 * character (a tab, a line feed, an escape …), DEL, or a C1 character
 * (U+0080–U+009F, which some terminals obey as well: U+009B starts an escape
 * sequence); 0 when s starts none. s is NUL-terminated.
 */
size_t jx_text_control_len(const char *s);

/**
 * jx_utf8_escape, with control characters (jx_text_control_len) written as
 * "\xHH" too: a file name or message from an archive cannot break a line of
 * an output or send commands to the terminal that shows it. NULL when out
 * of memory.
 */
char *jx_text_escape(const char *s);

/**
 * buf holds the first size - 1 bytes of a longer text: cut it between
 * characters so that it ends in "…" and in no part of a character.
 */
void jx_text_cut(char *buf, size_t size);

/**
 * snprintf for text that may hold UTF-8: when the result does not fit in
 * size bytes it is cut between characters and ends in "…", never in part
 * of a character. Returns what snprintf returns (the untruncated length).
 */
int jx_textf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/**
 * Append to the NUL-terminated text in buf (size bytes) as jx_textf writes.
 * Returns false when it had to cut: the text then ends in "…" and the
 * caller appends nothing more.
 */
bool jx_textf_append(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/** printf into a new string of the exact length (malloc'd); NULL when out of memory. */
char *jx_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** jx_strdupf with a va_list. */
char *jx_vstrdupf(const char *fmt, va_list ap);

/** Set *start and *len to s[0..len) without leading and trailing blanks (ASCII and U+3000). */
void jx_text_trim(const char **s, size_t *len);

/**
 * Edit distance (insertions, deletions, substitutions, counted in code
 * points) between a and b, or limit + 1 when it exceeds limit.
 */
size_t jx_text_distance(const char *a, const char *b, size_t limit);

/**
 * The candidate closest to word within a distance a person would call a
 * typo (at most 2, and less than half the word), or NULL.
 */
const char *jx_text_suggest(const char *word, const char *const *candidates, size_t n);

/** Room for jx_fixed: 15 integer digits, a sign, a point and 9 decimals. */
#define JX_FIXED_BUFSZ 32

/**
 * x with places (0..9) decimals, rounded half-up (ties away from zero) on
 * its exact binary value, as the exact numbers round: 1/32 at 4 places is
 * 0.0313, where printf's "%.4f" gives 0.0312. No "-0.00". Values of 10^15
 * and more (never a weight, rate or score) and non-finite ones are written
 * by printf. Returns buf (JX_FIXED_BUFSZ bytes).
 */
char *jx_fixed(char *buf, double x, int places);

/** jx_fixed into a buffer of the enclosing block, for several in one printf. */
#define JX_FIXED(x, places) jx_fixed((char[JX_FIXED_BUFSZ]){ 0 }, (x), (places))

/** Room for jx_shortest. */
#define JX_SHORTEST_BUFSZ 48

/**
 * v in the fewest significant digits (at most 15) that read back as it, for
 * a parameter shown as it was given: "50", "0.1234567", "1e-05". Returns
 * buf (JX_SHORTEST_BUFSZ bytes).
 */
char *jx_shortest(char *buf, double v);

#endif
