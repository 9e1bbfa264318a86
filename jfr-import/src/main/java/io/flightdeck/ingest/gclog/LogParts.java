package io.flightdeck.ingest.gclog;

import io.flightdeck.ingest.DetectedFormat;
import io.flightdeck.ingest.FormatDetector;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.model.SourceKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one GC log with their detected formats, in the same order: the files named and the rotated parts
 * that lie beside them.
 */
record LogParts(List<Path> files, List<DetectedFormat> formats) {
    private static final Pattern ROTATION_SUFFIX = Pattern.compile("^(.*?)\\.(\\d+)(\\.current)?$");

    /**
     * Adds the rotated parts of each log that lie beside it and were not named: {@code gc.log} brings
     * {@code gc.log.0}, {@code gc.log.1}, ... (JDK 9+) and {@code gc.log.2.current} (JDK 8). Parts of another JVM run
     * are left out later, when their JVM start differs.
     */
    static LogParts withRotatedParts(List<Path> files, List<DetectedFormat> formats, List<String> notes) {
        List<Path> all = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (seen.add(f.toAbsolutePath().normalize())) {
                all.add(f);
            }
        }
        List<DetectedFormat> allFormats = new ArrayList<>(formats);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null) {
                continue;
            }
            String name = file.getFileName().toString();
            Matcher m = ROTATION_SUFFIX.matcher(name);
            String base = m.matches() ? m.group(1) : name;
            List<Path> candidates = new ArrayList<>();
            try (var list = Files.list(dir)) {
                list.forEach(candidate -> {
                    String n = candidate.getFileName().toString();
                    Matcher c = ROTATION_SUFFIX.matcher(n);
                    if (n.equals(base) || c.matches() && c.group(1).equals(base)) {
                        candidates.add(candidate);
                    }
                });
            } catch (IOException e) {
                continue;
            }
            candidates.sort(Comparator.comparing(Path::toString));
            for (Path candidate : candidates) {
                Path key = candidate.toAbsolutePath().normalize();
                if (seen.contains(key) || !Files.isRegularFile(candidate)) {
                    continue;
                }
                try {
                    DetectedFormat f = FormatDetector.detect(candidate);
                    if (f.kind() == SourceKind.GC_LOG && f.format().equals(formats.get(i).format())) {
                        seen.add(key);
                        all.add(candidate);
                        allFormats.add(f);
                        added.add(candidate.getFileName().toString());
                    }
                } catch (ImportException e) {
                    // not a log of ours: leave it
                }
            }
        }
        if (!added.isEmpty()) {
            notes.add("Read together with its rotated parts " + String.join(", ", added) + ".");
        }
        return new LogParts(all, allFormats);
    }
}
