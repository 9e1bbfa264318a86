package io.flightdeck.analysis.flame;

import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.Selection;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A call tree keyed by frame <em>names</em> rather than a profile's method ids: what flame-graph exports print and
 * what two recordings can be matched on (their method ids differ). Methods that share a name (overloads) share a
 * node. Top-down: the root ("all") first, then the outermost frames; with threads split, the outermost frames are
 * the threads ({@code [thread name]}).
 * <p>
 * Nodes are dense ints, parents before children; node 0 is the root. The tree is immutable.
 */
public final class FlameTree implements TreeShape {
    public static final int ROOT = 0;
    /** The name of the frame that holds the weight of samples recorded without a stack trace. */
    public static final String NO_STACK = "[no stack trace]";

    private final String[] names;
    private final FrameKind[] nameKinds; // null: not a method (thread, missing stack)
    private final int[] name; // -1 for the root
    private final int[] parent;
    private final int[] depth;
    private final long[] total;
    private final long[] self;
    private final int[][] children;
    private final int size;
    private final CallTree.Weight weight;

    private FlameTree(Builder b) {
        this.size = b.size;
        this.weight = b.weight;
        this.names = b.names.toArray(String[]::new);
        this.nameKinds = b.kinds.toArray(FrameKind[]::new);
        this.name = Arrays.copyOf(b.name, size);
        this.parent = Arrays.copyOf(b.parent, size);
        this.depth = Arrays.copyOf(b.depth, size);
        this.total = new long[size];
        this.self = Arrays.copyOf(b.self, size);
        for (int n = size - 1; n >= 0; n--) {
            total[n] += self[n];
            if (n > 0) {
                total[parent[n]] += total[n];
            }
        }
        this.children = Trees.children(parent, size, (a, z) -> total[a] != total[z]
                ? Long.compare(total[z], total[a]) : names[name[a]].compareTo(names[name[z]]));
    }

    /** The tree of a call tree, merging frames of the same name under one caller. */
    public static FlameTree of(CallTree tree, IntFunction<String> methodNames, IntFunction<FrameKind> methodKinds) {
        Builder b = new Builder(tree.weight());
        int[] map = new int[tree.size()];
        Map<Integer, Integer> nameOfMethod = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) { // parents come before children
            int m = tree.method(n);
            int id = nameOfMethod.computeIfAbsent(m, x -> b.intern(methodNames.apply(x), methodKinds.apply(x)));
            map[n] = b.child(map[tree.parent(n)], id);
            b.self[map[n]] += tree.self(n);
        }
        if (tree.self(CallTree.ROOT) > 0) {
            b.self[b.child(ROOT, b.intern(NO_STACK, null))] += tree.self(CallTree.ROOT);
        }
        return new FlameTree(b);
    }

    /**
     * The tree of one kind of samples in a selection.
     *
     * @param splitThreads put each thread's samples under a frame of its own ({@code [thread name]})
     */
    public static FlameTree of(Selection selection, FlameKind kind, boolean splitThreads) {
        Profile profile = selection.profile();
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        MethodTable methods = profile.methods();
        FrameClassifier classifier = new FrameClassifier(profile);
        // weight per (thread, stack); thread -1 when threads are not split, stack -1 without a stack trace
        Map<Long, long[]> perStack = new HashMap<>();
        for (SampleKind sk : kind.sampleKinds(profile)) {
            SampleSet set = profile.samples(sk);
            for (int i = 0; i < set.size(); i++) {
                if (!selection.includes(set, i)) {
                    continue;
                }
                long w = switch (kind.weight()) {
                    case SAMPLES -> 1;
                    case BYTES -> set.weight(i);
                    case NANOS -> set.durationNanos(i);
                };
                if (w == 0) {
                    continue;
                }
                int thread = splitThreads ? set.thread(i) : -1;
                long key = ((long) thread << 32) | (set.stack(i) & 0xFFFFFFFFL);
                perStack.computeIfAbsent(key, k -> new long[1])[0] += w;
            }
        }
        Builder b = new Builder(kind.weight());
        int[] methodName = new int[methods.size()];
        Arrays.fill(methodName, -1);
        Map<Integer, Integer> threadNode = new HashMap<>();
        Long[] keys = perStack.keySet().toArray(Long[]::new);
        Arrays.sort(keys); // deterministic node order
        for (Long key : keys) {
            long w = perStack.get(key)[0];
            int thread = (int) (key >> 32);
            int stack = (int) (long) key;
            int node = ROOT;
            if (splitThreads) {
                node = threadNode.computeIfAbsent(thread, t -> b.child(ROOT, b.intern("[" + (t >= 0
                        ? profile.threads().name(t) : "unknown thread") + "]", null)));
            }
            if (stack < 0) {
                node = b.child(node, b.intern(NO_STACK, null));
            } else {
                for (int i = stacks.depth(stack) - 1; i >= 0; i--) {
                    int m = frames.method(stacks.frame(stack, i));
                    if (methodName[m] < 0) {
                        methodName[m] = b.intern(methods.qualifiedName(m), classifier.kind(m));
                    }
                    node = b.child(node, methodName[m]);
                }
            }
            b.self[node] += w;
        }
        return new FlameTree(b);
    }

    /**
     * Reads collapsed stacks ("outer;inner;leaf 123", root first, one stack a line; lines that repeat a stack add
     * up). Blank lines and lines starting with '#' are skipped.
     *
     * @throws IllegalArgumentException naming the line that is not a stack and a count
     */
    public static FlameTree parseCollapsed(BufferedReader in, CallTree.Weight weight) {
        Builder b = new Builder(weight);
        try {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int space = t.lastIndexOf(' ');
                long w;
                try {
                    w = Long.parseLong(t.substring(space + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNo + " does not end in a count: " + t);
                }
                int node = ROOT;
                if (space > 0) {
                    for (String frame : t.substring(0, space).split(";")) {
                        if (!frame.isEmpty()) {
                            node = b.child(node, b.intern(frame, null));
                        }
                    }
                }
                b.self[node] += w;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FlameTree(b);
    }

    public static FlameTree parseCollapsed(String text, CallTree.Weight weight) {
        return parseCollapsed(new BufferedReader(new java.io.StringReader(text)), weight);
    }

    /**
     * Writes the collapsed stacks (Brendan Gregg's folded format): for every frame where samples end, the path from
     * the outermost frame joined by ';' and the weight, one a line, in depth-first order (heaviest first). A ';' in
     * a name becomes ':' and line breaks become spaces, so each line reads back as the stack it was.
     */
    public void writeCollapsed(Appendable out) throws IOException {
        int[] stack = new int[maxDepth() + 2];
        String[] pathText = new String[maxDepth() + 2];
        pathText[0] = "";
        int top = 0;
        stack[top++] = ROOT;
        while (top > 0) {
            int n = stack[--top];
            if (n != ROOT) {
                String prefix = pathText[depth[n] - 1];
                pathText[depth[n]] = (prefix.isEmpty() ? "" : prefix + ";") + collapsedName(label(n));
                if (self[n] > 0) {
                    out.append(pathText[depth[n]]).append(' ').append(Long.toString(self[n])).append('\n');
                }
            }
            int[] c = children[n];
            if (top + c.length > stack.length) {
                stack = Arrays.copyOf(stack, top + c.length + 16);
            }
            for (int i = c.length - 1; i >= 0; i--) {
                stack[top++] = c[i];
            }
        }
    }

    public String toCollapsed() {
        StringBuilder sb = new StringBuilder();
        try {
            writeCollapsed(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static String collapsedName(String name) {
        return name.replace(';', ':').replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public int size() {
        return size;
    }

    public CallTree.Weight weight() {
        return weight;
    }

    /** The frame's name ({@code pkg.Class.method}, {@code [thread]}), "all" for the root. */
    public String label(int node) {
        return node == ROOT ? "all" : names[name[node]];
    }

    /** Id of the node's name, the same for every node of that name; -1 for the root. */
    public int nameId(int node) {
        return name[node];
    }

    public String name(int nameId) {
        return names[nameId];
    }

    public int nameCount() {
        return names.length;
    }

    /** Who wrote the frame's code; null for the root, thread frames and parsed trees. */
    public FrameKind kind(int node) {
        return node == ROOT ? null : nameKinds[name[node]];
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

    /** Nodes from the root to a node, root first. */
    @Override
    public int[] path(int node) {
        return TreeWalk.path(node, parent, depth);
    }

    /** The node at a path of names below the root, or -1. */
    public int find(String... path) {
        return TreeWalk.find(children, c -> names[name[c]], path);
    }

    /** The heaviest path: from the root, always the heaviest child (the "top stack"). */
    public List<String> heaviestPath() {
        List<String> p = new ArrayList<>();
        for (int n = ROOT; children[n].length > 0; ) {
            n = children[n][0];
            p.add(label(n));
        }
        return p;
    }

    static final class Builder {
        final CallTree.Weight weight;
        final List<String> names = new ArrayList<>();
        final List<FrameKind> kinds = new ArrayList<>();
        final Map<String, Integer> nameIndex = new HashMap<>();
        final Map<Long, Integer> index = new HashMap<>();
        int[] name = new int[256];
        int[] parent = new int[256];
        int[] depth = new int[256];
        long[] self = new long[256];
        int size = 1;

        Builder(CallTree.Weight weight) {
            this.weight = weight;
            name[0] = -1;
            parent[0] = -1;
        }

        int intern(String text, FrameKind kind) {
            Integer id = nameIndex.get(text);
            if (id == null) {
                id = names.size();
                names.add(text);
                kinds.add(kind);
                nameIndex.put(text, id);
            }
            return id;
        }

        int child(int node, int nameId) {
            long key = ((long) node << 32) | (nameId & 0xFFFFFFFFL);
            Integer existing = index.get(key);
            if (existing != null) {
                return existing;
            }
            if (size == name.length) {
                int capacity = size * 2;
                name = Arrays.copyOf(name, capacity);
                parent = Arrays.copyOf(parent, capacity);
                depth = Arrays.copyOf(depth, capacity);
                self = Arrays.copyOf(self, capacity);
            }
            name[size] = nameId;
            parent[size] = node;
            depth[size] = depth[node] + 1;
            index.put(key, size);
            return size++;
        }
    }
}
