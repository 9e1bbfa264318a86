package io.flightdeck.cli;

import io.flightdeck.analysis.output.JsonExport;
import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The import benchmark: imports a recording several times and reports time, MiB/s, peak heap during import,
 * heap retained by the profile afterwards and the process's peak resident memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the import of a recording: median time, MiB/s, peak heap, retained heap, peak RSS.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The recording to import.")
    Path file;

    @Option(names = "--runs", defaultValue = "5", description = "Measured imports (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Imports before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Chunks decoded at once (default: one per processor).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--analyze", description = "Also time the analysis of each import (the report's numbers and "
            + "every rule, as 'analyze' does it), on the whole recording.")
    boolean analyze;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0) {
            throw new UsageException("--runs must be at least 1 and --warmup at least 0");
        }
        ImportOptions options = ImportOptions.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1");
            }
            options = options.withParallelism(threads);
        }
        ProfileLoader loader = new ProfileLoader(options);
        PrintStream out = CliStreams.out(spec);
        long size = Files.size(file);
        for (int i = 0; i < warmup; i++) {
            loader.load(file, ProgressListener.NONE, CancellationToken.none());
        }
        double[] seconds = new double[runs];
        double[] analysisSeconds = new double[runs];
        long peakHeap = 0;
        Profile last = null;
        for (int i = 0; i < runs; i++) {
            last = null;
            fullGc();
            long baseline = usedHeap();
            resetPeaks();
            long t0 = System.nanoTime();
            last = loader.load(file, ProgressListener.NONE, CancellationToken.none());
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            peakHeap = Math.max(peakHeap, peakHeap() - baseline);
            if (analyze) {
                long a0 = System.nanoTime();
                new io.flightdeck.analysis.Diagnosis(io.flightdeck.analysis.Version.get()).analyse(
                        io.flightdeck.analysis.Selection.all(last), io.flightdeck.analysis.rule.RuleEngine.standard(),
                        () -> false);
                analysisSeconds[i] = (System.nanoTime() - a0) / 1e9;
            }
        }
        // what the profile keeps: heap with it, minus heap once it is gone
        int chunks = last.info().chunks();
        long events = last.eventStats().values().stream().mapToLong(s -> s.count()).sum();
        int cpuSamples = last.samples(SampleKind.CPU).size();
        fullGc();
        long withProfile = usedHeap();
        java.lang.ref.Reference.reachabilityFence(last);
        last = null;
        fullGc();
        long retained = withProfile - usedHeap();
        double median = median(seconds);
        double mib = size / (1024.0 * 1024.0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file.toString());
        result.put("sizeBytes", size);
        result.put("chunks", chunks);
        result.put("events", events);
        result.put("executionSamples", cpuSamples);
        result.put("threads", options.parallelism());
        result.put("runs", runs);
        result.put("secondsPerRun", seconds);
        result.put("medianSeconds", median);
        result.put("mibPerSecond", mib / median);
        if (analyze) {
            result.put("analysisSecondsPerRun", analysisSeconds);
            result.put("analysisMedianSeconds", median(analysisSeconds));
        }
        result.put("peakHeapBytes", peakHeap);
        result.put("retainedHeapBytes", Math.max(0, retained));
        result.put("peakRssBytes", peakRss());
        result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        if (json) {
            out.print(JsonExport.render(result));
        } else {
            out.printf(Locale.ROOT, "%s: %.1f MiB, %d chunks, %,d events, %d thread(s)%n", file.getFileName(), mib,
                    chunks, events, options.parallelism());
            List<String> each = new ArrayList<>();
            for (double s : seconds) {
                each.add(String.format(Locale.ROOT, "%.2f", s));
            }
            out.printf(Locale.ROOT, "import: median %.2f s (%s s), %.1f MiB/s%n", median, String.join(", ", each), mib / median);
            if (analyze) {
                List<String> each2 = new ArrayList<>();
                for (double s : analysisSeconds) {
                    each2.add(String.format(Locale.ROOT, "%.3f", s));
                }
                out.printf(Locale.ROOT, "analysis: median %.3f s (%s s)%n", median(analysisSeconds),
                        String.join(", ", each2));
            }
            out.printf(Locale.ROOT, "heap: peak %.0f MiB during import, %.1f MiB retained by the profile; "
                            + "process peak RSS %.0f MiB (max heap %.0f MiB)%n", peakHeap / 1048576.0,
                    Math.max(0, retained) / 1048576.0, peakRss() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        return ExitCodes.OK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void fullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the simultaneous peak). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** VmHWM of /proc/self/status: the most resident memory the process has had; -1 where unavailable. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
