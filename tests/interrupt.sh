#!/bin/sh
# interrupt.sh BINARY GEN-CORPUS - nothing is lost when a run is cut short:
# an output is either the old file or the complete new one, no temporary is
# left behind, an audit database keeps its runs, and no input file changes.
#   - SIGINT and SIGTERM in the middle of an audit to JSON Lines, CSV and SQLite,
#     and two at once from timeout(1);
#   - a full disk (simulated with `ulimit -f`) for score, report and every
#     audit format, to a new file and over an old one;
#   - SIGKILL in the middle of adding a run to an existing database;
#   - a workbook written to a pipe whose reader has gone.
set -u
jx=$1
gen=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
TMPDIR=$work/tmpdir # scratch files of outputs written in place
mkdir "$TMPDIR"
export TMPDIR
fail=0
pass=0
check() { # check WHAT CONDITION-STATUS
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1"; fi
}
# What an output holds: a database's rows (after SQLite has rolled back an
# interrupted transaction, which opening it does), else the files' bytes.
content() {
	case $1 in
	# the bytes, and no journal: a reader without write access could not
	# open a database left with a hot journal
	*.sqlite | *.db | *-sqlite-*) [ -s "$1" ] && cat "$1" "$1-journal" 2>/dev/null | md5sum ;;
	*) find "$1" -type f -exec md5sum {} + 2>/dev/null | sort | md5sum ;;
	esac
}
no_temporaries() { # no_temporaries DIR WHAT
	left=$(find "$1" -name '*.tmp*' | head -3)
	[ -z "$left" ]
	check "$2: no temporary left ($left)" $?
}
# A run stopped by a signal: it ended by the signal, OUT holds what it held
# before (BEFORE, from content) and no temporary is left in $work.
interrupted() { # interrupted WHAT STATUS OUT BEFORE
	[ "$2" -gt 128 ]
	check "$1: the run ended by the signal (status $2; it finished before the signal came)" $?
	[ "$4" = "$(content "$3")" ]
	check "$1: the old output is unchanged" $?
	no_temporaries "$work" "$1"
}

corpus=$work/corpus
"$gen" --seed 11 --count 3000 --out "$corpus" --wrong-rate 0.1 >/dev/null
sums=$(find "$corpus" examples -type f -exec md5sum {} + | sort | md5sum)

# The middle of a run: a third of the time a whole audit of the corpus
# takes, timed here, so that signals come half-way however fast the
# machine and the build are (the second of two runs: the files cached).
"$jx" audit -q --jobs 1 -o "$work/timing.jsonl" "$corpus"
t0=$(date +%s%N)
"$jx" audit -q --jobs 1 -o "$work/timing.jsonl" "$corpus"
t1=$(date +%s%N)
rm -f "$work/timing.jsonl"
mid=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 3e9 }')

# A signal in the middle: the old output stays.
for sig in INT TERM; do
	for fmt in jsonl csv sqlite; do
		out=$work/sig-$sig.$fmt
		case $fmt in
		csv) mkdir -p "$out"; echo old >"$out/files.csv"; echo old >"$out/mismatches.csv" ;;
		sqlite) "$jx" audit -q -f sqlite -o "$out" examples/karamay-2024 ;;
		*) echo old >"$out" ;;
		esac
		before=$(content "$out")
		"$jx" audit -q --jobs 1 -f "$fmt" -o "$out" "$corpus" &
		pid=$!
		sleep "$mid"
		kill -s "$sig" "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		interrupted "SIG$sig $fmt" $? "$out" "$before"
	done
done

# Two signals at once, as timeout(1) sends them (one to the process, one to
# its group): the second must find the handler still there, not end the run
# before the first has removed the temporaries. A race: tried four times.
for fmt in jsonl csv; do
	for try in 1 2 3 4; do
		out=$work/twice.$fmt
		case $fmt in csv) mkdir -p "$out"; echo old >"$out/files.csv"; echo old >"$out/mismatches.csv" ;; *) echo old >"$out" ;; esac
		before=$(content "$out")
		timeout --preserve-status -s INT "$mid" "$jx" audit -q --jobs 1 -f "$fmt" -o "$out" "$corpus"
		interrupted "timeout -s INT $fmt ($try)" $? "$out" "$before"
	done
done

# A full disk: nothing replaced, nothing half-written, status 3.
full() { # full NAME COMMAND...: run with a file-size limit of 64 KiB
	(ulimit -f 128; "$@") >/dev/null 2>&1
}
for kind in score-json report-html audit-jsonl audit-csv audit-xlsx audit-sqlite; do
	for existing in new old; do
		out=$work/full-$kind-$existing
		case $kind in audit-csv) target=$out/files.csv; mkdir -p "$out" ;; *) target=$out ;; esac
		[ "$existing" = old ] && { [ "$kind" = audit-sqlite ] && "$jx" audit -q -f sqlite -o "$out" examples/karamay-2024 || echo old >"$target"; }
		before=$( [ -e "$target" ] && content "$target")
		case $kind in
		score-json) full "$jx" score -f json -o "$out" "$corpus/dept-01" ;;
		report-html) full "$jx" report -f html -o "$out" examples/karamay-2024/project.yaml ;;
		audit-jsonl) full "$jx" audit -q -o "$out" "$corpus" ;;
		audit-csv) full "$jx" audit -q -f csv -o "$out" "$corpus" ;;
		audit-xlsx) full "$jx" audit -q -f xlsx -o "$out" "$corpus" ;;
		audit-sqlite) full "$jx" audit -q -f sqlite -o "$out" "$corpus" ;;
		esac
		status=$?
		if [ "$kind" = report-html ] && [ "$status" -eq 0 ]; then
			continue # the report fits in the limit: nothing to show here
		fi
		[ "$status" -eq 3 ]
		check "full disk $kind ($existing): status 3, not $status" $?
		after=$( [ -e "$target" ] && content "$target")
		[ "$before" = "$after" ]
		check "full disk $kind ($existing): the output is as it was" $?
		no_temporaries "$work" "full disk $kind ($existing)"
	done
done

# SIGKILL while a run is added to a database: the database keeps its runs.
db=$work/kill.db
"$jx" audit -q -f sqlite -o "$db" examples/karamay-2024
"$jx" audit -q --jobs 1 -f sqlite -o "$db" "$corpus" &
pid=$!
sleep "$mid"
kill -s KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
runs=$(sqlite3 "$db" "SELECT count(*) FROM runs; PRAGMA integrity_check;" | tr '\n' ' ')
[ "$runs" = "1 ok " ]
check "SIGKILL sqlite: one run and an intact database after the kill (got: $runs)" $?
"$jx" audit -q -f sqlite -o "$db" examples/karamay-2024
runs=$(sqlite3 "$db" "SELECT count(*) FROM runs")
[ "$runs" = 2 ]
check "SIGKILL sqlite: the next run is added (runs: $runs)" $?

# SIGINT while waiting for a database another run holds: the wait ends, the
# run stops by the signal and the database is as it was. The lock is held
# for 30 s; a run still waiting 10 s after the signal fails the check.
db=$work/locked.db
"$jx" audit -q -f sqlite -o "$db" examples/karamay-2024
before=$(content "$db")
sqlite3 "$db" "BEGIN IMMEDIATE; SELECT 1 FROM runs WHERE 0;" ".shell sleep 30" "COMMIT;" >/dev/null 2>&1 &
holder=$!
sleep 0.5
"$jx" audit -q -f sqlite -o "$db" examples/karamay-2024 &
pid=$!
sleep 0.5
kill -s INT "$pid" 2>/dev/null
waited=0
while kill -0 "$pid" 2>/dev/null && [ $waited -lt 100 ]; do
	sleep 0.1
	waited=$((waited + 1))
done
kill -0 "$pid" 2>/dev/null && kill -s KILL "$pid"
wait "$pid" 2>/dev/null
status=$?
[ "$status" -gt 128 ] && [ $waited -lt 100 ]
check "SIGINT while waiting for a locked database: the run stops (status $status)" $?
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
[ "$before" = "$(content "$db")" ]
check "SIGINT while waiting for a locked database: the database is unchanged" $?

# A workbook to a pipe whose reader has gone: status 3, and the scratch file
# it was built in is removed (the copy meets EPIPE, not SIGPIPE). Python
# makes the pipe and closes its reading end before jixiao starts.
status=$(/usr/bin/python3 - "$jx" <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
print(subprocess.call([sys.argv[1], "score", "-f", "xlsx", "-o", "/dev/fd/%d" % w,
                       "examples/karamay-2024/project.yaml"], pass_fds=(w,), stderr=subprocess.DEVNULL))
PY
)
[ "$status" = 3 ]
check "workbook to a pipe without a reader: status 3 (got $status)" $?
left=$(find "$TMPDIR" -name 'jixiao-*' | head -3)
[ -z "$left" ]
check "workbook to a pipe without a reader: no scratch file left ($left)" $?

# Inputs are never written.
[ "$sums" = "$(find "$corpus" examples -type f -exec md5sum {} + | sort | md5sum)" ]
check "no input file changed" $?

echo "interrupted writes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
