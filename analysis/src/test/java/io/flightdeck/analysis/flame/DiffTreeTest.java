package io.flightdeck.analysis.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flightdeck.analysis.Selection;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DiffTreeTest {
    // baseline: 100 samples; candidate: 200 samples (a longer or busier run), so shares, not counts, compare
    private static final FlameTree BASELINE = FlameTree.parseCollapsed("""
            main;a;x 60
            main;a;y 10
            main;b 30
            """, CallTree.Weight.SAMPLES);
    private static final FlameTree CANDIDATE = FlameTree.parseCollapsed("""
            main;a;x 40
            main;c 100
            main;b 60
            """, CallTree.Weight.SAMPLES);
    private final DiffTree diff = DiffTree.of(BASELINE, CANDIDATE);

    @Test
    void everyPathOfEitherSideIsANodeWithBothValues() {
        assertThat(diff.size()).isEqualTo(1 + 6); // all, main, a, x, y, b, c
        int y = diff.find("main", "a", "y");
        assertThat(y).isPositive();
        assertThat(diff.presence(y)).isEqualTo(DiffTree.Presence.BASELINE_ONLY);
        assertThat(diff.baselineTotal(y)).isEqualTo(10);
        assertThat(diff.candidateTotal(y)).isZero();
        assertThat(diff.baselinePercent(y)).isEqualTo(10.0);
        assertThat(diff.deltaPoints(y)).isEqualTo(-10.0);

        int c = diff.find("main", "c");
        assertThat(diff.presence(c)).isEqualTo(DiffTree.Presence.CANDIDATE_ONLY);
        assertThat(diff.candidatePercent(c)).isEqualTo(50.0);
        assertThat(diff.deltaPoints(c)).isEqualTo(50.0);

        int a = diff.find("main", "a");
        assertThat(diff.baselineTotal(a)).isEqualTo(70);
        assertThat(diff.candidateTotal(a)).isEqualTo(40);
        assertThat(diff.deltaPoints(a)).isCloseTo(-50.0, within(1e-9));
        int b = diff.find("main", "b");
        assertThat(diff.deltaPoints(b)).isCloseTo(0.0, within(1e-9)); // 30 of 100 -> 60 of 200
        assertThat(diff.baselineTotal(DiffTree.ROOT)).isEqualTo(100);
        assertThat(diff.candidateTotal(DiffTree.ROOT)).isEqualTo(200);
        assertThat(diff.find("main", "d")).isEqualTo(-1);
    }

    @Test
    void layoutKeepsEveryFrameAtLeastAsWideAsItsLargerShareAndChildrenInsideParents() {
        assertThat(diff.layoutWeight(diff.find("main", "a", "x"))).isCloseTo(0.6, within(1e-9));
        assertThat(diff.layoutWeight(diff.find("main", "a", "y"))).isCloseTo(0.1, within(1e-9));
        assertThat(diff.layoutWeight(diff.find("main", "a"))).isCloseTo(0.7, within(1e-9));
        assertThat(diff.layoutWeight(diff.find("main", "c"))).isCloseTo(0.5, within(1e-9));
        assertThat(diff.layoutWeight(diff.find("main"))).isCloseTo(1.5, within(1e-9));
        for (int n = 0; n < diff.size(); n++) {
            double children = 0;
            for (int ch : diff.children(n)) {
                children += diff.layoutWeight(ch);
            }
            assertThat(children).isLessThanOrEqualTo(diff.layoutWeight(n) + 1e-12);
            assertThat(diff.layoutWeight(n) * 100).isGreaterThanOrEqualTo(
                    Math.max(diff.baselinePercent(n), diff.candidatePercent(n)) - 1e-9);
        }
        // widest first
        assertThat(java.util.Arrays.stream(diff.children(diff.find("main"))).mapToObj(diff::label).toList())
                .containsExactly("a", "c", "b");
    }

    @Test
    void topChangesRankMethodsBySelfShareChange() {
        List<DiffTree.MethodChange> top = diff.topChanges(DiffTree.Rank.SELF, 4);
        assertThat(top).extracting(DiffTree.MethodChange::method).containsExactly("c", "x", "y", "a");
        DiffTree.MethodChange x = top.get(1);
        assertThat(x.baselineSelfPercent()).isEqualTo(60.0);
        assertThat(x.candidateSelfPercent()).isEqualTo(20.0);
        assertThat(x.selfDeltaPoints()).isEqualTo(-40.0);
        assertThat(x.totalDeltaPoints()).isEqualTo(-40.0);
        DiffTree.MethodChange a = top.get(3);
        assertThat(a.selfDeltaPoints()).isZero();
        assertThat(a.baselineTotalPercent()).isEqualTo(70.0);
        assertThat(a.candidateTotalPercent()).isEqualTo(20.0);
        assertThat(diff.topDecreases(DiffTree.Rank.TOTAL, 10)).extracting(DiffTree.MethodChange::method)
                .containsExactly("a", "x", "y");
        assertThat(diff.topIncreases(DiffTree.Rank.TOTAL, 10)).extracting(DiffTree.MethodChange::method)
                .containsExactly("c");
    }

    @Test
    void recursionCountsASampleOnceInAMethodsTotal() {
        FlameTree base = FlameTree.parseCollapsed("main;r;r;r 10\nmain;r;s 10\nmain 80\n", CallTree.Weight.SAMPLES);
        FlameTree cand = FlameTree.parseCollapsed("main 50\n", CallTree.Weight.SAMPLES);
        DiffTree.MethodChange r = DiffTree.of(base, cand).changes(DiffTree.Rank.TOTAL).stream()
                .filter(m -> m.method().equals("r")).findFirst().orElseThrow();
        assertThat(r.baselineTotalPercent()).isEqualTo(20.0);
        assertThat(r.baselineSelfPercent()).isEqualTo(10.0);
        assertThat(r.candidateTotalPercent()).isZero();
    }

    @Test
    void diffFoldedHasBothValuesOfEveryEndingStack() {
        assertThat(diff.toDiffFolded().lines().sorted().toList()).containsExactly(
                "main;a;x 60 40", "main;a;y 10 0", "main;b 30 60", "main;c 0 100");
    }

    @Test
    void lambdasOfTwoRunsMeetThoughTheirAddressesDiffer() {
        assertThat(DiffTree.matchingName("a.B$$Lambda.0x0000000018045a80.run")).isEqualTo("a.B$$Lambda.run");
        assertThat(DiffTree.matchingName("a.B$$Lambda$14/0x0000000800c03000.run")).isEqualTo("a.B$$Lambda.run");
        assertThat(DiffTree.matchingName("java.lang.invoke.LambdaForm$MH.0x0000000023047c00.invoke"))
                .isEqualTo("java.lang.invoke.LambdaForm$MH.invoke");
        assertThat(DiffTree.matchingName("a.B.hex0x12")).isEqualTo("a.B.hex0x12");
        DiffTree d = DiffTree.of(FlameTree.parseCollapsed("run;a.B$$Lambda.0x01.run;work 5", CallTree.Weight.SAMPLES),
                FlameTree.parseCollapsed("run;a.B$$Lambda.0xff.run;work 7", CallTree.Weight.SAMPLES));
        int work = d.find("run", "a.B$$Lambda.run", "work");
        assertThat(d.presence(work)).isEqualTo(DiffTree.Presence.BOTH);
        assertThat(d.candidateTotal(work)).isEqualTo(7);
    }

    @Test
    void treesOfDifferentWeightsDoNotMix() {
        FlameTree bytes = FlameTree.parseCollapsed("a 1", CallTree.Weight.BYTES);
        assertThatThrownBy(() -> DiffTree.of(BASELINE, bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptySidesGiveZeroSharesNotErrors() {
        DiffTree d = DiffTree.of(FlameTree.parseCollapsed("", CallTree.Weight.SAMPLES), BASELINE);
        int x = d.find("main", "a", "x");
        assertThat(d.baselinePercent(x)).isZero();
        assertThat(d.candidatePercent(x)).isEqualTo(60.0);
        assertThat(d.presence(x)).isEqualTo(DiffTree.Presence.CANDIDATE_ONLY);
    }

    @Test
    void theQuadraticCulpritIsAmongTheTopDecreasesFromBadToFixed() throws Exception {
        Path bad = TestFiles.corpusOrNull("jdk25/cpu-quadratic/bad.jfr");
        Path fixed = TestFiles.corpusOrNull("jdk25/cpu-quadratic/fixed.jfr");
        assumeTrue(bad != null && fixed != null, "the corpus is not beside the repository");
        Profile b = ProfileLoader.withDefaults().load(bad);
        Profile f = ProfileLoader.withDefaults().load(fixed);
        FlameTree bt = FlameTree.of(Selection.all(b), FlameKind.CPU, false);
        FlameTree ft = FlameTree.of(Selection.all(f), FlameKind.CPU, false);
        DiffTree d = DiffTree.of(bt, ft);
        String culprit = "com.example.orders.OrderService.findDuplicateOrderIds";
        assertThat(d.topDecreases(DiffTree.Rank.SELF, 3)).extracting(DiffTree.MethodChange::method).contains(culprit);
        DiffTree.MethodChange c = d.changes(DiffTree.Rank.TOTAL).stream().filter(m -> m.method().equals(culprit))
                .findFirst().orElseThrow();
        assertThat(c.baselineTotalPercent()).isGreaterThan(20);
        assertThat(c.totalDeltaPoints()).isLessThan(-20);
        // the totals are the trees' totals, each side's frames all present
        assertThat(d.baselineTotal(DiffTree.ROOT)).isEqualTo(bt.total(FlameTree.ROOT));
        assertThat(d.candidateTotal(DiffTree.ROOT)).isEqualTo(ft.total(FlameTree.ROOT));
        assertThat(d.size()).isGreaterThanOrEqualTo(Math.max(bt.size(), ft.size()));
        // frames of the culprit exist only in the baseline (the fix no longer calls it) or shrink
        long baselineOnly = 0;
        for (int n = 1; n < d.size(); n++) {
            if (d.presence(n) == DiffTree.Presence.BASELINE_ONLY) {
                baselineOnly++;
            }
        }
        assertThat(baselineOnly).isPositive();
    }
}
