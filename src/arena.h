/*
 * arena.h - a region allocator: many small allocations, one release.
 * Every loaded document keeps its nodes and strings in one arena.
 */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>

#include <stdint.h>
#include <string.h>

typedef struct jx_arena_chunk jx_arena_chunk;

/** Caller-owned; zero-initialise ({0}) or jx_arena_init, then jx_arena_release. */
typedef struct jx_arena {
	jx_arena_chunk *head;
	char *cur, *end; /**< free space in head: aligned blocks are taken from
			  * cur upwards, text from end downwards */
	size_t total;    /**< bytes allocated from the system, all chunks */
} jx_arena;

/** Alignment of every allocation. */
#define JX_ARENA_ALIGN 16

void jx_arena_init(jx_arena *a);

/** Free every chunk; the arena is empty and usable again. */
void jx_arena_release(jx_arena *a);

/** size bytes from a new chunk, not cleared (the slow path of the two below). */
void *jx_arena_grow(jx_arena *a, size_t size);

/** size bytes aligned for any type, not cleared; NULL when out of memory. */
static inline void *jx_arena_raw(jx_arena *a, size_t size)
{
	size_t need = (size + JX_ARENA_ALIGN - 1) & ~(size_t)(JX_ARENA_ALIGN - 1);
	if (need < size || (size_t)(a->end - a->cur) < need)
		return jx_arena_grow(a, size);
	void *p = a->cur;
	a->cur += need;
	return p;
}

/** size bytes aligned for any type, zero-filled; NULL when out of memory. */
static inline void *jx_arena_alloc(jx_arena *a, size_t size)
{
	void *p = jx_arena_raw(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

/** n elements of size bytes (overflow-checked), zero-filled. */
void *jx_arena_array(jx_arena *a, size_t n, size_t size);

/** jx_arena_strndup when the current chunk is full. */
char *jx_arena_strndup_grow(jx_arena *a, const char *s, size_t len);

/** A NUL-terminated copy of s[0..len); NULL when out of memory. Text needs
 * no alignment, so it is taken from the top of the free space, downwards. */
static inline char *jx_arena_strndup(jx_arena *a, const char *s, size_t len)
{
	if (len >= (size_t)(a->end - a->cur))
		return jx_arena_strndup_grow(a, s, len);
	a->end -= len + 1;
	char *p = a->end;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/** printf into the arena; NULL when out of memory. */
char *jx_arena_printf(jx_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
