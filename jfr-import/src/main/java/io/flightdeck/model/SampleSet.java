package io.flightdeck.model;

import java.util.Arrays;

/**
 * Events of one {@link SampleKind} in columnar form: parallel primitive arrays, one entry per event. Times are
 * epoch nanoseconds; entries are in no particular order. Columns a kind does not use are absent and read as
 * defaults (duration 0, weight 1, key and aux -1).
 */
public final class SampleSet {
    private final SampleKind kind;
    private final int size;
    private final long[] times;
    private final int[] threads;
    private final int[] stacks;
    private final long[] durations;
    private final long[] weights;
    private final int[] keys;
    private final int[] aux;

    private SampleSet(SampleKind kind, int size, long[] times, int[] threads, int[] stacks, long[] durations,
            long[] weights, int[] keys, int[] aux) {
        this.kind = kind;
        this.size = size;
        this.times = times;
        this.threads = threads;
        this.stacks = stacks;
        this.durations = durations;
        this.weights = weights;
        this.keys = keys;
        this.aux = aux;
    }

    public static SampleSet empty(SampleKind kind) {
        return new Builder(kind, 0).build();
    }

    public SampleKind kind() {
        return kind;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Start time, epoch nanoseconds. */
    public long timeNanos(int i) {
        return times[i];
    }

    /** End time (start + duration), epoch nanoseconds. */
    public long endNanos(int i) {
        return times[i] + durationNanos(i);
    }

    public int thread(int i) {
        return threads[i];
    }

    public int stack(int i) {
        return stacks[i];
    }

    public long durationNanos(int i) {
        return durations == null ? 0 : durations[i];
    }

    public long weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    public int key(int i) {
        return keys == null ? -1 : keys[i];
    }

    public int aux(int i) {
        return aux == null ? -1 : aux[i];
    }

    /** Bytes of heap this set holds (for the import benchmark and memory budget tests). */
    public long retainedBytes() {
        long perEntry = 8 + 4 + 4 + (durations == null ? 0 : 8) + (weights == null ? 0 : 8) + (keys == null ? 0 : 4)
                + (aux == null ? 0 : 4);
        return perEntry * size;
    }

    /** Growable columns, sized for the kind's columns only. */
    public static final class Builder {
        private final SampleKind kind;
        private int size;
        private long[] times;
        private int[] threads;
        private int[] stacks;
        private long[] durations;
        private long[] weights;
        private int[] keys;
        private int[] aux;

        public Builder(SampleKind kind) {
            this(kind, 256);
        }

        /** A builder that expects about {@code capacity} entries (it grows past that when needed). */
        public Builder(SampleKind kind, int capacity) {
            this.kind = kind;
            times = new long[capacity];
            threads = new int[capacity];
            stacks = new int[capacity];
            durations = kind.hasDuration() ? new long[capacity] : null;
            weights = kind.hasWeight() ? new long[capacity] : null;
            keys = kind.hasKey() ? new int[capacity] : null;
            aux = kind.hasAux() ? new int[capacity] : null;
        }

        public SampleKind kind() {
            return kind;
        }

        public int size() {
            return size;
        }

        /** Adds one event; values for columns the kind does not have are ignored. */
        public void add(long timeNanos, int thread, int stack, long durationNanos, long weight, int key, int auxId) {
            if (size == times.length) {
                grow();
            }
            times[size] = timeNanos;
            threads[size] = thread;
            stacks[size] = stack;
            if (durations != null) {
                durations[size] = durationNanos;
            }
            if (weights != null) {
                weights[size] = weight;
            }
            if (keys != null) {
                keys[size] = key;
            }
            if (aux != null) {
                aux[size] = auxId;
            }
            size++;
        }

        /**
         * Appends everything in {@code other} (a builder of the same kind), passing thread, stack, key and aux ids
         * through the given maps (index = id in {@code other}, value = id here), so per-chunk columns are merged
         * into one without an intermediate copy.
         */
        public void addAll(Builder other, int[] threadMap, int[] stackMap, int[] symbolMap, int[] auxMap) {
            ensureCapacity(size + other.size);
            for (int i = 0; i < other.size; i++) {
                int t = other.threads[i];
                int s = other.stacks[i];
                times[size] = other.times[i];
                threads[size] = t < 0 ? -1 : threadMap[t];
                stacks[size] = s < 0 ? -1 : stackMap[s];
                if (durations != null) {
                    durations[size] = other.durations[i];
                }
                if (weights != null) {
                    weights[size] = other.weights[i];
                }
                if (keys != null) {
                    int k = other.keys[i];
                    keys[size] = k < 0 ? -1 : symbolMap[k];
                }
                if (aux != null) {
                    int a = other.aux[i];
                    aux[size] = a < 0 || auxMap == null ? a : auxMap[a];
                }
                size++;
            }
        }

        private void ensureCapacity(int needed) {
            if (needed > times.length) {
                resize(Math.max(needed, times.length + (times.length >> 1)));
            }
        }

        private void grow() {
            resize(Math.max(16, times.length + (times.length >> 1)));
        }

        private void resize(int capacity) {
            times = Arrays.copyOf(times, capacity);
            threads = Arrays.copyOf(threads, capacity);
            stacks = Arrays.copyOf(stacks, capacity);
            if (durations != null) {
                durations = Arrays.copyOf(durations, capacity);
            }
            if (weights != null) {
                weights = Arrays.copyOf(weights, capacity);
            }
            if (keys != null) {
                keys = Arrays.copyOf(keys, capacity);
            }
            if (aux != null) {
                aux = Arrays.copyOf(aux, capacity);
            }
        }

        /** The finished set; when the builder was sized exactly its arrays are handed over without a copy. */
        public SampleSet build() {
            if (times.length == size) {
                return new SampleSet(kind, size, times, threads, stacks, durations, weights, keys, aux);
            }
            return new SampleSet(kind, size, Arrays.copyOf(times, size), Arrays.copyOf(threads, size),
                    Arrays.copyOf(stacks, size), durations == null ? null : Arrays.copyOf(durations, size),
                    weights == null ? null : Arrays.copyOf(weights, size),
                    keys == null ? null : Arrays.copyOf(keys, size), aux == null ? null : Arrays.copyOf(aux, size));
        }
    }
}
