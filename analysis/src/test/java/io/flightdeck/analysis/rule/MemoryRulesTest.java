package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.analysis.rule.rules.AllocationPressureRule;
import io.flightdeck.analysis.rule.rules.FullGcRule;
import io.flightdeck.analysis.rule.rules.G1EvacuationRule;
import io.flightdeck.analysis.rule.rules.GcPauseRule;
import io.flightdeck.analysis.rule.rules.GcThroughputRule;
import io.flightdeck.analysis.rule.rules.HeapOccupancyRule;
import io.flightdeck.analysis.rule.rules.MemoryLeakRule;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import org.junit.jupiter.api.Test;

/** Allocation, leak and GC rules on hand-made profiles. */
class MemoryRulesTest {
    private static final long MB = 1L << 20;

    /** 100 young pauses of {@code pauseSeconds}, heap after each at {@code afterMb}. */
    private static InMemoryProfile.Builder youngCollections(double pauseSeconds, long afterMb) {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i < 100; i++) {
            b.pause(0.05 + i * 0.099, pauseSeconds, GcKind.YOUNG, "G1 Evacuation Pause", afterMb * MB);
        }
        return b;
    }

    @Test
    void boxingThatKeepsYoungCollectionsBusyIsAllocationPressure() {
        InMemoryProfile.Builder b = youngCollections(0.025, 100);
        int worker = b.thread("main");
        int boxing = b.stack("java.lang.Long.valueOf", "com.example.metrics.Aggregator.aggregate",
                "com.example.metrics.App.main");
        int other = b.stack("com.example.metrics.Feed.read", "com.example.metrics.App.main");
        b.spread(SampleKind.ALLOCATION, 100, worker, boxing, 0, 40 * MB, b.symbol("java.lang.Long"), -1);
        b.spread(SampleKind.ALLOCATION, 20, worker, other, 0, 10 * MB, b.symbol("byte[]"), -1);
        Finding f = RuleTesting.run(new AllocationPressureRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("allocation-pressure");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.score()).isEqualTo(60); // twice the 25 % young share, +10 for boxing
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.metrics.Aggregator", "aggregate"));
        assertThat(f.evidence()).containsEntry("topClass", "java.lang.Long")
                .containsEntry("youngGcSharePercent", 25.0).containsEntry("allocationBytesPerSecond", 420.0 * MB);
        assertThat(f.recommendation()).contains("Stop boxing");
    }

    @Test
    void cheapAllocationIsNoPressure() {
        InMemoryProfile.Builder b = youngCollections(0.001, 100);
        int site = b.stack("com.example.metrics.Aggregator.aggregate");
        b.spread(SampleKind.ALLOCATION, 100, b.thread("main"), site, 0, MB, b.symbol("byte[]"), -1);
        assertThat(RuleTesting.run(new AllocationPressureRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void aSteadilyGrowingLiveSetIsALeakAtTheOldObjectsAllocationSite() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i < 20; i++) {
            b.pause(0.25 + i * 0.5, 0.01, GcKind.YOUNG, "G1 Evacuation Pause", (100 + 25L * i) * MB);
        }
        int worker = b.thread("main");
        int register = b.stack("com.example.session.SessionRegistry.register", "com.example.session.App.main");
        for (int i = 0; i < 12; i++) {
            b.oldObject(0.5 + i * 0.7, "com.example.session.Session", register, worker);
        }
        Finding f = RuleTesting.run(new MemoryLeakRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("memory-leak");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.session.SessionRegistry", "register"));
        assertThat((double) f.evidence().get("fitR2")).isEqualTo(1.0);
        assertThat((double) f.evidence().get("heapAfterGcSlopeBytesPerSecond")).isCloseTo(50.0 * MB,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(f.evidence()).containsEntry("oldObjectSamples", 12);
    }

    @Test
    void aFlatLiveSetIsNoLeak() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i < 20; i++) {
            b.pause(0.25 + i * 0.5, 0.01, GcKind.YOUNG, "G1 Evacuation Pause", (100 + (i % 3) * 5L) * MB);
        }
        assertThat(RuleTesting.run(new MemoryLeakRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void fullCollectionsOfAFullHeapCostThroughput() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10).maxHeap(512 * MB);
        for (int i = 0; i < 20; i++) {
            b.pause(0.1 + i * 0.49, 0.2, GcKind.FULL, "Allocation Failure", 470 * MB);
        }
        Finding f = RuleTesting.run(new GcThroughputRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("gc-overhead");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.score()).isEqualTo(80);
        assertThat(f.evidence()).containsEntry("pauses", 20).containsEntry("allocationDriven", false)
                .containsEntry("throughputPercent", 60.0);

        Finding full = RuleTesting.run(new FullGcRule(), b.build()).get();
        assertThat(full.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(full.evidence()).containsEntry("fullGcs", 20).containsEntry("explicitGcs", 0L)
                .containsEntry("cause", "Allocation Failure");

        Finding occupancy = RuleTesting.run(new HeapOccupancyRule(), b.build()).get();
        assertThat(occupancy.evidence().get("heapAfterGcMaxPercentOfMax")).isEqualTo(91.797);
    }

    @Test
    void shortYoungPausesCostNoThroughput() {
        Profile p = youngCollections(0.004, 100).build();
        assertThat(RuleTesting.run(new GcThroughputRule(), p).finding()).isEmpty();
        assertThat(RuleTesting.run(new FullGcRule(), p).finding()).isEmpty();
        assertThat(RuleTesting.run(new GcPauseRule(), p).finding()).isEmpty();
        assertThat(RuleTesting.run(new HeapOccupancyRule(), p).finding()).isEmpty();
        assertThat(RuleTesting.run(new G1EvacuationRule(), p).finding()).isEmpty();
    }

    @Test
    void systemGcCallsAreNamedAsSuch() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i < 5; i++) {
            b.pause(1 + i * 2, 0.05, GcKind.FULL, "System.gc()", 150 * MB);
        }
        Finding f = RuleTesting.run(new FullGcRule(), b.build()).get();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).isEqualTo("5 full GCs from System.gc() calls");
        assertThat(f.evidence()).containsEntry("explicitGcs", 5L);
        assertThat(f.recommendation()).contains("DisableExplicitGC");
    }

    @Test
    void aFullGcAskedForByAHistogramIsOnlyInformation() {
        InMemoryProfile.Builder b = youngCollections(0.002, 100);
        b.pause(9.9, 0.08, GcKind.FULL, "Heap Inspection Initiated GC", 90 * MB);
        Finding f = RuleTesting.run(new FullGcRule(), b.build()).get();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.score()).isEqualTo(20);
        assertThat(RuleTesting.run(new GcPauseRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void longPausesAreReported() {
        InMemoryProfile.Builder b = youngCollections(0.004, 100);
        b.pause(5.01, 0.8, GcKind.YOUNG, "G1 Evacuation Pause", 300 * MB);
        Finding f = RuleTesting.run(new GcPauseRule(), b.build()).get();
        assertThat(f.evidence()).containsEntry("longestSeconds", 0.8).containsEntry("longPauses", 1);
        assertThat(f.score()).isEqualTo(54); // 30 at 0.2 s, +40 per decade
    }

    @Test
    void humongousAllocationsThatStartCollectionsAreReported() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10).maxHeap(256 * MB);
        for (int i = 0; i < 40; i++) {
            b.pause(0.1 + i * 0.24, 0.015, GcKind.YOUNG, i % 2 == 0 ? "G1 Humongous Allocation" : "G1 Evacuation Pause",
                    80 * MB);
        }
        int worker = b.thread("main");
        b.spread(SampleKind.ALLOCATION, 50, worker, b.stack("com.example.imaging.Renderer.newBuffer",
                "com.example.imaging.App.main"), 0, 30 * MB, b.symbol("byte[]"), -1);
        Finding f = RuleTesting.run(new G1EvacuationRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("gc-overhead");
        assertThat(f.evidence()).containsEntry("humongousCollections", 20L).containsEntry("evacuationFailures", 0L)
                .containsEntry("humongousPauseSharePercent", 3.0);
        assertThat(f.score()).isEqualTo(65);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.imaging.Renderer", "newBuffer"));
    }

    @Test
    void aStartUpBurstOfHumongousCollectionsIsNoFinding() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10).maxHeap(256 * MB);
        for (int i = 0; i < 5; i++) {
            b.pause(0.1 + i * 0.05, 0.01, GcKind.YOUNG, "G1 Humongous Allocation", (40 + 20L * i) * MB);
        }
        assertThat(RuleTesting.run(new G1EvacuationRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void aLiveSetBuiltAtStartUpIsNoLeak() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i < 5; i++) {
            b.pause(0.1 + i * 0.1, 0.01, GcKind.YOUNG, "G1 Evacuation Pause", (30 + 40L * i) * MB);
        }
        for (int i = 0; i < 5; i++) {
            b.pause(2 + i * 1.5, 0.01, GcKind.YOUNG, "G1 Evacuation Pause", 190 * MB);
        }
        assertThat(RuleTesting.run(new MemoryLeakRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void collectionsThatNameTheAllocatingMethod() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10).maxHeap(64 * MB);
        for (int i = 0; i < 40; i++) {
            b.pause(0.1 + i * 0.245, 0.08, GcKind.FULL, "G1 Compaction Pause", 62 * MB);
        }
        int worker = b.thread("main");
        b.spread(SampleKind.ALLOCATION, 80, worker, b.stack("java.util.Arrays.copyOf",
                "com.example.sessions.SessionStore.touch", "com.example.sessions.App.main"), 0, 5 * MB,
                b.symbol("byte[]"), -1);
        b.spread(SampleKind.ALLOCATION, 10, worker, b.stack("com.example.sessions.App.main"), 0, MB, b.symbol("byte[]"), -1);
        Profile p = b.build();
        for (Rule rule : new Rule[]{new GcThroughputRule(), new FullGcRule(), new HeapOccupancyRule()}) {
            Finding f = RuleTesting.run(rule, p).get();
            assertThat(f.culprit()).as(rule.id()).isEqualTo(new Culprit("com.example.sessions.SessionStore", "touch"));
            assertThat(f.evidence()).containsEntry("topAllocationSite", "com.example.sessions.SessionStore.touch");
        }
    }
}
