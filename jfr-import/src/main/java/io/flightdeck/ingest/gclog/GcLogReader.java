package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProgressListener;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams one GC log file (plain or gzip-compressed) line by line into a parser, with progress and cancellation.
 * Bytes are read as ISO-8859-1, so no byte sequence can make decoding fail; GC logs are ASCII.
 */
final class GcLogReader {
    private static final int BUFFER = 1 << 20;
    private static final long PROGRESS_EVERY = 1 << 16;

    private GcLogReader() {
    }

    static GcLogContent read(Path file, boolean unified, boolean gzip, ProgressListener progress,
            CancellationToken cancel) throws ImportException {
        GcLogContent content = new GcLogContent();
        content.fileName = file.getFileName().toString();
        LogLineParser parser = unified ? new UnifiedLogParser(content) : new LegacyLogParser(content);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        CountingInputStream counted;
        try (InputStream raw = Files.newInputStream(file)) {
            counted = new CountingInputStream(raw);
            InputStream in = gzip ? new GZIPInputStream(counted, BUFFER) : counted;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), BUFFER);
            long number = 0;
            String line;
            try {
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (content.firstLine.isEmpty() && !line.isBlank()) {
                        content.firstLine = line.length() > 80 ? line.substring(0, 80) + "…" : line.strip();
                    }
                    parser.line(number, line);
                    if ((number & (PROGRESS_EVERY - 1)) == 0) {
                        cancel.throwIfCancelled();
                        progress.progress(size == 0 ? 0 : Math.min(1.0, counted.count / (double) size),
                                "reading " + file.getFileName() + ": " + number + " lines");
                    }
                }
            } catch (EOFException | ZipException e) {
                content.warnings.add("The compressed log is cut or damaged after line " + number
                        + "; what came before it was read.");
            }
            content.lines = number;
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        parser.finish();
        progress.progress(1.0, "read " + file.getFileName());
        return content;
    }

    /** Counts the (compressed) bytes read, for progress. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
