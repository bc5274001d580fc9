#!/bin/sh
# Robustness run: `jixiao validate` on every YAML file under a directory
# (e.g. the official YAML test suite), `jixiao import` on every CSV and XLSX
# file. Each must end with exit status 0 or 2, within 10 seconds and 512 MiB
# of address space (without running out of it), with no sanitizer report.
#
#   sh tests/robust.sh BINARY DIR
set -u
bin=${1:?usage: sh tests/robust.sh BINARY DIR}
dir=${2:?usage: sh tests/robust.sh BINARY DIR (e.g. make robust SUITE=../shared/yaml-test-suite/in)}
out=$(mktemp)
yaml=$(mktemp)
trap 'rm -f "$out" "$yaml"' EXIT INT TERM
total=0
bad=0
ok0=0
ok2=0
for f in $(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.csv' -o -name '*.xlsx' \) | sort); do
	total=$((total + 1))
	case $f in
	*.csv | *.xlsx) set -- import "$f" -o "$yaml" ;;
	*) set -- validate "$f" ;;
	esac
	# ASan reserves a large shadow mapping, so limit memory only without it.
	if nm "$bin" 2>/dev/null | grep -q __asan_init; then
		timeout 10 "$bin" "$@" >"$out" 2>&1
	else
		(ulimit -v 524288; timeout 10 "$bin" "$@") >"$out" 2>&1
	fi
	status=$?
	case $status in
	0) ok0=$((ok0 + 1)) ;;
	2) ok2=$((ok2 + 1)) ;;
	*) bad=$((bad + 1)); echo "FAIL $f: exit status $status"; head -5 "$out" ;;
	esac
	if grep -q 'out of memory' "$out"; then
		bad=$((bad + 1)); echo "FAIL $f: out of memory"; head -5 "$out"
	fi
	if grep -q -e 'Sanitizer' -e 'runtime error' "$out"; then
		bad=$((bad + 1)); echo "FAIL $f: sanitizer report"; head -20 "$out"
	fi
	if [ $status -eq 2 ] && ! grep -q ': error: ' "$out"; then
		bad=$((bad + 1)); echo "FAIL $f: exit status 2 without a diagnostic"; head -5 "$out"
	fi
done
echo "robustness: $total files, $ok0 valid, $ok2 rejected with a diagnostic, $bad failures"
[ $bad -eq 0 ]
