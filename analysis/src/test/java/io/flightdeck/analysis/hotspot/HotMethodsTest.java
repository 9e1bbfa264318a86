package io.flightdeck.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Fixtures;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.analysis.TimeRange;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class HotMethodsTest {
    private static final String PLANTED = "io.flightdeck.samples.scenario.CatalogSearch.findBySku";

    @Test
    void thePlantedMethodLeadsByTotalAndIsAmongTheTopByTotal() {
        Profile p = Fixtures.sample("cpu-hotspot.jfr");
        List<HotMethod> hot = HotMethods.compute(Selection.all(p));
        HotMethod planted = hot.stream().filter(h -> h.name().equals(PLANTED)).findFirst().orElseThrow();
        assertThat(planted.totalPercent()).isGreaterThan(80);
        assertThat(hot.getFirst().name()).isEqualTo(PLANTED);
        // self samples add up to all samples with a stack
        long selfSum = hot.stream().mapToLong(HotMethod::selfSamples).sum();
        assertThat(selfSum).isEqualTo(p.samples(SampleKind.CPU).size());
        assertThat(hot).isSortedAccordingTo((a, b) -> Long.compare(b.selfSamples(), a.selfSamples()));
    }

    @Test
    void totalCountsAMethodOncePerSampleEvenWhenRecursive() {
        Profile p = Fixtures.sample("cpu-hotspot.jfr");
        for (HotMethod h : HotMethods.compute(Selection.all(p))) {
            assertThat(h.totalSamples()).isGreaterThanOrEqualTo(h.selfSamples());
            assertThat(h.totalPercent()).isLessThanOrEqualTo(100.0);
        }
    }

    @Test
    void aThreadFilterKeepsOnlyThatThreadsSamples() {
        Profile p = Fixtures.sample("cpu-hotspot.jfr");
        long all = HotMethods.compute(Selection.all(p)).stream().mapToLong(HotMethod::selfSamples).sum();
        Selection one = new Selection(p, TimeRange.ALL, ThreadFilter.of("^order-pricer-0$"));
        long filtered = HotMethods.compute(one).stream().mapToLong(HotMethod::selfSamples).sum();
        assertThat(filtered).isPositive().isLessThan(all);
        Selection none = new Selection(p, TimeRange.ALL, ThreadFilter.of("no such thread"));
        assertThat(HotMethods.compute(none)).isEmpty();
    }

    @Test
    void aTimeRangeKeepsOnlyItsSamples() {
        Profile p = Fixtures.sample("cpu-hotspot.jfr");
        Duration half = p.info().duration().dividedBy(2);
        Selection first = new Selection(p, new TimeRange(null, p.info().start().plus(half)), ThreadFilter.ALL);
        Selection second = new Selection(p, new TimeRange(p.info().start().plus(half), null), ThreadFilter.ALL);
        long a = HotMethods.compute(first).stream().mapToLong(HotMethod::selfSamples).sum();
        long b = HotMethods.compute(second).stream().mapToLong(HotMethod::selfSamples).sum();
        assertThat(a).isPositive();
        assertThat(b).isPositive();
        assertThat(a + b).isEqualTo(p.samples(SampleKind.CPU).size());
        assertThat(first.durationSeconds()).isCloseTo(half.toNanos() / 1e9, org.assertj.core.data.Offset.offset(0.001));
    }
}
