package io.flightdeck.analysis.hotspot;

/**
 * A method's share of the CPU samples.
 *
 * @param selfSamples  samples with the method on top of the stack (running its own code)
 * @param totalSamples samples with the method anywhere on the stack (its own code and everything it calls)
 */
public record HotMethod(int method, String name, long selfSamples, long totalSamples, double selfPercent,
        double totalPercent) {
}
