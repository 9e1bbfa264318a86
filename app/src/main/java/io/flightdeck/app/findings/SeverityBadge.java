package io.flightdeck.app.findings;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.app.theme.Styles;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A small coloured pill with a finding's severity ("CRITICAL"), the same in the findings view and the overview. */
public final class SeverityBadge {
    private SeverityBadge() {
    }

    public static Label of(Severity severity) {
        Label badge = new Label(severity.label().toUpperCase(Locale.ROOT));
        badge.getStyleClass().addAll(Styles.BADGE, styleOf(severity));
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip(switch (severity) {
            case CRITICAL -> "Critical: score 75 or more — the finding explains a large share of the time";
            case WARNING -> "Warning: score 50–74";
            case INFO -> "Info: score below 50";
        }));
        return badge;
    }

    static String styleOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Styles.BADGE_CRITICAL;
            case WARNING -> Styles.BADGE_WARNING;
            case INFO -> Styles.BADGE_INFO;
        };
    }
}
