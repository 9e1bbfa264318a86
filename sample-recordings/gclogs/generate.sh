#!/usr/bin/env bash
# Regenerates the GC log corpus: every HotSpot collector on JDK 17 and JDK 25, at three -Xlog selections, each run
# with a JFR recording (started 1 s after JVM start, on purpose) of the same run; then the manifest.
#
#   mvn -q -DskipTests install -pl sample-recordings -am     # compiles GcLogWorkload
#   sample-recordings/gclogs/generate.sh [seconds]           # default 6
#
# Overridable: JDK17, JDK25 (JDK homes), SECONDS_TO_RUN, HEAP, SHENANDOAH_HEAP, SHENANDOAH_SECONDS.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
CLASSES="$HERE/../target/classes"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SECONDS_TO_RUN="${1:-${SECONDS_TO_RUN:-6}}"
HEAP="${HEAP:-96m}"
SHENANDOAH_HEAP="${SHENANDOAH_HEAP:-128m}"
SHENANDOAH_SECONDS="${SHENANDOAH_SECONDS:-4}"
SETTINGS="$HERE/gc-only.jfc"
MAIN=io.flightdeck.samples.gclog.GcLogWorkload

[ -f "$CLASSES/io/flightdeck/samples/gclog/GcLogWorkload.class" ] || {
  echo "compile first: mvn -q -DskipTests install -pl sample-recordings -am" >&2; exit 2; }

# the decorator sets; "default" means no decorator list at all (the JVM then writes uptime,level,tags)
D0=uptime,time,level,tags
D1=time,uptime,level,tags,pid,tid
D2=uptimemillis,level,tags
D3=utctime,uptimenanos,tags
D4=default

# One JVM per JDK and collector writes all three logs at once (three -Xlog outputs, each with its own selection and
# decorators), so the three logs and the JFR recording describe the very same collections.
#   jdk collector       decorators of: gc  gc*  gc*,safepoint
MATRIX="
17 serial         $D0 $D4 $D1
17 parallel       $D2 $D0 $D0
17 g1             $D0 $D0 $D3
17 zgc            $D1 $D2 $D0
17 shenandoah     $D3 $D0 $D1
25 serial         $D3 $D0 $D2
25 parallel       $D0 $D1 $D0
25 g1             $D2 $D4 $D0
25 zgc            $D0 $D3 $D1
25 shenandoah     $D0 $D2 $D0
25 shenandoah-gen $D1 $D0 $D3
"

collector_flags() {
  case "$1" in
    serial) echo "-XX:+UseSerialGC" ;;
    parallel) echo "-XX:+UseParallelGC" ;;
    g1) echo "-XX:+UseG1GC" ;;
    zgc) echo "-XX:+UseZGC" ;;                 # JDK 17: single-generation; JDK 25: generational only
    shenandoah) echo "-XX:+UseShenandoahGC" ;;
    shenandoah-gen) echo "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational" ;;
  esac
}

selection() {
  case "$1" in
    gc) echo "gc" ;;
    gc-all) echo "gc*" ;;
    gc-all-safepoint) echo "gc*,safepoint" ;;
  esac
}

# xlog <selection> <file> <decorators> [output-options]: one -Xlog option
xlog() {
  local option="-Xlog:$1:file=$2"
  if [ "$3" != default ]; then option="$option:$3"; elif [ -n "${4:-}" ]; then option="$option:"; fi
  if [ -n "${4:-}" ]; then option="$option:$4"; fi
  echo "$option"
}

# run <jdk> <collector> <decorators of gc> <of gc*> <of gc*,safepoint> [extra -Xlog option and its manifest row]
run() {
  local jdk="$1" collector="$2"; shift 2
  local home; if [ "$jdk" = 17 ]; then home="$JDK17"; else home="$JDK25"; fi
  local dir="$HERE/jdk$jdk"; mkdir -p "$dir"
  local levels=(gc gc-all gc-all-safepoint) options=() rows=() i
  for i in 0 1 2; do
    local level="${levels[$i]}" decorators="${1}"; shift
    local log="$collector-$level.log"
    rm -f "$dir/$log" "$dir/$log".*
    options+=("$(xlog "$(selection "$level")" "$dir/$log" "$decorators")")
    rows+=("jdk$jdk/$log	jdk$jdk/$collector.jfr	$jdk	$collector	$(selection "$level")	$decorators")
  done
  if [ $# -ge 2 ]; then options+=("$1"); rows+=("$2"); fi
  rm -f "$dir/$collector.jfr"
  # shellcheck disable=SC2046
  # Shenandoah's gc* log writes a statistics table of ~100 lines after every cycle: fewer cycles keep it small
  local heap="$HEAP" seconds="$SECONDS_TO_RUN"
  case "$collector" in shenandoah*) heap="$SHENANDOAH_HEAP"; seconds="$SHENANDOAH_SECONDS" ;; esac
  if "$home/bin/java" -Xms"$heap" -Xmx"$heap" $(collector_flags "$collector") "${options[@]}" \
      -XX:StartFlightRecording:delay=1s,settings="$SETTINGS",filename="$dir/$collector.jfr" \
      -cp "$CLASSES" "$MAIN" "$seconds" > "$dir/$collector.out" 2>&1; then
    echo "ok   jdk$jdk $collector (-Xmx$heap, $seconds s): $(tail -1 "$dir/$collector.out")"
    printf '%s\n' "${rows[@]}" >> "$HERE/runs.tsv"
  else
    echo "FAIL jdk$jdk $collector: $(tail -3 "$dir/$collector.out")" | tee -a "$HERE/failures.txt"
  fi
  rm -f "$dir/$collector.out"
}

rm -f "$HERE/runs.tsv" "$HERE/failures.txt"
echo "$MATRIX" | while read -r jdk collector d1 d2 d3; do
  [ -n "$jdk" ] || continue
  extra=()
  if [ "$jdk/$collector" = 25/g1 ]; then
    # a rotated series: small files, three kept besides the current one, so the oldest part of the log is gone
    rotated="$HERE/jdk25/g1-gc-all-rotated.log"; rm -f "$rotated" "$rotated".*
    extra=("$(xlog "gc*" "$rotated" "$D1" "filecount=3,filesize=5k")"
           "jdk25/g1-gc-all-rotated.log	jdk25/g1.jfr	25	g1	gc*	$D1 (filecount=3,filesize=5k)")
  fi
  run "$jdk" "$collector" "$d1" "$d2" "$d3" "${extra[@]}"
done

# one compressed log (a gzip of another log of the corpus: the same lines)
gzip -9 -n -c "$HERE/jdk17/shenandoah-gc-all.log" > "$HERE/jdk17/shenandoah-gc-all.log.gz"

python3 "$HERE/count_pauses.py" --jfr-tool "$JDK25/bin/jfr" --runs "$HERE/runs.tsv" --out "$HERE/manifest.json" \
  --extra jdk17/shenandoah-gc-all.log.gz=jdk17/shenandoah-gc-all.log
