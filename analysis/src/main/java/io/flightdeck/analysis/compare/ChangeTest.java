package io.flightdeck.analysis.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Is a difference between two runs beyond noise? The tests compare observations of one metric in the baseline and
 * the candidate: values per time bucket (rates, shares), per event (GC pause durations), event counts over time
 * (Poisson rates) or a trend (the slope of heap after GC).
 *
 * <p>Each outcome carries a two-sided p-value and a 95 % interval of the relative change of the mean (a seeded
 * bootstrap, so the same inputs give the same answer). Statistical significance alone is not enough for a verdict:
 * {@link MetricSpec} adds a minimum practical change, because time buckets of one run are not independent and two
 * runs of one program differ by more than their buckets suggest.
 */
public final class ChangeTest {
    /** Bootstrap resamples; enough for a stable 95 % interval. */
    static final int RESAMPLES = 2000;
    private static final long SEED = 0x5EEDF1D6L;

    private ChangeTest() {
    }

    /**
     * @param pValue    two-sided p-value of "no change" (1 when there is too little data to test)
     * @param ciLowPercent  lower end of the 95 % interval of the relative change of the mean, percent (NaN if none)
     * @param ciHighPercent upper end
     * @param method    the test used, for the report
     */
    public record Outcome(double pValue, double ciLowPercent, double ciHighPercent, String method) {
        static Outcome untested(String why) {
            return new Outcome(1, Double.NaN, Double.NaN, why);
        }
    }

    /**
     * Mann–Whitney U test on two samples of observations (bucket values or event durations), with a bootstrap
     * interval of the relative change of the mean. Needs at least 3 observations per side.
     */
    public static Outcome samples(double[] baseline, double[] candidate) {
        if (baseline.length < 3 || candidate.length < 3) {
            return Outcome.untested("too few observations (" + baseline.length + " and " + candidate.length + ")");
        }
        double p;
        if (allEqual(baseline, candidate)) {
            p = 1;
        } else {
            p = MannWhitneyUTest.withDefaults().test(baseline, candidate).getPValue();
        }
        double[] ci = bootstrapRelativeChange(baseline, candidate);
        return new Outcome(p, ci[0], ci[1], "Mann-Whitney U over " + baseline.length + " and " + candidate.length
                + " observations");
    }

    /**
     * Two Poisson rates: {@code a} events in {@code secondsA} against {@code b} in {@code secondsB}. The exact
     * conditional test: given {@code a + b} events, {@code b} is binomial with p = secondsB / (secondsA + secondsB).
     */
    public static Outcome counts(long a, double secondsA, long b, double secondsB) {
        if (secondsA <= 0 || secondsB <= 0) {
            return Outcome.untested("no time span");
        }
        long n = a + b;
        if (n == 0) {
            return Outcome.untested("no events on either side");
        }
        double share = secondsB / (secondsA + secondsB);
        double p;
        if (n > Integer.MAX_VALUE) {
            // normal approximation of the binomial for very large counts
            double mean = n * share;
            double sd = Math.sqrt(n * share * (1 - share));
            double z = Math.abs(b - mean) / sd;
            p = 2 * NormalDistribution.of(0, 1).survivalProbability(z);
        } else {
            p = BinomialTest.withDefaults().test((int) n, (int) b, share).getPValue();
        }
        double rateA = a / secondsA;
        double rateB = b / secondsB;
        // an approximate interval of the rate ratio from the log-normal approximation
        double low = Double.NaN;
        double high = Double.NaN;
        if (a > 0 && b > 0) {
            double logRatio = Math.log(rateB / rateA);
            double se = Math.sqrt(1.0 / a + 1.0 / b);
            low = 100 * (Math.exp(logRatio - 1.96 * se) - 1);
            high = 100 * (Math.exp(logRatio + 1.96 * se) - 1);
        }
        return new Outcome(Math.min(1, p), low, high, "exact test of two Poisson rates (" + a + " and " + b
                + " events)");
    }

    /**
     * The difference of two least-squares slopes (y over x), tested with their standard errors (a z test). A side
     * with fewer than 4 points contributes its slope (0 with fewer than 2: no trend seen) but no error of its own;
     * at least one side needs 4 points.
     */
    public static Outcome slopes(double[] xa, double[] ya, double[] xb, double[] yb) {
        if (xa.length < 4 && xb.length < 4) {
            return Outcome.untested("too few points for a trend (" + xa.length + " and " + xb.length + ")");
        }
        double[] a = fit(xa, ya);
        double[] b = fit(xb, yb);
        // a side with too few points for its own error (a run with one or two GCs) is tested against the other's
        double sea = xa.length >= 4 ? a[1] : 0;
        double seb = xb.length >= 4 ? b[1] : 0;
        if (xa.length < 2) {
            a[0] = 0;
        }
        if (xb.length < 2) {
            b[0] = 0;
        }
        double se = Math.sqrt(sea * sea + seb * seb);
        double diff = b[0] - a[0];
        double p;
        if (se == 0) {
            p = diff == 0 ? 1 : 0;
        } else {
            p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(diff) / se);
        }
        double low = Double.NaN;
        double high = Double.NaN;
        if (a[0] != 0) {
            low = 100 * (diff - 1.96 * se) / Math.abs(a[0]);
            high = 100 * (diff + 1.96 * se) / Math.abs(a[0]);
        }
        return new Outcome(p, low, high, "z test of two regression slopes (" + xa.length + " and " + xb.length
                + " points)");
    }

    /** Least-squares slope of y over x and its standard error. */
    static double[] fit(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) {
            return new double[]{0, Double.POSITIVE_INFINITY};
        }
        double slope = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (my + slope * (x[i] - mx));
            sse += r * r;
        }
        double se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Double.POSITIVE_INFINITY;
        return new double[]{slope, se};
    }

    /** 2.5 % and 97.5 % quantiles of the bootstrap distribution of (mean(c) - mean(b)) / mean(b), in percent. */
    static double[] bootstrapRelativeChange(double[] baseline, double[] candidate) {
        double mb = mean(baseline);
        if (mb == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] changes = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double b = resampledMean(baseline, random);
            double c = resampledMean(candidate, random);
            changes[r] = b == 0 ? Double.POSITIVE_INFINITY : 100 * (c - b) / b;
        }
        Arrays.sort(changes);
        return new double[]{changes[(int) (0.025 * (RESAMPLES - 1))], changes[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static boolean allEqual(double[] a, double[] b) {
        double first = a[0];
        for (double v : a) {
            if (v != first) {
                return false;
            }
        }
        for (double v : b) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }
}
