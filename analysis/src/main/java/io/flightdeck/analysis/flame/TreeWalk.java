package io.flightdeck.analysis.flame;

import java.util.function.IntFunction;

/**
 * Navigation shared by the array-backed trees ({@link CallTree}, {@link FlameTree}, {@link DiffTree}): node 0 is
 * the root, parents come before their children, and each tree keeps parent, depth and children arrays.
 */
final class TreeWalk {
    private TreeWalk() {
    }

    /** The deepest node's depth among the first {@code size} nodes. */
    static int maxDepth(int[] depth, int size) {
        int max = 0;
        for (int n = 0; n < size; n++) {
            max = Math.max(max, depth[n]);
        }
        return max;
    }

    /** Nodes from the root to {@code node}, root first. */
    static int[] path(int node, int[] parent, int[] depth) {
        int[] p = new int[depth[node] + 1];
        for (int n = node, i = p.length - 1; i >= 0; n = parent[n], i--) {
            p[i] = n;
        }
        return p;
    }

    /** The node reached from the root by following children with these labels, or -1. */
    static int find(int[][] children, IntFunction<String> label, String... path) {
        int node = 0;
        for (String frame : path) {
            int next = -1;
            for (int c : children[node]) {
                if (label.apply(c).equals(frame)) {
                    next = c;
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return node;
    }
}
