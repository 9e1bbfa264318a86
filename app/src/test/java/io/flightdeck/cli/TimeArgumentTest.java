package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimeArgumentTest {
    private static final Instant START = Instant.parse("2026-11-27T08:15:34.500Z");

    @Test
    void secondsFromTheStart() {
        assertThat(TimeArgument.parse("--from", "+12.5", START)).isEqualTo(START.plusMillis(12_500));
        assertThat(TimeArgument.parse("--from", "3", START)).isEqualTo(START.plusSeconds(3));
        assertThat(TimeArgument.parse("--from", "1500ms", START)).isEqualTo(START.plusMillis(1500));
        assertThat(TimeArgument.parse("--from", "2m", START)).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void pointsInTime() {
        assertThat(TimeArgument.parse("--to", "2026-11-27T08:15:40Z", START)).isEqualTo(Instant.parse("2026-11-27T08:15:40Z"));
        assertThat(TimeArgument.parse("--to", "2026-11-27T09:15:40+01:00", START))
                .isEqualTo(Instant.parse("2026-11-27T08:15:40Z"));
        assertThat(TimeArgument.parse("--to", "2026-11-27 08:15:40", START)).isEqualTo(Instant.parse("2026-11-27T08:15:40Z"));
        assertThat(TimeArgument.parse("--to", "08:15:40", START)).isEqualTo(Instant.parse("2026-11-27T08:15:40Z"));
    }

    @Test
    void anythingElseIsAUsageError() {
        assertThatThrownBy(() -> TimeArgument.parse("--from", "soon", START)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--from soon: not a time");
    }
}
