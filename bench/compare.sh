#!/usr/bin/env bash
# The import comparison of issue 2: Flightdeck (through ./flightdeck, with the JVM options it uses) against
# JDK Mission Control 9.1's parser (JfrLoaderToolkit.loadEvents, in a JVM with default options, as a user
# would run it), on the same file and machine. Each run is a fresh JVM importing once: what a user waits for
# when opening a file. Prints every run and the medians of wall time and peak RSS (VmHWM).
#   mvn -q -DskipTests install && mvn -q -Pbench -DskipTests package -pl bench
#   bench/compare.sh FILE [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
file="$1"
runs="${2:-5}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp="$here/target/flightdeck-bench-0.1.0.jar:$here/target/lib/*"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

fd_t=(); fd_r=(); jmc_t=(); jmc_r=()
for i in $(seq 1 "$runs"); do
  out="$("$root/flightdeck" bench "$file" --runs 1 --warmup 0 --json)"
  t="$(echo "$out" | sed -n 's/.*"medianSeconds" : \([0-9.]*\).*/\1/p')"
  r="$(echo "$out" | sed -n 's/.*"peakRssBytes" : \([0-9]*\).*/\1/p')"
  fd_t+=("$t"); fd_r+=("$(( r / 1048576 ))")
  echo "flightdeck run $i: ${t} s, peak RSS $(( r / 1048576 )) MiB"
  line="$("$java" -cp "$cp" io.flightdeck.bench.ParserComparison jmc "$file" 1 2>/dev/null | grep 'best:')"
  t="$(echo "$line" | sed -n 's/.*best: \([0-9.]*\) s.*/\1/p')"
  r="$(echo "$line" | sed -n 's/.*peak RSS \([0-9]*\) MiB.*/\1/p')"
  jmc_t+=("$t"); jmc_r+=("$r")
  echo "jmc        run $i: ${t} s, peak RSS ${r} MiB"
done
ft="$(printf '%s\n' "${fd_t[@]}" | median)"; fr="$(printf '%s\n' "${fd_r[@]}" | median)"
jt="$(printf '%s\n' "${jmc_t[@]}" | median)"; jr="$(printf '%s\n' "${jmc_r[@]}" | median)"
echo "median: flightdeck ${ft} s, ${fr} MiB RSS; JMC ${jt} s, ${jr} MiB RSS"
awk -v ft="$ft" -v jt="$jt" -v fr="$fr" -v jr="$jr" \
  'BEGIN { printf "flightdeck takes %.0f %% of JMC'"'"'s time and %.0f %% of its peak RSS\n", 100*ft/jt, 100*fr/jr }'
