#!/usr/bin/python3
"""xlsx-dump.py FILE.xlsx - print every sheet of a workbook as text, to check
what `jixiao audit --format xlsx` writes: sheet names, the frozen panes, the
auto-filter range, then each row with its cells as Python sees them (numbers
with their number format)."""
import sys

import openpyxl


def cell_text(c):
    if c.value is None:
        return ""
    if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
        return "%r [%s]" % (c.value, c.number_format)
    return str(c.value)


def main(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        print("== %s (frozen %s, filter %s, %d rows)" % (ws.title, ws.freeze_panes, ws.auto_filter.ref, ws.max_row))
        for row in ws.iter_rows():
            print(" | ".join(cell_text(c) for c in row))


if __name__ == "__main__":
    main(sys.argv[1])
