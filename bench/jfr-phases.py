#!/usr/bin/env python3
"""Attributes a JFR recording's CPU samples to the monthly job's phases (bench/run.sh with BENCH_JFR=1).

    bench/jfr-phases.py bench/out/run-1000000.jfr

Java samples (jdk.ExecutionSample, every 10 ms with settings=profile) and native ones (jdk.NativeMethodSample,
every 20 ms) are weighted by their period, so the seconds are shares of sampled time, not wall time: JFR sees
neither GC nor JIT. Prints a markdown table: phase, sampled seconds, share, the three top frames.
"""
import collections
import re
import subprocess
import sys

# First match wins, searched from the innermost frame outwards; order matters where phases nest.
PHASES = [
    ("snapshot: input fingerprint", ("InputFingerprint$HashedRow.digest", "InputFingerprint$Partial.add")),
    ("snapshot: read (ProjectCursor)", ("io.chokepoint.tracking.store.ProjectCursor",)),
    # Folded by the snapshot step as the projects go by (FoldedAnalysis), inside its processor and writer.
    ("snapshot: trajectory fold", ("io.chokepoint.summary.HistoryBuilder",)),
    ("snapshot: Projects and Data gaps rows", ("io.chokepoint.report.excel.ProjectSheetRows",)),
    ("snapshot: analysis fold", ("io.chokepoint.batch.FoldedAnalysis",)),
    ("snapshot: derive state", ("io.chokepoint.batch.SnapshotProcessor",)),
    ("snapshot: write period rows", ("io.chokepoint.batch.SnapshotWriter",)),
    ("write-reports: aggregation", ("io.chokepoint.batch.PeriodAnalysis",)),
    ("workbook: zip (SXSSF write)", ("StreamedWorkbook", "SXSSFWorkbook.write")),
    ("workbook: read period rows (join)", ("io.chokepoint.tracking.store.PeriodProjects.forEach",)),
    ("workbook: Projects + Data gaps pass", ("ExcelReportWriter$Sheets.projectsAndDataGaps",)),
    ("workbook: projects CSV (past the row limit)", ("io.chokepoint.report.excel.ProjectsCsv",)),
    ("workbook: other sheets", ("io.chokepoint.report.excel",)),
    ("PDF", ("io.chokepoint.report.pdf",)),
    ("write-manifest: input fingerprint", ("io.chokepoint.tracking.store.InputFingerprint",)),
    ("snapshot: job repository", ("org.jberet.repository", "ChokepointBatchEnvironment")),
    ("start-up (Flyway, JBeret)", ("org.flywaydb", "io.chokepoint.cli")),
]
WEIGHT = {"jdk.ExecutionSample": 0.010, "jdk.NativeMethodSample": 0.020}


def samples(recording):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events",
                           "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                          check=True, capture_output=True, text=True).stdout
    for block in re.split(r"\n(?=jdk\.(?:ExecutionSample|NativeMethodSample) \{)", text):
        kind = block.split(" ", 1)[0].strip()
        if kind not in WEIGHT:
            continue
        # Native frames (the innermost of a native sample) print without a line number.
        frames = re.findall(r"^ {4}([\w$.<>]+\(.*?\))(?: line: .*)?$", block, re.M)
        if frames:
            yield kind, frames


def main(recording):
    seconds = collections.Counter()
    tops = collections.defaultdict(collections.Counter)
    for kind, frames in samples(recording):
        phase = "other"
        for name, markers in PHASES:
            if any(m in f for f in frames for m in markers):
                phase = name
                break
        seconds[phase] += WEIGHT[kind]
        tops[phase][frames[0].split("(")[0]] += WEIGHT[kind]
    total = sum(seconds.values())
    print("| phase | sampled s | share | top frames |")
    print("|---|---:|---:|---|")
    for name in [p for p, _ in PHASES] + ["other"]:
        if not seconds[name]:
            continue
        top = ", ".join(f"{frame.rsplit('.', 2)[-2]}.{frame.rsplit('.', 1)[-1]} {100 * s / seconds[name]:.0f}%"
                        for frame, s in tops[name].most_common(3))
        print(f"| {name} | {seconds[name]:.1f} | {100 * seconds[name] / total:.0f}% | {top} |")


if __name__ == "__main__":
    main(sys.argv[1])
