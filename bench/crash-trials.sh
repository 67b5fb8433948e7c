#!/usr/bin/env bash
# Crash trials (issue 17): kill -9 the job at random moments and check that one `run` finishes it identically.
#
#   bench/crash-trials.sh N          # N kills; prints "N/N identical" when every trial matched
#
# Generates a 20k-project tracker (the hidden `generate` command, seed 42) and runs the month once uninterrupted.
# Then, N times: a fresh copy of the tracker, `run` in a child JVM killed with SIGKILL after a random delay within
# the uninterrupted run's duration, and `run` again to finish it. Every workbook cell (all sheets, read with
# openpyxl) and the PDF's text (pdftotext) must equal the uninterrupted run's, and no temporary file may be left.
# Exits 1 if any trial differs or fails. Missing tools (python3-openpyxl, poppler-utils) are installed with apt.
# Environment: CRASH_PROJECTS (default 20000), CRASH_OUT (default bench/out/crash), CRASH_SEED (random seed of
# the kill moments, default: the clock), CRASH_JAR (default target/chokepoint.jar, built if missing),
# CRASH_TRACKER (a tracker file to copy instead of generating one, e.g. the bench's 1M tracker; its period rows
# are cleared in the copy), CRASH_CELLS (1, the default: compare every cell with openpyxl; 0: compare the SHA-256
# of every part of the workbook's zip but docProps/core.xml, its creation time, which is stricter than the cells and
# feasible at a million projects, where openpyxl would read 28 million cells).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:?usage: bench/crash-trials.sh N}
PROJECTS=${CRASH_PROJECTS:-20000}
OUT=${CRASH_OUT:-$ROOT/bench/out/crash}
PERIOD=2026-01
RANDOM=${CRASH_SEED:-$(date +%s)}
if [ -n "${CRASH_TRACKER:-}" ] && [ ! -f "$CRASH_TRACKER" ]; then
  echo "crash-trials: CRASH_TRACKER=$CRASH_TRACKER is not a file" >&2; exit 2
fi
case ${CRASH_CELLS:-1} in 0 | 1) ;; *) echo "crash-trials: CRASH_CELLS is 0 or 1, was $CRASH_CELLS" >&2; exit 2 ;; esac

# Debian's openpyxl is for Debian's python3, which another python3 on the PATH may hide.
PY=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import openpyxl' 2>/dev/null; then PY=$candidate; break; fi
done
if [ -z "$PY" ] || ! command -v pdftotext >/dev/null; then
  echo "crash-trials: installing python3-openpyxl and poppler-utils" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3 python3-openpyxl poppler-utils >/dev/null
  PY=/usr/bin/python3
fi
JAR=${CRASH_JAR:-$ROOT/target/chokepoint.jar}
if [ ! -f "$JAR" ]; then
  echo "crash-trials: building" >&2
  mvn -B -q -DskipTests package
fi
rm -rf "$OUT" && mkdir -p "$OUT"
cp "$JAR" "$OUT/chokepoint.jar" # a build meanwhile cannot change the jar under a running JVM
JAR=$OUT/chokepoint.jar

# Every cell of every sheet, as sheet!coordinate=value, one per line.
cells() {
  "$PY" -W ignore - "$1" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print(f"{ws.title}!{c.coordinate}={c.value!r}")
PY
}

run() { # db reports log
  java -jar "$JAR" run --period "$PERIOD" --no-email --db "$1" --reports "$2" >"$3" 2>&1
}

if [ -n "${CRASH_TRACKER:-}" ]; then
  echo "crash-trials: copying $CRASH_TRACKER" >&2
  cp "$CRASH_TRACKER" "$OUT/tracker.db"
  sqlite3 "$OUT/tracker.db" "DELETE FROM period_project; DELETE FROM period_input;"
else
  echo "crash-trials: generating a $PROJECTS-project tracker" >&2
  java -jar "$JAR" generate --projects "$PROJECTS" --db "$OUT/tracker.db" >/dev/null
fi
if [ "${CRASH_CELLS:-1}" = 0 ]; then
  # Every part of the workbook but its creation time, as name and SHA-256, one per line.
  cells() {
    "$PY" - "$1" <<'PY'
import hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in sorted(z.namelist()):
        if name != "docProps/core.xml":
            h = hashlib.sha256()
            with z.open(name) as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            print(name, h.hexdigest())
PY
  }
fi

echo "crash-trials: the uninterrupted run" >&2
cp "$OUT/tracker.db" "$OUT/reference.db"
start=$(date +%s%N)
run "$OUT/reference.db" "$OUT/reference" "$OUT/reference.log" || { cat "$OUT/reference.log" >&2; exit 1; }
DURATION_MS=$(( ($(date +%s%N) - start) / 1000000 ))
cells "$OUT/reference/$PERIOD/chokepoint-$PERIOD.xlsx" >"$OUT/reference.cells"
pdftotext "$OUT/reference/$PERIOD/chokepoint-$PERIOD.pdf" "$OUT/reference.txt"
echo "crash-trials: uninterrupted run ${DURATION_MS} ms, $(wc -l <"$OUT/reference.cells") cells" >&2

identical=0
for i in $(seq 1 "$N"); do
  dir=$OUT/trial-$i
  mkdir -p "$dir"
  cp "$OUT/tracker.db" "$dir/tracker.db"
  delay_ms=$(( 300 + (RANDOM * 32768 + RANDOM) % (DURATION_MS > 300 ? DURATION_MS - 300 : 1) ))
  java -jar "$JAR" run --period "$PERIOD" --no-email --db "$dir/tracker.db" --reports "$dir/reports" \
    >"$dir/killed.log" 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then when="killed after ${delay_ms} ms"; else when="ended before the kill"; fi
  wait "$pid" 2>/dev/null || true
  steps=$(sqlite3 "$dir/tracker-jobs.db" "SELECT group_concat(STEPNAME || ':' || BATCHSTATUS, ' ') FROM STEP_EXECUTION" 2>/dev/null || true)
  verdict=identical
  if ! run "$dir/tracker.db" "$dir/reports" "$dir/finish.log"; then
    if grep -q "already completed" "$dir/finish.log"; then :; else verdict="finishing run failed (see $dir/finish.log)"; fi
  fi
  if [ "$verdict" = identical ]; then
    cells "$dir/reports/$PERIOD/chokepoint-$PERIOD.xlsx" >"$dir/cells"
    pdftotext "$dir/reports/$PERIOD/chokepoint-$PERIOD.pdf" "$dir/pdf.txt"
    if ! cmp -s "$dir/cells" "$OUT/reference.cells"; then verdict="workbook differs (diff $dir/cells $OUT/reference.cells)"
    elif ! cmp -s "$dir/pdf.txt" "$OUT/reference.txt"; then verdict="PDF text differs (diff $dir/pdf.txt $OUT/reference.txt)"
    elif find "$dir/reports" -name '*.tmp' | grep -q .; then verdict="temporary files left: $(find "$dir/reports" -name '*.tmp')"
    fi
  fi
  [ "$verdict" = identical ] && identical=$((identical + 1))
  echo "trial $i: $when (${steps:-no step started}); $verdict" >&2
  [ "$verdict" = identical ] && rm -rf "$dir"
done
echo "$identical/$N identical"
[ "$identical" -eq "$N" ]
