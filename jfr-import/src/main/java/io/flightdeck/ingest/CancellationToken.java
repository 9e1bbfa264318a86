package io.flightdeck.ingest;

import java.util.concurrent.CancellationException;

/** Lets the user stop a long operation; workers check it between units of work. */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
