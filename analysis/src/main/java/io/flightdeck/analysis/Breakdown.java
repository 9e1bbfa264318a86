package io.flightdeck.analysis;

import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Groups the selected samples of one kind by a key (allocated class, monitor class, host, exception type, ...)
 * and totals count, weight and duration per group, with the site that contributes most to each group.
 */
public final class Breakdown {
    /** What ranks groups and sites. */
    public enum Measure { COUNT, WEIGHT, DURATION }

    /**
     * One group.
     *
     * @param key          the symbol id grouped by ({@code -1}: events without the key)
     * @param topSite      method id of the site that contributes most, or -1
     * @param topSiteShare the top site's share of the group's measure, 0..1
     */
    public record Group(int key, long count, long weight, long durationNanos, int topSite, double topSiteShare) {
        public long value(Measure m) {
            return switch (m) {
                case COUNT -> count;
                case WEIGHT -> weight;
                case DURATION -> durationNanos;
            };
        }
    }

    private Breakdown() {
    }

    /**
     * @param keyOf  maps a sample index to its group key (usually {@link SampleSet#key(int)})
     * @param siteOf maps a stack id to the method that is its "site" (or -1)
     */
    public static List<Group> of(Selection selection, SampleKind kind, IntUnaryOperator keyOf, Measure measure,
            IntUnaryOperator siteOf) {
        SampleSet set = selection.profile().samples(kind);
        Map<Integer, long[]> totals = new HashMap<>(); // count, weight, duration
        Map<Integer, Map<Integer, long[]>> sites = new HashMap<>();
        int[] siteCache = new int[selection.profile().stacks().size()];
        Arrays.fill(siteCache, -2);
        for (int i = 0; i < set.size(); i++) {
            if (!selection.includes(set, i)) {
                continue;
            }
            int key = keyOf.applyAsInt(i);
            long[] t = totals.computeIfAbsent(key, k -> new long[3]);
            t[0]++;
            t[1] += set.weight(i);
            t[2] += set.durationNanos(i);
            int stack = set.stack(i);
            int site = -1;
            if (stack >= 0) {
                site = siteCache[stack];
                if (site == -2) {
                    site = siteOf.applyAsInt(stack);
                    siteCache[stack] = site;
                }
            }
            long v = switch (measure) {
                case COUNT -> 1;
                case WEIGHT -> set.weight(i);
                case DURATION -> set.durationNanos(i);
            };
            sites.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(site, k -> new long[1])[0] += v;
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : totals.entrySet()) {
            long[] t = e.getValue();
            int topSite = -1;
            long topValue = -1;
            long sum = 0;
            for (Map.Entry<Integer, long[]> s : sites.get(e.getKey()).entrySet()) {
                sum += s.getValue()[0];
                if (s.getKey() >= 0 && (s.getValue()[0] > topValue
                        || s.getValue()[0] == topValue && s.getKey() < topSite)) {
                    topValue = s.getValue()[0];
                    topSite = s.getKey();
                }
            }
            groups.add(new Group(e.getKey(), t[0], t[1], t[2], topSite, sum > 0 ? Math.max(0, topValue) / (double) sum : 0));
        }
        groups.sort(Comparator.comparingLong((Group g) -> g.value(measure)).reversed()
                .thenComparingLong(g -> -g.count()).thenComparingInt(Group::key));
        return groups;
    }

    /** Sum of a measure over the selected samples of a kind. */
    public static long total(Selection selection, SampleKind kind, Measure measure) {
        SampleSet set = selection.profile().samples(kind);
        long sum = 0;
        for (int i = 0; i < set.size(); i++) {
            if (selection.includes(set, i)) {
                sum += switch (measure) {
                    case COUNT -> 1;
                    case WEIGHT -> set.weight(i);
                    case DURATION -> set.durationNanos(i);
                };
            }
        }
        return sum;
    }
}
