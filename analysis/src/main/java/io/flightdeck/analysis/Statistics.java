package io.flightdeck.analysis;

import java.util.Arrays;

/** Small numeric helpers shared by the analyses. */
public final class Statistics {
    private Statistics() {
    }

    /**
     * The p-th percentile (0..100) of the values with linear interpolation between the closest ranks (the
     * "R-7" definition spreadsheets and NumPy use); 0 for no values.
     */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, p);
    }

    public static double percentileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        double rank = (p / 100.0) * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        if (lower == upper) {
            return sorted[lower];
        }
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    /**
     * Least-squares slope of y over x; 0 with fewer than two distinct x values.
     */
    public static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    public static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
