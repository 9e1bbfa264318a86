package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.FrameType;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * The rules on recordings that hold only stack samples, as async-profiler writes them: no GC, exception, thread or
 * I/O events. Hand-made profiles with known sample counts, and the committed async-profiler recordings of
 * jfr-import.
 */
class SampledRulesTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final long START_NANOS = START.getEpochSecond() * 1_000_000_000L;
    private static final long MB = 1 << 20;

    private static final List<String> MAIN = List.of("com.acme.App.main");
    private static final List<String> THROWING = List.of("libjvm.so.java_lang_Throwable::fill_in_stack_trace",
            "java.lang.Throwable.fillInStackTrace", "java.lang.Throwable.fillInStackTrace", "java.lang.Throwable.<init>",
            "java.lang.Exception.<init>", "java.lang.RuntimeException.<init>",
            "java.lang.IllegalArgumentException.<init>", "java.lang.NumberFormatException.<init>",
            "java.lang.NumberFormatException.forInputString", "java.lang.Integer.parseInt",
            "com.acme.importer.Parser.parseQuantity", "com.acme.importer.Importer.importAll", "com.acme.App.main");
    private static final List<String> STARTING = List.of(".copy_process", ".kernel_clone", "libc.so.6.clone3",
            "libc.so.6.__pthread_create_2_1", "libjvm.so.os::create_thread", "libjvm.so.JVM_StartThread",
            "java.lang.Thread.start0", "java.lang.Thread.start", "com.acme.notify.Dispatcher.dispatchAll",
            "com.acme.App.main");
    private static final List<String> WORK = List.of("java.util.HashMap.get", "com.acme.Worker.compute",
            "com.acme.App.main");
    private static final List<String> BOXING = List.of("java.lang.Long.valueOf", "com.acme.metrics.Aggregator.aggregate",
            "com.acme.App.main");
    private static final List<String> SOCKET_READ = List.of("libc.so.6.__GI_read", "sun.nio.ch.SocketDispatcher.read0",
            "sun.nio.ch.NioSocketImpl.tryRead", "sun.nio.ch.NioSocketImpl.implRead", "sun.nio.ch.NioSocketImpl.read",
            "java.net.Socket$SocketInputStream.read", "java.io.BufferedReader.readLine",
            "com.acme.pricing.PriceClient.quote", "com.acme.pricing.Valuer.value", "java.lang.Thread.run");
    private static final List<String> VALUING = List.of("com.acme.pricing.Valuer.value", "java.lang.Thread.run");

    /** A profile of stack samples only, built sample by sample. */
    private static final class Samples {
        final SymbolTable.Builder symbols = new SymbolTable.Builder();
        final MethodTable.Builder methods = new MethodTable.Builder();
        final FrameTable.Builder frames = new FrameTable.Builder();
        final StackTable.Builder stacks = new StackTable.Builder();
        final ThreadTable.Builder threads = new ThreadTable.Builder();
        final Map<SampleKind, SampleSet.Builder> sets = new EnumMap<>(SampleKind.class);
        final Map<SeriesKey, TimeSeries> series = new EnumMap<>(SeriesKey.class);
        final Map<String, Integer> threadIds = new HashMap<>();
        long maxHeap = -1;
        int seconds = 10;
        int tick;

        int stack(List<String> qualified) {
            int[] ids = new int[qualified.size()];
            for (int i = 0; i < ids.length; i++) {
                String q = qualified.get(i);
                int dot = q.lastIndexOf('.', q.endsWith(".<init>") ? q.length() - 8 : q.length());
                String cls = q.startsWith(".") ? "" : q.substring(0, dot);
                String name = q.substring(dot + 1);
                boolean nativeCode = cls.isEmpty() || cls.contains(".so");
                ids[i] = frames.intern(methods.intern(cls, name, ""), 0, nativeCode ? FrameType.NATIVE
                        : FrameType.JIT_COMPILED);
            }
            return stacks.intern(ids, false);
        }

        int thread(String name) {
            return threadIds.computeIfAbsent(name, n -> threads.intern(n, threadIds.size() + 1, 1000 + threadIds.size(),
                    false));
        }

        /** {@code n} samples of a kind spread over the recording. */
        Samples add(SampleKind kind, String thread, List<String> stack, int n, long weight, String key) {
            SampleSet.Builder set = sets.computeIfAbsent(kind, SampleSet.Builder::new);
            int t = thread(thread);
            int s = stack(stack);
            int k = key == null ? -1 : symbols.intern(key);
            for (int i = 0; i < n; i++) {
                long at = START_NANOS + (tick++ % (seconds * 100)) * 10_000_000L + 1;
                set.add(at, t, s, 0, weight, k, -1);
            }
            return this;
        }

        Samples cpu(String thread, List<String> stack, int n) {
            return add(SampleKind.CPU, thread, stack, n, 1, null);
        }

        /** Heap used after collections, one summary a second, growing by {@code perSecond}. */
        Samples heapSummaries(long first, long perSecond) {
            TimeSeries.Builder used = new TimeSeries.Builder(SeriesKey.HEAP_USED.name(), SeriesKey.HEAP_USED.unit());
            for (int s = 0; s < seconds; s++) {
                used.add(START_NANOS + s * 1_000_000_000L + 500_000_000L, first + s * perSecond);
            }
            series.put(SeriesKey.HEAP_USED, used.build());
            return this;
        }

        Profile build() {
            Instant end = START.plusSeconds(seconds);
            RecordingInfo info = new RecordingInfo("2.0", START, end, 1, Optional.of("OpenJDK 64-Bit Server VM"),
                    Optional.empty(), Optional.of("25.0.3"), Optional.of("-Xmx256m"), Optional.empty(),
                    Optional.empty(), Optional.of(START), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), maxHeap > 0 ? OptionalLong.of(maxHeap) : OptionalLong.empty(),
                    OptionalLong.empty(), OptionalInt.of(2), Optional.empty(), Optional.empty(), OptionalLong.empty());
            Map<SampleKind, SampleSet> built = new EnumMap<>(SampleKind.class);
            sets.forEach((k, b) -> built.put(k, b.build()));
            // the event counts an import would report (the rules ask whether a type was recorded at all)
            Map<String, EventTypeStats> stats = new HashMap<>();
            built.forEach((k, set) -> {
                String type = switch (k) {
                    case CPU -> "jdk.ExecutionSample";
                    case ALLOCATION_IN_NEW_TLAB -> "jdk.ObjectAllocationInNewTLAB";
                    case WALL -> "profiler.WallClockSample";
                    default -> k.name();
                };
                stats.merge(type, new EventTypeStats(type, set.size(), 0),
                        (a, b) -> new EventTypeStats(type, a.count() + b.count(), 0));
            });
            return new Profile(new SourceInfo(Path.of("asprof.jfr"), SourceKind.JFR, "JFR 2.0", 0, List.of(), 0), info,
                    symbols.build(), methods.build(), frames.build(), stacks.build(), threads.build(), built, series,
                    List.of(), List.of(), List.of(), List.of(), List.of(), stats,
                    Map.of("jdk.ExecutionSample", Map.of("period", "10 ms")));
        }
    }

    private static AnalysisReport analyze(Profile profile) {
        return new io.flightdeck.analysis.Diagnosis("test").analyse(Selection.all(profile), RuleEngine.standard(), () -> false);
    }

    private static Optional<Finding> finding(AnalysisReport r, String category) {
        return r.findings().stream().filter(f -> f.category().equals(category)).findFirst();
    }

    /** The findings about the application, as the CLI contract ranks them (environment and recording-quality aside). */
    private static List<Finding> applicationFindings(AnalysisReport r) {
        return r.findings().stream().filter(f -> !f.category().equals("environment")
                && !f.category().equals("recording-quality")).toList();
    }

    private static String culprit(Finding f) {
        return f.culprit().qualified();
    }

    // ---- exceptions -----------------------------------------------------------------------------------------

    @Test
    void exceptionsAreFoundInTheCpuSamplesOfThrowableConstructors() {
        AnalysisReport r = analyze(new Samples().cpu("main", THROWING, 60).cpu("main", WORK, 40)
                .cpu("C2 CompilerThread0", List.of("libjvm.so.Compile::Compile"), 30).build());
        Finding f = finding(r, "exception-overhead").orElseThrow();
        assertThat(culprit(f)).isEqualTo("com.acme.importer.Parser.parseQuantity");
        assertThat((double) f.evidence().get("cpuSharePercent")).isEqualTo(60.0);
        assertThat(f.evidence().get("topType")).isEqualTo("java.lang.NumberFormatException");
        assertThat(f.score()).isEqualTo(72); // 1.2 × 60 %
        assertThat(applicationFindings(r).getFirst().category()).isEqualTo("exception-overhead");
    }

    @Test
    void noThrowableConstructionNoExceptionFinding() {
        AnalysisReport r = analyze(new Samples().cpu("main", WORK, 100).cpu("main", THROWING, 2).build());
        assertThat(finding(r, "exception-overhead")).isEmpty();
        assertThat(r.rules()).filteredOn(x -> x.rule().equals("exception-overhead.rate"))
                .extracting(RuleResult::status).containsExactly(RuleResult.Status.OK);
    }

    // ---- thread churn ---------------------------------------------------------------------------------------

    @Test
    void threadCreationInTheCpuSamplesIsThreadChurn() {
        AnalysisReport r = analyze(new Samples().cpu("main", STARTING, 30).cpu("main", WORK, 70).build());
        Finding f = finding(r, "thread-churn").orElseThrow();
        assertThat(culprit(f)).isEqualTo("com.acme.notify.Dispatcher.dispatchAll");
        assertThat((double) f.evidence().get("cpuSharePercent")).isEqualTo(30.0);
        assertThat(f.score()).isEqualTo(60); // twice the share
        AnalysisReport quiet = analyze(new Samples().cpu("main", STARTING, 2).cpu("main", WORK, 98).build());
        assertThat(finding(quiet, "thread-churn")).isEmpty();
    }

    // ---- allocation and leaks -------------------------------------------------------------------------------

    private static Samples allocating(int gcSamples) {
        return new Samples().cpu("main", BOXING, 70).cpu("GC Thread#0", List.of("libjvm.so.G1ParTask::work"), gcSamples)
                .cpu("C1 CompilerThread0", List.of("libjvm.so.Compiler::compile"), 50)
                .add(SampleKind.ALLOCATION_IN_NEW_TLAB, "main", BOXING, 80, MB, "java.lang.Long")
                .add(SampleKind.ALLOCATION_IN_NEW_TLAB, "main", WORK, 20, MB, "byte[]");
    }

    @Test
    void withoutGcEventsTheGcThreadsCpuShareIsTheCollectorsCost() {
        // 30 GC samples against 70 of the application (the compiler's 50 are not counted): 30 %
        AnalysisReport r = analyze(allocating(30).build());
        Finding f = finding(r, "allocation-pressure").orElseThrow();
        assertThat((double) f.evidence().get("gcThreadCpuSharePercent")).isEqualTo(30.0);
        assertThat(f.evidence().get("topClass")).isEqualTo("java.lang.Long");
        assertThat(culprit(f)).isEqualTo("com.acme.metrics.Aggregator.aggregate");
        assertThat(f.score()).isEqualTo(70); // twice 30 %, and 10 for boxing
        assertThat(finding(r, "memory-leak")).isEmpty(); // no heap summaries
        assertThat(finding(analyze(allocating(1).build()), "allocation-pressure")).isEmpty();
    }

    @Test
    void aHeapThatKeepsWhatIsAllocatedIsALeakNotPressure() {
        // 100 MB allocated in 10 s; the heap after GC grows 10 MB/s: all of it stays
        AnalysisReport leak = analyze(allocating(30).heapSummaries(20 * MB, 10 * MB).build());
        Finding f = finding(leak, "memory-leak").orElseThrow();
        assertThat((double) f.evidence().get("retainedPercentOfAllocation")).isCloseTo(100.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat((double) f.evidence().get("fitR2")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(applicationFindings(leak).getFirst().category()).isEqualTo("memory-leak");
        assertThat(finding(leak, "allocation-pressure").orElseThrow().score()).isEqualTo(42); // 70 × 0.6
        // growing by 4 MB/s of the 10 allocated: collections free most of it
        AnalysisReport pressure = analyze(allocating(30).heapSummaries(20 * MB, 4 * MB).build());
        assertThat(finding(pressure, "memory-leak")).isEmpty();
        assertThat(applicationFindings(pressure).getFirst().category()).isEqualTo("allocation-pressure");
    }

    // ---- blocking I/O ---------------------------------------------------------------------------------------

    @Test
    void wallSamplesOfThreadsWaitingInSocketReadsAreBlockingIo() {
        Samples s = new Samples();
        for (String t : List.of("worker-1", "worker-2")) {
            s.add(SampleKind.WALL, t, SOCKET_READ, 40, 1, "STATE_SLEEPING")
                    .add(SampleKind.WALL, t, VALUING, 10, 1, "STATE_RUNNABLE")
                    .cpu(t, VALUING, 10);
        }
        Finding f = finding(analyze(s.build()), "io-blocking").orElseThrow();
        assertThat(culprit(f)).isEqualTo("com.acme.pricing.PriceClient.quote");
        assertThat((double) f.evidence().get("sharePercent")).isEqualTo(80.0);
        assertThat(f.evidence().get("countSource")).isEqualTo("wall-samples");
    }

    @Test
    void cpuSamplesInSocketCallsOfMostlyIdleThreadsAreBlockingIo() {
        // 10 s, 10 ms samples: 20 samples are 2 % of a thread's time; half of them in socket reads
        Samples s = new Samples();
        for (String t : List.of("worker-1", "worker-2")) {
            s.cpu(t, SOCKET_READ, 10).cpu(t, VALUING, 10);
        }
        s.cpu("main", WORK, 100);
        Finding f = finding(analyze(s.build()), "io-blocking").orElseThrow();
        assertThat(culprit(f)).isEqualTo("com.acme.pricing.PriceClient.quote");
        assertThat((double) f.evidence().get("sharePercent")).isCloseTo(50 * 0.98, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.evidence().get("countSource")).isEqualTo("cpu-samples");
    }

    // ---- threads and frames ---------------------------------------------------------------------------------

    @Test
    void asyncProfilerThreadsAndNativeFramesAreNotTheApplication() {
        assertThat(RuleContext.isInternalThread("Async-profiler Timer")).isTrue();
        assertThat(RuleContext.isInternalThread("[tid=1234]")).isTrue();
        assertThat(RuleContext.isInternalThread("valuation-worker-1")).isFalse();
        FrameClassifier c = new FrameClassifier(new Samples().build());
        assertThat(c.classify("libjvm.so")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("libc.so.6")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("")).isEqualTo(FrameKind.JDK);
        assertThat(c.classify("com.acme.sox.Parser")).isEqualTo(FrameKind.APPLICATION);
        assertThat(c.classify("com.acme.so.Parser")).isEqualTo(FrameKind.APPLICATION);
    }

    // ---- committed async-profiler recordings ----------------------------------------------------------------

    private static Path asprof(String name) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("jfr-import")
                .resolve("src/test/resources/asprof").resolve(name);
    }

    @Test
    void wallModeRecordingsWithoutExecutionSamplesGetTheCpuDiagnosis() throws Exception {
        Profile p = ProfileLoader.withDefaults().load(asprof("wall-4.1-jdk25-cpu-quadratic.jfr"));
        assertThat(p.eventCount("jdk.ExecutionSample")).isZero();
        AnalysisReport r = analyze(p);
        assertThat(r.rules()).filteredOn(x -> x.rule().equals("cpu-hotspot.method"))
                .extracting(RuleResult::status).doesNotContain(RuleResult.Status.NOT_APPLICABLE);
        Finding f = finding(r, "cpu-hotspot").orElseThrow();
        assertThat(culprit(f)).isEqualTo("com.example.orders.OrderService.findDuplicateOrderIds");
        assertThat(applicationFindings(r).getFirst().category()).isEqualTo("cpu-hotspot");
    }

    @Test
    void theSampledPathsStayQuietOnAQuadraticLoop() throws Exception {
        for (String name : List.of("cpu-alloc-lock-4.1-jdk25-cpu-quadratic.jfr", "wall-4.1-jdk25-cpu-quadratic.jfr",
                "wall-3.0-jdk17-cpu-quadratic.jfr")) {
            AnalysisReport r = analyze(ProfileLoader.withDefaults().load(asprof(name)));
            List<String> categories = new ArrayList<>();
            r.findings().stream().filter(f -> f.severity() != Severity.INFO).forEach(f -> categories.add(f.category()));
            assertThat(categories).as(name).doesNotContain("exception-overhead", "thread-churn", "io-blocking",
                    "memory-leak", "allocation-pressure");
            assertThat(r.rules()).as(name).filteredOn(x -> x.rule().equals("exception-overhead.rate")
                    || x.rule().equals("thread-churn.starts")).extracting(RuleResult::status)
                    .containsOnly(RuleResult.Status.OK);
        }
    }
}
