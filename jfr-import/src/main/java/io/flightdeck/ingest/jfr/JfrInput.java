package io.flightdeck.ingest.jfr;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a mapped recording that decodes JFR 2.x primitives: big-endian raw values in chunk headers and
 * LEB128-style compressed integers (7 bits a byte, the ninth byte whole) everywhere else. Reading past the
 * limit throws {@link TruncatedException}, which the scanner turns into "the chunk ends here".
 */
final class JfrInput {
    private static final ValueLayout.OfLong BE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort BE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Thrown when data ends before a value does. */
    static final class TruncatedException extends RuntimeException {
        TruncatedException() {
            super("data ends inside a value", null, false, false);
        }
    }

    private final MemorySegment data;
    private long limit;
    private long position;

    JfrInput(MemorySegment data) {
        this.data = data;
        this.limit = data.byteSize();
    }

    long position() {
        return position;
    }

    void position(long newPosition) {
        this.position = newPosition;
    }

    long limit() {
        return limit;
    }

    void limit(long newLimit) {
        this.limit = Math.min(newLimit, data.byteSize());
    }

    long size() {
        return data.byteSize();
    }

    byte readByte() {
        if (position >= limit) {
            throw new TruncatedException();
        }
        return data.get(ValueLayout.JAVA_BYTE, position++);
    }

    long rawLong(long at) {
        check(at, 8);
        return data.get(BE_LONG, at);
    }

    int rawInt(long at) {
        check(at, 4);
        return data.get(BE_INT, at);
    }

    short rawShort(long at) {
        check(at, 2);
        return data.get(BE_SHORT, at);
    }

    byte rawByte(long at) {
        check(at, 1);
        return data.get(ValueLayout.JAVA_BYTE, at);
    }

    private void check(long at, int bytes) {
        if (at < 0 || at + bytes > limit) {
            throw new TruncatedException();
        }
    }

    /** A compressed long: up to eight 7-bit groups with a continuation bit, then one full byte. */
    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            int b = readByte() & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        return result | ((long) (readByte() & 0xFF) << 56);
    }

    int readVarInt() {
        return (int) readVarLong();
    }

    void skip(long bytes) {
        if (bytes < 0 || position + bytes > limit) {
            throw new TruncatedException();
        }
        position += bytes;
    }

    /**
     * Reads a JFR string: an encoding byte (0 null, 1 empty, 2 constant-pool reference, 3 UTF-8, 4 char array,
     * 5 Latin-1) then its payload. Pool references come back as {@code null}: metadata never uses them.
     */
    String readString() {
        int encoding = readByte();
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                readVarLong();
                return null;
            case 3, 5: {
                int length = readVarInt();
                if (length < 0 || position + length > limit) {
                    throw new TruncatedException();
                }
                byte[] bytes = data.asSlice(position, length).toArray(ValueLayout.JAVA_BYTE);
                position += length;
                return new String(bytes, encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            }
            case 4: {
                int length = readVarInt();
                if (length < 0) {
                    throw new TruncatedException();
                }
                StringBuilder sb = new StringBuilder(Math.min(length, 4096));
                for (int i = 0; i < length; i++) {
                    sb.append((char) readVarInt());
                }
                return sb.toString();
            }
            default:
                throw new IllegalStateException("unknown string encoding " + encoding);
        }
    }

    /** Skips a JFR string without building it. */
    void skipString() {
        int encoding = readByte();
        switch (encoding) {
            case 0, 1 -> {
            }
            case 2 -> readVarLong();
            case 3, 5 -> {
                int length = readVarInt();
                skip(length);
            }
            case 4 -> {
                int length = readVarInt();
                if (length < 0) {
                    throw new TruncatedException();
                }
                for (int i = 0; i < length; i++) {
                    readVarLong();
                }
            }
            default -> throw new IllegalStateException("unknown string encoding " + encoding);
        }
    }

    MemorySegment slice(long offset, long length) {
        return data.asSlice(offset, length);
    }
}
