package io.flightdeck.samples.scenario;

import java.util.concurrent.atomic.AtomicBoolean;

import jdk.jfr.Recording;

/**
 * Makes the running recording span several chunks (the shape of every long real recording): starting and
 * stopping another recording each rotate the JVM's chunk, so one short recording in the middle of the run cuts
 * the main recording into three chunks.
 */
final class ChunkRotator {
    private ChunkRotator() {
    }

    static Thread start(AtomicBoolean running) {
        return Scenario.thread("chunk-rotator", () -> {
            try (Recording r = new Recording()) {
                Thread.sleep(1000);
                r.start();
                Thread.sleep(1000);
                r.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
