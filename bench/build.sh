#!/bin/sh
# build.sh - compile the benchmark tools into bench/bin/: gen-corpus (corpus generator),
# yaml-scan (the libyaml event-parsing floor) and dirichlet-draws (bare GSL Dirichlet
# draws). Usage: bench/build.sh [extra cc flags]
set -eu
cd "$(dirname "$0")"
CC=${CC:-cc}
CFLAGS="-std=c11 -O2 -Wall -Wextra"
mkdir -p bin
# shellcheck disable=SC2086
$CC $CFLAGS "$@" -o bin/gen-corpus gen-corpus.c
# shellcheck disable=SC2086
$CC $CFLAGS "$@" $(pkg-config --cflags yaml-0.1) -o bin/yaml-scan yaml-scan.c $(pkg-config --libs yaml-0.1)

# shellcheck disable=SC2086
$CC $CFLAGS "$@" $(pkg-config --cflags gsl) -o bin/dirichlet-draws dirichlet-draws.c $(pkg-config --libs gsl)
echo "built bench/bin/gen-corpus bench/bin/yaml-scan bench/bin/dirichlet-draws"
