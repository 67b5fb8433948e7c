#!/usr/bin/python3
"""Peer of the monthly job for bench/run.sh (issue 26): the simplest job a Python user would write.

Reads the tracker's `project` table with the sqlite3 module and writes a bare workbook of the projects with
openpyxl in write-only mode: one sheet, a header row of the column names and one row per project, every column,
as stored. No styles, formats, tables or other sheets.

    /usr/bin/python3 bench/peer_openpyxl.py TRACKER OUTPUT_DIR     # writes OUTPUT_DIR/projects-openpyxl.xlsx
"""
import os
import sqlite3
import sys

from openpyxl import Workbook


def main(tracker, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    con = sqlite3.connect(f"file:{tracker}?mode=ro", uri=True)
    try:
        cursor = con.execute("SELECT * FROM project")
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Projects")
        sheet.append([column[0] for column in cursor.description])
        rows = 0
        for row in cursor:
            sheet.append(row)
            rows += 1
    finally:
        con.close()
    path = os.path.join(out_dir, "projects-openpyxl.xlsx")
    book.save(path)
    print(f"peer_openpyxl: {rows} projects to {path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peer_openpyxl.py TRACKER OUTPUT_DIR")
    main(sys.argv[1], sys.argv[2])
