package io.flightdeck.model;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Distinct stack traces as arrays of frame ids, top frame first, stored back to back in one {@code int[]}.
 * Stack id {@code -1} means "no stack trace" everywhere in the model.
 */
public final class StackTable {
    public static final int NONE = -1;

    private final int[] offsets; // size()+1 entries
    private final int[] frames;
    private final BitSet truncated;

    StackTable(int[] offsets, int[] frames, BitSet truncated) {
        this.offsets = offsets;
        this.frames = frames;
        this.truncated = truncated;
    }

    public int size() {
        return offsets.length - 1;
    }

    public int depth(int stack) {
        return offsets[stack + 1] - offsets[stack];
    }

    /** Frame id at {@code index}, 0 being the top (innermost) frame. */
    public int frame(int stack, int index) {
        return frames[offsets[stack] + index];
    }

    /** The top (innermost) frame, or -1 for an empty stack. */
    public int topFrame(int stack) {
        return depth(stack) == 0 ? -1 : frames[offsets[stack]];
    }

    /** True when the JVM cut the stack at its depth limit (the root frames are missing). */
    public boolean truncated(int stack) {
        return truncated.get(stack);
    }

    public int[] frames(int stack) {
        return Arrays.copyOfRange(frames, offsets[stack], offsets[stack + 1]);
    }

    public static final class Builder {
        private final IntArrayHashIndex index = new IntArrayHashIndex();
        private int[] offsets = new int[1025];
        private int[] frames = new int[8192];
        private final BitSet truncated = new BitSet();
        private int size;

        /** Interns a stack given as frame ids, top first; the array is not kept. */
        public int intern(int[] stackFrames, boolean isTruncated) {
            int hash = IntArrayHashIndex.hash(stackFrames, 0, stackFrames.length) * 2 + (isTruncated ? 1 : 0);
            int found = index.find(hash, id -> truncated.get(id) == isTruncated && sameFrames(id, stackFrames));
            if (found >= 0) {
                return found;
            }
            if (size + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            int start = offsets[size];
            if (start + stackFrames.length > frames.length) {
                frames = IntArrayHashIndex.grown(frames, start + stackFrames.length);
            }
            System.arraycopy(stackFrames, 0, frames, start, stackFrames.length);
            offsets[size + 1] = start + stackFrames.length;
            if (isTruncated) {
                truncated.set(size);
            }
            index.put(hash, size);
            return size++;
        }

        private boolean sameFrames(int id, int[] candidate) {
            int start = offsets[id];
            if (offsets[id + 1] - start != candidate.length) {
                return false;
            }
            for (int i = 0; i < candidate.length; i++) {
                if (frames[start + i] != candidate[i]) {
                    return false;
                }
            }
            return true;
        }

        public int size() {
            return size;
        }

        public int depth(int stack) {
            return offsets[stack + 1] - offsets[stack];
        }

        public int frame(int stack, int index) {
            return frames[offsets[stack] + index];
        }

        public boolean truncated(int stack) {
            return truncated.get(stack);
        }

        public StackTable build() {
            return new StackTable(Arrays.copyOf(offsets, size + 1), Arrays.copyOf(frames, offsets[size]),
                    (BitSet) truncated.clone());
        }
    }
}
