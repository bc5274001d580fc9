#!/usr/bin/python3
"""audit-check.py CORPUS OUTDIR - check the outputs of `jixiao audit` on a
generated corpus (bench/gen-corpus) against its manifest: every format must
list exactly the deliberate mistakes of manifest.csv (file, indicator path,
field, claimed, recomputed), report exactly the files of broken.txt as not
scored, and hold one row per file. OUTDIR holds out.jsonl, csv/, out.xlsx and
out.db, and summary.txt, the standard error of the run that wrote out.jsonl:
its summary must hold the numbers computed here from out.jsonl (counts,
grades, mean, median and quartiles as GSL defines them, rounded half-up, the
ten largest deltas). Prints one line per check; exits 1 on the first
difference."""
import csv
import json
import os
import sqlite3
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

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


def cents(x):
    return str(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def quartile(x, q):
    """gsl_stats_quantile_from_sorted_data(x, 1, n, q/4), exact."""
    at = Decimal(q) * (len(x) - 1) / 4
    lo = int(at)
    frac = at - lo
    return x[lo] if frac == 0 else x[lo] * (1 - frac) + x[lo + 1] * frac


def expected_summary(out):
    """The summary's lines, computed from out.jsonl."""
    with open(os.path.join(out, "out.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line, parse_float=Decimal) for line in f]
    ok = [r for r in rows if r["ok"]]
    count = lambda n: "{:,}".format(n)
    lines = ["复核 %s 个文件：%s 个已评分，%s 个无法评分" % (count(len(rows)), count(len(ok)), count(len(rows) - len(ok)))]
    fields = Counter(m["field"] for r in ok for m in r["mismatches"])
    kinds = "，".join("%s %s 处" % (label, count(fields[k])) for k, label in
                     (("rate", "完成率"), ("score", "得分"), ("total", "总分"), ("grade", "等级")) if fields[k])
    mismatched = sum(1 for r in ok if r["mismatches"])
    lines.append("填报值不一致：%s 个文件%s" % (count(mismatched), "（%s）" % kinds if kinds else ""))
    lines.append("等级与自评不同：%s 个文件" % count(sum(1 for r in ok if r["claimed_grade"] and r["claimed_grade"] != r["grade"])))
    claimed = Counter(r["claimed_grade"] for r in ok if r["claimed_grade"])
    recomputed = Counter(r["grade"] for r in ok)
    grades = [(g, claimed[g], recomputed[g]) for g in ("优", "良", "中", "差") if claimed[g] or recomputed[g]]
    totals = sorted(Decimal(str(r["total"])) for r in ok)
    stats = "复核总分：平均 %s，中位数 %s，四分位 %s / %s，最低 %s，最高 %s" % (
        cents(sum(totals) / len(totals)), cents(quartile(totals, 2)), cents(quartile(totals, 1)),
        cents(quartile(totals, 3)), cents(totals[0]), cents(totals[-1]))
    moved = [r for r in ok if r["delta"] is not None and r["delta"] != 0]
    moved.sort(key=lambda r: -abs(r["delta"]))  # stable: path order on ties
    top = [("%+.2f" % r["delta"], str(r["claimed_total"]), str(r["total"]), r["file"]) for r in moved[:10]]
    return lines, grades, stats, top


def check_summary(out):
    with open(os.path.join(out, "summary.txt"), encoding="utf-8") as f:
        text = [line.rstrip("\n") for line in f if ": error: " not in line and ": note: " not in line]
    lines, grades, stats, top = expected_summary(out)
    problems = []
    if text[:3] != lines:
        problems.append("counts %s, expected %s" % (text[:3], lines))
    table = [tuple(line.split()) for line in text[6:6 + len(grades)]]
    if table != [(g, "{:,}".format(c), "{:,}".format(r)) for g, c, r in grades]:
        problems.append("grades %s, expected %s" % (table, grades))
    if stats not in text:
        problems.append("statistics: expected '%s'" % stats)
    at = next((i for i, line in enumerate(text) if line.startswith("总分差异最大的")), len(text))
    rows = [tuple(line.split(None, 3)) for line in text[at + 3:]]
    if rows != top:
        problems.append("largest deltas %s, expected %s" % (rows[:3], top[:3]))
    if problems:
        print("summary: %s" % "; ".join(problems))
        return 1
    print("summary: %d files, grades, statistics and the %d largest deltas as computed from out.jsonl" % (
        int(lines[0].split()[1].replace(",", "")), len(top)))
    return 0


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
    return check_summary(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
