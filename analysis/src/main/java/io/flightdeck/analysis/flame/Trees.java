package io.flightdeck.analysis.flame;

import java.util.Arrays;
import java.util.Comparator;

/** Child lists of a tree given as parent links (parents before children). */
final class Trees {
    private Trees() {
    }

    static int[][] children(int[] parent, int size, Comparator<Integer> order) {
        int[] counts = new int[size];
        for (int n = 1; n < size; n++) {
            counts[parent[n]]++;
        }
        int[][] children = new int[size][];
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
                Arrays.sort(boxed, order);
                for (int i = 0; i < c.length; i++) {
                    c[i] = boxed[i];
                }
            }
        }
        return children;
    }
}
