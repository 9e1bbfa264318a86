package io.flightdeck.app.telemetry;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread goes without producing a frame: while running, an animation timer asks for
 * a pulse every frame, and the longest gap between two pulses is the longest stall (work on the FX thread that
 * kept it from painting). Only for measurements: a running timer keeps the FX thread busy.
 */
public final class FxStallMonitor {
    private final AnimationTimer timer;
    private long last = -1;
    private long longest;

    public FxStallMonitor() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last >= 0) {
                    longest = Math.max(longest, now - last);
                }
                last = now;
            }
        };
    }

    /** Starts measuring (FX thread). */
    public void start() {
        last = -1;
        longest = 0;
        timer.start();
    }

    /** Stops and returns the longest gap between two frames, in nanoseconds (FX thread). */
    public long stop() {
        timer.stop();
        return longest;
    }

    public long longestNanos() {
        return longest;
    }
}
