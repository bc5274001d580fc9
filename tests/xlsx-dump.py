#!/usr/bin/python3
"""xlsx-dump.py FILE.xlsx - print every sheet of a workbook as text, to check
what jixiao writes to Excel: sheet names, frozen panes, the auto-filter range,
the rows repeated on each printed page and the merged ranges, then each row with its cells as a reader sees them:
numbers with their number format, [red] on a red fill, the comment of a cell."""
import sys

import openpyxl


def cell_text(c):
    if c.value is None:
        s = ""
    elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
        s = "%r [%s]" % (c.value, c.number_format)
    else:
        s = str(c.value)
    if c.fill is not None and c.fill.fgColor is not None and c.fill.fgColor.rgb == "FFF4CCCC":
        s += " [red]"
    if c.comment is not None:
        s += " [comment: %s]" % c.comment.text.strip()
    return s


def main(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        print("== %s (frozen %s, filter %s, %d rows)" % (ws.title, ws.freeze_panes, ws.auto_filter.ref, ws.max_row))
        if ws.print_title_rows:
            print("printed on each page: rows " + ws.print_title_rows)
        merged = sorted(str(r) for r in ws.merged_cells.ranges)
        if merged:
            print("merged: " + " ".join(merged))
        for row in ws.iter_rows():
            print(" | ".join(cell_text(c) for c in row).rstrip(" |"))


if __name__ == "__main__":
    main(sys.argv[1])
