package io.flightdeck.ingest.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Some JFR writers other than the JDK (a Go profiler client, for one) write a constant pool with no constants in
 * a checkpoint. The JDK's parser refuses such a chunk as a whole ("Pool ... must contain at least one element"),
 * although nothing in it is wrong: an empty pool simply adds nothing. This finds those pools and rewrites each
 * affected checkpoint in place, byte for byte the same length: its non-empty pools first, then the empty ones,
 * and a pool count (padded to its old width) that stops before them, so the parser never reaches them.
 */
final class EmptyPools {
    private static final int MAX_CHECKPOINTS = 1 << 20;

    /** Bytes to write over the chunk at {@code offset} (relative to the chunk's start). */
    record Patch(long offset, byte[] bytes) {
    }

    /** What the rewrite found: the patches and the number of empty pools set aside. */
    record Result(List<Patch> patches, int emptyPools) {
        boolean isEmpty() {
            return patches.isEmpty();
        }
    }

    private EmptyPools() {
    }

    /**
     * Follows the chunk's checkpoint chain (from the header's constant pool position back through each
     * checkpoint's delta) and returns the rewrites its empty pools need; none when there are none, or when a
     * checkpoint cannot be walked with this metadata (then the parser's own message stands).
     */
    static Result find(JfrInput in, ChunkScanner.Span span, JfrMetadata metadata) {
        long chunkStart = span.offset();
        long chunkEnd = chunkStart + span.availableBytes();
        long savedLimit = in.limit();
        List<Patch> patches = new ArrayList<>();
        LayoutValidator layout = new LayoutValidator(metadata);
        int empty = 0;
        try {
            long pos = chunkStart + span.header().constantPoolPosition();
            for (int n = 0; n < MAX_CHECKPOINTS && pos > chunkStart && pos < chunkEnd; n++) {
                in.limit(chunkEnd);
                in.position(pos);
                long size = in.readVarLong();
                if (in.readVarLong() != JfrMetadata.CHECKPOINT_TYPE_ID || size <= 0 || pos + size > chunkEnd) {
                    break;
                }
                long end = pos + size;
                in.limit(end);
                in.readVarLong(); // start time
                in.readVarLong(); // duration
                long delta = in.readVarLong();
                in.readByte(); // checkpoint kind
                long countAt = in.position();
                int pools = in.readVarInt();
                int countWidth = (int) (in.position() - countAt);
                List<long[]> full = new ArrayList<>(); // {from, to}
                List<long[]> none = new ArrayList<>();
                for (int p = 0; p < pools; p++) {
                    long from = in.position();
                    JfrMetadata.Type type = metadata.type(in.readVarLong());
                    int count = in.readVarInt();
                    if (count > 0 && type == null) {
                        return new Result(List.of(), 0); // a layout we cannot walk: leave the chunk as it is
                    }
                    for (int i = 0; i < count; i++) {
                        in.readVarLong(); // constant key
                        layout.skipValue(in, type, 0);
                    }
                    (count == 0 ? none : full).add(new long[]{from, in.position()});
                }
                if (!none.isEmpty()) {
                    long poolsEnd = in.position();
                    byte[] bytes = new byte[(int) (poolsEnd - countAt)];
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    b.put(paddedVarInt(full.size(), countWidth));
                    for (long[] r : full) {
                        b.put(in.slice(r[0], r[1] - r[0]).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                    }
                    for (long[] r : none) {
                        b.put(in.slice(r[0], r[1] - r[0]).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                    }
                    patches.add(new Patch(countAt - chunkStart, bytes));
                    empty += none.size();
                }
                if (delta == 0) {
                    break;
                }
                pos += delta;
            }
        } catch (RuntimeException e) {
            return new Result(List.of(), 0);
        } finally {
            in.limit(savedLimit);
        }
        return new Result(List.copyOf(patches), empty);
    }

    /** Writes the patches over a copy of the chunk that starts at byte 0 of {@code channel}. */
    static void apply(Result result, FileChannel channel) throws IOException {
        for (Patch p : result.patches()) {
            ByteBuffer b = ByteBuffer.wrap(p.bytes());
            long at = p.offset();
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
        }
    }

    /** {@code value} as a compressed int of exactly {@code width} bytes (continuation bits on all but the last). */
    static byte[] paddedVarInt(int value, int width) {
        byte[] out = new byte[width];
        long v = value;
        for (int i = 0; i < width; i++) {
            int group = (int) (v & 0x7F);
            v >>>= 7;
            out[i] = (byte) (i < width - 1 ? group | 0x80 : group);
        }
        return out;
    }
}
