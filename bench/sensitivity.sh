#!/bin/sh
# sensitivity.sh - samples per second of `jixiao sensitivity`, for one file and
# for 1,000 files, against drawing the same Dirichlet weight vectors alone
# (bench/bin/dirichlet-draws: GSL's mt19937 and gsl_ran_dirichlet), measured
# in one run; and whether the sampling loop allocates.
#
#   sh bench/sensitivity.sh        (needs hyperfine and valgrind)
#
# Environment: SAMPLES1 (default 1000000) samples for the one file (the seed
# project); SAMPLES1000 (default 10000) for the 1,000 files; CORPUS (default
# /tmp/jixiao-bench-1000) keeps the generated files; RUNS (default 5).
set -eu
cd "$(dirname "$0")/.."
n1=${SAMPLES1:-1000000}
n1000=${SAMPLES1000:-10000}
corpus=${CORPUS:-/tmp/jixiao-bench-1000}
runs=${RUNS:-5}
seed=examples/karamay-2024/project.yaml
k=4 # criteria of the seed project and of every generated file: funds and three level-1 groups

for tool in hyperfine valgrind; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "sensitivity.sh: $tool not found (sh scripts/deps.sh --tools)" >&2; exit 2; }
done
make -s
sh bench/build.sh >/dev/null
if [ ! -f "$corpus/manifest.csv" ]; then
	rm -rf "$corpus"
	bench/bin/gen-corpus --seed 1 --count 1000 --out "$corpus" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
jx=$(pwd)/build/jixiao
hyperfine -N -w 1 -r "$runs" --export-csv "$work/times.csv" \
	-n draws1 "bench/bin/dirichlet-draws $k $n1" \
	-n file1 "$jx sensitivity $seed --samples $n1 --jobs 1 -o $work/one.txt" \
	-n draws1000 "bench/bin/dirichlet-draws $k $n1000" \
	-n files1000 "$jx sensitivity $corpus --samples $n1000 --jobs 1 -o $work/many.txt" \
	-n files1000j2 "$jx sensitivity $corpus --samples $n1000 --jobs 2 -o $work/many2.txt" \
	>"$work/hyperfine.txt" 2>&1 || { cat "$work/hyperfine.txt" >&2; exit 1; }
cmp -s "$work/many.txt" "$work/many2.txt" || { echo "sensitivity.sh: --jobs 1 and 2 differ" >&2; exit 1; }

allocs() { # heap allocations of a run with $1 samples
	valgrind "$jx" sensitivity "$seed" --samples "$1" --jobs 1 -o "$work/a.txt" 2>&1 |
		sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
a_small=$(allocs 2048)
a_large=$(allocs 65536)

awk -F, -v n1="$n1" -v n1000="$n1000" -v a1="$a_small" -v a2="$a_large" '
	NR > 1 { t[$1] = $2 }
	END {
		bare1 = n1 / t["draws1"]; one = n1 / t["file1"]
		bare1000 = n1000 / t["draws1000"]; many = n1000 / t["files1000"]; many2 = n1000 / t["files1000j2"]
		printf "bare Dirichlet draws (K = 4)      %12.0f draws/s\n", bare1
		printf "1 file,      %7d samples     %12.0f samples/s  (%.2f of bare; target >= 0.50)  %s\n",
			n1, one, one / bare1, ((one / bare1 >= 0.5) ? "met" : "NOT MET")
		printf "1,000 files, %7d samples     %12.0f samples/s  %12.0f file-samples/s (--jobs 1)\n",
			n1000, many, many * 1000
		printf "1,000 files, %7d samples     %12.0f samples/s  %12.0f file-samples/s (--jobs 2)\n",
			n1000, many2, many2 * 1000
		printf "  (bare draws of the same count:  %12.0f draws/s; each sample scores 1,000 files and ranks them)\n", bare1000
		printf "heap allocations, 2,048 samples   %12d\n", a1
		printf "heap allocations, 65,536 samples  %12d  (the sampling loop allocates nothing: %s)\n",
			a2, ((a1 == a2) ? "met" : "NOT MET")
	}' "$work/times.csv"
