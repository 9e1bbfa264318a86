package io.flightdeck.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interned strings (class names, host names, paths, messages) addressed by dense {@code int} ids.
 * Id {@code -1} means "absent" everywhere in the model.
 */
public final class SymbolTable {
    public static final int NONE = -1;

    private final String[] values;

    SymbolTable(String[] values) {
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    /** The string for {@code id}, or {@code null} for {@link #NONE}. */
    public String get(int id) {
        return id < 0 ? null : values[id];
    }

    /** Builds a table while reading; not thread-safe (one per reader thread). */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private String[] values = new String[64];
        private int size;

        public int intern(String value) {
            if (value == null) {
                return NONE;
            }
            Integer id = index.get(value);
            if (id != null) {
                return id;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size] = value;
            index.put(value, size);
            return size++;
        }

        public String get(int id) {
            return id < 0 ? null : values[id];
        }

        public int size() {
            return size;
        }

        public SymbolTable build() {
            return new SymbolTable(Arrays.copyOf(values, size));
        }
    }
}
