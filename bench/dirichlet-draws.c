/*
 * dirichlet-draws.c - the baseline of bench/sensitivity.sh: N weight vectors
 * of K criteria drawn from Dirichlet(1,…,1) with GSL's mt19937 and
 * gsl_ran_dirichlet, summed and otherwise discarded. No scoring, no
 * statistics: what drawing alone costs.
 *
 *   dirichlet-draws K N [SEED]
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_K 64

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: dirichlet-draws K N [SEED]\n");
		return 2;
	}
	long k = strtol(argv[1], NULL, 10), n = strtol(argv[2], NULL, 10);
	unsigned long seed = argc > 3 ? strtoul(argv[3], NULL, 10) : 1;
	if (k < 2 || k > MAX_K || n < 1) {
		fprintf(stderr, "dirichlet-draws: K must be 2..%d and N positive\n", MAX_K);
		return 2;
	}
	double alpha[MAX_K], theta[MAX_K], sum = 0;
	for (long i = 0; i < k; i++)
		alpha[i] = 1.0;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	if (!r)
		return 3;
	gsl_rng_set(r, seed);
	for (long s = 0; s < n; s++) {
		gsl_ran_dirichlet(r, (size_t)k, alpha, theta);
		sum += theta[s % k];
	}
	gsl_rng_free(r);
	printf("draws %ld of %ld criteria, mean weight %.4f\n", n, k, sum / (double)n);
	return 0;
}
