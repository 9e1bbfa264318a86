package io.flightdeck.ingest.jfr;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ProgressListener;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Decodes the chunks of one recording: walks each to count its records, sets aside what the JDK's parser refuses
 * (empty constant pools), rebuilds a cut or unfinished chunk from what survived (see {@link ChunkRepair}), then
 * decodes it with a {@link ChunkCollector} and checks that the parser read as many events as the walk found.
 */
final class ChunkDecoder {
    private final Set<String> decodedTypes;
    /** Repeated strings of one import, kept once (see {@link ChunkData#intern}). */
    private final Map<String, String> strings;

    ChunkDecoder(Set<String> decodedTypes, Map<String, String> strings) {
        this.decodedTypes = decodedTypes;
        this.strings = strings;
    }

    ChunkOutcome decodeWholeFile(FileChannel channel, Path file, List<ChunkScanner.Span> spans,
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

    ChunkOutcome decodeChunk(Path file, FileChannel channel, List<ChunkScanner.Span> spans,
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

    static JfrInput map(FileChannel channel, Arena arena) throws IOException {
        return new JfrInput(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
    }

    static JfrMetadata metadataOf(JfrInput input, ChunkScanner.Span span) {
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
}
