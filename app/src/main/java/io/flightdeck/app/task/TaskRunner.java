package io.flightdeck.app.task;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.ingest.ProgressListener;

import java.util.function.Consumer;

/**
 * Runs long work off the FX thread (imports, analyses, view data) and hands the result back to the FX thread.
 * Production uses {@link FxTaskRunner}; tests can run everything inline with {@link InlineTaskRunner}.
 */
public interface TaskRunner {

    /** A unit of background work; it reports progress and checks the token. */
    @FunctionalInterface
    interface Work<T> {
        T call(ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    /**
     * Starts {@code work}; {@code onSuccess} or {@code onFailure} runs on the FX thread afterwards (not at all when
     * the task was cancelled).
     *
     * @param title what the status bar shows while it runs
     */
    <T> TaskHandle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
