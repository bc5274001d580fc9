/*
 * fuzz_decimal.c - libFuzzer target: a decimal number parsed; one that parses
 * must print back as the same value, plain and with thousands separators,
 * and round to every precision (only rounding up from the very end of the
 * range may leave it).
 */
#include "jixiao/decimal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_dec d, back;
	int places;
	size_t errpos = 0;
	char buf[JX_DEC_BUFSZ];
	if (jx_dec_parse(&d, &places, (const char *)data, size, &errpos) != 0) {
		if (errpos > size)
			abort();
		return 0;
	}
	jx_dec_format(buf, d, places, 0);
	if (jx_dec_parse(&back, NULL, buf, strlen(buf), NULL) != 0 || back.units != d.units)
		abort(); /* printing and parsing again must give the same number */
	jx_dec_format(buf, d, -1, JX_FMT_GROUP);
	if (jx_dec_parse(&back, NULL, buf, strlen(buf), NULL) != 0 || back.units != d.units)
		abort();
	/* Rounding down never leaves the range; rounding up may, only at its very end. */
	bool at_end = d.units > (JX_DEC_LIMIT - 1) * JX_DEC_SCALE || d.units < -(JX_DEC_LIMIT - 1) * JX_DEC_SCALE;
	for (int p = 0; p <= JX_DEC_PLACES; p++)
		for (int mode = JX_ROUND_HALF_UP; mode <= JX_ROUND_DOWN; mode++) {
			jx_dec r;
			if (jx_frac_round(&r, jx_frac_from_dec(d), p, (jx_rounding)mode) != 0 &&
			    (mode == JX_ROUND_DOWN || !at_end))
				abort();
		}
	return 0;
}
