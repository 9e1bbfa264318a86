package io.flightdeck.ingest;

import java.nio.file.Path;

/**
 * A source could not be read: the message is one line for the user, naming the file and what was wrong
 * (never a stack trace). The cause, when there is one, is for the log.
 */
public final class ImportException extends Exception {
    private final transient Path file;

    public ImportException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public ImportException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
