#!/bin/sh
# Golden end-to-end tests of the jixiao command line.
#
#   sh tests/golden.sh BINARY            run every tests/golden/*.cmd
#   sh tests/golden.sh BINARY --update   rewrite the expected files (review the diff!)
#
# Each NAME.cmd holds one shell command line run from the repository root,
# with $JX standing for the binary (prefixed by $JX_WRAP, e.g. valgrind) and
# $TMP for a scratch directory. Its stdout must equal NAME.out byte for byte,
# its stderr NAME.err (empty when there is no such file), and its exit status
# the number in NAME.status (0 when there is no such file). make check runs
# them twice: as they are, and with JIXIAO_YAML=libyaml (libyaml reads every
# YAML file), with the same expected files.
set -u
bin=${1:?usage: sh tests/golden.sh BINARY [--update]}
update=${2:-}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
JX="${JX_WRAP:-} $bin"
export JX
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0
for cmd in tests/golden/*.cmd; do
	name=${cmd%.cmd}
	TMP=$work/tmp
	rm -rf "$TMP" && mkdir -p "$TMP"
	export TMP
	status=0
	NO_COLOR=1 sh -c "$(cat "$cmd")" >"$work/out" 2>"$work/err" </dev/null || status=$?
	want_status=0
	[ -f "$name.status" ] && want_status=$(cat "$name.status")
	if [ "$update" = "--update" ]; then
		cp "$work/out" "$name.out"
		if [ -s "$work/err" ]; then cp "$work/err" "$name.err"; else rm -f "$name.err"; fi
		if [ "$status" -ne 0 ]; then echo "$status" >"$name.status"; else rm -f "$name.status"; fi
		continue
	fi
	ok=1
	[ -f "$name.err" ] || : >"$work/noerr"
	if ! cmp -s "$work/out" "$name.out"; then
		echo "FAIL $name: stdout differs"; diff -u "$name.out" "$work/out" | head -40; ok=0
	fi
	errfile=$name.err
	[ -f "$errfile" ] || errfile=$work/noerr
	if ! cmp -s "$work/err" "$errfile"; then
		echo "FAIL $name: stderr differs"; diff -u "$errfile" "$work/err" | head -40; ok=0
	fi
	if [ "$status" -ne "$want_status" ]; then
		echo "FAIL $name: exit status $status, want $want_status"; ok=0
	fi
	if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ "$update" = "--update" ] && { echo "golden files updated; review with git diff"; exit 0; }
echo "golden tests${JIXIAO_YAML:+ (JIXIAO_YAML=$JIXIAO_YAML)}: $pass passed, $fail failed"
[ $fail -eq 0 ]
