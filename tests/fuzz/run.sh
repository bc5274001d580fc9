#!/bin/sh
# run.sh DIR SECONDS [TARGET...] - run each libFuzzer target built in DIR for
# SECONDS, from a corpus seeded with the repository's own files and the
# regression inputs in tests/fuzz/regress/TARGET/ (each run once first), with
# the target's dictionary. Prints executions and coverage per target; exits 1
# when any target finds a crash (the input is left in DIR/crashes/TARGET/).
# Run from the repository root.
set -u
dir=${1:?usage: sh tests/fuzz/run.sh DIR SECONDS [TARGET...]}
seconds=${2:?usage: sh tests/fuzz/run.sh DIR SECONDS [TARGET...]}
shift 2
targets=${*:-doc ysubset rules quantity decimal ahp csv xlsx xlsx_xml}
status=0

# Copy files into the corpus under names that cannot collide (seed-1, seed-2 …).
copy() {
	corpus=$1
	shift
	k=0
	for f in "$@"; do
		[ -f "$f" ] || continue
		k=$((k + 1))
		cp "$f" "$corpus/seed-$k"
	done
}

# The seeds of a target: files of the repository, or cells taken from the examples.
seed() {
	corpus=$1
	case $2 in
	doc | ysubset) copy "$corpus" examples/*/*.yaml tests/bad/*.yaml tests/data/audit/*/*.yaml ;;
	rules) copy "$corpus" rules/*.yaml tests/data/rules/*.yaml tests/bad/rules/*.yaml ;;
	ahp) copy "$corpus" tests/data/ahp/*.yaml examples/ahp/*.yaml ;;
	csv) copy "$corpus" tests/data/import/*.csv ;;
	xlsx)
		copy "$corpus" tests/data/import/*.xlsx
		# The same workbooks stored uncompressed, so that mutations reach the XML.
		if [ -x /usr/bin/python3 ]; then
			for f in tests/data/import/*.xlsx; do
				/usr/bin/python3 -c '
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
    for item in zin.infolist():
        zout.writestr(item.filename, zin.read(item.filename))
' "$f" "$corpus/stored-$(basename "$f")"
			done
		fi
		;;
	xlsx_xml)
		# shared strings, styles and the sheet of each workbook, NUL-separated
		k=0
		for f in tests/data/import/*.xlsx; do
			k=$((k + 1))
			/usr/bin/python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
def part(name):
    return z.read(name) if name in z.namelist() else b""
sys.stdout.buffer.write(part("xl/sharedStrings.xml") + b"\0" + part("xl/styles.xml") + b"\0" + part("xl/worksheets/sheet1.xml"))
' "$f" >"$corpus/seed-$k" 2>/dev/null || rm -f "$corpus/seed-$k"
		done
		;;
	quantity | decimal)
		n=0
		grep -h -E '^ *(target|actual|last_year|weight|initial|budget|executed): ' examples/*/*.yaml |
			sed -E 's/^ *[a-z_]+: *//; s/^"(.*)"$/\1/' | sort -u | while IFS= read -r cell; do
			n=$((n + 1))
			printf '%s' "$cell" >"$corpus/cell-$n"
		done
		;;
	esac
}

dict_of() {
	case $1 in
	doc | ysubset | rules | ahp) echo tests/fuzz/yaml.dict ;;
	quantity | decimal) echo tests/fuzz/quantity.dict ;;
	csv) echo tests/fuzz/csv.dict ;;
	xlsx | xlsx_xml) echo tests/fuzz/xlsx.dict ;;
	esac
}

for t in $targets; do
	bin=$dir/fuzz_$t
	corpus=$dir/corpus/$t
	crashes=$dir/crashes/$t
	mkdir -p "$corpus" "$crashes"
	seed "$corpus" "$t"
	regress=tests/fuzz/regress/$t
	if [ -d "$regress" ] && [ -n "$(ls "$regress")" ]; then
		"$bin" "$regress"/* >"$dir/$t.regress.log" 2>&1 ||
			{ echo "fuzz $t: a regression input fails (see $dir/$t.regress.log)"; status=1; }
		cp "$regress"/* "$corpus"/
	fi
	"$bin" -max_total_time="$seconds" -dict="$(dict_of "$t")" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" \
		>"$dir/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$t.log")
	cov=$(grep -o 'cov: [0-9]*' "$dir/$t.log" | tail -1)
	ft=$(grep -o 'ft: [0-9]*' "$dir/$t.log" | tail -1)
	echo "fuzz $t: ${seconds}s, ${execs:-?} executions, $cov, $ft, corpus $(ls "$corpus" | wc -l) files"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz $t: FOUND A CRASH (exit $rc); input in $crashes, log in $dir/$t.log"
		tail -30 "$dir/$t.log"
		status=1
	fi
done
exit $status
