/*
 * check_arena.c - the region allocator: alignment, zero-filling, text taken
 * from the top of a chunk, growth, overflow, and the chunk a thread keeps
 * for its next arena; and arrays that grow by doubling (grow.h).
 */
#include "check_jixiao.h"

#include "arena.h"
#include "grow.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(test_blocks_and_text)
{
	jx_arena a;
	jx_arena_init(&a);
	char *texts[64];
	unsigned char *blocks[64];
	for (int i = 0; i < 64; i++) {
		char s[32];
		snprintf(s, sizeof(s), "text %d", i);
		texts[i] = jx_arena_strndup(&a, s, strlen(s));
		blocks[i] = jx_arena_alloc(&a, (size_t)i + 1);
		ck_assert_ptr_nonnull(texts[i]);
		ck_assert_ptr_nonnull(blocks[i]);
		ck_assert_uint_eq((uintptr_t)blocks[i] % JX_ARENA_ALIGN, 0);
		for (int k = 0; k <= i; k++)
			ck_assert_uint_eq(blocks[i][k], 0);
		memset(blocks[i], 0xff, (size_t)i + 1);
	}
	/* Text and blocks share a chunk from its two ends: neither overwrote the other. */
	for (int i = 0; i < 64; i++) {
		char s[32];
		snprintf(s, sizeof(s), "text %d", i);
		ck_assert_str_eq(texts[i], s);
	}
	char *cut = jx_arena_strndup(&a, "abc\0def", 7);
	ck_assert_uint_eq(cut[7], '\0');
	ck_assert_int_eq(memcmp(cut, "abc\0def", 7), 0);
	ck_assert_str_eq(jx_arena_printf(&a, "%s-%d", "x", 42), "x-42");
	jx_arena_release(&a);
}
END_TEST

START_TEST(test_growth_and_limits)
{
	jx_arena a;
	jx_arena_init(&a);
	/* Larger than any chunk so far: a chunk of its own size. */
	char *big = jx_arena_alloc(&a, 300000);
	ck_assert_ptr_nonnull(big);
	ck_assert_uint_ge(a.total, 300000);
	char *text = jx_arena_strndup(&a, big, 200000);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(strlen(text), 0);
	ck_assert_ptr_null(jx_arena_array(&a, SIZE_MAX / 2, 4));
	ck_assert_ptr_null(jx_arena_strndup(&a, "x", SIZE_MAX));
	jx_arena_release(&a);
	ck_assert_uint_eq(a.total, 0);
	ck_assert_ptr_null(a.head);
}
END_TEST

/* Fill an arena past its first chunk, so that it holds two. */
static void fill(jx_arena *a)
{
	for (int i = 0; i < 100; i++)
		ck_assert_ptr_nonnull(jx_arena_alloc(a, 1000));
}

START_TEST(test_spare_chunk)
{
	/* Whatever this thread kept before (other tests run in this process
	 * without fork), an arena holding 100 KB ends with a chunk of at least
	 * 128 KiB, and the next arena starts with that chunk: it needs no
	 * other to hold the same again. */
	jx_arena a;
	jx_arena_init(&a);
	fill(&a);
	size_t grown = a.total;
	jx_arena_release(&a);
	jx_arena_init(&a);
	ck_assert_ptr_nonnull(jx_arena_alloc(&a, 16));
	size_t kept = a.total;
	ck_assert_uint_ge(kept, 131072);
	ck_assert_uint_le(kept, grown);
	fill(&a);
	ck_assert_uint_eq(a.total, kept);
	jx_arena_release(&a);
}
END_TEST

static void *worker(void *arg)
{
	(void)arg;
	jx_arena a;
	jx_arena_init(&a);
	fill(&a);
	jx_arena_release(&a); /* keeps a chunk, freed when the thread ends */
	return NULL;
}

/* Under valgrind and ASan (make valgrind, VARIANT=san) this shows that a
 * thread's kept chunk does not leak when the thread ends. */
START_TEST(test_spare_per_thread)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, worker, NULL), 0);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
}
END_TEST

START_TEST(test_grow)
{
	int *a = NULL;
	size_t cap = 0;
	/* From empty: the first capacity, then doubling, contents kept. */
	ck_assert(JX_GROW(a, cap, 1, 4));
	ck_assert_uint_eq(cap, 4);
	for (int i = 0; i < 4; i++)
		a[i] = i * 7;
	ck_assert(JX_GROW(a, cap, 4, 4)); /* room already */
	ck_assert_uint_eq(cap, 4);
	ck_assert(JX_GROW(a, cap, 5, 4));
	ck_assert_uint_eq(cap, 8);
	/* Far beyond double: doubles until it holds need. */
	ck_assert(JX_GROW(a, cap, 100, 4));
	ck_assert_uint_eq(cap, 128);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(a[i], i * 7);
	a[99] = 1;
	/* A size that would overflow is refused and changes nothing. */
	int *before = a;
	ck_assert(!JX_GROW(a, cap, SIZE_MAX / 2, 4));
	ck_assert(!jx_grow_to(&a, &cap, SIZE_MAX, 1, 4));
	ck_assert(a == before);
	ck_assert_uint_eq(cap, 128);
	ck_assert_int_eq(a[3], 21);
	free(a);
	/* A first capacity of 0 still grows. */
	char *t = NULL;
	size_t tcap = 0;
	ck_assert(jx_grow_to(&t, &tcap, 3, 1, 0));
	ck_assert_uint_ge(tcap, 3);
	free(t);
}
END_TEST

Suite *arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("arena");
	tcase_add_test(tc, test_blocks_and_text);
	tcase_add_test(tc, test_growth_and_limits);
	tcase_add_test(tc, test_spare_chunk);
	tcase_add_test(tc, test_spare_per_thread);
	tcase_add_test(tc, test_grow);
	suite_add_tcase(s, tc);
	return s;
}
