package io.flightdeck.ingest.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folds chunk outcomes, in chunk order, into the profile being assembled, the counts and the warnings. */
final class ChunkMerge {
    final ProfileAssembler assembler = new ProfileAssembler();
    final Map<String, long[]> counts = new HashMap<>();
    final List<String> warnings = new ArrayList<>();
    int decodedChunks;
    /** Events of the types Flightdeck reads that were decoded whole, over all chunks. */
    long decodedEvents;
    /** Events the walk found that could not be decoded (damaged data). */
    long lostEvents;

    void accept(ChunkOutcome outcome) {
        warnings.addAll(outcome.warnings());
        if (outcome.data() == null) {
            return;
        }
        decodedChunks++;
        outcome.data().decodedCounts.forEach((type, n) -> decodedEvents += n[0]);
        outcome.data().failedCounts.forEach((type, n) -> decodedEvents -= n[0]);
        lostEvents += outcome.data().lostEvents;
        assembler.add(new ProfileAssembler.DecodedChunk(outcome.data(), outcome.startNanos(), outcome.endNanos(),
                outcome.chunks()));
        outcome.counts().forEach((name, c) -> {
            long[] total = counts.computeIfAbsent(name, k -> new long[2]);
            total[0] += c[0];
            total[1] += c[1];
        });
    }
}
