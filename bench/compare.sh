#!/usr/bin/env bash
# Compares the import of one recording by Flightdeck and by JDK Mission Control 9.1's parser, each in a fresh
# JVM with the same JVM options, and reports wall time and peak RSS (VmHWM, and /usr/bin/time where present).
#   mvn -Pbench -DskipTests package && bench/compare.sh FILE [RUNS] [JVM options...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
file="$1"; runs="${2:-3}"; shift $(( $# >= 2 ? 2 : 1 ))
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp="$here/target/flightdeck-bench-0.1.0.jar:$here/target/lib/*"
for parser in flightdeck jmc; do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$parser: max RSS %M KiB, %e s wall for all runs" "$java" "$@" -cp "$cp" io.flightdeck.bench.ParserComparison "$parser" "$file" "$runs"
  else
    "$java" "$@" -cp "$cp" io.flightdeck.bench.ParserComparison "$parser" "$file" "$runs"
  fi
done
