#!/usr/bin/python3
"""audit-check.py CORPUS OUTDIR - check the outputs of `jixiao audit` on a
generated corpus (bench/gen-corpus) against its manifest: every format must
list exactly the deliberate mistakes of manifest.csv (file, indicator path,
field, claimed, recomputed), report exactly the files of broken.txt as not
scored, and hold one row per file. OUTDIR holds out.jsonl, csv/, out.xlsx and
out.db. Prints one line per format; exits 1 on the first difference."""
import csv
import json
import os
import sqlite3
import sys
from decimal import Decimal

import openpyxl

FIELDS = {"完成率(%)": "rate", "得分": "score", "总分": "total", "等级": "grade"}


def norm(v):
    """A value as text that compares equal however it was written: 92.00 is 92."""
    s = str(v).strip().rstrip("%")
    try:
        return str(Decimal(s).normalize())
    except ArithmeticError:
        return s


def rel(corpus, path):
    return os.path.relpath(path, corpus)


def expected(corpus):
    with open(os.path.join(corpus, "manifest.csv"), encoding="utf-8-sig") as f:
        want = {(r["file"], r["path"], r["field"], norm(r["claimed"]), norm(r["recomputed"]))
                for r in csv.DictReader(f)}
    with open(os.path.join(corpus, "broken.txt"), encoding="utf-8") as f:
        broken = {line.split()[0] for line in f if line.strip()}
    files = {rel(corpus, os.path.join(d, x)) for d, _, fs in os.walk(corpus) for x in fs if x.endswith(".yaml")}
    return want, broken, files


def from_jsonl(corpus, out):
    rows, got = {}, set()
    with open(os.path.join(out, "out.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line, parse_float=str)
            name = rel(corpus, o["file"])
            rows[name] = o["ok"]
            for m in o["mismatches"]:
                got.add((name, "/".join(m["path"]), m["field"], norm(m["claimed"]), norm(m["recomputed"])))
    return rows, got


def from_csv(corpus, out):
    rows, got = {}, set()
    with open(os.path.join(out, "csv", "files.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            rows[rel(corpus, r["文件"])] = r["状态"] == "已复核"
    with open(os.path.join(out, "csv", "mismatches.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            got.add((rel(corpus, r["文件"]), r["指标路径"], FIELDS[r["项目"]], norm(r["自评值"]), norm(r["复核值"])))
    return rows, got


def from_xlsx(corpus, out):
    wb = openpyxl.load_workbook(os.path.join(out, "out.xlsx"), read_only=True)
    rows, got = {}, set()
    for r in list(wb["文件"].iter_rows(values_only=True))[1:]:
        rows[rel(corpus, r[0])] = r[5] == "已复核"
    for r in list(wb["不一致"].iter_rows(values_only=True))[1:]:
        got.add((rel(corpus, r[0]), r[1] or "", FIELDS[r[2]], norm(r[3]), norm(r[4])))
    return rows, got


def from_sqlite(corpus, out):
    db = sqlite3.connect(os.path.join(out, "out.db"))
    rows = {rel(corpus, f): bool(ok) for f, ok in db.execute("SELECT file, ok FROM files")}
    got = {(rel(corpus, f), p, fd, norm(c), norm(r)) for f, p, fd, c, r in db.execute(
        "SELECT f.file, m.path, m.field, m.claimed, m.recomputed FROM mismatches m JOIN files f USING (file_id)")}
    return rows, got


def main(corpus, out):
    want, broken, files = expected(corpus)
    for name, read in (("jsonl", from_jsonl), ("csv", from_csv), ("xlsx", from_xlsx), ("sqlite", from_sqlite)):
        rows, got = read(corpus, out)
        failed = {f for f, ok in rows.items() if not ok}
        problems = []
        if set(rows) != files:
            problems.append("rows for %d files, expected %d" % (len(rows), len(files)))
        if failed != broken:
            problems.append("not scored: %s, expected %s" % (sorted(failed), sorted(broken)))
        if got != want:
            problems.append("mismatches missing: %s; unexpected: %s" % (sorted(want - got)[:5], sorted(got - want)[:5]))
        if problems:
            print("%s: %s" % (name, "; ".join(problems)))
            return 1
        print("%-6s %d files, %d not scored, %d mismatches as in the manifest" % (name, len(rows), len(failed), len(got)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
