package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recordings written by async-profiler's own JFR writer (see src/test/resources/asprof/README.md): counted as the
 * JDK's parser counts them, its thread naming and wall-clock states taken into account, the hot method first.
 */
class AsyncProfilerImportTest {
    private static final ProfileLoader LOADER = new ProfileLoader(ImportOptions.defaults().withParallelism(2));
    private static final String CPU_ALLOC_LOCK = "cpu-alloc-lock-4.1-jdk25-cpu-quadratic.jfr";
    private static final String WALL_3 = "wall-3.0-jdk17-cpu-quadratic.jfr";
    private static final String WALL_4 = "wall-4.1-jdk25-cpu-quadratic.jfr";
    private static final String CULPRIT = "com.example.orders.OrderService.findDuplicateOrderIds";

    static Path recording(String name) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/asprof")
                .resolve(name);
    }

    /** What the JDK's own parser reads from the file. */
    record Expected(Map<String, Long> counts, long runningSamples, long stateSamples, long runningTicks,
            Instant first, Instant last) {
    }

    static Expected expected(Path file) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        long running = 0;
        long withState = 0;
        long runningTicks = 0;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        try (RecordingFile f = new RecordingFile(file)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                counts.merge(type, 1L, Long::sum);
                if (e.getStartTime().isBefore(first)) {
                    first = e.getStartTime();
                }
                if (e.getEndTime().isAfter(last)) {
                    last = e.getEndTime();
                }
                if (!type.equals("jdk.ExecutionSample") && !type.equals("profiler.WallClockSample")) {
                    continue;
                }
                String state = e.hasField("state") ? e.getString("state") : null;
                if (state != null && !state.equals("STATE_DEFAULT")) {
                    withState++;
                    if (state.equals("STATE_RUNNABLE")) {
                        running++;
                        runningTicks += e.hasField("samples") ? e.getLong("samples") : 1;
                    }
                }
            }
        }
        return new Expected(counts, running, withState, runningTicks, first, last);
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU_ALLOC_LOCK, WALL_3, WALL_4})
    void everyEventTypeIsCountedAsTheJdksParserCountsIt(String name) throws Exception {
        Path file = recording(name);
        Profile p = LOADER.load(file);
        Expected want = expected(file);
        assertThat(want.counts()).isNotEmpty();
        for (Map.Entry<String, Long> e : want.counts().entrySet()) {
            assertThat(p.eventCount(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(p.source().warnings()).isEmpty();
        // declared but empty sample types are there with 0, as `jfr summary` lists them
        assertThat(p.eventStats()).containsKey(JfrTypes.EXECUTION_SAMPLE);
    }

    @Test
    void theJdksJfrSummaryCountsTheSame() throws Exception {
        Path file = recording(CPU_ALLOC_LOCK);
        Profile p = LOADER.load(file);
        Map<String, Long> summary = io.flightdeck.testing.TestFiles.jfrSummaryCounts(file);
        assertThat(summary.get(JfrTypes.EXECUTION_SAMPLE)).isPositive();
        summary.forEach((type, count) -> assertThat(p.eventCount(type)).as(type).isEqualTo(count));
    }

    @Test
    void cpuAllocationAndLockSamplesFeedTheSampleSets() throws Exception {
        Path file = recording(CPU_ALLOC_LOCK);
        Profile p = LOADER.load(file);
        Expected want = expected(file);
        assertThat(p.samples(SampleKind.CPU).size()).isEqualTo(want.counts().get(JfrTypes.EXECUTION_SAMPLE).intValue());
        assertThat(p.samples(SampleKind.ALLOCATION_IN_NEW_TLAB).size())
                .isEqualTo(want.counts().getOrDefault(JfrTypes.OBJECT_ALLOCATION_IN_NEW_TLAB, 0L).intValue())
                .isPositive();
        assertThat(weight(p.samples(SampleKind.ALLOCATION_IN_NEW_TLAB))).isPositive();
        assertThat(p.samples(SampleKind.MONITOR_ENTER).size())
                .isEqualTo(want.counts().getOrDefault(JfrTypes.JAVA_MONITOR_ENTER, 0L).intValue());
        assertThat(p.samples(SampleKind.WALL).size()).isZero();
    }

    @Test
    void factsAsyncProfilerLacksStayEmptyAndTheTimesComeFromTheChunk() throws Exception {
        Path file = recording(CPU_ALLOC_LOCK);
        Profile p = LOADER.load(file);
        Expected want = expected(file);
        assertThat(p.info().javaFeatureVersion()).hasValue(25);
        assertThat(p.info().gc()).isEmpty();
        assertThat(p.info().maxHeapBytes()).isEmpty();
        assertThat(p.info().chunks()).isEqualTo(1);
        assertThat(p.info().start()).isBeforeOrEqualTo(want.first());
        assertThat(p.info().end()).isAfterOrEqualTo(want.last());
        assertThat(p.info().duration().toMillis()).isBetween(5_000L, 60_000L);
        // the sampling interval (nanoseconds) is given as the period the JVM's recorder would write
        assertThat(p.eventSettings().get(JfrTypes.EXECUTION_SAMPLE)).containsEntry("interval", "10000000")
                .containsEntry("period", "10 ms");
    }

    @Test
    void theMainThreadIsNotHiddenAsDestroyJavaVmAndJvmThreadsGetTheirNames() throws Exception {
        Profile p = LOADER.load(recording(CPU_ALLOC_LOCK));
        SampleSet cpu = p.samples(SampleKind.CPU);
        Map<String, Integer> byThread = new HashMap<>();
        for (int i = 0; i < cpu.size(); i++) {
            byThread.merge(p.threads().name(cpu.thread(i)), 1, Integer::sum);
        }
        assertThat(byThread).doesNotContainKey("DestroyJavaVM").doesNotContainKey("C2 CompilerThre");
        assertThat(byThread.get("main")).isGreaterThan(cpu.size() / 2);
        assertThat(byThread).containsKey("C2 CompilerThread");
    }

    @ParameterizedTest
    @ValueSource(strings = {CPU_ALLOC_LOCK, WALL_3, WALL_4})
    void theHotMethodComesFirst(String name) throws Exception {
        Profile p = LOADER.load(recording(name));
        Map<String, Integer> byMethod = firstApplicationFrames(p, p.samples(SampleKind.CPU));
        String top = byMethod.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo(CULPRIT);
        int total = byMethod.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(byMethod.get(CULPRIT)).isGreaterThan(total / 2);
    }

    @Test
    void wallSamplesOfAsyncProfiler3CountAsCpuOnlyWhenRunning() throws Exception {
        Path file = recording(WALL_3);
        Profile p = LOADER.load(file);
        Expected want = expected(file);
        assertThat(want.stateSamples()).isEqualTo(want.counts().get(JfrTypes.EXECUTION_SAMPLE));
        assertThat(want.runningSamples()).isPositive().isLessThan(want.stateSamples() / 2);
        assertThat(p.samples(SampleKind.WALL).size()).isEqualTo((int) want.stateSamples());
        assertThat(p.samples(SampleKind.CPU).size()).isEqualTo((int) want.runningSamples());
        assertThat(p.eventSettings().get(JfrTypes.EXECUTION_SAMPLE)).containsEntry("period", "10 ms");
        assertThat(p.info().javaFeatureVersion()).hasValue(17);
    }

    @Test
    void wallClockSamplesOfAsyncProfiler4GiveTheCpuSamplesWhenThereAreNoOthers() throws Exception {
        Path file = recording(WALL_4);
        Profile p = LOADER.load(file);
        Expected want = expected(file);
        assertThat(want.counts().getOrDefault(JfrTypes.EXECUTION_SAMPLE, 0L)).isZero();
        assertThat(p.eventCount(JfrTypes.EXECUTION_SAMPLE)).isZero();
        long events = want.counts().get(JfrTypes.PROFILER_WALL_CLOCK_SAMPLE);
        assertThat(p.samples(SampleKind.WALL).size()).isEqualTo((int) events);
        assertThat(weight(p.samples(SampleKind.WALL))).isGreaterThan(events);
        assertThat(p.samples(SampleKind.CPU).size()).isEqualTo((int) want.runningTicks()).isPositive();
        assertThat(p.eventSettings().get(JfrTypes.EXECUTION_SAMPLE)).containsEntry("period", "20 ms");
    }

    @Test
    void theBareRuntimeVersionAsyncProfilerWritesIsTheJavaVersion() {
        assertThat(ProfileAssembler.javaVersion("25.0.3+9-LTS")).hasValue("25.0.3+9-LTS");
        assertThat(ProfileAssembler.javaVersion("17.0.15+6-Debian-1deb12u1")).hasValue("17.0.15+6-Debian-1deb12u1");
        assertThat(ProfileAssembler.javaVersion("1.8.0_392-b08")).hasValue("1.8.0_392-b08");
        assertThat(ProfileAssembler.javaVersion("OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux-amd64 JRE "
                + "(25.0.3+9-LTS), built on 2026-04-21T00:00:00Z with gcc 14.2.0")).hasValue("25.0.3+9-LTS");
        assertThat(ProfileAssembler.javaVersion("unknown")).isEmpty();
    }

    static long weight(SampleSet set) {
        long sum = 0;
        for (int i = 0; i < set.size(); i++) {
            sum += set.weight(i);
        }
        return sum;
    }

    /** Samples per first application frame (the first frame, from the top, of a com.example class). */
    static Map<String, Integer> firstApplicationFrames(Profile p, SampleSet set) {
        Map<String, Integer> byMethod = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            int stack = set.stack(i);
            if (stack == StackTable.NONE) {
                continue;
            }
            for (int f = 0; f < p.stacks().depth(stack); f++) {
                int method = p.frames().method(p.stacks().frame(stack, f));
                String cls = p.methods().className(method);
                if (cls.startsWith("com.example.")) {
                    byMethod.merge(cls + "." + p.methods().methodName(method), 1, Integer::sum);
                    break;
                }
            }
        }
        return byMethod;
    }
}
