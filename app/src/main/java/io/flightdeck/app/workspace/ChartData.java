package io.flightdeck.app.workspace;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.timeline.Buckets;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The series the time charts draw, in seconds from the recording's start, from one profile. */
public final class ChartData {
    private static final double MIB = 1024.0 * 1024.0;

    /** Every series of a profile, computed once off the FX thread. */
    public record Series(List<TimeChart.Series> cpu, List<TimeChart.Series> heap, List<TimeChart.Line> maxHeap,
            List<TimeChart.Series> pauses, List<TimeChart.Series> allocation, List<TimeChart.Series> threads) {
    }

    private ChartData() {
    }

    public static Series of(Profile p) {
        return new Series(cpu(p), heap(p), maxHeap(p), pauses(p), allocation(p), threads(p));
    }

    static double seconds(Instant start, Instant t) {
        return Duration.between(start, t).toNanos() / 1e9;
    }

    /** A series of the profile scaled by {@code factor}; empty when the recording lacks it. */
    public static TimeChart.Series series(Profile p, SeriesKey key, String name, double factor,
            java.util.function.Function<Palette, javafx.scene.paint.Color> color) {
        TimeSeries s = p.series(key).orElse(null);
        if (s == null) {
            return new TimeChart.Series(name, color, new double[0], new double[0]);
        }
        long origin = p.info().start().getEpochSecond() * 1_000_000_000L + p.info().start().getNano();
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            x[i] = (s.timeNanos(i) - origin) / 1e9;
            y[i] = s.value(i) * factor;
        }
        return new TimeChart.Series(name, color, x, y);
    }

    /** CPU load of the JVM (user, system) and of the machine, percent of all CPUs. */
    public static List<TimeChart.Series> cpu(Profile p) {
        return List.of(series(p, SeriesKey.CPU_JVM_USER, "JVM user", 100, Palette::cpuUser),
                series(p, SeriesKey.CPU_JVM_SYSTEM, "JVM system", 100, Palette::cpuSystem),
                series(p, SeriesKey.CPU_MACHINE_TOTAL, "machine", 100, Palette::machine));
    }

    /** Heap used before and after each pause, MiB. */
    public static List<TimeChart.Series> heap(Profile p) {
        Instant start = p.info().start();
        List<double[]> before = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        for (GcPause pause : p.gcPauses()) {
            double t = seconds(start, pause.start());
            pause.heapBeforeBytes().ifPresent(b -> before.add(new double[]{t, b / MIB}));
            double te = seconds(start, pause.start().plus(pause.duration()));
            pause.heapAfterBytes().ifPresent(b -> after.add(new double[]{te, b / MIB}));
        }
        return List.of(points("before GC", before, Palette::heapBefore), points("after GC", after, Palette::heapAfter));
    }

    public static List<TimeChart.Line> maxHeap(Profile p) {
        return p.info().maxHeapBytes().isPresent()
                ? List.of(new TimeChart.Line("max heap", Palette::heapMax, p.info().maxHeapBytes().getAsLong() / MIB))
                : List.of();
    }

    /** One bar per stop-the-world pause, milliseconds. */
    public static List<TimeChart.Series> pauses(Profile p) {
        Instant start = p.info().start();
        List<double[]> young = new ArrayList<>();
        List<double[]> full = new ArrayList<>();
        for (GcPause pause : p.gcPauses()) {
            double[] point = {seconds(start, pause.start()), pause.duration().toNanos() / 1e6};
            (pause.kind() == io.flightdeck.model.GcKind.FULL ? full : young).add(point);
        }
        return List.of(points("pause", young, Palette::pause), points("full GC", full, Palette::fullPause));
    }

    /** Allocation rate from the allocation samples (outside-TLAB bytes included, as in the report), MiB/s. */
    public static List<TimeChart.Series> allocation(Profile p) {
        List<SampleKind> kinds = io.flightdeck.analysis.Signals.allocationKinds(p);
        Buckets b = Buckets.of(Selection.all(p), kinds.getFirst(), Buckets.Measure.WEIGHT, 200);
        double[] x = new double[b.size()];
        double[] y = new double[b.size()];
        double half = b.bucket().toNanos() / 2e9;
        for (int i = 0; i < b.size(); i++) {
            x[i] = seconds(p.info().start(), b.bucketStart(i)) + half;
            y[i] = b.perSecond()[i] / MIB;
        }
        for (SampleKind more : kinds.subList(1, kinds.size())) {
            Buckets extra = Buckets.of(Selection.all(p), more, Buckets.Measure.WEIGHT, 200);
            for (int i = 0; i < Math.min(b.size(), extra.size()); i++) {
                y[i] += extra.perSecond()[i] / MIB;
            }
        }
        return List.of(new TimeChart.Series("allocated", Palette::allocation, x, y));
    }

    public static List<TimeChart.Series> threads(Profile p) {
        return List.of(series(p, SeriesKey.THREADS_ACTIVE, "live threads", 1, Palette::threads));
    }

    private static TimeChart.Series points(String name, List<double[]> points,
            java.util.function.Function<Palette, javafx.scene.paint.Color> color) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new TimeChart.Series(name, color, x, y);
    }
}
