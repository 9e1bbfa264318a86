package io.flightdeck.analysis.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.Fixtures;
import io.flightdeck.analysis.Selection;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import org.junit.jupiter.api.Test;

class FlameTreeTest {
    private final Profile profile = Fixtures.sample("cpu-hotspot.jfr");

    @Test
    void cpuTreeHoldsEverySampleAndTheHotMethodTopsTheHeaviestStack() {
        FlameTree tree = FlameTree.of(Selection.all(profile), FlameKind.CPU, false);
        assertThat(tree.total(FlameTree.ROOT)).isEqualTo(profile.samples(SampleKind.CPU).size());
        assertThat(tree.heaviestPath()).first().isEqualTo("java.lang.Thread.run");
        assertThat(tree.heaviestPath()).contains("io.flightdeck.samples.scenario.CatalogSearch.findBySku");
        for (int n = 0; n < tree.size(); n++) {
            long sum = tree.self(n);
            for (int c : tree.children(n)) {
                sum += tree.total(c);
            }
            assertThat(sum).isEqualTo(tree.total(n));
        }
    }

    @Test
    void collapsedStacksReadBackAsTheSameTree() {
        FlameTree tree = FlameTree.of(Selection.all(profile), FlameKind.CPU, false);
        String collapsed = tree.toCollapsed();
        long sum = collapsed.lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(sum).isEqualTo(profile.samples(SampleKind.CPU).size());
        FlameTree again = FlameTree.parseCollapsed(collapsed, CallTree.Weight.SAMPLES);
        assertThat(again.size()).isEqualTo(tree.size());
        assertThat(again.toCollapsed()).isEqualTo(collapsed);
    }

    @Test
    void agreesWithTheCallTreeOfTheSameSamples() {
        Selection all = Selection.all(profile);
        CallTree calls = CallTree.of(all, SampleKind.CPU, CallTree.Weight.SAMPLES, false);
        FrameClassifier classifier = new FrameClassifier(profile);
        FlameTree fromCalls = FlameTree.of(calls, profile.methods()::qualifiedName, classifier::kind);
        FlameTree direct = FlameTree.of(all, FlameKind.CPU, false);
        assertThat(fromCalls.toCollapsed()).isEqualTo(direct.toCollapsed());
        int hot = direct.find(direct.heaviestPath().toArray(String[]::new));
        assertThat(direct.kind(hot)).isNotNull();
    }

    @Test
    void threadsSplitUnderFramesOfTheirOwn() {
        FlameTree tree = FlameTree.of(Selection.all(profile), FlameKind.CPU, true);
        assertThat(tree.total(FlameTree.ROOT)).isEqualTo(profile.samples(SampleKind.CPU).size());
        for (int c : tree.children(FlameTree.ROOT)) {
            assertThat(tree.label(c)).startsWith("[").endsWith("]");
            assertThat(tree.kind(c)).isNull();
        }
    }

    @Test
    void allocationAndLockTreesWeighBytesAndNanoseconds() {
        Profile alloc = Fixtures.sample("allocation-churn.jfr");
        FlameTree a = FlameTree.of(Selection.all(alloc), FlameKind.ALLOC, false);
        long bytes = 0;
        for (int i = 0; i < alloc.samples(SampleKind.ALLOCATION).size(); i++) {
            bytes += alloc.samples(SampleKind.ALLOCATION).weight(i);
        }
        assertThat(a.total(FlameTree.ROOT)).isEqualTo(bytes).isPositive();
        assertThat(a.weight()).isEqualTo(CallTree.Weight.BYTES);

        Profile locks = Fixtures.sample("lock-contention.jfr");
        FlameTree l = FlameTree.of(Selection.all(locks), FlameKind.LOCK, false);
        long nanos = 0;
        for (SampleKind k : new SampleKind[]{SampleKind.MONITOR_ENTER, SampleKind.THREAD_PARK}) {
            for (int i = 0; i < locks.samples(k).size(); i++) {
                nanos += locks.samples(k).durationNanos(i);
            }
        }
        assertThat(l.total(FlameTree.ROOT)).isEqualTo(nanos).isPositive();
        assertThat(l.toCollapsed()).contains("io.flightdeck.samples.scenario.AuditTrail.append");
    }

    @Test
    void namesThatWouldBreakALineAreMadeSafe() {
        FlameTree t = FlameTree.parseCollapsed("a;b 3\na;b 2\n\n# comment\n", CallTree.Weight.SAMPLES);
        assertThat(t.toCollapsed()).isEqualTo("a;b 5\n");
        assertThat(FlameTree.collapsedName("x;y\nz")).isEqualTo("x:y z");
        assertThatThrownBy(() -> FlameTree.parseCollapsed("a;b c", CallTree.Weight.SAMPLES))
                .hasMessageContaining("line 1");
        assertThat(FrameKind.values()).isNotEmpty();
    }
}
