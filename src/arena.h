/*
 * arena.h - a region allocator: many small allocations, one release.
 * Every loaded document keeps its nodes and strings in one arena.
 */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>

typedef struct jx_arena_chunk jx_arena_chunk;

/** Caller-owned; zero-initialise ({0}) or jx_arena_init, then jx_arena_release. */
typedef struct jx_arena {
	jx_arena_chunk *head;
	size_t used;  /**< bytes used in head */
	size_t total; /**< bytes allocated from the system, all chunks */
} jx_arena;

void jx_arena_init(jx_arena *a);

/** Free every chunk; the arena is empty and usable again. */
void jx_arena_release(jx_arena *a);

/** size bytes aligned for any type, zero-filled; NULL when out of memory. */
void *jx_arena_alloc(jx_arena *a, size_t size);

/** n elements of size bytes (overflow-checked), zero-filled. */
void *jx_arena_array(jx_arena *a, size_t n, size_t size);

/** A NUL-terminated copy of s[0..len); NULL when out of memory. */
char *jx_arena_strndup(jx_arena *a, const char *s, size_t len);

/** printf into the arena; NULL when out of memory. */
char *jx_arena_printf(jx_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
