#!/usr/bin/python3
"""Peer of the monthly job for bench/run.sh (issue 26): an analyst's pandas + xlsxwriter + matplotlib script.

Reads every column of the tracker's `project` table with pandas (read_sql), sums the capacity (capacity_tpa, as
stored, whatever its unit) of the operating projects (status 'operating') by country x stage, and writes:
- OUTPUT_DIR/projects-analyst.xlsx with xlsxwriter: a "Projects" sheet (every project, every column, frozen header,
  autofilter) and a "Summary" sheet (the country x stage pivot of operating capacity, with totals);
- OUTPUT_DIR/projects-analyst.pdf with matplotlib (PdfPages, Agg backend), two A4 landscape pages: page 1 a bar
  chart of operating capacity by country for each stage (one panel per stage), page 2 a table of the pivot
  (the 25 countries of largest operating capacity) with project counts by stage and status beside it.

    /usr/bin/python3 bench/peer_analyst.py TRACKER OUTPUT_DIR
"""
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

STAGES = ["mining", "concentration", "separation", "metal", "alloy", "magnet", "recycling"]


def main(tracker, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    con = sqlite3.connect(f"file:{tracker}?mode=ro", uri=True)
    try:
        projects = pd.read_sql("SELECT * FROM project", con)
    finally:
        con.close()

    operating = projects[projects["status"] == "operating"]
    summary = operating.pivot_table(index="country", columns="stage", values="capacity_tpa", aggfunc="sum",
                                    fill_value=0.0)
    summary = summary.reindex(columns=[s for s in STAGES if s in summary.columns] +
                              [s for s in summary.columns if s not in STAGES])
    summary["total"] = summary.sum(axis=1)
    summary = summary.sort_values("total", ascending=False)
    counts = projects.pivot_table(index="stage", columns="status", values="id", aggfunc="count", fill_value=0)

    book_path = os.path.join(out_dir, "projects-analyst.xlsx")
    with pd.ExcelWriter(book_path, engine="xlsxwriter") as writer:
        projects.to_excel(writer, sheet_name="Projects", index=False)
        sheet = writer.sheets["Projects"]
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(projects), len(projects.columns) - 1)
        summary.to_excel(writer, sheet_name="Summary")
        number = writer.book.add_format({"num_format": "#,##0"})
        writer.sheets["Summary"].set_column(1, len(summary.columns), 14, number)

    pdf_path = os.path.join(out_dir, "projects-analyst.pdf")
    with PdfPages(pdf_path) as pdf:
        stages = [s for s in summary.columns if s != "total"]
        fig, axes = plt.subplots(4, 2, figsize=(11.69, 8.27))
        fig.suptitle("Operating capacity by country and stage (t/yr, as stored)")
        for ax, stage in zip(axes.flat, stages):
            column = summary[stage]
            column = column[column > 0].sort_values(ascending=False)
            ax.bar(column.index, column.values, color="tab:blue")
            ax.set_title(stage, fontsize=9)
            ax.tick_params(axis="x", labelrotation=90, labelsize=6)
            ax.tick_params(axis="y", labelsize=6)
        for ax in list(axes.flat)[len(stages):]:
            ax.axis("off")
        fig.tight_layout()
        pdf.savefig(fig)
        plt.close(fig)

        fig, (left, right) = plt.subplots(1, 2, figsize=(11.69, 8.27), gridspec_kw={"width_ratios": [3, 2]})
        fig.suptitle("Operating capacity (largest 25 countries) and projects by stage and status")
        top = summary.head(25)
        left.axis("off")
        table = left.table(cellText=[[f"{v:,.0f}" for v in row] for row in top.values], rowLabels=list(top.index),
                           colLabels=list(top.columns), loc="center")
        table.auto_set_font_size(False)
        table.set_fontsize(6)
        counts.plot.barh(stacked=True, ax=right, fontsize=7)
        right.legend(fontsize=6)
        fig.tight_layout()
        pdf.savefig(fig)
        plt.close(fig)
    print(f"peer_analyst: {len(projects)} projects, {len(operating)} operating, to {book_path} and {pdf_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peer_analyst.py TRACKER OUTPUT_DIR")
    main(sys.argv[1], sys.argv[2])
