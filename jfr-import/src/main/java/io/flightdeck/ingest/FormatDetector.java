package io.flightdeck.ingest;

import io.flightdeck.model.SourceKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Tells JFR recordings, GC logs and class histograms apart by their content (magic bytes, first lines), never
 * by the file name, and rejects everything else with a one-line reason.
 */
public final class FormatDetector {
    private static final int PROBE_BYTES = 64 * 1024;
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    /** A unified-logging decoration block followed by a gc or safepoint tag set: "[0.012s][info][gc,heap] ". */
    private static final Pattern UNIFIED_GC_LINE =
            Pattern.compile("^(\\[[^\\]\\n]*\\])*\\[(gc|safepoint)(,[a-z0-9]+)*\\s*\\](\\[[^\\]\\n]*\\])*\\s.*");
    /**
     * Unified logging without a gc or safepoint tag decoration (-Xlog:gc:file:time, :uptime, :uptimemillis, ...):
     * a time decoration first, other decorations after it, then a message only a GC or safepoint log writes.
     */
    private static final Pattern UNIFIED_UNTAGGED_GC_LINE = Pattern.compile(
            "^\\[(\\d{4}-\\d\\d-\\d\\dT[\\d:.,]+(Z|[+-]\\d\\d:?\\d\\d)?|\\d+([.,]\\d+)?(s|ms|ns))\\](\\[[^\\]\\n]*\\])*\\s+"
                    + "(GC\\(\\d+\\) |Using (G1|Serial|Parallel|Concurrent Mark Sweep|Shenandoah|The Z Garbage Collector|Epsilon)"
                    + "|Safepoint \"|Total time for which application threads were stopped|Application time: "
                    + "|Entering safepoint region|Heap (Max|Min|Initial) Capacity|Heap Region Size|GC STATISTICS"
                    + "|Metaspace"
                    + "|Pause (Young|Full|Remark|Cleanup|Init|Final|Degenerated|Mark)).*");
    /** Any other unified logging line: decorations with a level and a tag set ("[0.005s][info][arguments] "). */
    private static final Pattern UNIFIED_OTHER_LINE = Pattern.compile(
            "^(\\[[^\\]\\n]*\\])*\\[(trace|debug|info|warning|error) *\\]\\[[a-z0-9_]+(,[a-z0-9_]+)* *\\]\\s.*");
    /** Legacy -XX:+PrintGCDetails: "[GC (Allocation Failure)", "[Full GC", optionally after time stamps. */
    private static final Pattern LEGACY_GC_LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT[\\d:.,]+[+-]\\d{4}: )?(#\\d+: )?(\\d+[.,]\\d+: )?(#\\d+: )?"
                    + "\\[(GC|Full GC|ParNew|DefNew|PSYoungGen|CMS|GC pause|GC remark|GC cleanup|GC concurrent"
                    + "|Pause (Init|Final|Full|Degenerated)|Concurrent (marking|evacuation|reset|cleanup|precleaning|update)"
                    + "|Class Histogram)"
                    + "([ :(\\[\\d,-].*|AdaptiveSize.*|$)"
                    // -XX:+PrintGCApplicationStoppedTime / -XX:+PrintGCApplicationConcurrentTime, stamped or not
                    + "|^(\\d{4}-\\d\\d-\\d\\dT[\\d:.,]+[+-]\\d{4}: )?(\\d+[.,]\\d+: )?"
                    + "(Total time for which application threads were stopped: |Application time: )\\d.*");
    private static final Pattern LEGACY_GC_HEADER = Pattern.compile(
            "^(CommandLine flags: .*|Heap before GC invocations=.*|\\{Heap before GC.*|Java HotSpot\\(TM\\).*\\bVM\\b.*"
                    + "|OpenJDK .*\\bVM\\b.*\\(.*\\).*|GC STATISTICS:\\s*)");
    private static final Pattern HISTOGRAM_HEADER = Pattern.compile("^\\s*num\\s+#instances\\s+#bytes\\s+(class name|Class Name).*");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+\\d+\\s+\\S+.*");

    private FormatDetector() {
    }

    public static DetectedFormat detect(Path file) throws ImportException {
        if (!Files.exists(file)) {
            // exists() and notExists() both false: the path could not be looked at (a folder on the way is not
            // searchable), which is a permission problem, not a missing file
            throw new ImportException(file, Files.notExists(file) ? "no such file"
                    : "cannot be read (permission denied on a folder of its path)");
        }
        if (Files.isDirectory(file)) {
            throw new ImportException(file, "is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            // a pipe (<(...), /dev/stdin) or a device: a recording is read by position, and a pipe read to
            // probe its format would be gone
            throw new ImportException(file, "is not a regular file (a pipe or a device); save it to a file first");
        }
        byte[] head;
        long size;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(PROBE_BYTES);
            }
        } catch (NoSuchFileException e) {
            throw new ImportException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new ImportException(file, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new ImportException(file, "file is empty");
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        if (gzip) {
            head = gunzipHead(file);
        }
        return classify(file, head, gzip);
    }

    private static byte[] gunzipHead(Path file) throws ImportException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(PROBE_BYTES);
            if (head.length == 0) {
                throw new ImportException(file, "gzip-compressed, but it holds no data");
            }
            return head;
        } catch (ZipException | java.io.EOFException e) {
            throw new ImportException(file, "gzip-compressed, but damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static DetectedFormat classify(Path file, byte[] head, boolean gzip) throws ImportException {
        String compressed = gzip ? ", gzip-compressed" : "";
        if (startsWith(head, JFR_MAGIC)) {
            if (head.length < 8) {
                throw new ImportException(file, "JFR recording" + compressed + " cut inside its first header");
            }
            int major = ((head[4] & 0xFF) << 8) | (head[5] & 0xFF);
            int minor = ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
            String version = major + "." + minor;
            if (major == 2) {
                return new DetectedFormat(SourceKind.JFR, "JFR " + version, gzip, major, minor);
            }
            if (major == 1) {
                throw new ImportException(file, "JFR " + version + " recording" + compressed
                        + " (JDK 9 or 10): not supported; Flightdeck reads JFR 2.x recordings (JDK 11 and later, 8u272 and later)");
            }
            if (major == 0) {
                throw new ImportException(file, "JFR " + version + " recording" + compressed
                        + " (Oracle JDK 7 or 8): not supported; Flightdeck reads JFR 2.x recordings (JDK 11 and later, 8u272 and later)");
            }
            throw new ImportException(file, "JFR recording" + compressed + " of unknown version " + version
                    + ": not supported; Flightdeck reads JFR 2.x recordings");
        }
        if (looksLikeText(head)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r?\n", 400);
            int unified = 0;
            int unifiedOther = 0;
            int legacy = 0;
            int histogram = 0;
            for (int i = 0; i < Math.min(lines.length, 399); i++) {
                String line = lines[i];
                if (line.startsWith("[") && (UNIFIED_GC_LINE.matcher(line).matches()
                        || UNIFIED_UNTAGGED_GC_LINE.matcher(line).matches())) {
                    unified++;
                } else if (LEGACY_GC_LINE.matcher(line).matches() || LEGACY_GC_HEADER.matcher(line).matches()) {
                    legacy++;
                } else if (HISTOGRAM_HEADER.matcher(line).matches() || HISTOGRAM_ROW.matcher(line).matches()) {
                    histogram++;
                } else if (line.startsWith("[") && UNIFIED_OTHER_LINE.matcher(line).matches()) {
                    unifiedOther++;
                }
            }
            if (unified > 0 && unified >= legacy) {
                return new DetectedFormat(SourceKind.GC_LOG, "unified", gzip, 0, 0);
            }
            if (legacy > 0) {
                // a JDK 8 log may begin with -XX:+PrintClassHistogram output: its GC lines still make it a GC log
                return new DetectedFormat(SourceKind.GC_LOG, "legacy", gzip, 0, 0);
            }
            if (unifiedOther > 0 && histogram < 2) {
                // JVM unified logging of other tags only: read as a GC log, which then says it holds no GC record
                return new DetectedFormat(SourceKind.GC_LOG, "unified", gzip, 0, 0);
            }
            if (histogram >= 2) {
                if (lines.length >= 400 && "legacy".equals(gcLaterOn(file, gzip, true))) {
                    // a JDK 8 GC log that begins with -XX:+PrintClassHistogram output (a kill -3 before any GC)
                    return new DetectedFormat(SourceKind.GC_LOG, "legacy", gzip, 0, 0);
                }
                return new DetectedFormat(SourceKind.CLASS_HISTOGRAM, "class histogram", gzip, 0, 0);
            }
            if (lines.length >= 400) {
                // GC logging written into an application's console log may begin after a long preamble
                String later = gcLaterOn(file, gzip, false);
                if (later != null) {
                    return new DetectedFormat(SourceKind.GC_LOG, later, gzip, 0, 0);
                }
            }
            throw new ImportException(file, "not a JFR recording, GC log or class histogram (it is text"
                    + compressed + " starting \"" + preview(lines[0]) + "\")");
        }
        throw new ImportException(file, "not a JFR recording, GC log or class histogram (binary data" + compressed
                + " starting " + hex(head) + ")");
    }

    /**
     * The GC log format of the first collection line within the next lines of the file, or null: a histogram
     * written into a GC log runs to tens of thousands of lines, an application's console log may come first (a
     * histogram file never holds a GC line, so with {@code histogramFirst} a second snapshot ends the search).
     */
    private static String gcLaterOn(Path file, boolean gzip, boolean histogramFirst) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw) : raw;
             java.io.BufferedReader r = new java.io.BufferedReader(
                     new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String line;
            int histogramRows = 0;
            for (int n = 0; n < 200_000 && (line = r.readLine()) != null; n++) {
                if (LEGACY_GC_LINE.matcher(line).matches()) {
                    return "legacy";
                }
                if (!histogramFirst && line.startsWith("[") && (UNIFIED_GC_LINE.matcher(line).matches()
                        || UNIFIED_UNTAGGED_GC_LINE.matcher(line).matches())) {
                    return "unified";
                }
                if (HISTOGRAM_ROW.matcher(line).matches()) {
                    histogramRows++;
                } else if (histogramFirst && histogramRows > 0 && HISTOGRAM_HEADER.matcher(line).matches()) {
                    return null; // a second snapshot before any GC line: a file of histograms
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text when almost no control characters other than tab, CR, LF and form feed appear. */
    private static boolean looksLikeText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control <= head.length / 200;
    }

    private static String preview(String line) {
        StringBuilder sb = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (sb.length() >= 40) {
                sb.append('…');
                break;
            }
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString().strip();
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            sb.append(String.format("%02x", head[i] & 0xFF));
        }
        return sb.toString();
    }
}
