package io.flightdeck.analysis;

import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.GcPause;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small hand-made profiles for unit tests of the analyses. */
public final class InMemoryProfile {
    private InMemoryProfile() {
    }

    public static Profile withPauses(Instant start, Instant end, long maxHeapBytes, List<GcPause> pauses) {
        RecordingInfo info = new RecordingInfo("2.1", start, end, 1, Optional.empty(), Optional.empty(),
                Optional.of("25.0.3"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(start),
                OptionalLong.empty(), Optional.of("G1"), Optional.empty(), Optional.empty(),
                OptionalLong.of(maxHeapBytes), OptionalLong.empty(), OptionalInt.of(2), Optional.empty(),
                Optional.empty(), OptionalLong.empty());
        return new Profile(new SourceInfo(Path.of("test.jfr"), SourceKind.JFR, "JFR 2.1", 0, List.of(), 0), info,
                new SymbolTable.Builder().build(), new MethodTable.Builder().build(), new FrameTable.Builder().build(),
                new StackTable.Builder().build(), new ThreadTable.Builder().build(), Map.of(), Map.of(), List.of(),
                pauses, List.of(), List.of(), List.of(), Map.<String, EventTypeStats>of(), Map.of());
    }
}
