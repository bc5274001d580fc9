/*
 * grow.h - arrays that grow by doubling, for lists whose length is not
 * known in advance (diagnostics, findings, paths, cells of a sheet).
 */
#ifndef JX_GROW_H
#define JX_GROW_H

#include <stdbool.h>
#include <stddef.h>

/**
 * Make room for need elements of size bytes in the array whose address is
 * items (a T ** for any T) and whose capacity is *cap: the capacity starts at
 * first (> 0) and doubles until it holds need. False when out of memory or
 * when the size would overflow; the array and *cap are then unchanged (the
 * caller still owns and frees the array).
 */
bool jx_grow_to(void *items, size_t *cap, size_t need, size_t size, size_t first);

/** jx_grow_to for an array and its capacity, when it is too small: true
 * when items has room for need elements. need is evaluated twice. */
#define JX_GROW(items, cap, need, first) \
	((need) <= (cap) || jx_grow_to(&(items), &(cap), (need), sizeof(*(items)), (first)))

#endif
