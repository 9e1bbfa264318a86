package io.flightdeck.app.workspace;

/**
 * Moves between the views of one recording. Views are named by the keys findings use ({@code overview},
 * {@code findings}, {@code cpu}, {@code memory}, {@code locks}, {@code gc}, {@code io}, {@code heap}).
 */
public interface Navigator {
    /** Whether this analysis has the view (a GC log alone has no CPU view, say). */
    boolean has(String viewKey);

    /** The view's tab title ("Locks & threads"), or the key itself when there is no such view. */
    String title(String viewKey);

    /** Shows the view; does nothing when there is no such view. */
    void show(String viewKey);

    /** Shows the findings view with this finding selected (when the current selection still has it). */
    void showFinding(String findingId);
}
