package io.flightdeck.analysis.flame;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Fixtures;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.analysis.hotspot.HotMethods;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import org.junit.jupiter.api.Test;

class CallTreeTest {
    private final Profile profile = Fixtures.sample("cpu-hotspot.jfr");

    @Test
    void topDownTotalsAddUpAndChildrenAreHeaviestFirst() {
        CallTree tree = CallTree.of(Selection.all(profile), SampleKind.CPU, CallTree.Weight.SAMPLES, false);
        assertThat(tree.total(CallTree.ROOT)).isEqualTo(profile.samples(SampleKind.CPU).size());
        for (int n = 0; n < tree.size(); n++) {
            long childSum = 0;
            long previous = Long.MAX_VALUE;
            for (int c : tree.children(n)) {
                childSum += tree.total(c);
                assertThat(tree.total(c)).isLessThanOrEqualTo(previous);
                previous = tree.total(c);
                assertThat(tree.depth(c)).isEqualTo(tree.depth(n) + 1);
            }
            assertThat(childSum + tree.self(n)).isEqualTo(tree.total(n));
        }
        // the outermost frames are thread entry points
        int first = tree.children(CallTree.ROOT)[0];
        assertThat(profile.methods().qualifiedName(tree.method(first))).isEqualTo("java.lang.Thread.run");
    }

    @Test
    void bottomUpRootsAreTheSelfTimeOfEachMethod() {
        Selection all = Selection.all(profile);
        CallTree tree = CallTree.of(all, SampleKind.CPU, CallTree.Weight.SAMPLES, true);
        HotMethod hottest = HotMethods.compute(all).getFirst();
        int first = tree.children(CallTree.ROOT)[0];
        assertThat(tree.method(first)).isEqualTo(hottest.method());
        assertThat(tree.total(first)).isEqualTo(hottest.selfSamples());
    }

    @Test
    void matchingTotalCountsEachSampleOnce() {
        CallTree tree = CallTree.of(Selection.all(profile), SampleKind.CPU, CallTree.Weight.SAMPLES, false);
        long planted = tree.matchingTotal(m -> profile.methods().methodName(m).equals("findBySku"));
        HotMethod h = HotMethods.compute(Selection.all(profile)).stream()
                .filter(x -> x.name().endsWith("CatalogSearch.findBySku")).findFirst().orElseThrow();
        assertThat(planted).isEqualTo(h.totalSamples());
        assertThat(tree.matchingTotal(m -> true)).isEqualTo(tree.total(CallTree.ROOT));
    }

    @Test
    void allocationTreesWeighBytes() {
        Profile alloc = Fixtures.sample("allocation-churn.jfr");
        CallTree tree = CallTree.of(Selection.all(alloc), SampleKind.ALLOCATION, CallTree.Weight.BYTES, false);
        long bytes = 0;
        for (int i = 0; i < alloc.samples(SampleKind.ALLOCATION).size(); i++) {
            bytes += alloc.samples(SampleKind.ALLOCATION).weight(i);
        }
        assertThat(tree.total(CallTree.ROOT)).isEqualTo(bytes);
        assertThat(tree.path(tree.children(CallTree.ROOT)[0])).containsExactly(CallTree.ROOT, tree.children(CallTree.ROOT)[0]);
    }
}
