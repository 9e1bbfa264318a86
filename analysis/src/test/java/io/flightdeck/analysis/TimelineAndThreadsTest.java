package io.flightdeck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.analysis.gc.PauseDistribution;
import io.flightdeck.analysis.gc.PhaseSummary;
import io.flightdeck.analysis.threads.ThreadActivity;
import io.flightdeck.analysis.timeline.Buckets;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineAndThreadsTest {
    @Test
    void bucketsSpreadEverySampleOverTheRecording() {
        Profile p = Fixtures.sample("allocation-churn.jfr");
        Buckets b = Buckets.of(Selection.all(p), SampleKind.ALLOCATION, Buckets.Measure.WEIGHT, 50);
        double seconds = b.bucket().toNanos() / 1e9;
        double total = 0;
        for (double v : b.perSecond()) {
            total += v * seconds;
        }
        long bytes = 0;
        for (int i = 0; i < p.samples(SampleKind.ALLOCATION).size(); i++) {
            bytes += p.samples(SampleKind.ALLOCATION).weight(i);
        }
        assertThat(total).isCloseTo(bytes, within(bytes * 1e-9));
        assertThat(b.size()).isBetween(40, 51);
    }

    @Test
    void threadActivityShowsWhoRanAndWhoWaited() {
        List<ThreadActivity> rows = ThreadActivity.compute(Selection.all(Fixtures.sample("lock-contention.jfr")));
        assertThat(rows).isNotEmpty();
        ThreadActivity handler = rows.stream().filter(r -> r.thread().equals("request-handler-0")).findFirst().orElseThrow();
        assertThat(handler.blockedNanos()).isPositive();
        assertThat(rows.stream().mapToDouble(ThreadActivity::cpuPercent).sum()).isCloseTo(100, within(0.001));
    }

    @Test
    void pauseBandsCoverEveryPause() {
        Profile p = Fixtures.sample("allocation-churn.jfr");
        PauseDistribution d = PauseDistribution.of(p.gcPauses());
        assertThat(d.bands().stream().mapToLong(PauseDistribution.Band::count).sum()).isEqualTo(p.gcPauses().size());
        assertThat(d.bands().getLast().to()).isNull();
        assertThat(PhaseSummary.of(Selection.all(p))).isNotEmpty();
    }
}
