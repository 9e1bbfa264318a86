package io.flightdeck.model;

import java.time.Instant;
import java.util.List;

/**
 * A heap histogram snapshot: from {@code jdk.ObjectCount}/{@code jdk.ObjectCountAfterGC} events of one GC, or
 * from {@code jmap -histo} / {@code jcmd GC.class_histogram} text. Rows are sorted by bytes, largest first.
 *
 * @param origin where it came from: the JFR event type, or "class-histogram"
 */
public record ClassHistogram(Instant time, String origin, List<HistogramRow> rows) {
    public ClassHistogram {
        rows = List.copyOf(rows);
    }

    public long totalBytes() {
        return rows.stream().mapToLong(HistogramRow::bytes).sum();
    }

    public long totalInstances() {
        return rows.stream().mapToLong(HistogramRow::instances).sum();
    }
}
