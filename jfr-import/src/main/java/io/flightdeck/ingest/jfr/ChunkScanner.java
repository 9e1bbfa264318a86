package io.flightdeck.ingest.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a recording's chunk headers and, per chunk, its records (size and type only, as {@code jfr summary}
 * does), so that damage is found and described before anything is decoded.
 */
final class ChunkScanner {
    static final int HEADER_SIZE = 68;
    private static final int SMALL_IDS = 4096;
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    /** The fixed 68-byte chunk header, read raw (big-endian). */
    record Header(long offset, int major, int minor, long declaredSize, long constantPoolPosition,
            long metadataPosition, long startNanos, long durationNanos, long startTicks, long ticksPerSecond,
            int fileState, int flags) {
    }

    /**
     * One chunk as found in the file.
     *
     * @param availableBytes bytes of it present in the file (less than declared when the file is cut)
     * @param complete       all bytes present and the JVM finished writing it
     */
    record Span(int index, Header header, long availableBytes, boolean complete) {
        long offset() {
            return header.offset();
        }
    }

    /**
     * The chunks of a file.
     *
     * @param problem what ends the readable part early (a cut chunk, bytes that are not a chunk), or null
     */
    record Layout(List<Span> spans, long fileSize, String problem) {
    }

    /**
     * What a chunk's records are.
     *
     * @param countsByType       records and bytes per type id (index 0 count, 1 bytes)
     * @param endOfRecords       absolute position after the last complete record
     * @param lastCheckpoint     absolute start of the last complete checkpoint, or -1
     * @param lastCheckpointEnd  absolute end of it, or -1
     * @param lastMetadata       absolute start of the last complete metadata record, or -1
     * @param maxTicks           latest start time seen, in ticks
     * @param recordStarts       absolute start of every complete record (only when asked for)
     * @param problem            why the walk stopped before the chunk's end, or null
     */
    record Walk(Map<Long, long[]> countsByType, long endOfRecords, long lastCheckpoint, long lastCheckpointEnd,
            long lastMetadata, long lastMetadataEnd, long maxTicks, long[] recordStarts, int recordCount,
            String problem) {
    }

    private ChunkScanner() {
    }

    static Header readHeader(JfrInput in, long offset) {
        return new Header(offset, in.rawShort(offset + 4) & 0xFFFF, in.rawShort(offset + 6) & 0xFFFF,
                in.rawLong(offset + 8), in.rawLong(offset + 16), in.rawLong(offset + 24), in.rawLong(offset + 32),
                in.rawLong(offset + 40), in.rawLong(offset + 48), in.rawLong(offset + 56),
                in.rawByte(offset + 64) & 0xFF, in.rawByte(offset + 67) & 0xFF);
    }

    static Layout layout(JfrInput in) {
        long fileSize = in.size();
        List<Span> spans = new ArrayList<>();
        long offset = 0;
        String problem = null;
        while (offset < fileSize) {
            long remaining = fileSize - offset;
            if (!magicAt(in, offset, remaining)) {
                problem = remaining + " bytes after chunk " + spans.size() + " are not a JFR chunk";
                break;
            }
            if (remaining < HEADER_SIZE) {
                problem = "the file ends inside the header of chunk " + (spans.size() + 1);
                break;
            }
            Header h = readHeader(in, offset);
            if (h.major() != 2) {
                problem = "chunk " + (spans.size() + 1) + " has format version " + h.major() + "." + h.minor()
                        + ", which is not JFR 2.x";
                break;
            }
            boolean sizeFits = h.declaredSize() >= HEADER_SIZE && h.declaredSize() <= remaining;
            boolean finished = h.fileState() == 0;
            boolean positionsValid = h.metadataPosition() >= HEADER_SIZE && h.constantPoolPosition() >= HEADER_SIZE
                    && h.metadataPosition() < h.declaredSize() && h.constantPoolPosition() < h.declaredSize();
            if (sizeFits && finished && positionsValid) {
                spans.add(new Span(spans.size(), h, h.declaredSize(), true));
                offset += h.declaredSize();
                continue;
            }
            // a cut chunk, or one the JVM never finished (crash): everything to the end of the file is its
            spans.add(new Span(spans.size(), h, remaining, false));
            if (!sizeFits && h.declaredSize() > remaining) {
                problem = "chunk " + spans.size() + " is cut: " + remaining + " of its " + h.declaredSize()
                        + " bytes are in the file";
            } else if (!finished) {
                problem = "chunk " + spans.size() + " was never finished by the JVM (it was still being written)";
            } else {
                problem = "chunk " + spans.size() + " has a damaged header";
            }
            break;
        }
        return new Layout(List.copyOf(spans), fileSize, problem);
    }

    private static boolean magicAt(JfrInput in, long offset, long remaining) {
        if (remaining < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (in.rawByte(offset + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Walks the records of one chunk; with {@code keepStarts} it also remembers where each one begins. */
    static Walk walk(JfrInput in, Span span, boolean keepStarts) {
        long start = span.offset();
        long end = start + span.availableBytes();
        long savedLimit = in.limit();
        in.limit(end);
        // type ids are small; counting in arrays avoids boxing a key for each of millions of records
        long[] smallCounts = new long[SMALL_IDS];
        long[] smallBytes = new long[SMALL_IDS];
        Map<Long, long[]> counts = new HashMap<>();
        long pos = start + HEADER_SIZE;
        long lastCheckpoint = -1;
        long lastCheckpointEnd = -1;
        long lastMetadata = -1;
        long lastMetadataEnd = -1;
        long maxTicks = span.header().startTicks();
        long[] starts = keepStarts ? new long[1024] : null;
        int records = 0;
        String problem = null;
        try {
            while (pos < end) {
                in.position(pos);
                long size;
                long type;
                long ticks;
                try {
                    size = in.readVarLong();
                    type = in.readVarLong();
                    ticks = in.readVarLong();
                } catch (JfrInput.TruncatedException e) {
                    problem = "the chunk ends inside a record at byte " + pos;
                    break;
                }
                if (size <= 0 || type < 0) {
                    problem = "a damaged record (size " + size + ") at byte " + pos;
                    break;
                }
                if (pos + size > end) {
                    problem = "the chunk ends inside a record at byte " + pos;
                    break;
                }
                if (type == JfrMetadata.CHECKPOINT_TYPE_ID) {
                    lastCheckpoint = pos;
                    lastCheckpointEnd = pos + size;
                } else if (type == JfrMetadata.METADATA_TYPE_ID) {
                    lastMetadata = pos;
                    lastMetadataEnd = pos + size;
                } else if (ticks > maxTicks) {
                    maxTicks = ticks;
                }
                if (type < SMALL_IDS) {
                    smallCounts[(int) type]++;
                    smallBytes[(int) type] += size;
                } else {
                    long[] c = counts.computeIfAbsent(type, k -> new long[2]);
                    c[0]++;
                    c[1] += size;
                }
                if (starts != null) {
                    if (records == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, records * 2);
                    }
                    starts[records] = pos;
                }
                records++;
                pos += size;
            }
        } finally {
            in.limit(savedLimit);
        }
        for (int id = 0; id < SMALL_IDS; id++) {
            if (smallCounts[id] > 0) {
                counts.put((long) id, new long[]{smallCounts[id], smallBytes[id]});
            }
        }
        return new Walk(counts, pos, lastCheckpoint, lastCheckpointEnd, lastMetadata, lastMetadataEnd, maxTicks,
                starts, records, problem);
    }
}
