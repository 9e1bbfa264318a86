package io.flightdeck.model;

import java.util.Arrays;

/** Distinct frames: a method, a line number ({@code -1} when unknown) and a {@link FrameType}. */
public final class FrameTable {
    private final int[] methods;
    private final int[] lines;
    private final byte[] types;

    FrameTable(int[] methods, int[] lines, byte[] types) {
        this.methods = methods;
        this.lines = lines;
        this.types = types;
    }

    public int size() {
        return methods.length;
    }

    public int method(int frame) {
        return methods[frame];
    }

    public int line(int frame) {
        return lines[frame];
    }

    public FrameType type(int frame) {
        return FrameType.of(types[frame]);
    }

    public static final class Builder {
        private final IntArrayHashIndex index = new IntArrayHashIndex();
        private int[] methods = new int[512];
        private int[] lines = new int[512];
        private byte[] types = new byte[512];
        private int size;

        public int intern(int method, int line, FrameType type) {
            byte t = (byte) type.ordinal();
            int hash = (method * 31 + line) * 31 + t;
            int found = index.find(hash, id -> methods[id] == method && lines[id] == line && types[id] == t);
            if (found >= 0) {
                return found;
            }
            if (size == methods.length) {
                methods = Arrays.copyOf(methods, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                types = Arrays.copyOf(types, size * 2);
            }
            methods[size] = method;
            lines[size] = line;
            types[size] = t;
            index.put(hash, size);
            return size++;
        }

        public int size() {
            return size;
        }

        public int method(int frame) {
            return methods[frame];
        }

        public int line(int frame) {
            return lines[frame];
        }

        public FrameType type(int frame) {
            return FrameType.of(types[frame]);
        }

        public FrameTable build() {
            return new FrameTable(Arrays.copyOf(methods, size), Arrays.copyOf(lines, size), Arrays.copyOf(types, size));
        }
    }
}
