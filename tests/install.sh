#!/bin/sh
# install.sh MAKE CC CFLAGS LDFLAGS - the library as a program of one's own
# uses it: `make install` into a temporary DESTDIR, examples/c/score.c built
# against the installed headers and libjixiao.a through the installed
# jixiao.pc (its prefix moved into the DESTDIR with --define-variable), run
# on the seed table, a rule set that contradicts its claims and a bad file;
# each installed header compiles alone; the images the documentation shows
# are installed with it; then `make uninstall` leaves no file
# behind.
#   MAKE     the make command with the variant ("make VARIANT=san")
#   CC, CFLAGS, LDFLAGS  how the example is compiled: the variant's own, so
#            that a sanitizer build links and checks the example too
set -u
[ $# -eq 4 ] || { echo "usage: sh tests/install.sh MAKE CC CFLAGS LDFLAGS" >&2; exit 2; }
make_cmd=$1
cc=$2
cflags=$3
ldflags=$4
prefix=/opt/jixiao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
dest=$work/dest
fail=0
pass=0
check() { # check WHAT CONDITION-STATUS
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL install: $1"; fi
}
unset JIXIAO_RULES_PATH

# shellcheck disable=SC2086
$make_cmd -s install DESTDIR="$dest" PREFIX="$prefix" >"$work/make.log" 2>&1
check "make install ($(tail -3 "$work/make.log"))" $?
pc=$dest$prefix/lib/pkgconfig/jixiao.pc
grep -qx "prefix=$prefix" "$pc" 2>/dev/null
check "jixiao.pc names the prefix installed to" $?

# The example is compiled in the scratch directory, so that only the
# installed headers can be found.
pkgconf() {
	PKG_CONFIG_PATH=$dest$prefix/lib/pkgconfig pkg-config --define-variable=prefix="$dest$prefix" "$@"
}
cp examples/c/score.c "$work/score.c"
flags=$(pkgconf --cflags jixiao) && libs=$(pkgconf --libs --static jixiao)
check "pkg-config finds jixiao and its dependencies" $?
# Each installed header compiles alone with only the flags jixiao.pc gives
# (the headers target also has -Isrc and -D_XOPEN_SOURCE).
for h in include/jixiao/*.h; do
	h=${h#include/}
	[ -f "$dest$prefix/include/$h" ]
	check "$h is installed" $?
	# shellcheck disable=SC2086
	printf '#include <%s>\n' "$h" | (cd "$work" && $cc $cflags -Werror $flags -x c -c -o /dev/null -) \
		>"$work/cc.log" 2>&1
	check "$h compiles alone when installed ($(head -3 "$work/cc.log"))" $?
done
# shellcheck disable=SC2086
(cd "$work" && $cc $cflags -Werror $flags $ldflags -o score score.c $libs) >"$work/cc.log" 2>&1
check "the example builds against the installed library ($(head -5 "$work/cc.log"))" $?
# A C++ program includes every header and links (extern "C"), when the
# machine has a C++ compiler.
if command -v c++ >/dev/null 2>&1; then
	{
		for h in include/jixiao/*.h; do printf '#include <%s>\n' "${h#include/}"; done
		printf 'int main() { jx_dec d; return jx_dec_parse(&d, 0, "2.675", 5, 0) != 0; }\n'
	} >"$work/cxx.cpp"
	# shellcheck disable=SC2086
	(cd "$work" && c++ -std=c++11 -Wall -Wextra -Werror $ldflags $flags -o cxx cxx.cpp $libs &&
		./cxx) >"$work/cc.log" 2>&1
	check "a C++ program includes the headers and links ($(head -5 "$work/cc.log"))" $?
fi

run() { # run EXPECTED-STATUS ARGS...: the example's output in $work/out, $work/err
	want=$1
	shift
	"$work/score" "$@" >"$work/out" 2>"$work/err"
	st=$?
	[ "$st" -eq "$want" ]
	check "score $*: status $st, not $want ($(head -3 "$work/err"))" $?
}
expect() { # expect WHAT FILE: FILE holds standard input, byte for byte
	printf '%s\n' "$(cat)" >"$work/expected"
	diff -u "$work/expected" "$2" >"$work/diff"
	check "$1 $(cat "$work/diff")" $?
}

run 0 examples/karamay-2024/project.yaml
expect "the seed table" "$work/out" <<'OUT'
file: examples/karamay-2024/project.yaml
rules: standard
total: 97.26
grade: 优
mismatches: 0
OUT
[ ! -s "$work/err" ]
check "the seed table: nothing on stderr" $?

run 0 examples/karamay-2024/project.yaml cost-reverse
expect "claims that do not follow" "$work/out" <<'OUT'
file: examples/karamay-2024/project.yaml
rules: cost-reverse
total: 100.00
grade: 优
mismatches: 5
mismatch: 产出指标/成本指标/经济成本指标/培训费 rate: claimed 97.97%, recomputed 102.07%
mismatch: 产出指标/成本指标/经济成本指标/培训费 score: claimed 9.8, recomputed 10.00
mismatch: 产出指标/成本指标/经济成本指标/办公费 rate: claimed 74.58%, recomputed 134.08%
mismatch: 产出指标/成本指标/经济成本指标/办公费 score: claimed 7.46, recomputed 10.00
mismatch: 总分 total: claimed 97.26, recomputed 100.00
OUT

run 1 tests/bad/01-unquoted-ge-target.yaml
expect "a bad file's diagnostics" "$work/err" <tests/bad/01-unquoted-ge-target.err
[ ! -s "$work/out" ]
check "a bad file: nothing on stdout" $?

# The documentation is installed with what it links to (pages, images, the
# example program): every relative link of every installed page resolves.
doc=$dest$prefix/share/doc/jixiao
for page in "$doc/README.md" "$doc"/docs/*.md; do
	for link in $(grep -o '](\([^)#:]*\))' "$page" | sed 's/^](//; s/)$//' | sort -u); do
		[ -e "$(dirname "$page")/$link" ]
		check "${page#"$doc"/} links to $link, which is installed with it" $?
	done
done

# shellcheck disable=SC2086
$make_cmd -s uninstall DESTDIR="$dest" PREFIX="$prefix" >"$work/make.log" 2>&1
check "make uninstall ($(tail -3 "$work/make.log"))" $?
left=$(find "$dest" ! -type d | head -5)
[ -z "$left" ]
check "make uninstall removes every file it installed ($left)" $?

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
