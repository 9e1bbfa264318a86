package io.flightdeck.app.theme;

/** Style-class names the views use, in one place (their rules are in flightdeck.css). */
public final class Styles {
    public static final String TILE = "fd-tile";
    public static final String TILE_VALUE = "fd-tile-value";
    public static final String TILE_LABEL = "fd-tile-label";
    public static final String TILE_DETAIL = "fd-tile-detail";
    public static final String SECTION_TITLE = "fd-section-title";
    public static final String FACTS = "fd-facts";
    public static final String FACT_LABEL = "fd-fact-label";
    public static final String CHIP = "fd-chip";
    public static final String STATUS_BAR = "fd-status-bar";
    public static final String MUTED = "fd-muted";
    public static final String WARNING_BANNER = "fd-warning-banner";
    public static final String SEVERITY_INFO = "fd-severity-info";
    public static final String SEVERITY_WARNING = "fd-severity-warning";
    public static final String SEVERITY_CRITICAL = "fd-severity-critical";
    public static final String BREADCRUMB = "fd-breadcrumb";
    public static final String NUMERIC = "fd-numeric";
    public static final String EMPTY = "fd-empty";
    public static final String BADGE = "fd-badge";
    public static final String BADGE_INFO = "fd-badge-info";
    public static final String BADGE_WARNING = "fd-badge-warning";
    public static final String BADGE_CRITICAL = "fd-badge-critical";
    public static final String SCORE = "fd-score";
    public static final String GROUP_HEADING = "fd-group-heading";
    public static final String FINDING_TITLE = "fd-finding-title";
    public static final String CODE = "fd-code";
    public static final String CALLOUT = "fd-callout";
    public static final String LINK_ROW = "fd-link-row";
    public static final String WELCOME = "fd-welcome";
    public static final String WELCOME_PAGE = "fd-welcome-page";
    public static final String WELCOME_TITLE = "fd-welcome-title";
    public static final String WELCOME_ACTION = "fd-welcome-action";
    public static final String WELCOME_ACTION_TITLE = "fd-welcome-action-title";

    private Styles() {
    }
}
