#!/bin/sh
# tests/bad.sh - the malformed-input corpus.
#
#   sh tests/bad.sh BINARY            check every tests/bad/*.yaml
#   sh tests/bad.sh BINARY --update   rewrite the expected tests/bad/*.err
#
# For each tests/bad/X.yaml (in sorted order) this runs
#
#   $JX_WRAP BINARY validate tests/bad/X.yaml
#
# from the repository root and checks that the exit status is 2, that nothing
# is written to stdout, and that stderr is byte for byte tests/bad/X.err
# (a unified diff is printed on a mismatch). A .yaml without a .err fails.
# JX_WRAP is an optional command prefix, e.g. JX_WRAP="valgrind -q
# --error-exitcode=99" (`make valgrind` sets it); it is word-split.
# Rule sets used by the corpus live in tests/bad/rules/ and are named by
# the evaluations (`rules: rules/NAME.yaml`); they are not run on their own.
#
# --update is for maintainers: after changing a diagnostic on purpose, run
# it, then READ `git diff tests/bad/` - every changed .err must still point
# at the offending text and name the problem. Exit status and stdout are
# still checked in this mode.
#
# JIXIAO_RULES_PATH is unset so that the lists of known rule sets in the
# messages do not depend on the caller's environment. Each run is limited to
# 60 seconds when timeout(1) exists, so a hang shows up as a failure
# (status 124) instead of stopping the suite.

usage() {
	echo "usage: sh tests/bad.sh BINARY [--update]" >&2
	exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	usage
fi
bin=$1
update=0
if [ $# -eq 2 ]; then
	[ "$2" = "--update" ] || usage
	update=1
fi

# Run from the repository root, whatever the caller's directory; keep a
# relative BINARY working.
case $bin in
/*) ;;
*/*) bin=$(pwd)/$bin ;;
esac
cd "$(dirname "$0")/.." || exit 2
if [ ! -x "$bin" ] && ! command -v "$bin" >/dev/null 2>&1; then
	echo "bad.sh: $1: no such executable" >&2
	exit 2
fi

unset JIXIAO_RULES_PATH
limit=
if command -v timeout >/dev/null 2>&1; then
	limit="timeout 60"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
for f in tests/bad/*.yaml; do
	[ -e "$f" ] || continue
	err=${f%.yaml}.err
	ok=1
	# shellcheck disable=SC2086 # JX_WRAP and limit are word-split on purpose
	$limit $JX_WRAP "$bin" validate "$f" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	status=$?
	if [ "$status" -ne 2 ]; then
		echo "FAIL $f: exit status $status, expected 2"
		ok=0
	fi
	if [ -s "$tmp/stdout" ]; then
		echo "FAIL $f: wrote to stdout:"
		sed 's/^/    /' "$tmp/stdout"
		ok=0
	fi
	if [ "$update" -eq 1 ]; then
		if [ ! -f "$err" ] || ! cmp -s "$err" "$tmp/stderr"; then
			cp "$tmp/stderr" "$err" || ok=0
			echo "updated $err"
		fi
	elif [ ! -f "$err" ]; then
		echo "FAIL $f: no $err (create it with: sh tests/bad.sh BINARY --update)"
		ok=0
	elif ! cmp -s "$err" "$tmp/stderr"; then
		echo "FAIL $f: stderr differs from $err:"
		diff -u "$err" "$tmp/stderr" | sed "1,2s|$tmp/stderr|stderr|"
		ok=0
	fi
	if [ "$ok" -eq 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done

for e in tests/bad/*.err; do
	[ -e "$e" ] || continue
	[ -f "${e%.err}.yaml" ] || echo "warning: $e has no ${e%.err}.yaml" >&2
done

echo "bad inputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
