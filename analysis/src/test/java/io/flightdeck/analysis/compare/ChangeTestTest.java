package io.flightdeck.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The significance tests on synthetic data whose answer is known: no change, a small change, a large one. */
class ChangeTestTest {
    private static double[] normal(SplittableRandom r, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            double u1 = 1 - r.nextDouble();
            double u2 = r.nextDouble();
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    @Test
    void samplesFromOneDistributionAreNotAChange() {
        SplittableRandom r = new SplittableRandom(1);
        int falseAlarms = 0;
        for (int trial = 0; trial < 200; trial++) {
            ChangeTest.Outcome o = ChangeTest.samples(normal(r, 40, 100, 10), normal(r, 40, 100, 10));
            if (o.pValue() < Comparer.ALPHA) {
                falseAlarms++;
            }
        }
        // at alpha = 0.01 about 2 of 200 trials reject by chance; 8 or more would mean a broken test
        assertThat(falseAlarms).isLessThan(8);
    }

    @Test
    void identicalSamplesHavePValueOne() {
        double[] x = {1, 2, 3, 4, 5};
        ChangeTest.Outcome o = ChangeTest.samples(x, x.clone());
        assertThat(o.pValue()).isGreaterThan(0.9);
        assertThat(o.ciLowPercent()).isLessThanOrEqualTo(0);
        assertThat(o.ciHighPercent()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aLargeShiftIsSignificantAndItsIntervalHoldsTheTrueChange() {
        SplittableRandom r = new SplittableRandom(2);
        ChangeTest.Outcome o = ChangeTest.samples(normal(r, 40, 100, 10), normal(r, 40, 50, 10));
        assertThat(o.pValue()).isLessThan(1e-6);
        assertThat(o.ciLowPercent()).isLessThan(-50).isGreaterThan(-60);
        assertThat(o.ciHighPercent()).isGreaterThan(-50).isLessThan(-40);
    }

    @Test
    void aSmallShiftInNoisyDataIsNotSignificant() {
        SplittableRandom r = new SplittableRandom(3);
        ChangeTest.Outcome o = ChangeTest.samples(normal(r, 10, 100, 30), normal(r, 10, 97, 30));
        assertThat(o.pValue()).isGreaterThan(Comparer.ALPHA);
    }

    @Test
    void aSmallShiftInQuietDataIsSignificantButNotPractical() {
        SplittableRandom r = new SplittableRandom(4);
        double[] b = normal(r, 40, 100, 1);
        double[] c = normal(r, 40, 97, 1);
        ChangeTest.Outcome o = ChangeTest.samples(b, c);
        assertThat(o.pValue()).isLessThan(Comparer.ALPHA);
        // a 3 % change of a metric whose smallest practical change is 20 % does not count
        MetricSpec spec = new MetricSpec("x", "x", "/s", "thread-churn", true, 1, 0.2);
        ComparisonReport.MetricChange m = Comparer.change(spec, SideMetrics.Observed.ofSamples(ChangeTest.mean(b), b),
                SideMetrics.Observed.ofSamples(ChangeTest.mean(c), c), true);
        assertThat(m.significant()).isFalse();
        assertThat(m.better()).isTrue();
    }

    @Test
    void tooFewObservationsAreNotTested() {
        ChangeTest.Outcome o = ChangeTest.samples(new double[]{1, 2}, new double[]{100, 200});
        assertThat(o.pValue()).isEqualTo(1);
        assertThat(o.method()).contains("too few");
    }

    @Test
    void poissonRatesEqualPerSecondAreNotAChange() {
        // 100 events in 10 s and 200 in 20 s: the same rate
        assertThat(ChangeTest.counts(100, 10, 200, 20).pValue()).isGreaterThan(0.5);
        // 100 in 10 s against 20 in 10 s: five times fewer
        ChangeTest.Outcome o = ChangeTest.counts(100, 10, 20, 10);
        assertThat(o.pValue()).isLessThan(1e-10);
        assertThat(o.ciLowPercent()).isLessThan(-80).isGreaterThan(-95);
        assertThat(o.ciHighPercent()).isGreaterThan(-80).isLessThan(-60);
        // no events anywhere cannot be tested
        assertThat(ChangeTest.counts(0, 10, 0, 10).pValue()).isEqualTo(1);
    }

    @Test
    void slopesOfTheSameTrendAreNotAChangeAndAFlatLineAgainstGrowthIs() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[20];
        double[] grow = new double[20];
        double[] grow2 = new double[20];
        double[] flat = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i;
            grow[i] = 100 + 10 * i + normal(r, 1, 0, 5)[0];
            grow2[i] = 120 + 10 * i + normal(r, 1, 0, 5)[0];
            flat[i] = 100 + normal(r, 1, 0, 5)[0];
        }
        assertThat(ChangeTest.fit(x, grow)[0]).isBetween(9.0, 11.0);
        assertThat(ChangeTest.slopes(x, grow, x, grow2).pValue()).isGreaterThan(Comparer.ALPHA);
        ChangeTest.Outcome o = ChangeTest.slopes(x, grow, x, flat);
        assertThat(o.pValue()).isLessThan(1e-6);
        assertThat(o.ciHighPercent()).isLessThan(-80);
    }

    @Test
    void theVerdictWeighsCategoriesByHowMuchTheirFindingsMoved() {
        Comparer.Weighing bigWinSmallLoss = new Comparer.Weighing(java.util.Map.of("cpu-hotspot", 90),
                java.util.Map.of("gc-overhead", 10));
        assertThat(bigWinSmallLoss.verdict()).isEqualTo(Verdict.IMPROVED);
        Comparer.Weighing even = new Comparer.Weighing(java.util.Map.of("cpu-hotspot", 40),
                java.util.Map.of("lock-contention", 30));
        assertThat(even.verdict()).isEqualTo(Verdict.MIXED);
        assertThat(new Comparer.Weighing(java.util.Map.of(), java.util.Map.of("thread-churn", 12)).verdict())
                .isEqualTo(Verdict.REGRESSED);
        assertThat(new Comparer.Weighing(java.util.Map.of(), java.util.Map.of()).verdict())
                .isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
    }
}
