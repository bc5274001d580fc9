/*
 * fuzz_ysubset.c - libFuzzer target: the subset reader against libyaml on
 * the same text (tests/ysubset_diff.c). Any difference aborts: the subset
 * reader must give libyaml's events exactly, or decline.
 */
#define YSUBSET_DIFF_NO_MAIN
#include "../ysubset_diff.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), why[512];
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if (ysubset_diff(text, size, why, sizeof(why)) == DIFF_DIFFERENT) {
		fprintf(stderr, "subset reader and libyaml differ: %s\n", why);
		abort();
	}
	free(text);
	return 0;
}
