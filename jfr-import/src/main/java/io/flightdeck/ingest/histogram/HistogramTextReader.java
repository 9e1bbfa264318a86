package io.flightdeck.ingest.histogram;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.model.HistogramRow;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.zip.ZipException;

/**
 * Streams class histogram text line by line into snapshots. One snapshot starts at a column header (or at a
 * row numbered 1 when no header came) and ends at its Total line. Each snapshot gets the nearest time stamp line
 * before it, when there is one. Lines not understood are counted, never fatal.
 */
public final class HistogramTextReader {
    private static final int MAX_TOTAL_WARNINGS = 5;

    private final TimeStamps timeStamps;
    private final Map<String, String> names = new HashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Open open;
    private Instant lastStamp;
    private long skippedLines;
    private long firstSkippedLineNumber;
    private String firstSkippedLine;
    private boolean moduleColumn;
    private boolean seenHeader;
    private long pid = -1;
    private String javaVersion;
    private int totalWarnings;
    private boolean lastWasRow;

    /** @param localZone the zone of time stamps that name none (the machine's, normally) */
    public HistogramTextReader(java.time.ZoneId localZone) {
        this.timeStamps = new TimeStamps(localZone);
    }

    /**
     * One snapshot as read.
     *
     * @param time           the nearest time stamp line before it, if any
     * @param rows           in file order
     * @param totalInstances the Total line's instances, when the snapshot has one
     * @param totalBytes     the Total line's bytes, when the snapshot has one
     */
    public record Snapshot(Optional<Instant> time, List<HistogramRow> rows, OptionalLong totalInstances,
            OptionalLong totalBytes) {
        public Snapshot {
            rows = List.copyOf(rows);
        }
    }

    /**
     * What a text held.
     *
     * @param moduleColumn the JDK 9+ format (a "(module)" header or module columns)
     * @param pid          the process id jcmd prints first, if present
     * @param javaVersion  the version in "java.base@17.0.15", if present
     * @param warnings     one sentence each
     */
    public record Result(List<Snapshot> snapshots, long skippedLines, List<String> warnings, boolean moduleColumn,
            OptionalLong pid, Optional<String> javaVersion) {
        public Result {
            snapshots = List.copyOf(snapshots);
            warnings = List.copyOf(warnings);
        }

        public long rowCount() {
            return snapshots.stream().mapToLong(s -> s.rows().size()).sum();
        }
    }

    /** A snapshot being read. */
    private static final class Open {
        final Instant time;
        final boolean fromHeader;
        final List<HistogramRow> rows = new ArrayList<>();
        long lastRank;
        long sumInstances;
        long sumBytes;

        Open(Instant time, boolean fromHeader) {
            this.time = time;
            this.fromHeader = fromHeader;
        }
    }

    /**
     * Reads all of {@code in}; the reader is not closed. A compressed stream that ends early (cut gzip data) is a
     * warning, not a failure: the snapshots before the damage are kept.
     *
     * @throws IOException when reading fails otherwise
     */
    public Result read(Reader in, CancellationToken cancel) throws IOException {
        LineReader lines = new LineReader(in);
        long number = 0;
        String line;
        try {
            while ((line = lines.next()) != null) {
                number++;
                if ((number & 0xFFF) == 0) {
                    cancel.throwIfCancelled();
                }
                accept(line, number);
            }
        } catch (EOFException | ZipException e) {
            return finish(false, "compressed data damaged or cut after line " + number);
        }
        return finish(!lines.lastTerminated() && lastWasRow, null);
    }

    /** Reads one line. */
    void accept(String line, long number) {
        lastWasRow = false;
        if (line.isBlank()) {
            return;
        }
        Matcher m;
        if ((m = LineShape.ROW.match(line)) != null) {
            row(m, line, number);
        } else if ((m = LineShape.TOTAL.match(line)) != null) {
            total(m, line, number);
        } else if ((m = LineShape.HEADER.match(line)) != null) {
            close(false);
            open = new Open(lastStamp, true);
            seenHeader = true;
            moduleColumn |= m.group(1) != null;
        } else if (LineShape.RULE.match(line) != null) {
            return;
        } else if ((m = LineShape.PID.match(line)) != null) {
            try {
                pid = Long.parseLong(m.group(1));
            } catch (NumberFormatException tooLong) {
                skip(line, number); // a pid of more digits than a long holds (found by fuzzing)
            }
        } else {
            Optional<Instant> stamp = timeStamps.parse(line);
            if (stamp.isPresent()) {
                lastStamp = stamp.get();
            } else {
                skip(line, number);
            }
        }
    }

    private void row(Matcher m, String line, long number) {
        long rank;
        long instances;
        long bytes;
        try {
            rank = Long.parseLong(m.group(1));
            instances = Long.parseLong(m.group(2));
            bytes = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            skip(line, number);
            return;
        }
        if (open == null || !open.rows.isEmpty() && rank <= open.lastRank) {
            close(false);
            open = new Open(lastStamp, false);
        }
        String module = m.group(5);
        if (module != null) {
            moduleColumn = true;
            if (javaVersion == null && module.startsWith("java.base@")) {
                javaVersion = module.substring("java.base@".length());
            }
        }
        open.rows.add(new HistogramRow(intern(m.group(4)), instances, bytes,
                Optional.ofNullable(module == null ? null : intern(module))));
        open.lastRank = rank;
        lastWasRow = true;
        open.sumInstances += instances;
        open.sumBytes += bytes;
    }

    private void total(Matcher m, String line, long number) {
        if (open == null) {
            skip(line, number);
            return;
        }
        long instances;
        long bytes;
        try {
            instances = Long.parseLong(m.group(1));
            bytes = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            skip(line, number);
            return;
        }
        if (open.rows.isEmpty()) {
            open = null;
            return;
        }
        if ((instances != open.sumInstances || bytes != open.sumBytes)) {
            totalWarning("snapshot " + (snapshots.size() + 1) + ": its " + open.rows.size() + " rows add up to "
                    + open.sumBytes + " bytes and " + open.sumInstances + " instances, but its Total line says "
                    + bytes + " bytes and " + instances + " instances (" + (bytes - open.sumBytes) + " bytes and "
                    + (instances - open.sumInstances) + " instances not in the rows read)");
        }
        snapshots.add(new Snapshot(Optional.ofNullable(open.time), open.rows, OptionalLong.of(instances),
                OptionalLong.of(bytes)));
        open = null;
    }

    /** Ends a snapshot that has no Total line. */
    private void close(boolean atEnd) {
        if (open == null) {
            return;
        }
        if (!open.rows.isEmpty()) {
            if (open.fromHeader || seenHeader) {
                totalWarning("snapshot " + (snapshots.size() + 1) + " has no Total line" + (atEnd
                        ? ", so the file seems cut off" : "") + ": its " + open.rows.size() + " rows read add up to "
                        + open.sumBytes + " bytes and " + open.sumInstances + " instances");
            }
            snapshots.add(new Snapshot(Optional.ofNullable(open.time), open.rows, OptionalLong.empty(),
                    OptionalLong.empty()));
        }
        open = null;
    }

    /**
     * Ends the input.
     *
     * @param lastLineCut  the last line was a row without a line break (the file may end mid-row)
     * @param inputProblem why the input stopped early (a damaged gzip stream), or null
     */
    Result finish(boolean lastLineCut, String inputProblem) {
        if (lastLineCut && open != null && !open.rows.isEmpty()) {
            HistogramRow cut = open.rows.removeLast();
            open.sumInstances -= cut.instances();
            open.sumBytes -= cut.bytes();
            skippedLines++;
            warnings.add("the last line ends mid-row without a line break; its row (" + cut.className()
                    + ") was left out");
        }
        if (inputProblem != null) {
            warnings.add("the input ends early (" + inputProblem + "); the snapshots before that point were read");
        }
        close(true);
        if (totalWarnings > MAX_TOTAL_WARNINGS) {
            warnings.add((totalWarnings - MAX_TOTAL_WARNINGS) + " more snapshots do not add up to their Total line");
        }
        if (skippedLines > 0 && firstSkippedLine != null) {
            warnings.add(skippedLines + (skippedLines == 1 ? " line was" : " lines were")
                    + " not understood and skipped (the first, line " + firstSkippedLineNumber + ": \""
                    + preview(firstSkippedLine) + "\")");
        }
        return new Result(snapshots, skippedLines, warnings, moduleColumn,
                pid >= 0 ? OptionalLong.of(pid) : OptionalLong.empty(), Optional.ofNullable(javaVersion));
    }

    private void totalWarning(String text) {
        totalWarnings++;
        if (totalWarnings <= MAX_TOTAL_WARNINGS) {
            warnings.add(text);
        }
    }

    private void skip(String line, long number) {
        skippedLines++;
        if (firstSkippedLine == null) {
            firstSkippedLine = line;
            firstSkippedLineNumber = number;
        }
    }

    private String intern(String s) {
        String known = names.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static String preview(String line) {
        StringBuilder sb = new StringBuilder();
        for (char c : line.strip().toCharArray()) {
            if (sb.length() >= 60) {
                sb.append('…');
                break;
            }
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
