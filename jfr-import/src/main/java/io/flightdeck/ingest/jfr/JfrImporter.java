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

    public JfrImporter(ImportOptions options) {
        this.options = options;
        this.decodedTypes = Set.copyOf(options.scope() == ImportOptions.Scope.FACTS ? ChunkCollector.FACT_TYPES
                : ChunkCollector.DECODED_TYPES);
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
                layout = ChunkScanner.layout(map(channel, arena));
            }
            if (layout.spans().isEmpty()) {
                throw new ImportException(original, "no readable JFR chunk (" + layout.problem() + ")");
            }
            List<String> warnings = new ArrayList<>();
            List<ChunkScanner.Span> spans = layout.spans();
            String format = "JFR " + spans.getFirst().header().major() + "." + spans.getFirst().header().minor();

            boolean direct = spans.size() == 1 && spans.getFirst().complete()
                    || options.parallelism() == 1 && spans.stream().allMatch(ChunkScanner.Span::complete);
            Merge merge = new Merge();
            ChunkOutcome whole = null;
            if (direct && spans.size() > 1 && !anyEmptyPools(channel, spans)) {
                try {
                    whole = decodeWholeFile(channel, file, spans, progress, cancel);
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
            JfrInput input = map(channel, arena);
            for (ChunkScanner.Span span : spans) {
                try {
                    if (!EmptyPools.find(input, span, metadataOf(input, span)).isEmpty()) {
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

    /** Folds chunk outcomes, in chunk order, into the profile being assembled, the counts and the warnings. */
    private static final class Merge {
        final ProfileAssembler assembler = new ProfileAssembler();
        final Map<String, long[]> counts = new HashMap<>();
        final List<String> warnings = new ArrayList<>();
        int decodedChunks;
        /** Events of the types Flightdeck reads that were decoded whole, over all chunks. */
        long decodedEvents;
        /** Events the walk found that could not be decoded (damaged data). */
        long lostEvents;

        void accept(ChunkOutcome outcome) {
            warnings.addAll(outcome.warnings());
            if (outcome.data() == null) {
                return;
            }
            decodedChunks++;
            outcome.data().decodedCounts.forEach((type, n) -> decodedEvents += n[0]);
            outcome.data().failedCounts.forEach((type, n) -> decodedEvents -= n[0]);
            lostEvents += outcome.data().lostEvents;
            assembler.add(new ProfileAssembler.DecodedChunk(outcome.data(), outcome.startNanos(), outcome.endNanos(),
                    outcome.chunks()));
            outcome.counts().forEach((name, c) -> {
                long[] total = counts.computeIfAbsent(name, k -> new long[2]);
                total[0] += c[0];
                total[1] += c[1];
            });
        }
    }

    /** What became of one chunk: its data (null when nothing could be decoded), counts by type name, warnings. */
    private record ChunkOutcome(ChunkData data, Map<String, long[]> counts, long startNanos, long endNanos,
            int chunks, List<String> warnings) {
    }

    private ChunkOutcome decodeWholeFile(FileChannel channel, Path file, List<ChunkScanner.Span> spans,
            ProgressListener progress, CancellationToken cancel) throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        long expected = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ChunkScanner.Span span : spans) {
            cancel.throwIfCancelled();
            try (Arena arena = Arena.ofConfined()) {
                JfrInput input = map(channel, arena);
                ChunkScanner.Walk walk = ChunkScanner.walk(input, span, false);
                JfrMetadata metadata = metadataOf(input, span);
                names.putAll(metadata.eventNames());
                expected += addCounts(counts, walk.countsByType(), metadata);
            }
            start = Math.min(start, span.header().startNanos());
            end = Math.max(end, span.header().startNanos() + span.header().durationNanos());
        }
        long expectedDecoded = expected;
        ChunkData data = new ChunkCollector(names, decodedTypes, strings, cancel, handled -> progress.progress(
                Math.min(0.99, handled / (double) Math.max(1, expectedDecoded)), "decoding events")).read(file);
        List<String> warnings = new ArrayList<>();
        checkComplete(data, counts, "the recording", warnings);
        return new ChunkOutcome(data, counts, start, end, spans.size(), warnings);
    }

    private void decodeChunks(Path file, FileChannel channel, List<ChunkScanner.Span> spans, Path work,
            boolean direct, long size, ProgressListener progress, CancellationToken cancel, Merge merge)
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
                futures.add(pool.submit(() -> decodeChunk(file, channel, spans, span, work, direct, done, report,
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

    private ChunkOutcome decodeChunk(Path file, FileChannel channel, List<ChunkScanner.Span> spans,
            ChunkScanner.Span span, Path work, boolean direct, AtomicLongArray done, Runnable report,
            CancellationToken cancel) throws IOException {
        try {
            return decodeChunkUnguarded(file, channel, spans, span, work, direct, done, report, cancel);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException | InternalError e) {
            // damaged metadata or headers surface as runtime exceptions from our own readers, and as InternalError
            // from the JDK's parser (a type name that is not a Java name, say)
            String label = spans.size() == 1 ? "the recording" : "chunk " + (span.index() + 1) + " of " + spans.size();
            return new ChunkOutcome(null, Map.of(), 0, 0, 0,
                    List.of(label + " could not be read (" + e.getMessage() + "); its events are left out"));
        }
    }

    private ChunkOutcome decodeChunkUnguarded(Path file, FileChannel channel, List<ChunkScanner.Span> spans,
            ChunkScanner.Span span, Path work, boolean direct, AtomicLongArray done, Runnable report,
            CancellationToken cancel) throws IOException {
        cancel.throwIfCancelled();
        String label = spans.size() == 1 ? "the recording" : "chunk " + (span.index() + 1) + " of " + spans.size();
        List<String> warnings = new ArrayList<>();
        Path chunkFile;
        Map<String, long[]> counts = new HashMap<>();
        Map<Long, String> names;
        long expected;
        long durationNanos = span.header().durationNanos();
        boolean temporary = !direct;
        // the mapping lives only while this chunk is walked (and repaired): its pages leave the process after
        try (Arena arena = Arena.ofConfined()) {
            JfrInput input = map(channel, arena);
            ChunkScanner.Walk walk = ChunkScanner.walk(input, span, !span.complete());
            if (span.complete()) {
                JfrMetadata metadata = metadataOf(input, span);
                names = metadata.eventNames();
                expected = addCounts(counts, walk.countsByType(), metadata);
                if (walk.problem() != null) {
                    warnings.add(label + " is damaged (" + walk.problem() + "); it may be read only in part");
                }
                EmptyPools.Result emptyPools = EmptyPools.find(input, span, metadata);
                if (direct && emptyPools.isEmpty()) {
                    chunkFile = file;
                } else {
                    temporary = true;
                    chunkFile = Files.createTempFile(work, "chunk-" + span.index() + "-", ".jfr");
                    try (FileChannel out = FileChannel.open(chunkFile, StandardOpenOption.WRITE)) {
                        long copied = 0;
                        while (copied < span.availableBytes()) {
                            copied += channel.transferTo(span.offset() + copied, span.availableBytes() - copied, out);
                        }
                        EmptyPools.apply(emptyPools, out);
                    }
                    if (!emptyPools.isEmpty()) {
                        warnings.add(label + " has " + emptyPools.emptyPools() + " empty constant pool"
                                + (emptyPools.emptyPools() == 1 ? "" : "s") + " (written by a JFR writer other than "
                                + "the JDK); they were set aside so that the rest could be read");
                    }
                }
            } else {
                List<MetadataCandidate> candidates = new ArrayList<>();
                for (int i = span.index() - 1; i >= 0; i--) {
                    candidates.add(MetadataCandidate.fromChunk(input, spans.get(i), "chunk " + (i + 1) + " of this recording"));
                }
                candidates.addAll(MetadataCandidate.bundled());
                chunkFile = work.resolve("repaired-" + span.index() + ".jfr");
                temporary = true;
                String[] why = new String[1];
                ChunkRepair.Result repaired = ChunkRepair.repair(input, span, walk, candidates, chunkFile, why);
                long lostBytes = span.header().declaredSize() > span.availableBytes()
                        ? span.header().declaredSize() - span.availableBytes() : 0;
                String damage = span.header().declaredSize() > span.availableBytes()
                        ? "is cut: " + span.availableBytes() + " of its " + span.header().declaredSize() + " bytes ("
                                + percent(span.availableBytes(), span.header().declaredSize()) + ") are in the file"
                        : "was never finished by the JVM";
                if (repaired == null) {
                    done.set(span.index(), span.availableBytes());
                    report.run();
                    warnings.add(label + " " + damage + ", and nothing of it could be decoded: " + why[0]);
                    return new ChunkOutcome(null, Map.of(), 0, 0, 0, warnings);
                }
                names = repaired.eventNames();
                expected = addCounts(counts, repaired.countsByType(), repaired.metadata());
                durationNanos = repaired.durationNanos();
                long walked = walk.recordCount();
                long kept = repaired.countsByType().values().stream().mapToLong(c -> c[0]).sum();
                StringBuilder w = new StringBuilder(label).append(' ').append(damage).append("; ")
                        .append(kept).append(" of the records in it were read, up to ")
                        .append(String.format("%.1f", durationNanos / 1e9)).append(" s into it");
                if (!repaired.note().isEmpty()) {
                    w.append("; ").append(repaired.note());
                }
                if (lostBytes > 0 || walked > kept) {
                    w.append("; the rest is lost");
                }
                warnings.add(w.toString());
            }
        }
        try {
            long expectedDecoded = expected;
            long spanBytes = span.availableBytes();
            ChunkData data = new ChunkCollector(names, decodedTypes, strings, cancel,
                    handled -> {
                        done.set(span.index(), (long) (spanBytes * Math.min(1.0, handled / (double) Math.max(1, expectedDecoded))));
                        report.run();
                    }).read(chunkFile);
            done.set(span.index(), spanBytes);
            report.run();
            checkComplete(data, counts, label, warnings);
            long start = span.header().startNanos();
            return new ChunkOutcome(data, counts, start, start + durationNanos, 1, warnings);
        } catch (IOException | RuntimeException | InternalError e) {
            // the JDK's parser reports malformed metadata as InternalError: a damaged chunk, not a crash
            if (e instanceof CancellationException ce) {
                throw ce;
            }
            if (cancel.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            warnings.add(label + " could not be decoded (" + e.getMessage() + "); its events are left out");
            return new ChunkOutcome(null, Map.of(), 0, 0, 0, warnings);
        } finally {
            if (temporary) {
                Files.deleteIfExists(chunkFile);
            }
        }
    }

    /**
     * The JDK's stream stops quietly when a chunk's data is damaged; a decoded count below the walked count is
     * how that is noticed.
     */
    private static void checkComplete(ChunkData data, Map<String, long[]> counts, String label, List<String> warnings) {
        long missing = 0;
        for (Map.Entry<String, long[]> e : data.decodedCounts.entrySet()) {
            long[] walked = counts.get(e.getKey());
            if (walked != null && e.getValue()[0] < walked[0]) {
                missing += walked[0] - e.getValue()[0];
            }
        }
        for (Map.Entry<String, long[]> f : data.failedCounts.entrySet()) {
            warnings.add(label + ": " + f.getValue()[0] + " " + f.getKey() + " events could not be decoded and were "
                    + "left out (" + data.firstFailure.get(f.getKey()) + ")");
        }
        data.lostEvents = missing;
        data.failedCounts.forEach((type, n) -> data.lostEvents += n[0]);
        if (missing > 0) {
            warnings.add(label + ": decoding stopped early, " + missing
                    + " events of the types Flightdeck reads could not be decoded (damaged data)");
            for (Map.Entry<String, long[]> e : data.decodedCounts.entrySet()) {
                long[] walked = counts.get(e.getKey());
                if (walked != null) {
                    walked[0] = Math.min(walked[0], e.getValue()[0]);
                }
            }
        }
    }

    private static JfrInput map(FileChannel channel, Arena arena) throws IOException {
        return new JfrInput(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
    }

    private static JfrMetadata metadataOf(JfrInput input, ChunkScanner.Span span) {
        input.position(span.offset() + span.header().metadataPosition());
        long saved = input.limit();
        input.limit(span.offset() + span.availableBytes());
        try {
            return JfrMetadata.read(input);
        } finally {
            input.limit(saved);
        }
    }

    /** Adds walked counts under their names; returns how many of them are of types the collector decodes. */
    private long addCounts(Map<String, long[]> counts, Map<Long, long[]> byType, JfrMetadata metadata) {
        long decoded = 0;
        for (Map.Entry<Long, long[]> e : byType.entrySet()) {
            long id = e.getKey();
            String name;
            if (id == JfrMetadata.METADATA_TYPE_ID) {
                name = JfrTypes.METADATA_RECORD;
            } else if (id == JfrMetadata.CHECKPOINT_TYPE_ID) {
                name = JfrTypes.CHECKPOINT_RECORD;
            } else {
                name = metadata.eventName(id);
                if (name == null) {
                    name = id + " (missing event metadata)";
                }
            }
            long[] c = counts.computeIfAbsent(name, k -> new long[2]);
            c[0] += e.getValue()[0];
            c[1] += e.getValue()[1];
            if (decodedTypes.contains(name)) {
                decoded += e.getValue()[0];
            }
        }
        // as `jfr summary` does, a type the recording declares but has no event of is counted as 0: "recorded,
        // none happened" differs from "not recorded" (async-profiler declares its sample types whatever it samples)
        for (String declared : metadata.eventNames().values()) {
            if (ChunkCollector.DECODED_TYPES.contains(declared)) {
                counts.computeIfAbsent(declared, k -> new long[2]);
            }
        }
        return decoded;
    }

    private static String percent(long part, long whole) {
        return String.format("%.0f %%", 100.0 * part / Math.max(1, whole));
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
