#!/usr/bin/env bash
# Benchmark of the monthly job from the sample tracker to a million projects (issue #7). Not run by CI.
#
#   bench/run.sh                      # 1k, 10k, 100k and 1M projects (about 6 minutes on 2 cores, 4 GB of disk)
#   BENCH_MAX=100000 bench/run.sh     # stop at 100k
#
# Builds once, generates seeded synthetic trackers (kept in bench/out/trackers and reused), runs
# `java -Xmx512m -jar chokepoint.jar run` on each, and prints one markdown table: wall time and peak RSS from
# GNU time, each step's duration from the job repository, the aggregation (logged by write-reports at
# DEBUG: on a fresh run, the time the snapshot step spent folding its chunks plus write-reports finishing) and
# the floor (sqlite3 counting and summing the period's rows by country x stage on the same file).
# Environment: BENCH_MAX (largest size, default 1000000), BENCH_OUT (default bench/out), BENCH_PERIOD
# (default 2026-01), BENCH_SAMPLE_RUNS (runs of the sample tracker, default 5), BENCH_JFR=1 (also record a
# JFR profile of each run into BENCH_OUT; large). The table is also written to BENCH_OUT/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
MAX=${BENCH_MAX:-1000000}
PERIOD=${BENCH_PERIOD:-2026-01}
SAMPLE_RUNS=${BENCH_SAMPLE_RUNS:-5}
HEAP=-Xmx512m

for tool in /usr/bin/time sqlite3 java mvn; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (GNU time: apt-get install -y time)" >&2; exit 2; }
done
mkdir -p "$OUT/trackers"
OUT=$(cd "$OUT" && pwd)

echo "bench: building" >&2
mvn -B -q -DskipTests package
# A copy, so that a build during the benchmark cannot change the jar under a running JVM.
JAR=$OUT/chokepoint.jar
cp target/chokepoint.jar "$JAR"

seconds() { awk -v v="$1" 'BEGIN { n = split(v, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }'; }
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
ms_to_s() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { if (v == "") print "—"; else printf "%.*f", d, v / 1000 }'; }

# One timed run of the job; fills WALL, CPU, RSS_MB.
timed_run() { # dir log args...
  local dir=$1 log=$2; shift 2
  local timing=$log.time
  ( cd "$dir" && /usr/bin/time -v -o "$timing" java "$HEAP" "${JFR_ARGS[@]}" \
      -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" "$@" ) >"$log" 2>&1 || {
    echo "bench: run failed, see $log" >&2; cat "$log" >&2; exit 1; }
  WALL=$(seconds "$(field 'Elapsed (wall clock)' "$timing")")
  CPU=$(awk -v u="$(field 'User time' "$timing")" -v s="$(field 'System time' "$timing")" 'BEGIN { printf "%.1f", u + s }')
  RSS_MB=$(awk -v k="$(field 'Maximum resident set size' "$timing")" 'BEGIN { printf "%.0f", k / 1024 }')
}

# Seconds a command takes, its output discarded.
elapsed() {
  local start; start=$(date +%s.%N)
  "$@" >/dev/null
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()

# The sample tracker: a fresh folder, the embedded sample data, JVM start included.
SAMPLE_DIR=$OUT/sample
SAMPLE_WALLS=()
JFR_ARGS=()
for i in $(seq 1 "$SAMPLE_RUNS"); do
  rm -rf "$SAMPLE_DIR" && mkdir -p "$SAMPLE_DIR"
  timed_run "$SAMPLE_DIR" "$OUT/sample-$i.log" run --period "$PERIOD"
  SAMPLE_WALLS+=("$WALL")
  SAMPLE_CPU=$CPU SAMPLE_RSS=$RSS_MB
done
SAMPLE_MEDIAN=$(printf '%s\n' "${SAMPLE_WALLS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
SAMPLE_MIN=$(printf '%s\n' "${SAMPLE_WALLS[@]}" | sort -n | head -1)
SAMPLE_PROJECTS=$(sqlite3 "$SAMPLE_DIR/chokepoint.db" "SELECT count(*) FROM project;")
SAMPLE_EVENTS=$(sqlite3 "$SAMPLE_DIR/chokepoint.db" "SELECT count(*) FROM facility_event;")
SAMPLE_ROW="| sample (embedded, fresh folder) | $SAMPLE_PROJECTS | $SAMPLE_EVENTS | — | **$SAMPLE_MEDIAN** (median of ${#SAMPLE_WALLS[@]}, min $SAMPLE_MIN) | $SAMPLE_CPU | $SAMPLE_RSS | — | — | — | — | — | — | — | — | — |"

declare -A RUN_WALL
for N in 1000 10000 100000 1000000; do
  [ "$N" -le "$MAX" ] || continue
  TRACKER=$OUT/trackers/tracker-$N.db
  GEN="(kept)"
  if [ ! -f "$TRACKER" ]; then
    echo "bench: generating $N projects" >&2
    GEN_START=$(date +%s.%N)
    java -jar "$JAR" generate --projects "$N" --db "$TRACKER" >&2
    GEN=$(awk -v a="$GEN_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  fi
  # Each run starts like a first run of the month: no job history, no rows of the period.
  rm -f "$OUT/trackers/tracker-$N-jobs.db"* && rm -rf "$OUT/reports-$N"
  sqlite3 "$TRACKER" "DELETE FROM period_project;"
  EVENTS=$(sqlite3 "$TRACKER" "SELECT count(*) FROM facility_event;")
  JFR_ARGS=()
  if [ "${BENCH_JFR:-0}" = 1 ]; then
    JFR_ARGS=(-XX:StartFlightRecording=settings=profile,filename="$OUT/run-$N.jfr")
  fi
  echo "bench: running the job on $N projects" >&2
  timed_run "$OUT" "$OUT/run-$N.log" run --period "$PERIOD" --db "$TRACKER" --reports "$OUT/reports-$N"
  RUN_WALL[$N]=$WALL
  step() { sqlite3 "$OUT/trackers/tracker-$N-jobs.db" "SELECT endtime - starttime FROM step_execution WHERE stepname = '$1' ORDER BY stepexecutionid DESC LIMIT 1;"; }
  CLEAR=$(ms_to_s "$(step clear-period)") SNAP=$(ms_to_s "$(step snapshot)") WRITE=$(ms_to_s "$(step write-reports)")
  timing() { sed -n "s/.*aggregated [0-9]* reported projects in \([0-9]*\) ms; workbook in \([0-9]*\) ms; PDF in \([0-9]*\) ms.*/\\$1/p" "$OUT/run-$N.log" | tail -1; }
  AGG=$(ms_to_s "$(timing 1)" 2) BOOK=$(ms_to_s "$(timing 2)") PDF=$(ms_to_s "$(timing 3)")
  # The floor: sqlite3 aggregating the same rows, the period's, into count and capacity by country x stage of the
  # reported live projects (warm: second run).
  FLOOR_SQL="SELECT country, stage, count(*), sum(cur_capacity_tpa) FROM period_project
             WHERE period = '$PERIOD' AND cur_reported = 1 AND cur_status NOT IN ('suspended', 'cancelled')
             GROUP BY country, stage;"
  sqlite3 "$TRACKER" "$FLOOR_SQL" >/dev/null
  FLOOR=$(elapsed sqlite3 "$TRACKER" "$FLOOR_SQL")
  RATIO=$(awk -v a="$AGG" -v f="$FLOOR" 'BEGIN { if (a == "—" || f == 0) print "—"; else printf "%.1f×", a / f }')
  PER=$(awk -v w="$WALL" -v n="$N" 'BEGIN { printf "%.0f", w * 1e6 / n }')
  ROWS+=("| synthetic | $N | $EVENTS | $GEN | **$WALL** | $CPU | $RSS_MB | $CLEAR | $SNAP | $WRITE | $AGG | $BOOK | $PDF | $FLOOR | $RATIO | $PER |")
done

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM;" \
     "$(java -version 2>&1 | head -1); load average $LOAD_START at start, $LOAD_END at end; $(date -u +%Y-%m-%d)."
echo
echo "| tracker | projects | events | generate (s) | run wall (s) | run CPU (s) | peak RSS (MB) | clear-period (s) | snapshot (s) | write-reports (s) | aggregation (s) | workbook (s) | PDF (s) | sqlite3 floor (s) | aggregation / floor | wall µs per project |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "$SAMPLE_ROW"
printf '%s\n' "${ROWS[@]}"
if [ -n "${RUN_WALL[10000]:-}" ] && [ -n "${RUN_WALL[100000]:-}" ]; then
  echo
  # Start-up is a fixed cost; linear means each extra project costs the same from one size to the next.
  awk -v a="${RUN_WALL[10000]}" -v b="${RUN_WALL[100000]}" -v c="${RUN_WALL[1000000]:-}" 'BEGIN {
    printf "Linearity: each project beyond 10k cost %.0f µs up to 100k", (b - a) * 1e6 / 90000
    if (c != "") printf " and %.0f µs from 100k to 1M", (c - b) * 1e6 / 900000
    printf " (wall time).\n" }'
fi
} | tee "$OUT/results.md"
