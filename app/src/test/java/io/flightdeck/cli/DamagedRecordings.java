package io.flightdeck.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Makes damaged copies of a recording for tests: its constant pools scrambled, everything else intact. */
final class DamagedRecordings {
    private static final int CHECKPOINT_TYPE = 1;
    private static final int CHUNK_HEADER = 68;

    private DamagedRecordings() {
    }

    /**
     * Walks every chunk's events and overwrites the contents of each checkpoint (constant pool) event with random
     * bytes, keeping its size, type and header fields, so that the walk still finds every event but nothing that
     * refers to a pool (threads, stacks, classes, settings) can be decoded.
     */
    static Path scrambleConstantPools(Path source, Path target) throws IOException {
        byte[] b = Files.readAllBytes(source);
        ByteBuffer buf = ByteBuffer.wrap(b);
        Random random = new Random(7);
        int chunk = 0;
        while (chunk + CHUNK_HEADER <= b.length && b[chunk] == 'F' && b[chunk + 1] == 'L' && b[chunk + 2] == 'R') {
            long size = buf.getLong(chunk + 8);
            int pos = chunk + CHUNK_HEADER;
            while (pos < chunk + size) {
                long[] eventSize = varint(b, pos);
                long[] type = varint(b, (int) eventSize[1]);
                if (eventSize[0] <= 0) {
                    break;
                }
                if (type[0] == CHECKPOINT_TYPE) {
                    int body = (int) type[1];
                    for (int field = 0; field < 4; field++) { // start, duration, delta to previous, flags
                        body = (int) varint(b, body)[1];
                    }
                    for (int i = body + 2; i < pos + eventSize[0]; i++) {
                        b[i] = (byte) random.nextInt(256);
                    }
                }
                pos += (int) eventSize[0];
            }
            chunk += (int) size;
        }
        return Files.write(target, b);
    }

    /** A JFR compressed integer at {@code pos}: its value and the position after it. */
    private static long[] varint(byte[] b, int pos) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            int x = b[pos++] & 0xFF;
            if (i == 8) {
                v |= (long) x << 56;
                break;
            }
            v |= (long) (x & 0x7F) << (7 * i);
            if (x < 0x80) {
                break;
            }
        }
        return new long[]{v, pos};
    }
}
