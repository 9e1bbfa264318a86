#!/usr/bin/env bash
# Record a second, independent run ("bad-rerun", "fixed-rerun") of every planted-bottleneck scenario
# under JDK 17 and JDK 25, the same way the shared corpus was recorded, into a mirror corpus that
# links the original recordings. Runs strictly one JVM at a time.
#
# Usage: record-reruns.sh [SRC_CORPUS] [DEST]     (defaults: /work/shared/corpus /work/corpus-plus)
# Env:   JDK17, JDK25 (JDK homes), SCRATCH (compiled classes + java.io.tmpdir),
#        ONLY="jdk25/cpu-quadratic ..." to restrict, STOP_AFTER_S / STOP_AFTER_SHORT_S to change when the
#        recording is stopped, counted from the moment main() prints its pid line (the recording is already
#        running then): defaults 8.0 s of a 10 s run, 4.2 s of the 6 s thread-churn run (jcmd then needs ~0.5-2 s to attach). On a loaded machine
#        JVM start-up can take seconds, so the clock must not start at the launch.
#        A run is retried (up to ATTEMPTS, default 3) when the program exited before the histogram was taken
#        (jcmd needs seconds to attach on a loaded machine).
#
# Per run:  java <flags from scenarios.tsv> -XX:+UseG1GC -Djava.io.tmpdir=$SCRATCH/tmp
#             -XX:StartFlightRecording=name=corpus,settings=profile,filename=recordings/<jdk>/<s>/<v>.jfr
#             -Xlog:gc*,safepoint:file=recordings/<jdk>/<s>/<v>.gc.log:time,uptime,level,tags
#             -Dscenario.durationMs=<ms> <main-class> bad|fixed   > <v>.stdout.txt
#           wait for the pid line; sleep STOP_AFTER; jcmd <pid> -f (JFR.stop name=corpus, GC.class_histogram) -> <v>.histo.txt
#           wait for exit; then `jfr scrub` the same event types the shared corpus excluded.
set -euo pipefail

SRC=${1:-/work/shared/corpus}
DEST=${2:-/work/corpus-plus}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
SCRATCH=${SCRATCH:-/tmp/corpus-scratch}
STOP_AFTER_S=${STOP_AFTER_S:-8.0}
STOP_AFTER_SHORT_S=${STOP_AFTER_SHORT_S:-4.2}
ATTEMPTS=${ATTEMPTS:-3}
SCRUB_EXCLUDE=jdk.InitialEnvironmentVariable,jdk.SystemProcess,jdk.InitialSystemProperty,jdk.ActiveRecording
LOG=$DEST/reruns.log

# ---- 1. mirror corpus: copies of the small files, symlinks to the original recordings ----
mkdir -p "$DEST"
cp -f "$SRC/labels.json" "$SRC/README.md" "$DEST/"
rm -rf "$DEST/scenarios" "$DEST/hostile"
cp -r "$SRC/scenarios" "$SRC/hostile" "$DEST/"
chmod -R u+w "$DEST/scenarios" "$DEST/hostile"
for f in "$SRC"/recordings/*/*/*; do
  rel=${f#"$SRC"/}
  mkdir -p "$DEST/$(dirname "$rel")"
  ln -sfn "$f" "$DEST/$rel"
done

# ---- 2. compile each scenario once per JDK (own class dir per scenario: no cross-file clashes) ----
mkdir -p "$SCRATCH/tmp"
printf 'JFR.stop name=corpus\nGC.class_histogram\n' > "$SCRATCH/stop-and-histo.jcmd"
declare -A HOME_OF=([jdk17]=$JDK17 [jdk25]=$JDK25)
while IFS=$'\t' read -r name src main fbad ffixed dur; do
  [[ $name == \#* || -z $name ]] && continue
  for jdk in jdk17 jdk25; do
    out=$SCRATCH/classes-$jdk/$name
    rm -rf "$out"; mkdir -p "$out"
    "${HOME_OF[$jdk]}/bin/javac" -d "$out" "$SRC/scenarios/$src"
  done
done < "$SRC/scenarios/scenarios.tsv"

# ---- 3. record, one JVM at a time ----
echo "# $(date -u +%FT%TZ) record-reruns start; host $(nproc) CPUs" >> "$LOG"
cd "$DEST"   # the recording/GC-log paths in the JVM flags are relative, like the shared corpus
for jdk in jdk17 jdk25; do
  JH=${HOME_OF[$jdk]}
  while IFS=$'\t' read -r name src main fbad ffixed dur; do
    [[ $name == \#* || -z $name ]] && continue
    if [[ -n ${ONLY:-} && " $ONLY " != *" $jdk/$name "* ]]; then continue; fi
    stop_after=$STOP_AFTER_S; [[ $dur -lt 8000 ]] && stop_after=$STOP_AFTER_SHORT_S
    for variant in bad fixed; do
      flags=$fbad; [[ $variant == fixed ]] && flags=$ffixed
      out=recordings/$jdk/$name/$variant-rerun
      for attempt in $(seq 1 "$ATTEMPTS"); do
        rm -f "$out".jfr "$out".gc.log "$out".histo.txt "$out".stdout.txt
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        t0=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$JH/bin/java" $flags -XX:+UseG1GC -Djava.io.tmpdir="$SCRATCH/tmp" \
          -XX:StartFlightRecording=name=corpus,settings=profile,filename="$out".jfr \
          "-Xlog:gc*,safepoint:file=$out.gc.log:time,uptime,level,tags" \
          -Dscenario.durationMs="$dur" \
          -cp "$SCRATCH/classes-$jdk/$name" "$main" "$variant" \
          > "$out".stdout.txt 2> "$SCRATCH/$jdk-$name-$variant.stderr" &
        pid=$!
        while ! grep -q '^pid=' "$out".stdout.txt 2>/dev/null; do
          kill -0 "$pid" 2>/dev/null || break
          sleep 0.02
        done
        tmain=$(date +%s.%N)
        sleep "$stop_after"
        ok=1
        # one attach for both commands (a second jcmd start-up costs seconds on a loaded machine);
        # the histogram file gets the jcmd "<pid>:" line and the histogram, as a lone `jcmd GC.class_histogram` prints
        "$JH/bin/jcmd" "$pid" -f "$SCRATCH/stop-and-histo.jcmd" > "$SCRATCH/$jdk-$name-$variant.jcmd.txt" || ok=0
        { echo "$pid:"; sed -n '/^ num .*#instances/,$p' "$SCRATCH/$jdk-$name-$variant.jcmd.txt"; } > "$out".histo.txt
        rc=0; wait "$pid" || rc=$?
        t1=$(date +%s.%N)
        if [[ $rc -ne 0 ]]; then echo "run failed (rc=$rc): $out" >&2; cat "$SCRATCH/$jdk-$name-$variant.stderr" >&2; exit 1; fi
        grep -q 'Heap Inspection Initiated GC' "$out".gc.log || ok=0
        grep -q '^Total ' "$out".histo.txt || ok=0
        grep -q '^pid=' "$out".stdout.txt || ok=0
        printf '%s %s/%s/%s-rerun attempt=%d ok=%d wall=%.2fs start-up=%.2fs load1/5/15=[%s] %s\n' "$(date -u +%T)" \
          "$jdk" "$name" "$variant" "$attempt" "$ok" "$(echo "$t1 - $t0" | bc)" "$(echo "$tmain - $t0" | bc)" \
          "$load" "$(tail -1 "$out".stdout.txt)" | tee -a "$LOG"
        [[ -s $SCRATCH/$jdk-$name-$variant.stderr ]] && { echo "  stderr:"; cat "$SCRATCH/$jdk-$name-$variant.stderr"; } | tee -a "$LOG"
        [[ $ok -eq 1 ]] && break
      done
      [[ $ok -eq 1 ]] || { echo "giving up on $out after $ATTEMPTS attempts" >&2; exit 1; }
      # scrub exactly what the shared corpus excluded (environment, other processes, properties, destination)
      "$JDK25/bin/jfr" scrub --exclude-events "$SCRUB_EXCLUDE" "$out".jfr "$SCRATCH/scrubbed.jfr" > /dev/null
      mv -f "$SCRATCH/scrubbed.jfr" "$out".jfr
    done
  done < "$SRC/scenarios/scenarios.tsv"
done
echo "# $(date -u +%FT%TZ) record-reruns done" >> "$LOG"
