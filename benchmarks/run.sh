#!/usr/bin/env bash
# One-command benchmark run: builds benchmarks.jar, runs JMH (ours and peers in the same run), writes
# benchmarks/results/<stamp>.json (JMH's own format) and <stamp>.md (table with ratios to the peers).
#
#   benchmarks/run.sh [--quick] [--compare BASELINE.json] [--jvm-args "ARGS"] [REGEX...]
#
# --quick      1 fork, 1 warm-up and 3 measurement iterations of 1 s (about 4.5 minutes for the whole suite; the
#              end-to-end what-if only served)
# --compare    exit 1 when any measurement is more than 10 % worse than BASELINE.json (same machine)
# --jvm-args   extra JVM flags for the forks (e.g. "-XX:TieredStopAtLevel=1" to check that --compare catches
#              a slowed build)
# REGEX        JMH benchmark filters (default: all)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
QUICK=0
BASELINE=""
JVM_ARGS=""
FILTERS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --compare) BASELINE="$2"; shift ;;
    --jvm-args) JVM_ARGS="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) FILTERS+=("$1") ;;
  esac
  shift
done

echo "building benchmarks.jar ..." >&2
(cd "$ROOT" && mvn -B -q -DskipTests package -pl benchmarks -am) >&2

OUT="$ROOT/benchmarks/results"
mkdir -p "$OUT"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
JSON="$OUT/$STAMP.json"
ARGS=(-prof gc -rf json -rff "$JSON" -jvmArgsAppend "-Dvnetsim.shared.data=$ROOT/../shared/data -Xmx4g $JVM_ARGS")
if [ "$QUICK" = 1 ]; then
  # the one-shot peer of WhatIfEndToEndBenchmark reads and compiles 78 MB per operation: run it by name
  ARGS+=(-f 1 -wi 1 -i 3 -w 1s -r 1s -p run=SERVED)
fi
java -jar "$JAR" "${ARGS[@]}" "${FILTERS[@]}"
java -cp "$JAR" dev.vnetsim.benchmarks.report.BenchReport table "$JSON" | tee "$OUT/$STAMP.md"
{
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
} >> "$OUT/$STAMP.md"
echo "results: $JSON and ${JSON%.json}.md" >&2
if [ -n "$BASELINE" ]; then
  java -cp "$JAR" dev.vnetsim.benchmarks.report.BenchReport compare "$BASELINE" "$JSON"
fi
