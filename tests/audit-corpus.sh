#!/bin/sh
# audit-corpus.sh BINARY GEN-CORPUS - `jixiao audit` on a generated corpus with
# deliberate mistakes and broken files: every output format must list exactly
# the mistakes of the corpus manifest and the broken files, and the output
# must be the same for --jobs 1 and --jobs 4, and the summary on standard
# error must hold the numbers the records give.
set -eu
jx=$1
gen=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
corpus=$work/corpus
out=$work/out
mkdir -p "$out"
"$gen" --seed 7 --count 400 --out "$corpus" --broken 8 --wrong-rate 0.15 >/dev/null
"$jx" audit --jobs 1 -o "$out/out.jsonl" "$corpus" 2>"$out/summary.txt"
"$jx" audit -q --jobs 4 -o "$out/out4.jsonl" "$corpus"
cmp "$out/out.jsonl" "$out/out4.jsonl" || { echo "audit corpus: --jobs 1 and --jobs 4 differ"; exit 1; }
JIXIAO_YAML=libyaml "$jx" audit -q --jobs 2 -o "$out/libyaml.jsonl" "$corpus"
cmp "$out/out.jsonl" "$out/libyaml.jsonl" ||
	{ echo "audit corpus: the subset reader and libyaml (JIXIAO_YAML=libyaml) differ"; exit 1; }
"$jx" audit -q --jobs 3 -f csv -o "$out/csv" "$corpus"
"$jx" audit -q --jobs 2 -f xlsx -o "$out/out.xlsx" "$corpus"
"$jx" audit -q --jobs 2 -f sqlite -o "$out/out.db" "$corpus"
/usr/bin/python3 "$(dirname "$0")/audit-check.py" "$corpus" "$out"
