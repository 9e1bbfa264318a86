package io.flightdeck.ingest.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A metadata record that may describe a damaged chunk whose own metadata was lost: the metadata of another chunk
 * of the same file, or of a reference recording made with a known JDK build (bundled with Flightdeck). A
 * candidate is only used after {@link LayoutValidator} has shown that it fits the damaged chunk's bytes.
 *
 * @param origin   where it came from, for the warning ("chunk 2", "JDK 25.0.3+9 reference recording")
 * @param record   the whole metadata record (size, type 0, ...), ready to append to a repaired chunk
 */
record MetadataCandidate(String origin, byte[] record, JfrMetadata metadata) {
    private static final String BUNDLED_INDEX = "/io/flightdeck/ingest/jfr/metadata/index.txt";

    /** Cuts the metadata record out of a complete chunk. */
    static MetadataCandidate fromChunk(JfrInput in, ChunkScanner.Span span, String origin) {
        long at = span.offset() + span.header().metadataPosition();
        long savedLimit = in.limit();
        try {
            in.limit(span.offset() + span.availableBytes());
            in.position(at);
            long size = in.readVarLong();
            byte[] bytes = in.slice(at, size).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            in.position(at);
            JfrMetadata metadata = JfrMetadata.read(in);
            return new MetadataCandidate(origin, bytes, metadata);
        } finally {
            in.limit(savedLimit);
        }
    }

    /**
     * The metadata of the reference recordings bundled as resources (one per JDK build we have seen), listed in
     * {@code metadata/index.txt} as "file.jfr&lt;TAB&gt;description".
     */
    static List<MetadataCandidate> bundled() {
        List<MetadataCandidate> result = new ArrayList<>();
        try (InputStream index = MetadataCandidate.class.getResourceAsStream(BUNDLED_INDEX)) {
            if (index == null) {
                return result;
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\t", 2);
                if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                    continue;
                }
                try (InputStream in = MetadataCandidate.class.getResourceAsStream(
                        "/io/flightdeck/ingest/jfr/metadata/" + parts[0])) {
                    if (in == null) {
                        continue;
                    }
                    JfrInput input = new JfrInput(MemorySegment.ofArray(in.readAllBytes()));
                    ChunkScanner.Layout layout = ChunkScanner.layout(input);
                    if (!layout.spans().isEmpty() && layout.spans().getFirst().complete()) {
                        String origin = parts.length > 1 ? parts[1] : parts[0];
                        result.add(fromChunk(input, layout.spans().getFirst(), origin));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken bundled reference only means one candidate fewer
        }
        return result;
    }
}
