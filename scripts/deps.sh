#!/bin/sh
# Install the Debian packages jixiao needs to build and test.
#   sh scripts/deps.sh               install them (apt-get, with sudo when not root)
#   sh scripts/deps.sh --if-missing  only when pkg-config cannot find them
#   sh scripts/deps.sh --tools       also the tools `make valgrind` and bench/ use
set -eu

# Libraries, then what the tests read outputs with (sqlite3, python3-openpyxl).
PACKAGES="gcc make pkg-config libyaml-dev libutf8proc-dev libyajl-dev libgsl-dev
	libxlsxwriter-dev libsqlite3-dev libcsv-dev libzip-dev libexpat1-dev
	check libsubunit-dev sqlite3 python3-openpyxl"
PC_MODULES="yaml-0.1 libutf8proc yajl gsl xlsxwriter sqlite3 libzip expat check"
# valgrind (make valgrind), hyperfine and GNU time (bench/), clang with its
# libFuzzer runtime (make fuzz)
TOOLS="valgrind hyperfine time clang libclang-rt-dev"

have_all() {
	command -v cc >/dev/null 2>&1 &&
		command -v pkg-config >/dev/null 2>&1 &&
		pkg-config --exists $PC_MODULES &&
		[ -f /usr/include/csv.h ] &&
		command -v sqlite3 >/dev/null 2>&1 &&
		/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1
}

case "${1:-}" in
--if-missing)
	have_all && exit 0
	echo "jixiao: build dependencies are missing; installing them (make deps)" >&2
	;;
--tools)
	PACKAGES="$PACKAGES $TOOLS"
	;;
"") ;;
*)
	echo "usage: sh scripts/deps.sh [--if-missing | --tools]" >&2
	exit 2
	;;
esac

if ! command -v apt-get >/dev/null 2>&1; then
	echo "jixiao: apt-get not found. Install these with your package manager:" >&2
	echo "  C compiler, make, pkg-config, libyaml (0.2), utf8proc, yajl (2.x), GSL," >&2
	echo "  libxlsxwriter, SQLite, libcsv, libzip, expat, Check; for the tests" >&2
	echo "  sqlite3 and Python's openpyxl" >&2
	echo "  (Debian names: $PACKAGES)" >&2
	exit 1
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "jixiao: not root and sudo not found; as root run: apt-get install $PACKAGES" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y --no-install-recommends $PACKAGES; then
	$SUDO apt-get update
	$SUDO apt-get install -y --no-install-recommends $PACKAGES
fi
have_all || { echo "jixiao: packages installed but pkg-config still cannot find: $PC_MODULES" >&2; exit 1; }
