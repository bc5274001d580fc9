/*
 * arena.c - region allocator. Chunks grow geometrically so a document of
 * any size costs a handful of malloc calls.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct jx_arena_chunk {
	jx_arena_chunk *next;
	size_t size;
	_Alignas(JX_ARENA_ALIGN) char data[];
};

/* The first chunk holds a typical evaluation's tree; later ones double. */
#define ARENA_FIRST 65536

_Static_assert(JX_ARENA_ALIGN >= _Alignof(max_align_t), "arena alignment");

void jx_arena_init(jx_arena *a)
{
	memset(a, 0, sizeof(*a));
}

void jx_arena_release(jx_arena *a)
{
	jx_arena_chunk *c = a->head;
	while (c) {
		jx_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	jx_arena_init(a);
}

void *jx_arena_grow(jx_arena *a, size_t size)
{
	size_t need = (size + JX_ARENA_ALIGN - 1) & ~(size_t)(JX_ARENA_ALIGN - 1);
	if (need < size)
		return NULL;
	size_t csize = a->head ? a->head->size * 2 : ARENA_FIRST;
	if (csize < need)
		csize = need;
	if (csize > SIZE_MAX - sizeof(jx_arena_chunk))
		return NULL;
	jx_arena_chunk *c = malloc(sizeof(*c) + csize);
	if (!c)
		return NULL;
	c->next = a->head;
	c->size = csize;
	a->head = c;
	a->total += csize;
	a->cur = c->data + need;
	a->end = c->data + csize;
	return c->data;
}

void *jx_arena_array(jx_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return jx_arena_alloc(a, n * size);
}

char *jx_arena_strndup_grow(jx_arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = jx_arena_raw(a, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *jx_arena_printf(jx_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = jx_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
