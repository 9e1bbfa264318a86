package io.flightdeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Facts about the recorded JVM and the recording itself. Everything the source may lack is optional.
 *
 * @param formatVersion "2.1" for JFR, the log format for GC logs
 * @param start         first instant covered by the data that was read
 * @param end           last instant covered by the data that was read
 * @param chunks        JFR chunks read (0 for text sources)
 * @param javaVersion   the runtime version, e.g. "25.0.3+9-LTS", parsed from the JVM version string
 * @param gc            the collector in the names the CLI uses: G1, Parallel, Serial, ZGC, Shenandoah, CMS
 * @param cpuCount      hardware threads (or the container's effective CPU count when lower)
 */
public record RecordingInfo(String formatVersion, Instant start, Instant end, int chunks,
        Optional<String> jvmName, Optional<String> jvmVersion, Optional<String> javaVersion,
        Optional<String> jvmArguments, Optional<String> javaArguments, Optional<String> jvmFlags,
        Optional<Instant> jvmStartTime, OptionalLong pid,
        Optional<String> gc, Optional<String> youngCollector, Optional<String> oldCollector,
        OptionalLong maxHeapBytes, OptionalLong initialHeapBytes,
        OptionalInt cpuCount, Optional<String> cpuDescription, Optional<String> os,
        OptionalLong physicalMemoryBytes) {

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The Java feature release (17, 21, 25, ...) when the version is known. */
    public OptionalInt javaFeatureVersion() {
        if (javaVersion.isEmpty()) {
            return OptionalInt.empty();
        }
        String v = javaVersion.get();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v.substring(0, end)));
    }
}
