#!/bin/sh
# audit.sh - how fast `jixiao audit` re-scores a corpus, against the floor of
# merely parsing the same files with libyaml, measured in one run.
#
#   sh bench/audit.sh [COUNT]        (default 20000 files; needs hyperfine, GNU time)
#
# Environment: CORPUS (default /tmp/jixiao-bench-COUNT) keeps the generated
# files between runs; RUNS (default 5) timed runs per command.
#
# Prints the median wall time (robust to a run disturbed by other work) of:
# bench/bin/yaml-scan (libyaml events, parsed and discarded), `jixiao audit
# --jobs 1` and `--jobs 2` (JSON Lines to a file), the ratios, and the peak
# RSS of each audit, with the targets; then where the single-threaded time
# goes, from bench/stages.c run on the same files: the YAML tree, the
# evaluation model, the rule set and scoring, the findings, and the rest
# (records, output, file list), each as a share of the floor; the same audit
# and tree with libyaml reading every file (JIXIAO_YAML=libyaml), whose
# output must be the same; and the part of the floor that is libyaml's
# parser layer over its scanner (yaml-scan --tokens).
set -eu
cd "$(dirname "$0")/.."
count=${1:-20000}
corpus=${CORPUS:-/tmp/jixiao-bench-$count}
runs=${RUNS:-5}

for tool in hyperfine /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "audit.sh: $tool not found (sh scripts/deps.sh --tools)" >&2; exit 2; }
done
make -s all stages
sh bench/build.sh >/dev/null
if [ ! -f "$corpus/manifest.csv" ]; then
	echo "generating $count files in $corpus" >&2
	rm -rf "$corpus"
	bench/bin/gen-corpus --seed 1 --count "$count" --out "$corpus" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
jx=$(pwd)/build/jixiao
stages=$(pwd)/build/release/stages
find "$corpus" -name '*.yaml' | LC_ALL=C sort >"$work/list"
hyperfine -N -w 1 -r "$runs" --export-csv "$work/times.csv" \
	-n floor "bench/bin/yaml-scan $corpus" \
	-n tokens "bench/bin/yaml-scan --tokens $corpus" \
	-n tree "$stages tree $work/list" \
	-n doc "$stages doc $work/list" \
	-n score "$stages score $work/list" \
	-n findings "$stages findings $work/list" \
	-n jobs1 "$jx audit -q --jobs 1 -o $work/out1.jsonl $corpus" \
	-n jobs2 "$jx audit -q --jobs 2 -o $work/out2.jsonl $corpus" \
	-n libyaml_tree "env JIXIAO_YAML=libyaml $stages tree $work/list" \
	-n libyaml_jobs1 "env JIXIAO_YAML=libyaml $jx audit -q --jobs 1 -o $work/outl.jsonl $corpus" \
	>"$work/hyperfine.txt" 2>&1 || { cat "$work/hyperfine.txt" >&2; exit 1; }
cmp -s "$work/out1.jsonl" "$work/out2.jsonl" || { echo "audit.sh: --jobs 1 and 2 differ" >&2; exit 1; }
cmp -s "$work/out1.jsonl" "$work/outl.jsonl" ||
	{ echo "audit.sh: the subset reader and libyaml (JIXIAO_YAML=libyaml) differ" >&2; exit 1; }

rss() { # peak resident set in KiB of the command
	/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
	cat "$work/rss"
}
rss1=$(rss "$jx" audit -q --jobs 1 -o "$work/out1.jsonl" "$corpus")
rss2=$(rss "$jx" audit -q --jobs 2 -o "$work/out2.jsonl" "$corpus")

awk -F, -v files="$count" -v rss1="$rss1" -v rss2="$rss2" '
	NR > 1 { t[$1] = $4 } # command,mean,stddev,median,...
	END {
		r1 = t["jobs1"] / t["floor"]; sp = t["jobs1"] / t["jobs2"]
		printf "files                      %d\n", files
		printf "yaml-scan (floor)          %8.3f s  %7.0f files/s\n", t["floor"], files / t["floor"]
		printf "audit --jobs 1             %8.3f s  %7.0f files/s\n", t["jobs1"], files / t["jobs1"]
		printf "audit --jobs 2             %8.3f s  %7.0f files/s\n", t["jobs2"], files / t["jobs2"]
		printf "jobs 1 / floor             %8.2f x  (target <= 1.25)  %s\n", r1, ((r1 <= 1.25) ? "met" : "NOT MET")
		printf "speed-up jobs 2 / jobs 1   %8.2f x  (target >= 1.70)  %s\n", sp, ((sp >= 1.7) ? "met" : "NOT MET")
		printf "peak RSS jobs 1            %8.1f MiB (target < 64)  %s\n", rss1 / 1024, ((rss1 < 65536) ? "met" : "NOT MET")
		printf "peak RSS jobs 2            %8.1f MiB (target < 64)  %s\n", rss2 / 1024, ((rss2 < 65536) ? "met" : "NOT MET")
		printf "where --jobs 1 spends its time, as a share of the floor:\n"
		printf "  reading into the YAML node tree %6.1f %%\n", 100 * t["tree"] / t["floor"]
		printf "  evaluation model                %+6.1f %%\n", 100 * (t["doc"] - t["tree"]) / t["floor"]
		printf "  rule set and scoring            %+6.1f %%\n", 100 * (t["score"] - t["doc"]) / t["floor"]
		printf "  findings                        %+6.1f %%\n", 100 * (t["findings"] - t["score"]) / t["floor"]
		printf "  records, output, file list      %+6.1f %%\n", 100 * (t["jobs1"] - t["findings"]) / t["floor"]
		printf "with libyaml reading every file (JIXIAO_YAML=libyaml; same output):\n"
		printf "  audit --jobs 1             %8.3f s  %8.2f x floor\n", t["libyaml_jobs1"], t["libyaml_jobs1"] / t["floor"]
		printf "  reading into the tree           %6.1f %%\n", 100 * t["libyaml_tree"] / t["floor"]
		printf "  the subset reader speeds it up %5.2f x\n", t["libyaml_jobs1"] / t["jobs1"]
		printf "within the floor, libyaml turning tokens into events (yaml-scan --tokens):\n"
		printf "  parser layer               %7.1f %%\n", 100 * (t["floor"] - t["tokens"]) / t["floor"]
	}' "$work/times.csv"
