/*
 * arena.c - region allocator. Chunks grow geometrically so a document of
 * any size costs a handful of malloc calls.
 */
#include "arena.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
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

/* A released chunk up to this size is kept for the thread's next arena. */
#define SPARE_MAX (1024 * 1024)

_Static_assert(JX_ARENA_ALIGN >= _Alignof(max_align_t), "arena alignment");

/*
 * One spare chunk per thread: the largest chunk of the last arena released,
 * handed to the next arena as its first chunk. A run over thousands of files
 * then allocates no memory for their trees after the first few, and the heap
 * is not grown and trimmed back once per file (a system call and fresh
 * pages each time). A thread's spare is freed when the thread ends.
 */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_ok;

static void spare_init(void)
{
	spare_ok = pthread_key_create(&spare_key, free) == 0;
}

static jx_arena_chunk *spare_take(size_t min)
{
	pthread_once(&spare_once, spare_init);
	jx_arena_chunk *c = spare_ok ? pthread_getspecific(spare_key) : NULL;
	if (!c || c->size < min)
		return NULL;
	pthread_setspecific(spare_key, NULL);
	return c;
}

/* Keep c as the thread's spare if it is larger than the one kept; free the other. */
static void spare_offer(jx_arena_chunk *c)
{
	pthread_once(&spare_once, spare_init);
	jx_arena_chunk *old = spare_ok ? pthread_getspecific(spare_key) : NULL;
	if (!spare_ok || c->size > SPARE_MAX || (old && old->size >= c->size) ||
	    pthread_setspecific(spare_key, c) != 0) {
		free(c);
		return;
	}
	free(old);
}

void jx_arena_init(jx_arena *a)
{
	memset(a, 0, sizeof(*a));
}

void jx_arena_release(jx_arena *a)
{
	jx_arena_chunk *c = a->head;
	while (c) {
		jx_arena_chunk *next = c->next;
		spare_offer(c);
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
	jx_arena_chunk *c = spare_take(csize);
	if (c) {
		csize = c->size;
	} else {
		if (!(c = malloc(sizeof(*c) + csize)))
			return NULL;
		c->size = csize;
	}
	c->next = a->head;
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
