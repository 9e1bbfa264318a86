package io.flightdeck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the test inputs are: the in-repo sample recordings and, when present, ../shared's corpora. */
public final class TestFiles {
    private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Pattern SUMMARY_LINE = Pattern.compile("\\s*(\\S+)\\s+(\\d+)\\s+(\\d+)\\s*");

    private TestFiles() {
    }

    public static Path sample(String name) {
        return BASE.resolveSibling("sample-recordings").resolve("recordings").resolve(name);
    }

    /** A GC log from GCViewer's test suite, copied into our test resources (see the README there). */
    public static Path gcviewerLog(String name) {
        return BASE.resolveSibling("jfr-import").resolve("src").resolve("test").resolve("resources").resolve("gclogs")
                .resolve("gcviewer")
                .resolve(name);
    }

    /** Our own GC logs of every collector (sample-recordings/gclogs, with their manifest). */
    public static Path freshGcLogs() {
        return BASE.resolveSibling("sample-recordings").resolve("gclogs");
    }

    /** ../shared/corpus beside the repository (CI has it; a fresh clone may not). */
    public static Path corpus() {
        return BASE.getParent().resolveSibling("shared").resolve("corpus");
    }

    /** A file of ../shared/corpus/recordings, or null when the corpus is not beside the repository. */
    public static Path corpusOrNull(String relative) {
        Path p = corpus().resolve("recordings").resolve(relative);
        return java.nio.file.Files.exists(p) ? p : null;
    }

    public static Path externalCorpus() {
        return BASE.getParent().resolveSibling("shared").resolve("external-corpus");
    }

    /** Event counts per type as the JDK's own {@code jfr summary} prints them for a file. */
    public static Map<String, Long> jfrSummaryCounts(Path recording) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process p = new ProcessBuilder(jfr.toString(), "summary", recording.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jfr summary failed: " + out);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = SUMMARY_LINE.matcher(line);
            if (m.matches() && m.group(1).startsWith("jdk.")) {
                counts.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return counts;
    }

    /** Copies the first {@code fraction} of a file's bytes to a new file. */
    public static Path cut(Path source, double fraction, Path dir) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Path target = dir.resolve("cut-" + Math.round(fraction * 100) + "-" + source.getFileName());
        Files.write(target, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return target;
    }

    /** A class histogram fixture of jfr-import (see {@code src/test/resources/histograms/README.md}). */
    public static Path histogram(String name) {
        Path here = BASE.resolve("src/test/resources/histograms").resolve(name);
        return Files.exists(here) ? here
                : BASE.resolveSibling("jfr-import").resolve("src/test/resources/histograms").resolve(name);
    }

    /**
     * Writes one file holding several real histograms appended, each preceded by its time stamp line when one is
     * given (null for none): what a script running {@code date; jcmd PID GC.class_histogram} in a loop produces.
     */
    public static Path appendHistograms(Path target, List<String> stampLines, List<Path> histograms)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < histograms.size(); i++) {
            if (stampLines.get(i) != null) {
                sb.append(stampLines.get(i)).append('\n');
            }
            sb.append(Files.readString(histograms.get(i)));
        }
        return Files.writeString(target, sb);
    }
}
