package io.flightdeck.analysis;

import io.flightdeck.analysis.gc.GcActivity;
import io.flightdeck.analysis.gc.GcStatistics;
import io.flightdeck.analysis.gc.PhaseSummary;
import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.analysis.hotspot.HotMethods;
import io.flightdeck.analysis.threads.ThreadActivity;
import io.flightdeck.model.Profile;

import java.util.List;
import java.util.function.Supplier;

/**
 * The analysis of one {@link Selection}: every derived number is computed once, on first use, and shared by the
 * report, the rules, compare and the desktop app's views (ADR 0005). The frame classifier belongs to the profile
 * and is shared by every selection of it. Thread-safe: rules read it in parallel.
 */
public final class Analysis {
    private final Selection selection;
    private final FrameClassifier classifier;
    private final Memo<List<HotMethod>> hotMethods;
    private final Memo<GcStatistics> gcStatistics;
    private final Memo<GcActivity> gcActivity;
    private final Memo<List<io.flightdeck.model.GcPause>> applicationPauses;
    private final Memo<List<ThreadActivity>> threadActivity;
    private final Memo<List<PhaseSummary>> phases;

    private Analysis(Selection selection, FrameClassifier classifier) {
        this.selection = selection;
        this.classifier = classifier;
        this.hotMethods = new Memo<>(() -> HotMethods.compute(selection));
        this.gcStatistics = new Memo<>(() -> GcStatistics.compute(selection));
        this.gcActivity = new Memo<>(() -> GcActivity.compute(selection));
        this.applicationPauses = new Memo<>(() -> Signals.applicationPauses(gcStatistics().pauses()));
        this.threadActivity = new Memo<>(() -> ThreadActivity.compute(selection));
        this.phases = new Memo<>(() -> PhaseSummary.of(selection));
    }

    /** The analysis of a selection, with a classifier of its own. */
    public static Analysis of(Selection selection) {
        return new Analysis(selection, new FrameClassifier(selection.profile()));
    }

    /** The analysis of a selection of a profile whose classifier is already built (a new range or thread filter). */
    public static Analysis of(Selection selection, FrameClassifier classifier) {
        return new Analysis(selection, classifier);
    }

    public Selection selection() {
        return selection;
    }

    public Profile profile() {
        return selection.profile();
    }

    public FrameClassifier classifier() {
        return classifier;
    }

    /** CPU hot methods by self samples (all of them; tables take the top). */
    public List<HotMethod> hotMethods() {
        return hotMethods.get();
    }

    /** GC pauses and their statistics in the selection. */
    public GcStatistics gcStatistics() {
        return gcStatistics.get();
    }

    /**
     * The application's GC pauses in the selection: every pause but those a diagnostic tool asked for
     * ({@link Signals#isDiagnosticGc}). The report lists all pauses; the rules and compare judge these.
     */
    public List<io.flightdeck.model.GcPause> applicationPauses() {
        return applicationPauses.get();
    }

    /** Concurrent cycles, safepoints, stalls and promotion in the selection. */
    public GcActivity gcActivity() {
        return gcActivity.get();
    }

    /** What each thread did: CPU, blocked, parked, waiting, I/O. */
    public List<ThreadActivity> threadActivity() {
        return threadActivity.get();
    }

    /** GC phases by name. */
    public List<PhaseSummary> phases() {
        return phases.get();
    }

    /** A value computed at most once, by the first thread that asks. */
    private static final class Memo<T> {
        private final Supplier<T> compute;
        private volatile T value;

        Memo(Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
