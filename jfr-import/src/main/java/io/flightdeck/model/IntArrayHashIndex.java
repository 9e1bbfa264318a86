package io.flightdeck.model;

import java.util.Arrays;

/**
 * An open-addressing index from a key to a dense id, where the keys themselves live in the caller's storage and
 * are compared through {@link KeyStore}. Interning millions of frames and stacks through it allocates nothing per
 * lookup (a {@code HashMap} would box or wrap every key).
 */
final class IntArrayHashIndex {
    /** Compares a candidate against the key stored under an id. */
    interface KeyStore {
        boolean matches(int id);
    }

    private int[] slots; // id + 1, 0 = empty
    private int[] hashes;
    private int size;

    IntArrayHashIndex() {
        slots = new int[1024];
        hashes = new int[1024];
    }

    /** The id stored for a key with this hash that the store says matches, or -1. */
    int find(int hash, KeyStore store) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (hashes[i] == hash && store.matches(slot - 1)) {
                return slot - 1;
            }
        }
    }

    /** Records that the key with this hash has the given id (the caller checked it is absent). */
    void put(int hash, int id) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        insert(hash, id);
        size++;
    }

    private void insert(int hash, int id) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
        hashes[i] = hash;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldHashes[i], oldSlots[i] - 1);
            }
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    static int hash(int[] values, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + values[i];
        }
        return h;
    }

    static int[] grown(int[] array, int minimum) {
        return Arrays.copyOf(array, Math.max(array.length * 2, minimum));
    }
}
