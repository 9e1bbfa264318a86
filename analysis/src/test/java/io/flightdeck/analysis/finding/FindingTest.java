package io.flightdeck.analysis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FindingTest {
    private static Finding finding(String title, String summary) {
        return new Finding("x.y", "recording-quality", Severity.INFO, 15, title, summary, "", null, Map.of(),
                List.of(), "", "overview", null);
    }

    @Test
    void aSummaryThatOnlyRepeatsTheTitleIsNotShownTwice() {
        Finding f = finding("The recording covers only 5.10 s", "the recording covers only 5.10 s.");
        assertThat(f.detail()).isEmpty();
        assertThat(f.headline()).isEqualTo("The recording covers only 5.10 s.");
    }

    @Test
    void aSummaryThatSaysMoreIsKept() {
        Finding f = finding("Threads wait for the monitor of AuditTrail", "3 threads spent 3.56 s waiting.");
        assertThat(f.detail()).isEqualTo("3 threads spent 3.56 s waiting.");
        assertThat(f.headline()).isEqualTo("Threads wait for the monitor of AuditTrail: 3 threads spent 3.56 s waiting.");
        Finding longer = finding("Long GC pauses", "Long GC pauses: 3 of 40 took 200 ms or more.");
        assertThat(longer.detail()).isEqualTo("Long GC pauses: 3 of 40 took 200 ms or more.");
    }
}
