package io.flightdeck.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The file a profile came from and what reading it said.
 *
 * @param format         e.g. "JFR 2.1", "unified", "legacy"
 * @param warnings       what was lost or doubtful (a cut chunk, lines not understood), one sentence each
 * @param skippedLines   lines of a text source that were not understood (0 for JFR)
 * @param lines          lines read from a text source (0 for JFR)
 * @param skippedSamples the first few lines that were not understood, each prefixed with its line number
 */
public record SourceInfo(Path path, SourceKind kind, String format, long sizeBytes, List<String> warnings,
        long skippedLines, long lines, List<String> skippedSamples) {
    public SourceInfo {
        warnings = List.copyOf(warnings);
        skippedSamples = List.copyOf(skippedSamples);
    }

    public SourceInfo(Path path, SourceKind kind, String format, long sizeBytes, List<String> warnings,
            long skippedLines) {
        this(path, kind, format, sizeBytes, warnings, skippedLines, 0, List.of());
    }
}
