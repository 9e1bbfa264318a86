package io.flightdeck.analysis.heap;

import io.flightdeck.analysis.format.Names;
import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.HistogramRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The leak hunter's view of heap class histograms: what fills the heap now, and what grew. Pure functions over
 * snapshots in time order; to compare two files (two runs, or a JFR recording and its jcmd histograms), pass
 * {@link #inTimeOrder(Collection)} of both. Classes are keyed by their display name ({@link Names#className}), so
 * "[B" and "byte[]", "java/lang/String" and "java.lang.String" are one class; a class listed twice in one
 * snapshot (loaded by two class loaders) is summed.
 */
public final class HistogramAnalysis {
    private HistogramAnalysis() {
    }

    /** A class's part of one snapshot. */
    public record ClassShare(String className, long instances, long bytes, double bytesPercent,
            double instancesPercent) {
    }

    /** Whether a class is in the first snapshot, the last, or both. */
    public enum Presence {
        BOTH, APPEARED, DISAPPEARED
    }

    /**
     * One class from the first snapshot to the last. A class missing from one side counts 0 there; its growth
     * percent is then absent (growth from nothing) or -100.
     */
    public record ClassGrowth(String className, Presence presence, long firstInstances, long lastInstances,
            long firstBytes, long lastBytes, long instancesGrowth, long bytesGrowth,
            OptionalDouble instancesGrowthPercent, OptionalDouble bytesGrowthPercent) {
    }

    /**
     * The growth between the first and the last snapshot, largest bytes growth first (shrinking classes last).
     *
     * @param snapshots how many snapshots the span holds
     */
    public record HistogramGrowth(Instant first, Instant last, int snapshots, long firstTotalBytes,
            long lastTotalBytes, List<ClassGrowth> classes) {
        public HistogramGrowth {
            classes = List.copyOf(classes);
        }

        public Duration span() {
            return Duration.between(first, last);
        }

        public long totalBytesGrowth() {
            return lastTotalBytes - firstTotalBytes;
        }

        public Optional<ClassGrowth> of(String className) {
            return classes.stream().filter(c -> c.className().equals(className)).findFirst();
        }
    }

    /** One snapshot's value of one class (0 when the class is not in it). */
    public record Point(Instant time, long instances, long bytes) {
    }

    /** One class over all snapshots, one point per snapshot. */
    public record ClassSeries(String className, List<Point> points) {
        public ClassSeries {
            points = List.copyOf(points);
        }
    }

    /** A snapshot's sums. */
    public record SnapshotTotal(Instant time, long instances, long bytes, int classes) {
    }

    /** The snapshots of several sources as one list in time order (stable for equal times). */
    public static List<ClassHistogram> inTimeOrder(Collection<? extends List<ClassHistogram>> sources) {
        List<ClassHistogram> all = new ArrayList<>();
        sources.forEach(all::addAll);
        all.sort(Comparator.comparing(ClassHistogram::time));
        return List.copyOf(all);
    }

    /** The latest snapshot's classes with the most bytes; empty when there is no snapshot. */
    public static List<ClassShare> topByBytes(List<ClassHistogram> snapshots, int limit) {
        return top(snapshots, limit, Comparator.comparingLong(ClassShare::bytes).reversed());
    }

    /** The latest snapshot's classes with the most instances; empty when there is no snapshot. */
    public static List<ClassShare> topByInstances(List<ClassHistogram> snapshots, int limit) {
        return top(snapshots, limit, Comparator.comparingLong(ClassShare::instances).reversed());
    }

    private static List<ClassShare> top(List<ClassHistogram> snapshots, int limit, Comparator<ClassShare> order) {
        if (snapshots.isEmpty()) {
            return List.of();
        }
        ClassHistogram last = snapshots.getLast();
        Map<String, long[]> classes = byClass(last);
        long totalBytes = last.totalBytes();
        long totalInstances = last.totalInstances();
        List<ClassShare> shares = new ArrayList<>(classes.size());
        classes.forEach((name, v) -> shares.add(new ClassShare(name, v[0], v[1], percent(v[1], totalBytes),
                percent(v[0], totalInstances))));
        shares.sort(order.thenComparing(ClassShare::className));
        return List.copyOf(shares.subList(0, Math.min(Math.max(0, limit), shares.size())));
    }

    /**
     * Per class, the change from the first to the last snapshot, sorted by bytes growth (largest first, then by
     * name); empty with fewer than two snapshots.
     */
    public static Optional<HistogramGrowth> growth(List<ClassHistogram> snapshots) {
        if (snapshots.size() < 2) {
            return Optional.empty();
        }
        ClassHistogram first = snapshots.getFirst();
        ClassHistogram last = snapshots.getLast();
        Map<String, long[]> before = byClass(first);
        Map<String, long[]> after = byClass(last);
        Set<String> names = new java.util.LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        List<ClassGrowth> rows = new ArrayList<>(names.size());
        for (String name : names) {
            long[] b = before.get(name);
            long[] a = after.get(name);
            Presence presence = b == null ? Presence.APPEARED : a == null ? Presence.DISAPPEARED : Presence.BOTH;
            long fi = b == null ? 0 : b[0];
            long fb = b == null ? 0 : b[1];
            long li = a == null ? 0 : a[0];
            long lb = a == null ? 0 : a[1];
            rows.add(new ClassGrowth(name, presence, fi, li, fb, lb, li - fi, lb - fb, change(fi, li), change(fb, lb)));
        }
        rows.sort(Comparator.comparingLong(ClassGrowth::bytesGrowth).reversed()
                .thenComparing(Comparator.comparingLong(ClassGrowth::instancesGrowth).reversed())
                .thenComparing(ClassGrowth::className));
        return Optional.of(new HistogramGrowth(first.time(), last.time(), snapshots.size(), first.totalBytes(),
                last.totalBytes(), rows));
    }

    /** Every class over all snapshots, the classes with the most bytes in the latest snapshot first. */
    public static List<ClassSeries> series(List<ClassHistogram> snapshots) {
        List<Map<String, long[]>> perSnapshot = snapshots.stream().map(HistogramAnalysis::byClass).toList();
        Map<String, Long> order = new HashMap<>();
        for (Map<String, long[]> classes : perSnapshot) {
            classes.forEach((name, v) -> order.put(name, v[1]));
        }
        List<String> names = new ArrayList<>(order.keySet());
        Map<String, long[]> last = perSnapshot.isEmpty() ? Map.of() : perSnapshot.getLast();
        names.sort(Comparator.<String>comparingLong(n -> last.containsKey(n) ? last.get(n)[1] : -1).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return series(snapshots, perSnapshot, names);
    }

    /** The named classes (display names) over all snapshots, in the order given. */
    public static List<ClassSeries> series(List<ClassHistogram> snapshots, Collection<String> classNames) {
        return series(snapshots, snapshots.stream().map(HistogramAnalysis::byClass).toList(), classNames);
    }

    private static List<ClassSeries> series(List<ClassHistogram> snapshots, List<Map<String, long[]>> perSnapshot,
            Collection<String> names) {
        List<ClassSeries> result = new ArrayList<>(names.size());
        for (String name : names) {
            List<Point> points = new ArrayList<>(snapshots.size());
            for (int i = 0; i < snapshots.size(); i++) {
                long[] v = perSnapshot.get(i).get(name);
                points.add(new Point(snapshots.get(i).time(), v == null ? 0 : v[0], v == null ? 0 : v[1]));
            }
            result.add(new ClassSeries(name, points));
        }
        return List.copyOf(result);
    }

    /** Each snapshot's total instances, bytes and class count, in the given order. */
    public static List<SnapshotTotal> totals(List<ClassHistogram> snapshots) {
        return snapshots.stream()
                .map(s -> new SnapshotTotal(s.time(), s.totalInstances(), s.totalBytes(), byClass(s).size()))
                .toList();
    }

    /** Instances and bytes per display name, in the snapshot's order. */
    private static Map<String, long[]> byClass(ClassHistogram snapshot) {
        Map<String, long[]> classes = new LinkedHashMap<>();
        for (HistogramRow row : snapshot.rows()) {
            long[] v = classes.computeIfAbsent(Names.className(row.className()), k -> new long[2]);
            v[0] += row.instances();
            v[1] += row.bytes();
        }
        return classes;
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    private static OptionalDouble change(long from, long to) {
        return from == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (to - from) / from);
    }
}
