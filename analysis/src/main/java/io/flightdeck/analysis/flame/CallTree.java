package io.flightdeck.analysis.flame;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * A call tree (the data of a flame graph): a trie of methods with the total weight of the samples that passed
 * through each node and the self weight of those that ended in it. Top-down trees start at the outermost frame
 * (flame graph); bottom-up trees start at the innermost frame (who spends the time, then who called it).
 * Nodes are dense ints; node 0 is the root ("all").
 */
public final class CallTree implements TreeShape {
    /** What a sample weighs. */
    public enum Weight {
        /** One per sample (CPU samples, exceptions). */
        SAMPLES,
        /** The sample's bytes (allocation, I/O). */
        BYTES,
        /** The sample's duration in nanoseconds (blocked, parked). */
        NANOS
    }

    public static final int ROOT = 0;

    private final int[] parent;
    private final int[] method; // -1 for the root
    private final int[] depth;
    private final long[] total;
    private final long[] self;
    private final int[][] children; // sorted by total, heaviest first
    private final int size;
    private final Weight weight;
    private final boolean bottomUp;

    private CallTree(Builder b, Weight weight, boolean bottomUp) {
        this.size = b.size;
        this.parent = Arrays.copyOf(b.parent, size);
        this.method = Arrays.copyOf(b.method, size);
        this.depth = Arrays.copyOf(b.depth, size);
        this.total = Arrays.copyOf(b.total, size);
        this.self = Arrays.copyOf(b.self, size);
        this.weight = weight;
        this.bottomUp = bottomUp;
        int[] counts = new int[size];
        for (int n = 1; n < size; n++) {
            counts[parent[n]]++;
        }
        children = new int[size][];
        for (int n = 0; n < size; n++) {
            children[n] = new int[counts[n]];
        }
        int[] fill = new int[size];
        for (int n = 1; n < size; n++) {
            children[parent[n]][fill[parent[n]]++] = n;
        }
        for (int n = 0; n < size; n++) {
            int[] c = children[n];
            if (c.length > 1) {
                Integer[] boxed = Arrays.stream(c).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, z) -> total[a] != total[z] ? Long.compare(total[z], total[a]) : Integer.compare(a, z));
                for (int i = 0; i < c.length; i++) {
                    c[i] = boxed[i];
                }
            }
        }
    }

    /**
     * Builds the tree of one kind of samples in a selection.
     *
     * @param bottomUp start at the innermost frame instead of the outermost
     */
    public static CallTree of(Selection selection, SampleKind kind, Weight weight, boolean bottomUp) {
        return of(selection, List.of(kind), weight, bottomUp);
    }

    /**
     * The tree a flame graph of {@code kind} shows — the same samples and weights as {@code flightdeck flame --kind}
     * and the Compare view ({@link FlameKind#sampleKinds}): CPU samples, allocation bytes (outside-TLAB included
     * when the TLAB events are the source), blocked and parked time.
     */
    public static CallTree of(Selection selection, FlameKind kind, boolean bottomUp) {
        return of(selection, kind.sampleKinds(selection.profile()), kind.weight(), bottomUp);
    }

    private static CallTree of(Selection selection, List<SampleKind> kinds, Weight weight, boolean bottomUp) {
        Profile profile = selection.profile();
        StackTable stacks = profile.stacks();
        long[] perStack = new long[stacks.size()];
        long noStack = 0;
        for (SampleKind kind : kinds) {
            SampleSet set = profile.samples(kind);
            for (int i = 0; i < set.size(); i++) {
                if (!selection.includes(set, i)) {
                    continue;
                }
                long w = switch (weight) {
                    case SAMPLES -> 1;
                    case BYTES -> set.weight(i);
                    case NANOS -> set.durationNanos(i);
                };
                int s = set.stack(i);
                if (s >= 0) {
                    perStack[s] += w;
                } else {
                    noStack += w;
                }
            }
        }
        Builder b = new Builder();
        FrameTable frames = profile.frames();
        for (int s = 0; s < perStack.length; s++) {
            long w = perStack[s];
            if (w == 0) {
                continue;
            }
            int d = stacks.depth(s);
            int node = ROOT;
            b.total[ROOT] += w;
            for (int i = 0; i < d; i++) {
                int frameIndex = bottomUp ? i : d - 1 - i;
                node = b.child(node, frames.method(stacks.frame(s, frameIndex)));
                b.total[node] += w;
            }
            b.self[node] += w;
        }
        b.total[ROOT] += noStack;
        b.self[ROOT] += noStack;
        return new CallTree(b, weight, bottomUp);
    }

    @Override
    public int size() {
        return size;
    }

    public Weight weight() {
        return weight;
    }

    public boolean bottomUp() {
        return bottomUp;
    }

    /** Method id of a node, -1 for the root. */
    public int method(int node) {
        return method[node];
    }

    public int parent(int node) {
        return parent[node];
    }

    @Override
    public int depth(int node) {
        return depth[node];
    }

    public long total(int node) {
        return total[node];
    }

    public long self(int node) {
        return self[node];
    }

    /** Children, heaviest first. */
    @Override
    public int[] children(int node) {
        return children[node];
    }

    @Override
    public int maxDepth() {
        return TreeWalk.maxDepth(depth, size);
    }

    /** Path from the root to a node, root first. */
    @Override
    public int[] path(int node) {
        return TreeWalk.path(node, parent, depth);
    }

    /**
     * Weight of the samples that pass through a node whose method matches: nodes below a matching node are not
     * counted again, so the result is a share of the root, never above it.
     */
    public long matchingTotal(java.util.function.IntPredicate methodMatches) {
        long sum = 0;
        int[] stack = new int[size];
        int top = 0;
        stack[top++] = ROOT;
        while (top > 0) {
            int n = stack[--top];
            if (n != ROOT && methodMatches.test(method[n])) {
                sum += total[n];
                continue;
            }
            for (int c : children[n]) {
                stack[top++] = c;
            }
        }
        return sum;
    }

    private static final class Builder {
        int[] parent = new int[1024];
        int[] method = new int[1024];
        int[] depth = new int[1024];
        long[] total = new long[1024];
        long[] self = new long[1024];
        final Map<Long, Integer> index = new HashMap<>();
        int size;

        Builder() {
            parent[0] = -1;
            method[0] = -1;
            size = 1;
        }

        int child(int node, int methodId) {
            long key = ((long) node << 32) | (methodId & 0xFFFFFFFFL);
            Integer existing = index.get(key);
            if (existing != null) {
                return existing;
            }
            if (size == parent.length) {
                int capacity = size * 2;
                parent = Arrays.copyOf(parent, capacity);
                method = Arrays.copyOf(method, capacity);
                depth = Arrays.copyOf(depth, capacity);
                total = Arrays.copyOf(total, capacity);
                self = Arrays.copyOf(self, capacity);
            }
            parent[size] = node;
            method[size] = methodId;
            depth[size] = depth[node] + 1;
            index.put(key, size);
            return size++;
        }
    }
}
