package io.flightdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where internal errors go: a stack trace for the developers in a log file, never on the user's terminal.
 * The directory is {@code flightdeck.log.dir}, else {@code ~/.flightdeck/logs}, else the temporary directory.
 */
final class ErrorLog {
    private ErrorLog() {
    }

    /** Appends the throwable to the log and returns the log's path (or null when nothing could be written). */
    static Path write(String context, Throwable t) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println(Instant.now() + " " + context);
            t.printStackTrace(out);
        }
        for (Path dir : candidates()) {
            try {
                Files.createDirectories(dir);
                Path log = dir.resolve("flightdeck.log");
                Files.writeString(log, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return log;
            } catch (IOException | SecurityException e) {
                // try the next place
            }
        }
        return null;
    }

    private static Path[] candidates() {
        String configured = System.getProperty("flightdeck.log.dir");
        Path home = Path.of(System.getProperty("user.home", "."), ".flightdeck", "logs");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "flightdeck-logs");
        return configured == null ? new Path[]{home, tmp} : new Path[]{Path.of(configured), home, tmp};
    }
}
