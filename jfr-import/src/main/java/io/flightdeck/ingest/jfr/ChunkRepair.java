package io.flightdeck.ingest.jfr;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the readable part of a cut or unfinished chunk into a complete chunk the JDK's parser accepts: every
 * complete record, a header that points at the last complete constant pool (or at an empty one when none
 * survived) and at a metadata record (the chunk's own, or a borrowed one proven to fit), and a duration taken
 * from the last event kept. Events a borrowed metadata does not describe exactly are turned into records the
 * parser skips. Events whose constants were in a lost pool decode without them (no stack, no names).
 */
final class ChunkRepair {
    /**
     * A repaired chunk written to a file.
     *
     * @param countsByType records kept per type id (count, bytes), as the import reports them
     * @param metadata     the metadata the chunk was decoded with
     * @param note         what was recovered and with what, for the warning
     */
    record Result(Path file, Map<Long, long[]> countsByType, JfrMetadata metadata, Map<Long, String> eventNames,
            long durationNanos, String note) {
    }

    private ChunkRepair() {
    }

    /**
     * @return the repaired chunk, or {@code null} with nothing written when no constant pool or no fitting
     *         metadata survived ({@code why[0]} then says which)
     */
    static Result repair(JfrInput in, ChunkScanner.Span span, ChunkScanner.Walk walk,
            List<MetadataCandidate> candidates, Path target, String[] why) throws IOException {
        long chunkStart = span.offset();
        boolean ownMetadata = walk.lastMetadata() >= 0;
        long usableEnd = walk.endOfRecords();
        if (usableEnd <= chunkStart + ChunkScanner.HEADER_SIZE) {
            why[0] = "not one complete record survived";
            return null;
        }

        JfrMetadata metadata;
        MetadataCandidate borrowed = null;
        Set<Long> rejectedTypes = new HashSet<>();
        Map<Long, Long> remapped = new HashMap<>();
        Map<Long, String> eventNames;
        if (ownMetadata) {
            in.position(walk.lastMetadata());
            metadata = JfrMetadata.read(in);
            eventNames = metadata.eventNames();
        } else {
            Choice best = null;
            for (MetadataCandidate candidate : candidates) {
                Choice choice = evaluate(in, walk, usableEnd, candidate);
                if (choice != null && (best == null || choice.keptEvents > best.keptEvents)) {
                    best = choice;
                }
            }
            if (best == null || best.keptEvents == 0) {
                why[0] = "its metadata (the description of its event types) was lost and no known description fits";
                return null;
            }
            borrowed = best.candidate;
            metadata = borrowed.metadata();
            rejectedTypes = best.rejectedTypes;
            remapped = best.remapped;
            // only ids proven by the chunk's own events are named (settings of other ids cannot be trusted)
            eventNames = new HashMap<>();
            for (Long id : best.verifiedTypes) {
                eventNames.put(id, metadata.eventName(remapped.getOrDefault(id, id)));
            }
        }

        // copy the usable records, neutralising events of rejected types
        int length = Math.toIntExact(usableEnd - chunkStart);
        byte[] bytes = in.slice(chunkStart, length).toArray(ValueLayout.JAVA_BYTE);
        Map<Long, long[]> kept = new HashMap<>();
        long maxTicks = span.header().startTicks();
        long lostEvents = 0;
        for (int r = 0; r < walk.recordCount(); r++) {
            long at = walk.recordStarts()[r];
            if (at >= usableEnd) {
                break;
            }
            in.position(at);
            long size = in.readVarLong();
            long typeStart = in.position();
            long type = in.readVarLong();
            int typeLength = (int) (in.position() - typeStart);
            long ticks = in.readVarLong();
            if (rejectedTypes.contains(type)) {
                writePaddedVarLong(bytes, (int) (typeStart - chunkStart), typeLength, JfrMetadata.METADATA_TYPE_ID);
                lostEvents++;
                continue;
            }
            Long mappedType = remapped.get(type);
            if (mappedType != null) {
                writePaddedVarLong(bytes, (int) (typeStart - chunkStart), typeLength, mappedType);
                type = mappedType;
            }
            long[] c = kept.computeIfAbsent(type, k -> new long[2]);
            c[0]++;
            c[1] += size;
            if (type > JfrMetadata.CHECKPOINT_TYPE_ID && ticks > maxTicks) {
                maxTicks = ticks;
            }
        }
        // constant pools: the last complete one (it links back to the earlier ones), or an empty one when none
        // survived, so events still decode (without stack traces and names)
        byte[] emptyPool = walk.lastCheckpoint() < 0 ? emptyCheckpoint(span.header().startTicks()) : new byte[0];
        long checkpointPosition = walk.lastCheckpoint() < 0 ? length : walk.lastCheckpoint() - chunkStart;
        long metadataPosition = ownMetadata ? walk.lastMetadata() - chunkStart : length + emptyPool.length;
        long totalSize = length + emptyPool.length + (borrowed == null ? 0 : borrowed.record().length);
        long eventsAfterLastPool = 0;
        for (int r = 0; r < walk.recordCount(); r++) {
            if (walk.recordStarts()[r] > walk.lastCheckpoint()) {
                in.position(walk.recordStarts()[r]);
                in.readVarLong();
                long type = in.readVarLong();
                if (type > JfrMetadata.CHECKPOINT_TYPE_ID && !rejectedTypes.contains(type)) {
                    eventsAfterLastPool++;
                }
            }
        }
        long ticksPerSecond = span.header().ticksPerSecond();
        long durationNanos = ticksPerSecond <= 0 ? 0
                : (long) ((maxTicks - span.header().startTicks()) * (1_000_000_000.0 / ticksPerSecond));

        ByteBuffer header = ByteBuffer.wrap(bytes, 0, ChunkScanner.HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        header.putLong(8, totalSize);
        header.putLong(16, checkpointPosition);
        header.putLong(24, metadataPosition);
        header.putLong(40, Math.max(0, durationNanos));
        bytes[64] = 0; // finished
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(bytes));
            writeFully(out, ByteBuffer.wrap(emptyPool));
            if (borrowed != null) {
                writeFully(out, ByteBuffer.wrap(borrowed.record()));
            }
        }
        if (borrowed != null) {
            long[] md = kept.computeIfAbsent(JfrMetadata.METADATA_TYPE_ID, k -> new long[2]);
            md[0]++;
            md[1] += borrowed.record().length;
        }
        StringBuilder note = new StringBuilder();
        if (borrowed != null) {
            note.append("its own metadata was lost; it was decoded with the metadata of ").append(borrowed.origin());
            if (lostEvents > 0) {
                note.append(", which does not describe ").append(lostEvents).append(" of its events (left out)");
            }
        }
        if (walk.lastCheckpoint() < 0) {
            note.append(note.isEmpty() ? "" : "; ").append("none of its constant pools survived, so its events have no ")
                    .append("stack traces, thread names or class names");
        } else if (eventsAfterLastPool > 0) {
            note.append(note.isEmpty() ? "" : "; ").append(eventsAfterLastPool)
                    .append(" events written after its last complete constant pool may lack stack traces or names");
        }
        return new Result(target, kept, metadata, eventNames, Math.max(0, durationNanos), note.toString());
    }

    private record Choice(MetadataCandidate candidate, long keptEvents, Set<Long> rejectedTypes,
            Map<Long, Long> remapped, Set<Long> verifiedTypes) {
    }

    /**
     * Scores a borrowed metadata: every constant pool must fit. Event types are kept when all their events fit the
     * type of the same id; an id whose events fit exactly one other event type is mapped onto it (the JVM numbers
     * Java-defined event types in the order their classes load, which differs a little from run to run);
     * anything else is left out.
     */
    private static Choice evaluate(JfrInput in, ChunkScanner.Walk walk, long usableEnd, MetadataCandidate candidate) {
        LayoutValidator validator = new LayoutValidator(candidate.metadata());
        Map<Long, List<Long>> eventsByType = new HashMap<>();
        for (int r = 0; r < walk.recordCount(); r++) {
            long at = walk.recordStarts()[r];
            if (at >= usableEnd) {
                break;
            }
            in.position(at);
            in.readVarLong();
            long type = in.readVarLong();
            if (type == JfrMetadata.CHECKPOINT_TYPE_ID) {
                if (!validator.checkpointFits(in, at)) {
                    return null;
                }
            } else if (type != JfrMetadata.METADATA_TYPE_ID) {
                eventsByType.computeIfAbsent(type, k -> new ArrayList<>()).add(at);
            }
        }
        long kept = 0;
        Set<Long> rejected = new HashSet<>();
        Set<Long> verified = new HashSet<>();
        Map<Long, Long> remapped = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        List<Long> unresolved = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : eventsByType.entrySet()) {
            if (allFit(in, validator, e.getValue(), e.getKey())) {
                kept += e.getValue().size();
                verified.add(e.getKey());
                taken.add(e.getKey());
            } else {
                unresolved.add(e.getKey());
            }
        }
        unresolved.sort(null);
        List<Long> eventTypeIds = new ArrayList<>(candidate.metadata().eventNames().keySet());
        eventTypeIds.sort(null);
        for (Long id : unresolved) {
            List<Long> starts = eventsByType.get(id);
            Long match = null;
            int matches = 0;
            for (Long other : eventTypeIds) {
                if (other.equals(id) || taken.contains(other) || varLongLength(other) > typeFieldLength(in, starts.getFirst())) {
                    continue;
                }
                if (allFit(in, validator, starts, other)) {
                    match = other;
                    matches++;
                }
            }
            if (matches == 1) {
                remapped.put(id, match);
                taken.add(match);
                verified.add(id);
                kept += starts.size();
            } else {
                rejected.add(id);
            }
        }
        return new Choice(candidate, kept, rejected, remapped, verified);
    }

    private static boolean allFit(JfrInput in, LayoutValidator validator, List<Long> starts, long asType) {
        for (Long at : starts) {
            if (!validator.eventFits(in, at, asType)) {
                return false;
            }
        }
        return true;
    }

    private static int typeFieldLength(JfrInput in, long recordStart) {
        in.position(recordStart);
        in.readVarLong();
        long start = in.position();
        in.readVarLong();
        return (int) (in.position() - start);
    }

    private static int varLongLength(long value) {
        int length = 1;
        while (length < 9 && (value >>> (7 * length)) != 0) {
            length++;
        }
        return length;
    }

    /** A checkpoint record with no constant pools: size, type 1, start time, duration 0, delta 0, flags 0, 0 pools. */
    private static byte[] emptyCheckpoint(long startTicks) {
        int ticksLength = varLongLength(startTicks);
        int size = 4 + 1 + ticksLength + 4;
        byte[] record = new byte[size];
        writePaddedVarLong(record, 0, 4, size);
        record[4] = (byte) JfrMetadata.CHECKPOINT_TYPE_ID;
        writePaddedVarLong(record, 5, ticksLength, startTicks);
        return record; // the remaining four bytes are zero: duration, delta, flags, pool count
    }

    /** Writes {@code value} as a compressed long of exactly {@code length} bytes (continuation bits as padding). */
    static void writePaddedVarLong(byte[] target, int offset, int length, long value) {
        for (int i = 0; i < length; i++) {
            boolean last = i == length - 1;
            if (i == 8) {
                target[offset + i] = (byte) (value >>> 56);
            } else {
                int group = (int) ((value >>> (7 * i)) & 0x7F);
                target[offset + i] = (byte) (last ? group : group | 0x80);
            }
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
