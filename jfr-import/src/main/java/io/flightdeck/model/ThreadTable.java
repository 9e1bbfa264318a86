package io.flightdeck.model;

import java.util.Arrays;

/** Threads seen in the recording: name, Java thread id and OS thread id ({@code -1} when unknown). */
public final class ThreadTable {
    public static final int NONE = -1;

    private final String[] names;
    private final long[] javaIds;
    private final long[] osIds;
    private final boolean[] virtual;

    ThreadTable(String[] names, long[] javaIds, long[] osIds, boolean[] virtual) {
        this.names = names;
        this.javaIds = javaIds;
        this.osIds = osIds;
        this.virtual = virtual;
    }

    public int size() {
        return names.length;
    }

    public String name(int thread) {
        return thread < 0 ? null : names[thread];
    }

    public long javaThreadId(int thread) {
        return javaIds[thread];
    }

    public long osThreadId(int thread) {
        return osIds[thread];
    }

    public boolean isVirtual(int thread) {
        return virtual[thread];
    }

    public static final class Builder {
        private final IntArrayHashIndex index = new IntArrayHashIndex();
        private String[] names = new String[64];
        private long[] javaIds = new long[64];
        private long[] osIds = new long[64];
        private boolean[] virtual = new boolean[64];
        private int size;

        /**
         * Interns a thread. Threads are told apart by Java id, OS id and name together: the JVM reuses OS
         * ids, and a renamed thread is shown under each of its names.
         */
        public int intern(String name, long javaId, long osId, boolean isVirtual) {
            int hash = (Long.hashCode(javaId) * 31 + Long.hashCode(osId)) * 31 + (name == null ? 0 : name.hashCode());
            int found = index.find(hash, id -> javaIds[id] == javaId && osIds[id] == osId
                    && java.util.Objects.equals(names[id], name));
            if (found >= 0) {
                return found;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                javaIds = Arrays.copyOf(javaIds, size * 2);
                osIds = Arrays.copyOf(osIds, size * 2);
                virtual = Arrays.copyOf(virtual, size * 2);
            }
            names[size] = name;
            javaIds[size] = javaId;
            osIds[size] = osId;
            virtual[size] = isVirtual;
            index.put(hash, size);
            return size++;
        }

        public int size() {
            return size;
        }

        public String name(int thread) {
            return names[thread];
        }

        public long javaThreadId(int thread) {
            return javaIds[thread];
        }

        public long osThreadId(int thread) {
            return osIds[thread];
        }

        public boolean isVirtual(int thread) {
            return virtual[thread];
        }

        public ThreadTable build() {
            return new ThreadTable(Arrays.copyOf(names, size), Arrays.copyOf(javaIds, size),
                    Arrays.copyOf(osIds, size), Arrays.copyOf(virtual, size));
        }
    }
}
