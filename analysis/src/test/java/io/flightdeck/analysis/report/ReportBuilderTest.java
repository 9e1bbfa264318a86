package io.flightdeck.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Fixtures;
import io.flightdeck.analysis.Selection;
import io.flightdeck.model.Profile;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportBuilderTest {
    private static AnalysisReport report(String sample) {
        return new ReportBuilder("test").build(Selection.all(Fixtures.sample(sample)), List.of());
    }

    @Test
    void theContendedMonitorComesFirstWithTheSiteThatBlocks() {
        AnalysisReport r = report("lock-contention.jfr");
        AnalysisReport.MonitorRow top = r.locks().byMonitorClass().getFirst();
        assertThat(top.className()).isEqualTo("io.flightdeck.samples.scenario.AuditTrail");
        assertThat(top.topSite()).isEqualTo("io.flightdeck.samples.scenario.AuditTrail.append");
        assertThat(top.count()).isPositive();
        assertThat(top.blockedSeconds()).isPositive();
        assertThat(r.locks().blockedSeconds()).isGreaterThanOrEqualTo(top.blockedSeconds());
    }

    @Test
    void allocationIsAttributedToTheApplicationMethodThatAllocates() {
        AnalysisReport r = report("allocation-churn.jfr");
        assertThat(r.allocation().totalBytes()).isPositive();
        assertThat(r.allocation().byApplicationSite().getFirst().method())
                .startsWith("io.flightdeck.samples.scenario.ReportRenderer.");
        double percentSum = r.allocation().byClass().stream().mapToDouble(AnalysisReport.ClassBytes::percent).sum();
        assertThat(percentSum).isBetween(99.0, 100.0001);
    }

    @Test
    void recordingSectionCarriesTheFactsAndEveryEventCount() {
        Profile p = Fixtures.sample("cpu-hotspot.jfr");
        AnalysisReport r = report("cpu-hotspot.jfr");
        assertThat(r.recording().jvm().gc()).isEqualTo("G1");
        assertThat(r.recording().jvm().maxHeapBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(r.recording().eventCounts()).hasSameSizeAs(p.eventStats());
        assertThat(r.recording().eventCounts().get("jdk.ExecutionSample")).isEqualTo(r.cpu().samples());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void cpuLoadAveragesAreFractionsOfAllCpusInPercent() {
        AnalysisReport r = report("cpu-hotspot.jfr");
        assertThat(r.cpu().jvmUserPercentAvg()).isBetween(1.0, 100.0);
        assertThat(r.cpu().machineTotalPercentAvg()).isGreaterThanOrEqualTo(r.cpu().jvmUserPercentAvg() * 0.5);
        assertThat(r.cpu().hotMethods()).isNotEmpty();
    }

    @Test
    void threadStartsAreCounted() {
        AnalysisReport r = report("lock-contention.jfr");
        assertThat(r.threads().started()).isGreaterThanOrEqualTo(6);
    }
}
