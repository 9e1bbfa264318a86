package io.flightdeck.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
        private record Key(int method, int line, byte type) {
        }

        private final Map<Key, Integer> index = new HashMap<>();
        private int[] methods = new int[512];
        private int[] lines = new int[512];
        private byte[] types = new byte[512];
        private int size;

        public int intern(int method, int line, FrameType type) {
            Key key = new Key(method, line, (byte) type.ordinal());
            Integer id = index.get(key);
            if (id != null) {
                return id;
            }
            if (size == methods.length) {
                methods = Arrays.copyOf(methods, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                types = Arrays.copyOf(types, size * 2);
            }
            methods[size] = method;
            lines[size] = line;
            types[size] = key.type();
            index.put(key, size);
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
