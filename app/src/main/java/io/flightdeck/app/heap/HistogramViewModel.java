package io.flightdeck.app.heap;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.heap.HistogramAnalysis;
import io.flightdeck.analysis.heap.HistogramAnalysis.ClassShare;
import io.flightdeck.analysis.heap.HistogramAnalysis.HistogramGrowth;
import io.flightdeck.app.task.TaskRunner;
import io.flightdeck.model.ClassHistogram;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The heap histogram view's state: the latest snapshot's classes and, with two snapshots or more, what grew from
 * the first to the last. Computed in the background; {@link #dataProperty()} changes on the FX thread.
 */
public final class HistogramViewModel {
    /** How many classes the tables show at most. */
    static final int LIMIT = 2_000;

    /**
     * What the view shows.
     *
     * @param growth empty with fewer than two snapshots
     */
    public record Data(int snapshots, List<ClassShare> top, Optional<HistogramGrowth> growth, String summary) {
    }

    private final List<ClassHistogram> snapshots;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Data> data = new ReadOnlyObjectWrapper<>();
    private boolean started;

    /** @param snapshots in time order, e.g. a profile's {@code histograms()} or several files' merged */
    public HistogramViewModel(List<ClassHistogram> snapshots, TaskRunner tasks) {
        this.snapshots = List.copyOf(snapshots);
        this.tasks = tasks;
    }

    /** Null until computed. */
    public ReadOnlyObjectProperty<Data> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Starts the computation once (the view calls it when first shown). */
    public void load() {
        if (started) {
            return;
        }
        started = true;
        tasks.run("Analysing the heap histograms", (progress, cancel) -> compute(snapshots), data::set, error -> { });
    }

    static Data compute(List<ClassHistogram> snapshots) {
        if (snapshots.isEmpty()) {
            return new Data(0, List.of(), Optional.empty(), "No heap histogram: open a jmap -histo / jcmd "
                    + "GC.class_histogram file, or record with jdk.ObjectCount (or jdk.ObjectCountAfterGC) enabled.");
        }
        List<ClassShare> top = HistogramAnalysis.topByBytes(snapshots, LIMIT);
        Optional<HistogramGrowth> growth = HistogramAnalysis.growth(snapshots);
        ClassHistogram last = snapshots.getLast();
        StringBuilder summary = new StringBuilder();
        summary.append(Format.bytes(last.totalBytes())).append(" in ").append(Format.count(last.totalInstances()))
                .append(" instances at ").append(Format.instant(last.time()));
        growth.ifPresent(g -> {
            long d = g.totalBytesGrowth();
            summary.append("; ").append(signedBytes(d)).append(" since the first of ").append(g.snapshots())
                    .append(" snapshots (").append(Format.duration(g.span())).append(" earlier)");
            g.classes().stream().findFirst().filter(c -> c.bytesGrowth() > 0).ifPresent(c -> summary
                    .append("; grew most: ").append(c.className()).append(" (").append(signedBytes(c.bytesGrowth()))
                    .append(")"));
        });
        return new Data(snapshots.size(), top, growth.map(g -> new HistogramGrowth(g.first(), g.last(),
                g.snapshots(), g.firstTotalBytes(), g.lastTotalBytes(),
                g.classes().subList(0, Math.min(LIMIT, g.classes().size())))), summary.toString());
    }

    /** "+1.50 MiB", "−16 B", "0 B". */
    static String signedBytes(double bytes) {
        long b = (long) bytes;
        return b > 0 ? "+" + Format.bytes(b) : b < 0 ? "−" + Format.bytes(-b) : Format.bytes(0);
    }

    /** "+12.3 %", "−100 %"; "new" for growth from nothing (infinite). */
    static String signedPercent(double percent) {
        if (Double.isInfinite(percent)) {
            return "new";
        }
        return (percent > 0 ? "+" : "") + Format.percent(percent);
    }
}
