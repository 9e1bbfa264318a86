package io.flightdeck.analysis.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.analysis.Fixtures;
import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.TimeRange;
import io.flightdeck.model.GcKind;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.Profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class GcStatisticsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MB = 1024 * 1024;

    private static GcPause pause(double atSeconds, long millis, GcKind kind, long beforeMb, long afterMb) {
        return new GcPause(0, T0.plusMillis((long) (atSeconds * 1000)), Duration.ofMillis(millis), kind, "GC Pause",
                "test", OptionalLong.of(beforeMb * MB), OptionalLong.of(afterMb * MB), OptionalLong.of(512 * MB));
    }

    @Test
    void countsTotalsPercentilesAndThroughput() {
        List<GcPause> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pauses.add(pause(i + 1, 10 * (i + 1), GcKind.YOUNG, 100 + 10 * i, 20 + 10 * i));
        }
        pauses.add(pause(11.5, 500, GcKind.FULL, 200, 50));
        Profile p = InMemoryProfile.withPauses(T0, T0.plusSeconds(20), 1024 * MB, pauses);
        GcStatistics s = GcStatistics.compute(Selection.all(p));
        assertThat(s.pauseCount()).isEqualTo(11);
        assertThat(s.fullPauseCount()).isEqualTo(1);
        assertThat(s.pauseTotal()).isEqualTo(Duration.ofMillis(550 + 500));
        assertThat(s.pauseMax()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.p50()).isEqualTo(Duration.ofMillis(60));
        assertThat(s.throughputPercent()).isCloseTo(100 * (1 - 1.05 / 20), within(1e-9));
        assertThat(s.heapAfterGcMaxBytes()).isEqualTo(110 * MB);
        // heap after GC rises 10 MB per second over the young pauses, then the full GC drops it
        assertThat(s.heapAfterGcSlopeBytesPerSecond()).isPositive();
        // 100 MB allocated between consecutive collections (before(i) - after(i-1) = 90 MB each, 9 intervals)
        assertThat(s.allocationRateBytesPerSecond()).isPositive();
    }

    @Test
    void aTimeRangeKeepsThePausesThatStartInIt() {
        List<GcPause> pauses = List.of(pause(1, 10, GcKind.YOUNG, 10, 5), pause(5, 20, GcKind.YOUNG, 10, 5),
                pause(9, 30, GcKind.FULL, 10, 5));
        Profile p = InMemoryProfile.withPauses(T0, T0.plusSeconds(10), 1024 * MB, pauses);
        GcStatistics s = GcStatistics.compute(new Selection(p, new TimeRange(T0.plusSeconds(4), T0.plusSeconds(10)),
                ThreadFilter.ALL));
        assertThat(s.pauseCount()).isEqualTo(2);
        assertThat(s.pauseTotal()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.throughputPercent()).isCloseTo(100 * (1 - 0.05 / 6), within(1e-9));
    }

    @Test
    void noPausesMeansFullThroughputAndZeroes() {
        Profile p = InMemoryProfile.withPauses(T0, T0.plusSeconds(10), 1024 * MB, List.of());
        GcStatistics s = GcStatistics.compute(Selection.all(p));
        assertThat(s.pauseCount()).isZero();
        assertThat(s.throughputPercent()).isEqualTo(100);
        assertThat(s.p99()).isEqualTo(Duration.ZERO);
        assertThat(s.allocationRateBytesPerSecond()).isNaN();
    }

    @Test
    void aRealRecordingsPausesAreConsistent() {
        Profile p = Fixtures.sample("allocation-churn.jfr");
        GcStatistics s = GcStatistics.compute(Selection.all(p));
        assertThat(s.pauseCount()).isEqualTo(p.gcPauses().size()).isPositive();
        assertThat(s.p50()).isLessThanOrEqualTo(s.p95());
        assertThat(s.p95()).isLessThanOrEqualTo(s.p99());
        assertThat(s.p99()).isLessThanOrEqualTo(s.pauseMax());
        assertThat(s.throughputPercent()).isBetween(0.0, 100.0);
        assertThat(s.allocationRateBytesPerSecond()).isPositive();
    }
}
