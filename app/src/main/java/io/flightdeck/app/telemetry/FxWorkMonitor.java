package io.flightdeck.app.telemetry;

import java.util.function.Supplier;

import javafx.scene.Scene;

/**
 * Times every piece of work the app does on the JavaFX thread — building a view, a chart, showing a new analysis,
 * the CSS and layout pass of each pulse — records each as a {@code flightdeck.FxWork} JFR event, and keeps the
 * longest. The FX thread only paints: none of these should come near a frame budget, and the longest is the
 * stall the user would feel.
 */
public final class FxWorkMonitor {
    private long longestNanos;
    private String longestWhat = "";
    private long layoutStart = -1;
    private FxWorkEvent layoutEvent;

    public void time(String what, Runnable work) {
        time(what, () -> {
            work.run();
            return null;
        });
    }

    public <T> T time(String what, Supplier<T> work) {
        FxWorkEvent event = new FxWorkEvent();
        event.begin();
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(what, System.nanoTime() - t0);
            event.what = what;
            event.commit();
        }
    }

    /** Also times the CSS and layout pass of every pulse of a scene. */
    public void watchLayout(Scene scene) {
        scene.addPreLayoutPulseListener(() -> {
            layoutEvent = new FxWorkEvent();
            layoutEvent.begin();
            layoutStart = System.nanoTime();
        });
        scene.addPostLayoutPulseListener(() -> {
            if (layoutStart >= 0) {
                long nanos = System.nanoTime() - layoutStart;
                record("CSS and layout of a pulse", nanos);
                layoutStart = -1;
                if (nanos > 5_000_000L) {
                    layoutEvent.what = "CSS and layout of a pulse";
                    layoutEvent.commit();
                }
            }
        });
    }

    private void record(String what, long nanos) {
        if (nanos > longestNanos) {
            longestNanos = nanos;
            longestWhat = what;
        }
    }

    /** Forgets what was measured so far (FX thread). */
    public void reset() {
        longestNanos = 0;
        longestWhat = "";
    }

    public long longestNanos() {
        return longestNanos;
    }

    public String longestWhat() {
        return longestWhat;
    }
}
