package io.flightdeck.analysis.rule;

/** The scales rules share, so that scores compare like with like across categories. */
public final class Scores {
    private Scores() {
    }

    /**
     * A rate on a log scale: {@code atLow} points at {@code low} per second, {@code perDecade} more for every ten
     * times more; 0 below {@code low}.
     */
    public static double logScale(double rate, double low, double atLow, double perDecade) {
        if (rate < low || rate <= 0) {
            return 0;
        }
        return atLow + perDecade * Math.log10(rate / low);
    }

    /** A share (0..1) of the application's time as points. */
    public static double share(double fraction) {
        return 100 * Math.max(0, Math.min(1, fraction));
    }
}
