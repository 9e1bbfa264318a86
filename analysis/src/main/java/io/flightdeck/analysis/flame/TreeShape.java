package io.flightdeck.analysis.flame;

/**
 * The shape of an array-backed call tree ({@link CallTree}, {@link FlameTree}, {@link DiffTree}): node 0 is the
 * root, each node has a depth and children (heaviest first). What a flame-graph canvas needs to lay one out.
 */
public interface TreeShape {
    int size();

    int depth(int node);

    int maxDepth();

    int[] children(int node);

    /** Nodes from the root to {@code node}, root first. */
    int[] path(int node);
}
