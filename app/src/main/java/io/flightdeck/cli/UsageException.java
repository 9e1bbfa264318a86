package io.flightdeck.cli;

/** A command-line mistake the user can fix: the message says what is wrong and how to fix it. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
