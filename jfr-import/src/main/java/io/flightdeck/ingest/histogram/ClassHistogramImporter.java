package io.flightdeck.ingest.histogram;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.ClassHistogram;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.HistogramRow;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code jmap -histo} / {@code jcmd <pid> GC.class_histogram} text (JDK 9+ with the module column, JDK 8
 * and older without; plain or gzip-compressed; one snapshot or many appended) into a {@link Profile} of kind
 * {@link SourceKind#CLASS_HISTOGRAM} whose only data are its {@link Profile#histograms() histograms}.
 */
public final class ClassHistogramImporter {
    /** The {@link ClassHistogram#origin()} of snapshots read from text. */
    public static final String ORIGIN = "class-histogram";
    static final String FORMAT_JDK9 = "class histogram (JDK 9+)";
    static final String FORMAT_JDK8 = "class histogram (JDK 8)";
    private static final Duration ESTIMATE_STEP = Duration.ofSeconds(1);
    private static final long PROGRESS_STEP_BYTES = 1 << 20;

    private final ZoneId localZone;

    public ClassHistogramImporter() {
        this(ZoneId.systemDefault());
    }

    /** @param localZone the zone of time stamp lines that name none */
    public ClassHistogramImporter(ZoneId localZone) {
        this.localZone = localZone;
    }

    /**
     * @param gzip the file is gzip-compressed
     * @throws ImportException                            the file cannot be read or holds no histogram rows
     * @throws java.util.concurrent.CancellationException the token was cancelled
     */
    public Profile read(Path file, boolean gzip, ProgressListener progress, CancellationToken cancel)
            throws ImportException {
        long size;
        Instant modified;
        HistogramTextReader.Result result;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
            progress.progress(0, "reading " + file.getFileName());
            try (InputStream raw = new Progress(Files.newInputStream(file), size, file.getFileName().toString(), progress);
                    InputStream in = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw;
                    Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                result = new HistogramTextReader(localZone).read(text, cancel);
            }
        } catch (NoSuchFileException e) {
            throw new ImportException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new ImportException(file, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new ImportException(file, "could not be read (" + e.getMessage() + ")", e);
        }
        if (result.rowCount() == 0) {
            throw new ImportException(file, "holds no class histogram rows"
                    + (result.skippedLines() > 0 ? " (" + result.skippedLines()
                            + (result.skippedLines() == 1 ? " line" : " lines") + " not understood)" : ""));
        }
        progress.progress(1, "assembling the histograms");
        List<String> warnings = new ArrayList<>(result.warnings());
        List<ClassHistogram> histograms = histograms(result.snapshots(), modified, warnings);
        String format = result.moduleColumn() ? FORMAT_JDK9 : FORMAT_JDK8;
        SourceInfo source = new SourceInfo(file, SourceKind.CLASS_HISTOGRAM, format, size, warnings,
                result.skippedLines());
        RecordingInfo info = new RecordingInfo(result.moduleColumn() ? "JDK 9+" : "JDK 8",
                histograms.getFirst().time(), histograms.getLast().time(), 0, Optional.empty(), Optional.empty(),
                result.javaVersion(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                result.pid(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());
        return new Profile(source, info, new SymbolTable.Builder().build(), new MethodTable.Builder().build(),
                new FrameTable.Builder().build(), new StackTable.Builder().build(), new ThreadTable.Builder().build(),
                Map.of(), Map.of(), List.of(), List.of(), List.of(), histograms, List.of(), Map.of(), Map.of());
    }

    /**
     * Dates the snapshots and sorts their rows by bytes. Snapshots without a time stamp before them are placed
     * 1 s apart: before the first dated one, or, when none is dated, ending at the file's last-modified time.
     */
    static List<ClassHistogram> histograms(List<HistogramTextReader.Snapshot> snapshots, Instant modified,
            List<String> warnings) {
        int undated = 0;
        while (undated < snapshots.size() && snapshots.get(undated).time().isEmpty()) {
            undated++;
        }
        Instant anchor;
        if (undated == snapshots.size()) {
            anchor = modified.plus(ESTIMATE_STEP);
            warnings.add(snapshots.size() == 1
                    ? "no time stamp line precedes the snapshot, so its time is estimated as the file's last-modified time"
                    : "no time stamp line precedes the snapshots, so their times are estimated: the last at the file's "
                            + "last-modified time, the others 1 s apart before it");
        } else {
            anchor = snapshots.get(undated).time().orElseThrow();
            if (undated > 0) {
                warnings.add(undated + (undated == 1 ? " snapshot comes" : " snapshots come")
                        + " before the first time stamp line, so " + (undated == 1 ? "its time is" : "their times are")
                        + " estimated (1 s apart before it)");
            }
        }
        List<ClassHistogram> result = new ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            HistogramTextReader.Snapshot s = snapshots.get(i);
            Instant time = i < undated ? anchor.minus(ESTIMATE_STEP.multipliedBy(undated - i)) : s.time().orElseThrow();
            List<HistogramRow> rows = new ArrayList<>(s.rows());
            rows.sort(Comparator.comparingLong(HistogramRow::bytes).reversed().thenComparing(HistogramRow::className));
            result.add(new ClassHistogram(time, ORIGIN, rows));
        }
        result.sort(Comparator.comparing(ClassHistogram::time));
        return result;
    }

    /** Counts the bytes read from the file and reports the fraction now and then. */
    private static final class Progress extends FilterInputStream {
        private final long size;
        private final String name;
        private final ProgressListener listener;
        private long count;
        private long nextReport = PROGRESS_STEP_BYTES;

        Progress(InputStream in, long size, String name, ProgressListener listener) {
            super(in);
            this.size = Math.max(1, size);
            this.name = name;
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count >= nextReport) {
                nextReport = count + PROGRESS_STEP_BYTES;
                listener.progress(Math.min(1.0, (double) count / size), "reading " + name);
            }
        }
    }
}
