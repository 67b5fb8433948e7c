#!/usr/bin/env bash
# The effect of each JVM start-up flag on the sample month in a fresh folder (issue 15): the same command as the
# installed launcher runs, with the flags added one at a time and all together. Not run by CI.
#
#   bench/startup-flags.sh                 # after mvn package; 5 runs per line
#   BENCH_SAMPLE_RUNS=9 bench/startup-flags.sh
#
# It unpacks target/chokepoint-<version>.tar.gz into BENCH_OUT/dist (default bench/out/dist), lets its launcher make
# the class-data archive (one --version call; the first call trains on the sample month), then times
# `java <flags> -cp lib/* io.chokepoint.cli.Main run --period 2026-01` in a fresh folder, median of
# BENCH_SAMPLE_RUNS (wall and CPU, with GNU time), and prints one markdown table (also BENCH_OUT/startup-flags.md).
# With a Java 25 or later in BENCH_JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64, skipped when absent) it also
# compares the launcher's two archives, interleaved run by run (17 + AppCDS, 25 + AppCDS, 25 + AOT cache), with
# median wall, CPU and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# The default is skipped when absent; a BENCH_JAVA25 given that is not a JDK is a mistake, said before any work.
if [ -n "${BENCH_JAVA25:-}" ] && [ ! -x "$BENCH_JAVA25/bin/java" ]; then
  echo "bench: BENCH_JAVA25=$BENCH_JAVA25 has no bin/java; point it at a Java 25 or later, or unset it" >&2; exit 2
fi
OUT=${BENCH_OUT:-$ROOT/bench/out}
RUNS=${BENCH_SAMPLE_RUNS:-5}
PERIOD=${BENCH_PERIOD:-2026-01}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

ARCHIVE_TGZ=$(ls "$ROOT"/target/chokepoint-*.tar.gz 2>/dev/null | head -1)
[ -n "$ARCHIVE_TGZ" ] || { echo "bench: no target/chokepoint-*.tar.gz; run mvn -B -q -DskipTests package first" >&2; exit 2; }
rm -rf "$OUT/dist" && mkdir -p "$OUT/dist"
tar -xzf "$ARCHIVE_TGZ" -C "$OUT/dist"
APP=$(ls -d "$OUT"/dist/chokepoint-*)
"$APP/bin/chokepoint" --version >/dev/null
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/chokepoint
JSA=$(ls -t "$CACHE"/chokepoint-*.jsa 2>/dev/null | head -1 || true)
[ -n "$JSA" ] || { echo "bench: the launcher made no class-data archive in $CACHE" >&2; exit 1; }

BASE=(-Dorg.jboss.logging.provider=slf4j -Djava.awt.headless=true)
CDS=(-XX:SharedArchiveFile="$JSA" "-Xlog:cds*=off")

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%s (min %s, max %s)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

# Median wall and CPU (user + system) seconds of RUNS sample months in a fresh folder with the given JVM flags, as
# two table cells. CPU is the steadier figure on a shared machine.
median_wall() {
  local walls=() cpus=() dir=$OUT/flags-run timing=$OUT/flags-run.time
  for _ in $(seq 1 "$RUNS"); do
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && /usr/bin/time -f "%e %U %S" -o "$timing" java "${BASE[@]}" "$@" -cp "$APP/lib/*" io.chokepoint.cli.Main \
        run --period "$PERIOD" >/dev/null 2>&1) || { echo "bench: the run with $* failed" >&2; exit 1; }
    walls+=("$(awk '{ printf "%.2f", $1 }' "$timing")")
    cpus+=("$(awk '{ printf "%.2f", $2 + $3 }' "$timing")")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) | $(printf '%s\n' "${cpus[@]}" | median)"
}

LINES=()
add() { # label flags...
  local label=$1; shift
  echo "bench: $label" >&2
  LINES+=("| $label | \`${*:-(none)}\` | $(median_wall "$@") |")
}
add "JVM defaults (G1, C1+C2, default CDS of the JDK only)"
add "+ C1 only" -XX:TieredStopAtLevel=1
add "+ serial GC" -XX:+UseSerialGC
add "+ AppCDS archive" "${CDS[@]}"
add "C1 only + serial GC" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
add "launcher default: AppCDS + C1 only + serial GC" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${CDS[@]}"
add "launcher default + one compiler thread" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 "${CDS[@]}"
add "launcher default - perf data" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "${CDS[@]}"

# AppCDS against the AOT cache (issue 26): the launcher's own archives, made by its training runs, and its flags
# (C1 only, serial GC; on 25 the native-access flags), one run of each configuration per round, so that a noisy
# machine weighs on all of them alike.
J25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
AOT_LINES=()
if [ -x "$J25/bin/java" ]; then
  JDK_CACHE=$OUT/aot-cache
  rm -rf "$JDK_CACHE"
  XDG_CACHE_HOME=$JDK_CACHE/17 "$APP/bin/chokepoint" --version >/dev/null
  XDG_CACHE_HOME=$JDK_CACHE/25 JAVA_HOME=$J25 "$APP/bin/chokepoint" --version >/dev/null
  # The 25 AppCDS archive is made the way the launcher made it before the AOT path (ArchiveClassesAtExit).
  rm -rf "$OUT/aot-train" && mkdir -p "$OUT/aot-train"
  (cd "$OUT/aot-train" && "$J25/bin/java" "${BASE[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "-Xlog:cds*=off" \
      -XX:ArchiveClassesAtExit="$JDK_CACHE/25-appcds.jsa" -cp "$APP/lib/*" io.chokepoint.cli.Main \
      run --period "$PERIOD" --home . --no-email --quiet >/dev/null 2>&1)
  JSA17=$(ls "$JDK_CACHE"/17/chokepoint/*.jsa) AOT25=$(ls "$JDK_CACHE"/25/chokepoint/*.aot)
  QUICK=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  ACCESS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  declare -a AOT_LABEL=("17 + AppCDS (dynamic archive)" "25 + AppCDS (dynamic archive)" "25 + AOT cache")
  declare -A AOT_RES=()
  for round in $(seq 1 "$RUNS"); do
    for i in 0 1 2; do
      case $i in
        0) cmd=(java "${BASE[@]}" "${QUICK[@]}" -XX:SharedArchiveFile="$JSA17" "-Xlog:cds*=off") ;;
        1) cmd=("$J25/bin/java" "${BASE[@]}" "${QUICK[@]}" "${ACCESS[@]}" -XX:SharedArchiveFile="$JDK_CACHE/25-appcds.jsa" "-Xlog:cds*=off") ;;
        2) cmd=("$J25/bin/java" "${BASE[@]}" "${QUICK[@]}" "${ACCESS[@]}" -XX:AOTCache="$AOT25" "-Xlog:cds*=off" "-Xlog:aot*=off") ;;
      esac
      dir=$OUT/aot-run && rm -rf "$dir" && mkdir -p "$dir"
      (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$OUT/aot-run.time" "${cmd[@]}" -cp "$APP/lib/*" \
          io.chokepoint.cli.Main run --period "$PERIOD" >/dev/null 2>&1) || { echo "bench: ${AOT_LABEL[$i]} failed" >&2; exit 1; }
      AOT_RES[$i]+="$(awk '{ printf "%.2f %.2f %d", $1, $2 + $3, $4 / 1024 }' "$OUT/aot-run.time");"
    done
    echo "bench: AppCDS/AOT round $round of $RUNS" >&2
  done
  col() { tr ';' '\n' | awk -v c="$1" 'NF { print $c }' | median; }
  for i in 0 1 2; do
    AOT_LINES+=("| ${AOT_LABEL[$i]} | $(echo "${AOT_RES[$i]}" | col 1) | $(echo "${AOT_RES[$i]}" | col 2) | $(echo "${AOT_RES[$i]}" | col 3) |")
  done
  rm -rf "$OUT/aot-run" "$OUT/aot-run.time" "$OUT/aot-train"
fi
rm -rf "$OUT/flags-run"

{
echo
echo "Machine: $(nproc) cores; $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)."
echo "Sample month ($PERIOD) in a fresh folder, wall seconds, median of $RUNS:"
echo
echo "| JVM | flags | wall (s) | CPU (s) |"
echo "|---|---|---:|---:|"
printf '%s\n' "${LINES[@]}" | sed "s|$JSA|<cache>/chokepoint-….jsa|g"
if [ ${#AOT_LINES[@]} -gt 0 ]; then
  echo
  echo "Archive kinds, interleaved, median of $RUNS (launcher flags: C1 only, serial GC); $("$J25/bin/java" -version 2>&1 | head -1):"
  echo
  echo "| configuration | wall (s) | CPU (s) | peak RSS (MB) |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${AOT_LINES[@]}"
fi
} | tee "$OUT/startup-flags.md"
