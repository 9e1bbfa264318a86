package io.flightdeck.analysis.flame;

import io.flightdeck.analysis.FrameKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two flame trees (a baseline and a candidate) merged on frame names (with the addresses of generated classes taken
 * out, see {@link #matchingName}): every frame path of either side is a node,
 * so frames that exist only in the baseline stay in the tree (with a candidate value of 0) and frames new in the
 * candidate are there with a baseline value of 0.
 * <p>
 * The two recordings seldom have the same length or load, so nodes are compared by their <em>share</em> of their
 * side's total ({@link #baselinePercent}, {@link #candidatePercent}); {@link #deltaPoints} is the change in
 * percentage points, candidate minus baseline.
 * <p>
 * {@link #layoutWeight} is the width a differential flame graph gives a node, as a fraction of the root: the larger
 * of the node's two self shares plus the layout weights of its children. It is never less than either side's total
 * share, so a frame is as wide as the larger of its two shares or wider, a baseline-only frame stays visible, and
 * children always fit inside their parent.
 * <p>
 * Nodes are dense ints, parents before children; node 0 is the root. Immutable.
 */
public final class DiffTree implements TreeShape {
    public static final int ROOT = 0;

    /** Where a node was seen. */
    public enum Presence {
        BOTH, BASELINE_ONLY, CANDIDATE_ONLY
    }

    /** How {@link #topChanges} ranks methods. */
    public enum Rank {
        /** By the change in the method's self share (the time spent in the method itself). */
        SELF,
        /** By the change in its total share (itself and everything it called; recursion counted once). */
        TOTAL
    }

    /**
     * One method's shares on both sides, in percent of its side's total. Total counts a sample once even when the
     * method is on its stack several times (recursion).
     */
    public record MethodChange(String method, FrameKind kind, double baselineSelfPercent,
            double candidateSelfPercent, double baselineTotalPercent, double candidateTotalPercent) {
        /** Candidate minus baseline self share, in percentage points. */
        public double selfDeltaPoints() {
            return candidateSelfPercent - baselineSelfPercent;
        }

        /** Candidate minus baseline total share, in percentage points. */
        public double totalDeltaPoints() {
            return candidateTotalPercent - baselineTotalPercent;
        }

        public double deltaPoints(Rank rank) {
            return rank == Rank.SELF ? selfDeltaPoints() : totalDeltaPoints();
        }
    }

    private final String[] names;
    private final FrameKind[] nameKinds;
    private final int[] name;
    private final int[] parent;
    private final int[] depth;
    private final long[] baselineTotal;
    private final long[] candidateTotal;
    private final long[] baselineSelf;
    private final long[] candidateSelf;
    private final double[] layout;
    private final int[][] children;
    private final int size;
    private final CallTree.Weight weight;
    private List<MethodChange> changes;

    private DiffTree(FlameTree baseline, FlameTree candidate) {
        if (baseline.weight() != candidate.weight()) {
            throw new IllegalArgumentException("the trees weigh different things: " + baseline.weight() + " and "
                    + candidate.weight());
        }
        this.weight = baseline.weight();
        List<String> nameList = new ArrayList<>();
        List<FrameKind> kindList = new ArrayList<>();
        Map<String, Integer> nameIndex = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        int capacity = baseline.size() + candidate.size();
        int[] nm = new int[capacity];
        int[] par = new int[capacity];
        int[] dep = new int[capacity];
        long[][] selfOf = {new long[capacity], new long[capacity]};
        nm[0] = -1;
        par[0] = -1;
        int count = 1;
        FlameTree[] sides = {baseline, candidate};
        for (int s = 0; s < 2; s++) {
            FlameTree t = sides[s];
            int[] map = new int[t.size()];
            selfOf[s][ROOT] += t.self(FlameTree.ROOT);
            for (int n = 1; n < t.size(); n++) { // parents come before children
                String label = matchingName(t.label(n));
                Integer id = nameIndex.get(label);
                if (id == null) {
                    id = nameList.size();
                    nameList.add(label);
                    kindList.add(t.kind(n));
                    nameIndex.put(label, id);
                } else if (kindList.get(id) == null && t.kind(n) != null) {
                    kindList.set(id, t.kind(n));
                }
                int p = map[t.parent(n)];
                long key = ((long) p << 32) | (id & 0xFFFFFFFFL);
                Integer node = index.get(key);
                if (node == null) {
                    node = count++;
                    nm[node] = id;
                    par[node] = p;
                    dep[node] = dep[p] + 1;
                    index.put(key, node);
                }
                map[n] = node;
                selfOf[s][node] += t.self(n);
            }
        }
        this.size = count;
        this.names = nameList.toArray(String[]::new);
        this.nameKinds = kindList.toArray(FrameKind[]::new);
        this.name = Arrays.copyOf(nm, size);
        this.parent = Arrays.copyOf(par, size);
        this.depth = Arrays.copyOf(dep, size);
        this.baselineSelf = Arrays.copyOf(selfOf[0], size);
        this.candidateSelf = Arrays.copyOf(selfOf[1], size);
        this.baselineTotal = Arrays.copyOf(baselineSelf, size);
        this.candidateTotal = Arrays.copyOf(candidateSelf, size);
        for (int n = size - 1; n > 0; n--) {
            baselineTotal[parent[n]] += baselineTotal[n];
            candidateTotal[parent[n]] += candidateTotal[n];
        }
        double b = baselineTotal[ROOT];
        double c = candidateTotal[ROOT];
        this.layout = new double[size];
        for (int n = size - 1; n >= 0; n--) {
            layout[n] += Math.max(b == 0 ? 0 : baselineSelf[n] / b, c == 0 ? 0 : candidateSelf[n] / c);
            if (n > 0) {
                layout[parent[n]] += layout[n];
            }
        }
        this.children = Trees.children(parent, size, (x, z) -> layout[x] != layout[z]
                ? Double.compare(layout[z], layout[x]) : names[name[x]].compareTo(names[name[z]]));
    }

    private static final Pattern GENERATED = Pattern.compile(
            "(\\$\\$Lambda)(?:\\$\\d+)?[./]0x[0-9a-fA-F]+|(LambdaForm\\$[A-Za-z]+)[./]0x[0-9a-fA-F]+");

    /**
     * The name two runs are matched on: a frame name with the run-specific address of generated classes taken out
     * ({@code Foo$$Lambda.0x0000000018045a80.run}, {@code Foo$$Lambda$14/0x0000000800c03000.run} and
     * {@code LambdaForm$MH.0x0000000023047c00.invoke} become {@code Foo$$Lambda.run} and
     * {@code LambdaForm$MH.invoke}), so a lambda's frames in the baseline meet the same lambda's in the candidate.
     */
    public static String matchingName(String frame) {
        if (frame.indexOf("0x") < 0) {
            return frame;
        }
        Matcher m = GENERATED.matcher(frame);
        if (!m.find()) {
            return frame;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** Merges a baseline and a candidate tree; both must weigh the same thing (samples, bytes or nanoseconds). */
    public static DiffTree of(FlameTree baseline, FlameTree candidate) {
        return new DiffTree(baseline, candidate);
    }

    @Override
    public int size() {
        return size;
    }

    public CallTree.Weight weight() {
        return weight;
    }

    /** The frame's name, "all" for the root. */
    public String label(int node) {
        return node == ROOT ? "all" : names[name[node]];
    }

    /** Who wrote the frame's code, when known (null for the root, threads, parsed trees). */
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

    /** Children, widest ({@link #layoutWeight}) first. */
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

    public long baselineTotal(int node) {
        return baselineTotal[node];
    }

    public long candidateTotal(int node) {
        return candidateTotal[node];
    }

    public long baselineSelf(int node) {
        return baselineSelf[node];
    }

    public long candidateSelf(int node) {
        return candidateSelf[node];
    }

    /** The node's total as a percentage of the baseline's total (0 when the baseline is empty). */
    public double baselinePercent(int node) {
        return percent(baselineTotal[node], baselineTotal[ROOT]);
    }

    public double candidatePercent(int node) {
        return percent(candidateTotal[node], candidateTotal[ROOT]);
    }

    /** Change of the node's total share, candidate minus baseline, in percentage points. */
    public double deltaPoints(int node) {
        return candidatePercent(node) - baselinePercent(node);
    }

    public double baselineSelfPercent(int node) {
        return percent(baselineSelf[node], baselineTotal[ROOT]);
    }

    public double candidateSelfPercent(int node) {
        return percent(candidateSelf[node], candidateTotal[ROOT]);
    }

    public Presence presence(int node) {
        if (node == ROOT || baselineTotal[node] > 0 && candidateTotal[node] > 0) {
            return Presence.BOTH;
        }
        return baselineTotal[node] > 0 ? Presence.BASELINE_ONLY : Presence.CANDIDATE_ONLY;
    }

    /** Width of the node in a differential flame graph, as a fraction of the root's (see the class comment). */
    public double layoutWeight(int node) {
        return layout[node];
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Every method with its shares on both sides, the largest change (by {@code rank}) first. */
    public List<MethodChange> changes(Rank rank) {
        List<MethodChange> all = new ArrayList<>(methodChanges());
        all.sort(Comparator.comparingDouble((MethodChange m) -> -Math.abs(m.deltaPoints(rank)))
                .thenComparingDouble(m -> -Math.abs(m.deltaPoints(rank == Rank.SELF ? Rank.TOTAL : Rank.SELF)))
                .thenComparing(MethodChange::method));
        return all;
    }

    /** The {@code limit} methods whose share changed most (by {@code rank}), in either direction. */
    public List<MethodChange> topChanges(Rank rank, int limit) {
        List<MethodChange> all = changes(rank);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** The methods whose share fell most (most negative change first), at most {@code limit}. */
    public List<MethodChange> topDecreases(Rank rank, int limit) {
        return changes(rank).stream().filter(m -> m.deltaPoints(rank) < 0).limit(limit).toList();
    }

    /** The methods whose share grew most, at most {@code limit}. */
    public List<MethodChange> topIncreases(Rank rank, int limit) {
        return changes(rank).stream().filter(m -> m.deltaPoints(rank) > 0).limit(limit).toList();
    }

    private synchronized List<MethodChange> methodChanges() {
        if (changes != null) {
            return changes;
        }
        int nameCount = names.length;
        long[] bSelf = new long[nameCount];
        long[] cSelf = new long[nameCount];
        long[] bTotal = new long[nameCount];
        long[] cTotal = new long[nameCount];
        int[] onPath = new int[nameCount];
        // depth-first; a negative entry (~node) leaves the node
        int[] stack = new int[2 * size + 2];
        int top = 0;
        for (int c : children[ROOT]) {
            stack[top++] = c;
        }
        while (top > 0) {
            int entry = stack[--top];
            if (entry < 0) {
                onPath[name[~entry]]--;
                continue;
            }
            int id = name[entry];
            bSelf[id] += baselineSelf[entry];
            cSelf[id] += candidateSelf[entry];
            if (onPath[id] == 0) {
                bTotal[id] += baselineTotal[entry];
                cTotal[id] += candidateTotal[entry];
            }
            onPath[id]++;
            stack[top++] = ~entry;
            for (int c : children[entry]) {
                stack[top++] = c;
            }
        }
        long b = baselineTotal[ROOT];
        long c = candidateTotal[ROOT];
        List<MethodChange> list = new ArrayList<>(nameCount);
        for (int id = 0; id < nameCount; id++) {
            list.add(new MethodChange(names[id], nameKinds[id], percent(bSelf[id], b), percent(cSelf[id], c),
                    percent(bTotal[id], b), percent(cTotal[id], c)));
        }
        changes = List.copyOf(list);
        return changes;
    }

    /**
     * Writes the differential folded format (as Brendan Gregg's {@code difffolded.pl} prints it): for every frame
     * where samples end on either side, "outer;…;leaf BASELINE CANDIDATE", absolute values, depth-first.
     */
    public void writeDiffFolded(Appendable out) throws IOException {
        int[] stack = new int[size + 1];
        String[] pathText = new String[maxDepth() + 2];
        pathText[0] = "";
        int top = 0;
        stack[top++] = ROOT;
        while (top > 0) {
            int n = stack[--top];
            if (n != ROOT) {
                String prefix = pathText[depth[n] - 1];
                pathText[depth[n]] = (prefix.isEmpty() ? "" : prefix + ";") + FlameTree.collapsedName(label(n));
                if (baselineSelf[n] > 0 || candidateSelf[n] > 0) {
                    out.append(pathText[depth[n]]).append(' ').append(Long.toString(baselineSelf[n])).append(' ')
                            .append(Long.toString(candidateSelf[n])).append('\n');
                }
            }
            int[] c = children[n];
            for (int i = c.length - 1; i >= 0; i--) {
                stack[top++] = c[i];
            }
        }
    }

    public String toDiffFolded() {
        StringBuilder sb = new StringBuilder();
        try {
            writeDiffFolded(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
