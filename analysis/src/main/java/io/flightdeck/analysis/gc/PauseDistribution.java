package io.flightdeck.analysis.gc;

import io.flightdeck.model.GcPause;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How many pauses fall into each duration band (bands grow roughly ×2–×2.5, as GC dashboards show them). */
public record PauseDistribution(List<Band> bands) {

    /** Pauses with {@code from <= duration < to}; {@code to} is null for the last, open band. */
    public record Band(Duration from, Duration to, long count, Duration total) {
        public String label() {
            return to == null ? "≥ " + io.flightdeck.analysis.format.Format.duration(from)
                    : io.flightdeck.analysis.format.Format.duration(from) + " – "
                    + io.flightdeck.analysis.format.Format.duration(to);
        }
    }

    private static final long[] LIMITS_MICROS = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
            500_000, 1_000_000, 2_000_000};

    public static PauseDistribution of(List<GcPause> pauses) {
        long[] counts = new long[LIMITS_MICROS.length + 1];
        long[] totals = new long[LIMITS_MICROS.length + 1];
        for (GcPause p : pauses) {
            long micros = p.duration().toNanos() / 1000;
            int band = 0;
            while (band < LIMITS_MICROS.length && micros >= LIMITS_MICROS[band]) {
                band++;
            }
            counts[band]++;
            totals[band] += p.duration().toNanos();
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i <= LIMITS_MICROS.length; i++) {
            Duration from = Duration.ofNanos(i == 0 ? 0 : LIMITS_MICROS[i - 1] * 1000);
            Duration to = i == LIMITS_MICROS.length ? null : Duration.ofNanos(LIMITS_MICROS[i] * 1000);
            bands.add(new Band(from, to, counts[i], Duration.ofNanos(totals[i])));
        }
        return new PauseDistribution(List.copyOf(bands));
    }
}
