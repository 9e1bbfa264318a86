package io.flightdeck.ingest.jfr;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProgressListener;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JFR 2.x recording into a {@link Profile}.
 * <ol>
 *   <li>Walks the chunk headers itself, so a cut or unfinished chunk is found and reported instead of silently
 *       ending the read (the JDK's {@code EventStream} stops quietly; {@code RecordingFile} throws).</li>
 *   <li>Decodes chunks in parallel, each as its own file, with the JDK's parser limited to the event types the
 *       profile uses.</li>
 *   <li>Rebuilds a cut last chunk from the records that survived (see {@link ChunkRepair}) so its data is not
 *       lost with it.</li>
 * </ol>
 * Event counts per type are taken from the record walk, exactly as {@code jfr summary} counts them.
 */
public final class JfrImporter {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ImportOptions options;
    private final Set<String> decodedTypes;
    /** Repeated strings of one import, kept once (see {@link ChunkData#intern}); cleared after each import. */
    private final Map<String, String> strings = new java.util.concurrent.ConcurrentHashMap<>();
    private final ChunkDecoder decoder;

    public JfrImporter(ImportOptions options) {
        this.options = options;
        this.decodedTypes = Set.copyOf(options.scope() == ImportOptions.Scope.FACTS ? ChunkCollector.FACT_TYPES
                : ChunkCollector.DECODED_TYPES);
        this.decoder = new ChunkDecoder(decodedTypes, strings);
    }

    /**
     * @param gzip the file is gzip-compressed (it is unpacked to a temporary file first)
     */
    public Profile read(Path file, boolean gzip, ProgressListener progress, CancellationToken cancel)
            throws ImportException {
        Path work = null;
        try {
            work = Files.createTempDirectory("flightdeck-import-");
            Path source = file;
            if (gzip) {
                progress.progress(0, "unpacking " + file.getFileName());
                source = work.resolve("unpacked.jfr");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new ImportException(file, "gzip-compressed, but it could not be unpacked (" + e.getMessage() + ")");
                }
            }
            return readUncompressed(file, source, gzip, work, progress, cancel);
        } catch (IOException e) {
            throw new ImportException(file, "could not be read (" + e.getMessage() + ")", e);
        } finally {
            strings.clear();
            deleteQuietly(work);
        }
    }

    private Profile readUncompressed(Path original, Path file, boolean gzip, Path work, ProgressListener progress,
            CancellationToken cancel) throws IOException, ImportException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ChunkScanner.Layout layout;
            try (Arena arena = Arena.ofConfined()) {
                layout = ChunkScanner.layout(ChunkDecoder.map(channel, arena));
            }
            if (layout.spans().isEmpty()) {
                throw new ImportException(original, "no readable JFR chunk (" + layout.problem() + ")");
            }
            List<String> warnings = new ArrayList<>();
            List<ChunkScanner.Span> spans = layout.spans();
            String format = "JFR " + spans.getFirst().header().major() + "." + spans.getFirst().header().minor();

            boolean direct = spans.size() == 1 && spans.getFirst().complete()
                    || options.parallelism() == 1 && spans.stream().allMatch(ChunkScanner.Span::complete);
            ChunkMerge merge = new ChunkMerge();
            ChunkOutcome whole = null;
            if (direct && spans.size() > 1 && !anyEmptyPools(channel, spans)) {
                try {
                    whole = decoder.decodeWholeFile(channel, file, spans, progress, cancel);
                } catch (RuntimeException | InternalError e) {
                    if (e instanceof CancellationException ce) {
                        throw ce;
                    }
                    // damaged somewhere (the JDK's parser says InternalError for malformed metadata): the
                    // chunk-by-chunk path below keeps what is intact and says what was lost
                }
            }
            if (whole != null) {
                merge.accept(whole);
            } else if (direct && spans.size() > 1) {
                // a chunk must be rewritten for the JDK's parser: each chunk from a copy of its own
                decodeChunks(file, channel, spans, work, false, size, progress, cancel, merge);
            } else {
                decodeChunks(file, channel, spans, work, direct, size, progress, cancel, merge);
            }
            warnings.addAll(merge.warnings);
            Map<String, long[]> counts = merge.counts;
            if (layout.problem() != null && layout.spans().getLast().complete()) {
                warnings.addFirst("the recording is damaged: " + layout.problem() + "; the chunks before it were read");
            }
            if (merge.decodedChunks == 0) {
                throw new ImportException(original, "no readable data: " + String.join("; ", warnings));
            }
            if (merge.decodedEvents == 0 && !cancel.isCancelled()) {
                long otherEvents = counts.entrySet().stream().filter(e -> !e.getKey().equalsIgnoreCase(JfrTypes.CHECKPOINT_RECORD)
                        && !e.getKey().equals(JfrTypes.METADATA_RECORD)).mapToLong(e -> e.getValue()[0]).sum();
                if (merge.lostEvents > 0 || otherEvents > 0) {
                    // events were there and none could be read: a damaged file, and a clean-looking empty report
                    // would hide that
                    throw new ImportException(original, "no event could be decoded (the recording's constant pools "
                            + "or metadata are damaged)" + (warnings.isEmpty() ? "" : ": " + warnings.getFirst()));
                }
                // a recording stripped to its metadata and constant pools: read, and said to be empty
                warnings.add("the recording holds no events, only its metadata and constant pools");
            }
            Map<String, EventTypeStats> stats = new HashMap<>();
            counts.forEach((name, c) -> stats.put(name, new EventTypeStats(name, c[0], c[1])));
            progress.progress(1, "assembling the profile");
            Profile profile = merge.assembler.build(
                    new SourceInfo(original, SourceKind.JFR, format + (gzip ? " (gzip)" : ""), Files.size(original),
                            warnings, 0),
                    spans.getFirst().header().major() + "." + spans.getFirst().header().minor(), stats);
            return profile;
        }
    }

    /** True when a chunk has a constant pool without constants, which the JDK's parser refuses (see EmptyPools). */
    private static boolean anyEmptyPools(FileChannel channel, List<ChunkScanner.Span> spans) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            JfrInput input = ChunkDecoder.map(channel, arena);
            for (ChunkScanner.Span span : spans) {
                try {
                    if (!EmptyPools.find(input, span, ChunkDecoder.metadataOf(input, span)).isEmpty()) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // damaged metadata: the chunk-by-chunk path reports it
                    return true;
                }
            }
        }
        return false;
    }

    private void decodeChunks(Path file, FileChannel channel, List<ChunkScanner.Span> spans, Path work,
            boolean direct, long size, ProgressListener progress, CancellationToken cancel, ChunkMerge merge)
            throws IOException {
        int threads = Math.min(options.parallelism(), spans.size());
        AtomicLongArray done = new AtomicLongArray(spans.size());
        Runnable report = () -> {
            long sum = 0;
            for (int i = 0; i < done.length(); i++) {
                sum += done.get(i);
            }
            progress.progress(Math.min(0.99, sum / (double) Math.max(1, size)),
                    "reading " + spans.size() + (spans.size() == 1 ? " chunk" : " chunks"));
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<ChunkOutcome>> futures = new ArrayList<>();
            for (ChunkScanner.Span span : spans) {
                futures.add(pool.submit(() -> decoder.decodeChunk(file, channel, spans, span, work, direct, done, report,
                        cancel)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    merge.accept(futures.get(i).get());
                    futures.set(i, null);
                } catch (ExecutionException e) {
                    cancel.cancel();
                    Throwable cause = e.getCause();
                    if (cause instanceof CancellationException ce) {
                        throw ce;
                    }
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    throw new CancellationException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }


    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "flightdeck-import-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            Collections.sort(paths, Comparator.reverseOrder());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // temporary files are best effort; the OS cleans the temp directory
        }
    }
}
