/*
 * grow.c - arrays that grow by doubling.
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool jx_grow_to(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
	if (need <= *cap)
		return true;
	size_t c = *cap ? *cap : first ? first : 1;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return false;
		c *= 2;
	}
	if (size == 0 || c > SIZE_MAX / size)
		return false;
	/* items points at a pointer of some object type: copied, not cast,
	 * so that no pointer is read through another type. */
	void *p;
	memcpy(&p, items, sizeof(p));
	p = realloc(p, c * size);
	if (!p)
		return false;
	memcpy(items, &p, sizeof(p));
	*cap = c;
	return true;
}
