package io.flightdeck.app.theme;

import javafx.scene.paint.Color;

/**
 * The one palette of the app: chart series, severities and flame-graph frame kinds, in a light and a dark
 * variant. CSS uses the same values through looked-up colours (flightdeck.css); the chart theme maps them onto
 * JFreeChart.
 */
public record Palette(boolean dark, Color background, Color surface, Color text, Color mutedText, Color grid,
        Color cpuUser, Color cpuSystem, Color machine, Color heapBefore, Color heapAfter, Color heapMax, Color pause,
        Color fullPause, Color allocation, Color threads, Color selection, Color info, Color warning, Color critical,
        Color application, Color library, Color jdk, Color match) {

    public static final Palette LIGHT = new Palette(false, Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#1f2328"), Color.web("#59636e"), Color.web("#d8dee4"),
            Color.web("#0969da"), Color.web("#8250df"), Color.web("#8c959f"), Color.web("#bc4c00"),
            Color.web("#1a7f37"), Color.web("#cf222e"), Color.web("#bf8700"), Color.web("#cf222e"),
            Color.web("#1a7f37"), Color.web("#6e7781"), Color.web("#0969da", 0.18),
            Color.web("#0969da"), Color.web("#9a6700"), Color.web("#cf222e"),
            Color.web("#e8853d"), Color.web("#4fa35a"), Color.web("#6f9bd1"), Color.web("#c4348f"));

    public static final Palette DARK = new Palette(true, Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#e6edf3"), Color.web("#9198a1"), Color.web("#30363d"),
            Color.web("#4493f8"), Color.web("#ab7df8"), Color.web("#9198a1"), Color.web("#f0883e"),
            Color.web("#3fb950"), Color.web("#f85149"), Color.web("#d29922"), Color.web("#f85149"),
            Color.web("#3fb950"), Color.web("#8b949e"), Color.web("#4493f8", 0.25),
            Color.web("#4493f8"), Color.web("#d29922"), Color.web("#f85149"),
            Color.web("#d9793a"), Color.web("#3f9a4e"), Color.web("#4f7fbf"), Color.web("#db61a2"));

    /** CSS hex of a colour, for inline styles. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
