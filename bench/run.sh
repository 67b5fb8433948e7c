#!/usr/bin/env bash
# Benchmark of the monthly job from the sample tracker to a million projects (issues #7 and #15). Not run by CI.
#
#   bench/run.sh                      # sample, 1k, 10k, 100k and 1M projects (about 10 minutes on 2 cores, 4 GB of disk)
#   BENCH_MAX=100000 bench/run.sh     # stop at 100k
#
# Builds once, unpacks the distribution (target/chokepoint-<version>.tar.gz) into BENCH_OUT/dist and runs every job
# through its launcher, bin/chokepoint, as a user does: the launcher's class-data archive (made by its first call,
# timed apart, in BENCH_OUT/cache) and its JVM flags for the tracker's size; the large sizes get
# CHOKEPOINT_OPTS=-Xmx$BENCH_HEAP (default 768m) and bench/logback-bench.xml. Generates seeded synthetic trackers (kept in
# bench/out/trackers and reused). Prints two markdown tables:
# - issue 15's targets, "now" (this run) beside "target";
# - per size: wall time and peak RSS from GNU time, each step's duration from the job repository, the aggregation
#   (logged by write-reports at DEBUG: on a fresh run, the time the snapshot step spent folding its chunks plus
#   write-reports finishing) and its floor (sqlite3 counting and summing the period's rows by country x stage), and
#   the step floors measured in the same run: sqlite3 scanning the period's inputs, a bare SXSSF write of the
#   Projects rows and columns (ProjectsSheetFloor) and a trivial JBeret job (TrivialJobFloor), in the JVM flags the
#   launcher picks for that size.
# Reads of each input table per run: one more run of the job, at the largest size up to 100k, under strace: the pages
# of each table the JVM read from the tracker file (pread64) over the table's pages (sqlite3's dbstat).
# Environment: BENCH_MAX (largest size, default 1000000), BENCH_OUT (default bench/out), BENCH_PERIOD
# (default 2026-01), BENCH_SAMPLE_RUNS (runs of the sample tracker, default 5), BENCH_JFR=1 (also record a
# JFR profile of each run into BENCH_OUT; large), BENCH_READS=0 (skip the strace run). The tables are also written to
# BENCH_OUT/results.md.
# Peers (issue 26): bench/peer_openpyxl.py (a bare write-only openpyxl workbook of the projects) and
# bench/peer_analyst.py (pandas, xlsxwriter and a two-page matplotlib PDF), run with /usr/bin/python3 on the same
# tracker file as the job, interleaved with its runs, on the sample and at BENCH_PEER_SIZES (default 100000); the
# Debian packages they need are installed with apt-get when an import fails. BENCH_PEERS=0 skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# The default is skipped when absent; a BENCH_JAVA25 given that is not a JDK is a mistake, said before any work.
if [ -n "${BENCH_JAVA25:-}" ] && [ ! -x "$BENCH_JAVA25/bin/java" ]; then
  echo "bench: BENCH_JAVA25=$BENCH_JAVA25 has no bin/java; point it at a Java 25 or later, or unset it" >&2; exit 2
fi
OUT=${BENCH_OUT:-$ROOT/bench/out}
MAX=${BENCH_MAX:-1000000}
PERIOD=${BENCH_PERIOD:-2026-01}
SAMPLE_RUNS=${BENCH_SAMPLE_RUNS:-5}
# The heap cap of the large runs (BENCH_HEAP, default 768m: the smallest that kept the time at 1M, see the heap
# table); BENCH_HEAPS lists the caps the largest size is run at once more each, for that table ("" to skip).
HEAP=-Xmx${BENCH_HEAP:-768m}
HEAPS=${BENCH_HEAPS-512m 768m 1g}

READS=${BENCH_READS:-1}

for tool in /usr/bin/time sqlite3 java mvn tar; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (GNU time: apt-get install -y time)" >&2; exit 2; }
done
if [ "$READS" = 1 ] && ! command -v strace >/dev/null; then
  echo "bench: strace is needed to count the reads of each table (apt-get install -y strace), or BENCH_READS=0" >&2; exit 2
fi
# The peers' Python (issue 26): the system's python3 with Debian's packages, installed when an import fails.
PEERS=${BENCH_PEERS:-1}
PEER_SIZES=${BENCH_PEER_SIZES:-100000}
PEER_PY=/usr/bin/python3
PEER_PACKAGES=(python3-openpyxl python3-pandas python3-matplotlib python3-xlsxwriter)
peer_imports() { "$PEER_PY" -c 'import openpyxl, pandas, matplotlib, xlsxwriter' 2>/dev/null; }
if [ "$PEERS" = 1 ] && ! peer_imports; then
  [ -x "$PEER_PY" ] || { echo "bench: $PEER_PY is needed for the peer rows (apt-get install -y python3), or BENCH_PEERS=0" >&2; exit 2; }
  if [ "$(id -u)" = 0 ]; then
    AS_ROOT=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
  else
    echo "bench: the peer rows need ${PEER_PACKAGES[*]}; not root and no password-less sudo: install them" \
         "(apt-get install -y ${PEER_PACKAGES[*]}) or run with BENCH_PEERS=0" >&2
    exit 2
  fi
  echo "bench: installing ${PEER_PACKAGES[*]} for the peer rows" >&2
  peer_install() { "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@" >&2; }
  peer_install install "${PEER_PACKAGES[@]}" || { peer_install update && peer_install install "${PEER_PACKAGES[@]}"; } || {
    echo "bench: apt-get could not install ${PEER_PACKAGES[*]}; install them or run with BENCH_PEERS=0" >&2; exit 2; }
  peer_imports || { echo "bench: $PEER_PY still cannot import openpyxl, pandas, matplotlib and xlsxwriter" >&2; exit 2; }
fi
PEER_PY_VERSION=$("$PEER_PY" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo "—")
mkdir -p "$OUT/trackers"
OUT=$(cd "$OUT" && pwd)

echo "bench: building" >&2
mvn -B -q -DskipTests package
# Copies, so that a build during the benchmark cannot change the jars under a running JVM.
JAR=$OUT/chokepoint.jar
cp target/chokepoint.jar "$JAR"
rm -rf "$OUT/dist" "$OUT/floor-classes" "$OUT/cache" && mkdir -p "$OUT/dist"
tar -xzf target/chokepoint-*.tar.gz -C "$OUT/dist"
APP=$(ls -d "$OUT"/dist/chokepoint-*)
LAUNCHER=$APP/bin/chokepoint
cp -r target/test-classes "$OUT/floor-classes"
FLOOR_CP="$OUT/floor-classes:$APP/lib/*"
# The launcher's class-data archive, in a cache of the bench's own: its first call makes it (timed apart).
export XDG_CACHE_HOME=$OUT/cache
unset CHOKEPOINT_HOME CHOKEPOINT_DB CHOKEPOINT_OPTS CHOKEPOINT_CDS

seconds() { awk -v v="$1" 'BEGIN { n = split(v, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }'; }
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
ms_to_s() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { if (v == "") print "—"; else printf "%.*f", d, v / 1000 }'; }

# One timed run of the job through the installed launcher, with CHOKEPOINT_OPTS=$OPTS; fills WALL, CPU, RSS_MB.
timed_run() { # dir log args...
  local dir=$1 log=$2; shift 2
  local timing=$log.time
  ( cd "$dir" && CHOKEPOINT_OPTS="$OPTS" /usr/bin/time -v -o "$timing" "$LAUNCHER" "$@" ) >"$log" 2>&1 || {
    echo "bench: run failed, see $log" >&2; cat "$log" >&2; exit 1; }
  WALL=$(seconds "$(field 'Elapsed (wall clock)' "$timing")")
  CPU=$(awk -v u="$(field 'User time' "$timing")" -v s="$(field 'System time' "$timing")" 'BEGIN { printf "%.1f", u + s }')
  RSS_MB=$(awk -v k="$(field 'Maximum resident set size' "$timing")" 'BEGIN { printf "%.0f", k / 1024 }')
}

# The resident set of the newest process whose command line has PATTERN, every 0.2 s while it lives, as
# "epoch_ms rss_kb" lines into OUT (started in the background beside a run).
rss_sampler() { # pattern out
  local pid="" i
  # The JVM itself: the launcher's command substitutions fork short-lived copies of its own command line.
  for i in $(seq 1 400); do pid=$(pgrep -n -f -- "io.chokepoint.cli.Main.*$1" || true); [ -n "$pid" ] && break; sleep 0.05; done
  [ -n "$pid" ] || return 0
  while kill -0 "$pid" 2>/dev/null; do
    awk -v t="$(date +%s%3N)" '/^VmRSS/ { print t, $2 }' "/proc/$pid/status" 2>/dev/null || true
    sleep 0.2
  done >"$2"
}

# Peak RSS by phase: each sample goes to the last step started by its time (from the job repository's
# STARTTIME, ms since the epoch), "start-up" before the first. Prints "phase MB, ..." in order.
rss_phases() { # samples jobs-db
  [ -s "$1" ] || { echo "— (no samples)"; return; }
  sqlite3 -separator ' ' "$2" "SELECT stepname, starttime FROM step_execution ORDER BY starttime;" |
    awk 'NR == FNR { name[++n] = $1; start[n] = $2; next }
         { phase = "start-up"; for (i = 1; i <= n; i++) if ($1 >= start[i]) phase = name[i];
           if (!(phase in peak)) order[++m] = phase; if ($2 > peak[phase]) peak[phase] = $2 }
         END { for (i = 1; i <= m; i++) printf "%s%s %.0f MB", (i > 1 ? ", " : ""), order[i], peak[order[i]] / 1024; print "" }' - "$1"
}

# Seconds a command takes, its output discarded.
elapsed() {
  local start; start=$(date +%s.%N)
  "$@" >/dev/null
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
}

# The JVM flags the launcher picks for a tracker of this many bytes (bin/chokepoint: quick_start_max_bytes), for
# the floors' JVMs.
launcher_flags() {
  if [ "$1" -le 134217728 ]; then echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; else echo "-XX:+UseSerialGC"; fi
}

# sqlite3 reading every column of the period's inputs: all projects, the events up to the period's end, the
# baselines (warm: the second of two runs). Prints seconds.
scan_floor() { # tracker period-end
  local db=$1 end=$2 sql="" table cols
  for table in project facility_event baseline; do
    cols=$(sqlite3 "$db" "SELECT group_concat('ifnull(length(\"' || name || '\"), 0)', ' + ') FROM pragma_table_info('$table');")
    if [ "$table" = facility_event ]; then
      sql="$sql SELECT count(*), sum($cols) FROM facility_event NOT INDEXED WHERE date <= '$end';"
    else
      sql="$sql SELECT count(*), sum($cols) FROM $table;"
    fi
  done
  sqlite3 "$db" "$sql" >/dev/null
  elapsed sqlite3 "$db" "$sql"
}

# The writer floors: print the write seconds (read and write, less the read alone) of ProjectsSheetFloor (plain
# SXSSF, for reference) and of ProjectsXmlFloor (the job's own writer of the Projects rows: the step floor).
sxssf_floor() { # tracker rows flags [class]
  local out
  # shellcheck disable=SC2086
  out=$(java $HEAP $3 -Djava.awt.headless=true -cp "$FLOOR_CP" "${4:-io.chokepoint.floors.ProjectsSheetFloor}" "$1" "$2" \
      "$OUT/floor.xlsx") || { echo "bench: ${4:-ProjectsSheetFloor} failed" >&2; exit 1; }
  echo "$out" | sed -n 's/.* write_ms \([0-9]*\).*/\1/p' | awk '{ printf "%.2f", $1 / 1000 }'
}

# The JBeret floor: a trivial job in a new JVM with a new repository, start to exit. Prints seconds.
jberet_floor() { # flags
  rm -f "$OUT/floor-jobs.db"*
  # shellcheck disable=SC2086
  elapsed java $1 -Dorg.jboss.logging.provider=slf4j -cp "$FLOOR_CP" io.chokepoint.batch.TrivialJobFloor "$OUT/floor-jobs.db"
}

# The peers (issue 26): bench/peer_openpyxl.py and bench/peer_analyst.py, run with $PEER_PY on the same tracker file
# as our job, each once right after one of our runs (ours, openpyxl, analyst: drift hits all three), timed by GNU time
# like our runs. Each round appends "wall cpu rss_mb;" to PEER_RUNS[<size>:<who>]; the table shows medians.
declare -A PEER_RUNS PEER_LABEL PEER_PROJECTS
PEER_DONE=()
PEER_FIRST="—"
rm -rf "$OUT/peers"
# Wall (two decimals), CPU (user + system) and peak RSS (MB) of a GNU time -v file.
peer_times() { # timing-file
  awk -v e="$(field 'Elapsed (wall clock)' "$1")" -v u="$(field 'User time' "$1")" -v s="$(field 'System time' "$1")" \
      -v k="$(field 'Maximum resident set size' "$1")" 'BEGIN {
    n = split(e, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]
    printf "%.2f %.2f %.0f\n", w, u + s, k / 1024 }'
}
peer_run() { # name tracker log
  local name=$1 db=$2 log=$3
  /usr/bin/time -v -o "$log.time" "$PEER_PY" "$ROOT/bench/peer_$name.py" "$db" "$OUT/peers/out-$name" >"$log" 2>&1 || {
    echo "bench: peer_$name failed, see $log" >&2; cat "$log" >&2; exit 1; }
}
# One round at a size the peers are measured at (sample and BENCH_PEER_SIZES): our run's timing, then each peer once.
peer_round() { # size tracker our-timing-file
  local size=$1 db=$2 who start
  [ "$PEERS" = 1 ] || return 0
  case " sample $PEER_SIZES " in *" $size "*) ;; *) return 0 ;; esac
  mkdir -p "$OUT/peers"
  if [ "$size" = sample ]; then
    # The sample folder is made anew for each run: the peers read a copy of the tracker the first run made.
    if [ ! -f "$OUT/peers/sample.db" ]; then
      sqlite3 "$db" ".backup '$OUT/peers/sample.db'"
      PEER_FIRST=""
      for who in openpyxl analyst; do
        start=$(date +%s.%N)
        peer_run "$who" "$OUT/peers/sample.db" "$OUT/peers/first-$who.log"
        PEER_FIRST="$PEER_FIRST${PEER_FIRST:+, }$who $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
      done
    fi
    db=$OUT/peers/sample.db
  fi
  if [ -z "${PEER_LABEL[$size]:-}" ]; then
    PEER_DONE+=("$size")
    if [ "$size" = sample ]; then PEER_LABEL[$size]="sample (the first run's tracker)"; else PEER_LABEL[$size]=synthetic; fi
    PEER_PROJECTS[$size]=$(sqlite3 "$db" "SELECT count(*) FROM project;")
  fi
  PEER_RUNS[$size:ours]="${PEER_RUNS[$size:ours]:-}$(peer_times "$3");"
  for who in openpyxl analyst; do
    echo "bench: peer_$who on the $size tracker" >&2
    peer_run "$who" "$db" "$OUT/peers/$size-$who.log"
    PEER_RUNS[$size:$who]="${PEER_RUNS[$size:$who]:-}$(peer_times "$OUT/peers/$size-$who.log.time");"
  done
}
# Median of field f (1 wall, 2 CPU, 3 RSS) of a size:who's rounds; their number; ours over a peer's median.
peer_median() { # size:who field
  printf '%s' "${PEER_RUNS[$1]:-}" | tr ';' '\n' | awk -v f="$2" 'NF { print $f }' | sort -n |
    awk -v f="$2" '{ v[NR] = $1 } END { if (NR == 0) print "—"; else printf (f == 3 ? "%.0f" : "%.2f"), v[int((NR + 1) / 2)] }'
}
peer_count() { printf '%s' "${PEER_RUNS[$1]:-}" | tr ';' '\n' | grep -c . || true; }
peer_ratio() { # size who field
  awk -v a="$(peer_median "$1:ours" "$3")" -v b="$(peer_median "$1:$2" "$3")" \
    'BEGIN { if (a == "—" || b == "—" || b == 0) print "—"; else printf "%.1f×", a / b }'
}
peer_version() { "$PEER_PY" -c "import $1; print($1.__version__)" 2>/dev/null || echo "?"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()

# The launcher's first call makes its class-data archive (a training run of the sample month), once per installation.
FIRST_START=$(date +%s.%N)
"$LAUNCHER" --version >/dev/null
FIRST_CALL=$(awk -v a="$FIRST_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
ARCHIVE_MB=$(du -m "$OUT"/cache/chokepoint/*.jsa 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')

# The sample tracker: a fresh folder, the embedded sample data, JVM start included, through the installed launcher
# as a user runs it (no CHOKEPOINT_OPTS).
SAMPLE_DIR=$OUT/sample
SAMPLE_WALLS=()
OPTS=
for i in $(seq 1 "$SAMPLE_RUNS"); do
  rm -rf "$SAMPLE_DIR" && mkdir -p "$SAMPLE_DIR"
  timed_run "$SAMPLE_DIR" "$OUT/sample-$i.log" run --period "$PERIOD"
  peer_round sample "$SAMPLE_DIR/chokepoint.db" "$OUT/sample-$i.log.time"
  SAMPLE_WALLS+=("$WALL")
  SAMPLE_CPU=$CPU SAMPLE_RSS=$RSS_MB
done
SAMPLE_MEDIAN=$(printf '%s\n' "${SAMPLE_WALLS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
SAMPLE_MIN=$(printf '%s\n' "${SAMPLE_WALLS[@]}" | sort -n | head -1)
SAMPLE_PROJECTS=$(sqlite3 "$SAMPLE_DIR/chokepoint.db" "SELECT count(*) FROM project;")
SAMPLE_EVENTS=$(sqlite3 "$SAMPLE_DIR/chokepoint.db" "SELECT count(*) FROM facility_event;")
# The same sample month through the same launcher on Java 25, where the launcher keeps the JDK's AOT cache instead
# of the class-data archive (issue 26; its first call trains it, untimed). Skipped without a Java 25.
J25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
SAMPLE25_LINE="— (no Java 25 at $J25)"
if [ -x "$J25/bin/java" ]; then
  JAVA_HOME=$J25 "$LAUNCHER" --version >/dev/null 2>&1 || true
  SAMPLE25_WALLS=()
  for i in $(seq 1 "$SAMPLE_RUNS"); do
    rm -rf "$SAMPLE_DIR" && mkdir -p "$SAMPLE_DIR"
    ( cd "$SAMPLE_DIR" && JAVA_HOME=$J25 /usr/bin/time -v -o "$OUT/sample25-$i.time" "$LAUNCHER" run --period "$PERIOD" ) \
      >"$OUT/sample25-$i.log" 2>&1 || { echo "bench: the sample month on Java 25 failed, see $OUT/sample25-$i.log" >&2; exit 1; }
    SAMPLE25_WALLS+=("$(seconds "$(field 'Elapsed (wall clock)' "$OUT/sample25-$i.time")")")
  done
  SAMPLE25_LINE="$(printf '%s\n' "${SAMPLE25_WALLS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') s"
fi
SAMPLE_ROW="| sample (embedded, fresh folder) | $SAMPLE_PROJECTS | $SAMPLE_EVENTS | — | **$SAMPLE_MEDIAN** (median of ${#SAMPLE_WALLS[@]}, min $SAMPLE_MIN) | $SAMPLE_CPU | $SAMPLE_RSS | — | — | — | — | — | — | — | — | — | — | — | — | — | — |"

declare -A RUN_WALL RUN_RSS RUN_FLOORS RUN_FLOOR_SUM RSS_PHASES
HEAP_ROWS=()
PERIOD_END=$(date -d "$PERIOD-01 +1 month -1 day" +%Y-%m-%d)
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
  OPTS="$HEAP -Dlogback.configurationFile=$ROOT/bench/logback-bench.xml"
  if [ "${BENCH_JFR:-0}" = 1 ]; then
    OPTS="$OPTS -XX:StartFlightRecording=settings=profile,filename=$OUT/run-$N.jfr"
  fi
  echo "bench: running the job on $N projects" >&2
  rss_sampler "--reports $OUT/reports-$N" "$OUT/run-$N.rss" &
  SAMPLER=$!
  timed_run "$OUT" "$OUT/run-$N.log" run --period "$PERIOD" --db "$TRACKER" --reports "$OUT/reports-$N"
  wait "$SAMPLER" || true
  RUN_WALL[$N]=$WALL RUN_RSS[$N]=$RSS_MB
  RSS_PHASES[$N]=$(rss_phases "$OUT/run-$N.rss" "$OUT/trackers/tracker-$N-jobs.db")
  peer_round "$N" "$TRACKER" "$OUT/run-$N.log.time"
  step() { sqlite3 "$OUT/trackers/tracker-$N-jobs.db" "SELECT endtime - starttime FROM step_execution WHERE stepname = '$1' ORDER BY stepexecutionid DESC LIMIT 1;"; }
  CLEAR=$(ms_to_s "$(step clear-period)") SNAP=$(ms_to_s "$(step snapshot)") WRITE=$(ms_to_s "$(step write-reports)")
  # "aggregated N reported projects in A ms (of which the 24-period trajectory T ms); workbook in W ms; PDF in P ms"
  timing() { sed -n "s/.*aggregated [0-9]* reported projects in \([0-9]*\) ms ([^)]*); workbook in \([0-9]*\) ms; PDF in \([0-9]*\) ms.*/\\$1/p" "$OUT/run-$N.log" | tail -1; }
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
  # The step floors, in the JVM flags the launcher picked for this tracker.
  echo "bench: step floors at $N projects" >&2
  FLAGS=$(launcher_flags "$(wc -c <"$TRACKER")")
  REPORTED=$(sed -n 's/.*aggregated \([0-9]*\) reported projects.*/\1/p' "$OUT/run-$N.log" | tail -1)
  [ -n "$REPORTED" ] || REPORTED=$(sqlite3 "$TRACKER" "SELECT count(*) FROM project;")
  SCAN=$(scan_floor "$TRACKER" "$PERIOD_END")
  SXSSF=$(sxssf_floor "$TRACKER" "$REPORTED" "$FLAGS")
  XML=$(sxssf_floor "$TRACKER" "$REPORTED" "$FLAGS" io.chokepoint.report.excel.ProjectsXmlFloor)
  JBERET=$(jberet_floor "$FLAGS")
  SUM=$(awk -v a="$SCAN" -v b="$XML" -v c="$JBERET" 'BEGIN { printf "%.1f", a + b + c }')
  OVER=$(awk -v w="$WALL" -v f="$SUM" 'BEGIN { if (f == 0) print "—"; else printf "%.1f×", w / f }')
  RUN_FLOORS[$N]="$SCAN + $XML + $JBERET = $SUM s (SXSSF: $SXSSF)" RUN_FLOOR_SUM[$N]=$SUM
  ROWS+=("| synthetic | $N | $EVENTS | $GEN | **$WALL** | $CPU | $RSS_MB | $CLEAR | $SNAP | $WRITE | $AGG | $BOOK | $PDF | $FLOOR | $RATIO | $SCAN | $XML | $SXSSF | $JBERET | $OVER | $PER |")
  # The largest size again at each heap cap of BENCH_HEAPS (issue 26: the smallest cap that keeps the time).
  if [ "$N" -eq "$MAX" ] && [ -n "$HEAPS" ]; then
    for cap in $HEAPS; do
      echo "bench: $N projects with -Xmx$cap" >&2
      rm -f "$OUT/trackers/tracker-$N-jobs.db"* && rm -rf "$OUT/reports-heap"
      sqlite3 "$TRACKER" "DELETE FROM period_project;"
      OPTS="-Xmx$cap -Dlogback.configurationFile=$ROOT/bench/logback-bench.xml"
      if ( cd "$OUT" && CHOKEPOINT_OPTS="$OPTS" /usr/bin/time -v -o "$OUT/heap-$cap.time" "$LAUNCHER" run \
          --period "$PERIOD" --db "$TRACKER" --reports "$OUT/reports-heap" ) >"$OUT/heap-$cap.log" 2>&1; then
        HEAP_ROWS+=("| -Xmx$cap | $(seconds "$(field 'Elapsed (wall clock)' "$OUT/heap-$cap.time")") | $(awk -v u="$(field 'User time' "$OUT/heap-$cap.time")" -v s="$(field 'System time' "$OUT/heap-$cap.time")" 'BEGIN { printf "%.1f", u + s }') | $(awk -v k="$(field 'Maximum resident set size' "$OUT/heap-$cap.time")" 'BEGIN { printf "%.0f", k / 1024 }') |")
      else
        HEAP_ROWS+=("| -Xmx$cap | failed: $(grep -m1 -o 'Status: .*' "$OUT/heap-$cap.log" || echo "see $OUT/heap-$cap.log") | — | — |")
      fi
    done
  fi
done

# Reads of each input table in one run of the job: at the largest size up to 100k, once more under strace, the
# tracker file's pages the JVM read (pread64; SQLite reads whole pages), each mapped to its table or index by
# sqlite3's dbstat, over that b-tree's pages. A table read whole twice counts 2.0. (SQLite's own page cache can spare
# a small table a second read; the large ones do not fit in it.)
READS_LINE="— (BENCH_READS=0)"
READS_N=
for N in 1000 10000 100000; do [ "$N" -le "$MAX" ] && READS_N=$N; done
if [ "$READS" = 1 ] && [ -n "$READS_N" ]; then
  echo "bench: counting table reads at $READS_N projects (strace)" >&2
  TRACKER=$OUT/trackers/tracker-$READS_N.db
  rm -f "$OUT/trackers/tracker-$READS_N-jobs.db"* && rm -rf "$OUT/reports-reads"
  sqlite3 "$TRACKER" "DELETE FROM period_project;"
  sqlite3 "$TRACKER" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  PAGE=$(sqlite3 "$TRACKER" "PRAGMA page_size;")
  REAL=$(cd "$(dirname "$TRACKER")" && pwd -P)/$(basename "$TRACKER")
  ( cd "$OUT" && CHOKEPOINT_OPTS="$HEAP" strace -f -qq -s 0 -y -e trace=pread64 -o "$OUT/reads.strace" \
      "$LAUNCHER" run --period "$PERIOD" --db "$TRACKER" --reports "$OUT/reports-reads" ) >"$OUT/run-reads.log" 2>&1 || {
    echo "bench: the strace run failed, see $OUT/run-reads.log" >&2; exit 1; }
  sqlite3 -separator ' ' "$TRACKER" "SELECT pageno, name FROM dbstat;" >"$OUT/reads.pages"
  awk -v file="$REAL" -v page="$PAGE" '
    NR == FNR { owner[$1] = $2; pages[$2]++; next }
    index($0, "pread64(") && index($0, "<" file ">") {
      line = $0; sub(/\) += .*/, "", line); n = split(line, a, ", "); off = a[n] + 0
      p = int(off / page) + 1; if (p in owner) read[owner[p]]++ }
    END { for (t in pages) if (read[t] > 0) printf "%s %d %d %.1f\n", t, read[t], pages[t], read[t] / pages[t] }' \
    "$OUT/reads.pages" "$OUT/reads.strace" | sort >"$OUT/reads.txt"
  READS_LINE=$(awk '$1 == "project" || $1 == "facility_event" || $1 == "baseline" { printf "%s%s %.1f", sep, $1, $4; sep = ", " }' "$OUT/reads.txt")
  [ -n "$READS_LINE" ] || READS_LINE="— (no pread64 of the tracker seen: does SQLite map the file?)"
  READS_LINE="$READS_LINE (at $READS_N)"
  rm -f "$OUT/reads.strace"
fi

# PostgreSQL (issue 16): the largest tracker copied into a throwaway cluster (.ci/postgres.sh: initdb, a free port),
# then the same job against it through the launcher, timed the same way. BENCH_PG=0 skips it.
PG_LINE="— (BENCH_PG=0)"
if [ "${BENCH_PG:-1}" = 1 ]; then
  PG_N=0
  for N in "${!RUN_WALL[@]}"; do [ "$N" -gt "$PG_N" ] && PG_N=$N; done
  if [ "$PG_N" -gt 0 ]; then
    echo "bench: PostgreSQL: copying the $PG_N-project tracker into a throwaway cluster" >&2
    eval "$(.ci/postgres.sh start)"
    trap '.ci/postgres.sh stop "$TEST_PG_DIR"' EXIT
    PG_PORT=$(echo "$TEST_PG_URL" | sed 's#.*:\([0-9]*\)/.*#\1#')
    PGPASSWORD=$TEST_PG_PASSWORD psql -q -h 127.0.0.1 -p "$PG_PORT" -U "$TEST_PG_USER" -d postgres -c "CREATE DATABASE bench" >/dev/null
    PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/bench
    sqlite3 "$OUT/trackers/tracker-$PG_N.db" "DELETE FROM period_project; DELETE FROM period_input;"
    COPY_START=$(date +%s.%N)
    CHOKEPOINT_DB_USER=$TEST_PG_USER CHOKEPOINT_DB_PASSWORD=$TEST_PG_PASSWORD CHOKEPOINT_OPTS="$HEAP" \
      "$LAUNCHER" db copy --from "$OUT/trackers/tracker-$PG_N.db" --to "$PG_URL" >"$OUT/pg-copy.log" 2>&1 || {
      echo "bench: db copy failed, see $OUT/pg-copy.log" >&2; cat "$OUT/pg-copy.log" >&2; exit 1; }
    PG_COPY=$(awk -v a="$COPY_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
    rm -rf "$OUT/reports-pg"
    echo "bench: running the job on $PG_N projects on PostgreSQL" >&2
    OPTS="$HEAP -Dlogback.configurationFile=$ROOT/bench/logback-bench.xml"
    CHOKEPOINT_DB_USER=$TEST_PG_USER CHOKEPOINT_DB_PASSWORD=$TEST_PG_PASSWORD \
      timed_run "$OUT" "$OUT/run-pg.log" run --period "$PERIOD" --db "$PG_URL" --reports "$OUT/reports-pg"
    PG_LINE="$WALL s wall, $CPU s CPU (the JVM's; the server's apart), $RSS_MB MB peak RSS, at $PG_N projects (db copy beforehand: $PG_COPY s)"
    .ci/postgres.sh stop "$TEST_PG_DIR"
    trap - EXIT
  fi
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM;" \
     "$(java -version 2>&1 | head -1); load average $LOAD_START at start, $LOAD_END at end; $(date -u +%Y-%m-%d)."
echo
# Issue 15's targets: now (this run) and target.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.1f×", a / b }'; }
echo "| what | now | target |"
echo "|---|---:|---:|"
echo "| sample month, fresh folder, through the installed launcher (median of ${#SAMPLE_WALLS[@]}) | $SAMPLE_MEDIAN s | ≤ 1.2 s |"
echo "| the same on Java 25, with the launcher's AOT cache (median of $SAMPLE_RUNS) | $SAMPLE25_LINE | ≤ 1.2 s |"
echo "| 100k projects | ${RUN_WALL[100000]:-—} s | ≤ 6 s |"
echo "| 1M projects | ${RUN_WALL[1000000]:-—} s | ≤ 45 s |"
echo "| peak RSS at 1M | ${RUN_RSS[1000000]:-—} MB | ≤ 400 MB |"
echo "| 1M wall / 100k wall | $(ratio "${RUN_WALL[1000000]:-}" "${RUN_WALL[100000]:-}") | ≤ 10× (linear) |"
echo "| reads of each input table per run | $READS_LINE | 1 |"
echo "| 1M wall / sum of the step floors | $(ratio "${RUN_WALL[1000000]:-}" "${RUN_FLOOR_SUM[1000000]:-}") | ≤ 2× |"
echo "| step floors at 1M: sqlite3 scan + rows-as-XML write + JBeret trivial job (plain SXSSF write) | ${RUN_FLOORS[1000000]:-—} | — |"
echo "| the largest tracker on PostgreSQL | $PG_LINE | — |"
echo
echo "The launcher's first call, which makes its class-data archive (${ARCHIVE_MB} MB): $FIRST_CALL s."
echo
echo "| tracker | projects | events | generate (s) | run wall (s) | run CPU (s) | peak RSS (MB) | clear-period (s) | snapshot (s) | write-reports (s) | aggregation (s) | workbook (s) | PDF (s) | sqlite3 floor (s) | aggregation / floor | scan floor (s) | XML rows floor (s) | SXSSF floor (s) | JBeret floor (s) | wall / floors | wall µs per project |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "$SAMPLE_ROW"
printf '%s\n' "${ROWS[@]}"
if [ -s "$OUT/reads.txt" ]; then
  echo
  echo "Pages read per b-tree in one run at $READS_N projects (pages read, pages, reads): $(awk '{ printf "%s%s %d/%d = %s", sep, $1, $2, $3, $4; sep = "; " }' "$OUT/reads.txt")."
fi
if [ "${#HEAP_ROWS[@]}" -gt 0 ]; then
  echo
  echo "The largest size at each heap cap (one run each, after the main run):"
  echo
  echo "| heap cap | wall (s) | CPU (s) | peak RSS (MB) |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${HEAP_ROWS[@]}"
fi
if [ "${#RSS_PHASES[@]}" -gt 0 ]; then
  echo
  # Peak RSS of each phase (issue 26): the JVM's resident set, sampled every 0.2 s, by the step running then.
  for N in 1000 10000 100000 1000000; do
    [ -n "${RSS_PHASES[$N]:-}" ] && echo "Peak RSS by phase at $N projects: ${RSS_PHASES[$N]}."
  done
fi
if [ -n "${RUN_WALL[10000]:-}" ] && [ -n "${RUN_WALL[100000]:-}" ]; then
  echo
  # Start-up is a fixed cost; linear means each extra project costs the same from one size to the next.
  awk -v a="${RUN_WALL[10000]}" -v b="${RUN_WALL[100000]}" -v c="${RUN_WALL[1000000]:-}" 'BEGIN {
    printf "Linearity: each project beyond 10k cost %.0f µs up to 100k", (b - a) * 1e6 / 90000
    if (c != "") printf " and %.0f µs from 100k to 1M", (c - b) * 1e6 / 900000
    printf " (wall time).\n" }'
fi
if [ "$PEERS" = 1 ] && [ "${#PEER_DONE[@]}" -gt 0 ]; then
  # The peers (issue 26): our job beside the Python scripts on the same file, medians of the same rounds.
  echo
  echo "Peers: the same tracker file, in interleaved rounds (ours, then peer_openpyxl, then peer_analyst); medians; /usr/bin/python3 $PEER_PY_VERSION, openpyxl $(peer_version openpyxl), pandas $(peer_version pandas), matplotlib $(peer_version matplotlib), xlsxwriter $(peer_version xlsxwriter). The peers' first runs, untimed rounds (matplotlib builds its font cache): $PEER_FIRST."
  echo
  echo "| tracker | projects | rounds | ours wall (s) | ours CPU (s) | ours RSS (MB) | openpyxl wall (s) | openpyxl CPU (s) | openpyxl RSS (MB) | ours / openpyxl (wall, CPU, RSS) | analyst wall (s) | analyst CPU (s) | analyst RSS (MB) | ours / analyst (wall, CPU, RSS) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for size in "${PEER_DONE[@]}"; do
    row="| ${PEER_LABEL[$size]} | ${PEER_PROJECTS[$size]} | $(peer_count "$size:ours") "
    for who in ours openpyxl analyst; do
      row="$row| $(peer_median "$size:$who" 1) | $(peer_median "$size:$who" 2) | $(peer_median "$size:$who" 3) "
      if [ "$who" != ours ]; then
        row="$row| $(peer_ratio "$size" "$who" 1), $(peer_ratio "$size" "$who" 2), $(peer_ratio "$size" "$who" 3) "
      fi
    done
    echo "$row|"
  done
fi
} | tee "$OUT/results.md"
