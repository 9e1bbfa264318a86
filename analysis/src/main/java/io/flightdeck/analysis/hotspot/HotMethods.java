package io.flightdeck.analysis.hotspot;

import io.flightdeck.analysis.Selection;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Self and total CPU samples per method ({@code jdk.ExecutionSample}). Samples are first counted per distinct
 * stack, then each stack's methods are credited once, so recursion does not count a method twice. Overloads of a
 * method share its row.
 */
public final class HotMethods {
    private HotMethods() {
    }

    /** All methods with at least one sample, hottest (by self samples, then total) first. */
    public static List<HotMethod> compute(Selection selection) {
        return compute(selection, SampleKind.CPU);
    }

    public static List<HotMethod> compute(Selection selection, SampleKind kind) {
        Profile profile = selection.profile();
        SampleSet set = profile.samples(kind);
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        MethodTable methods = profile.methods();
        long[] perStack = new long[stacks.size()];
        long samples = 0;
        for (int i = 0; i < set.size(); i++) {
            if (selection.includes(set, i)) {
                samples++;
                int s = set.stack(i);
                if (s >= 0) {
                    perStack[s]++;
                }
            }
        }
        // overloads share one row: the report names methods without their parameters
        int[] key = new int[methods.size()];
        java.util.Map<String, Integer> byName = new java.util.HashMap<>();
        for (int m = 0; m < key.length; m++) {
            key[m] = byName.computeIfAbsent(methods.qualifiedName(m), n -> byName.size());
        }
        int[] representative = new int[byName.size()];
        Arrays.fill(representative, -1);
        for (int m = 0; m < key.length; m++) {
            if (representative[key[m]] < 0) {
                representative[key[m]] = m;
            }
        }
        long[] self = new long[byName.size()];
        long[] total = new long[byName.size()];
        int[] lastSeen = new int[byName.size()];
        Arrays.fill(lastSeen, -1);
        for (int s = 0; s < perStack.length; s++) {
            long n = perStack[s];
            if (n == 0) {
                continue;
            }
            int depth = stacks.depth(s);
            if (depth == 0) {
                continue;
            }
            self[key[frames.method(stacks.frame(s, 0))]] += n;
            for (int f = 0; f < depth; f++) {
                int m = key[frames.method(stacks.frame(s, f))];
                if (lastSeen[m] != s) {
                    lastSeen[m] = s;
                    total[m] += n;
                }
            }
        }
        List<HotMethod> result = new ArrayList<>();
        for (int k = 0; k < self.length; k++) {
            if (total[k] > 0) {
                int m = representative[k];
                result.add(new HotMethod(m, methods.qualifiedName(m), self[k], total[k], percent(self[k], samples),
                        percent(total[k], samples)));
            }
        }
        result.sort(Comparator.comparingLong(HotMethod::selfSamples).reversed()
                .thenComparing(Comparator.comparingLong(HotMethod::totalSamples).reversed())
                .thenComparing(HotMethod::name));
        return result;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
