package io.flightdeck.ingest.jfr;

import java.util.List;
import java.util.Map;

/**
 * What became of one chunk (or of a whole file decoded at once): its data (null when nothing could be decoded),
 * counts by type name, the time it covers, how many chunks it stands for, and warnings.
 */
record ChunkOutcome(ChunkData data, Map<String, long[]> counts, long startNanos, long endNanos, int chunks,
        List<String> warnings) {
}
