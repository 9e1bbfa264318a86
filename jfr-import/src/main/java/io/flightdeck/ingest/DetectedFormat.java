package io.flightdeck.ingest;

import io.flightdeck.model.SourceKind;

/**
 * What a file turned out to be, judged by its content.
 *
 * @param kind        JFR recording, GC log or class histogram
 * @param format      the format in words: "JFR 2.1", "unified", "legacy", "jmap -histo"
 * @param gzip        the content is gzip-compressed
 * @param majorVersion JFR major version (0 for text formats)
 * @param minorVersion JFR minor version (0 for text formats)
 */
public record DetectedFormat(SourceKind kind, String format, boolean gzip, int majorVersion, int minorVersion) {
}
