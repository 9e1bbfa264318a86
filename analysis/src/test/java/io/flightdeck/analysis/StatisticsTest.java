package io.flightdeck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        double[] v = {5, 1, 4, 2, 3};
        assertThat(Statistics.percentile(v, 0)).isEqualTo(1);
        assertThat(Statistics.percentile(v, 50)).isEqualTo(3);
        assertThat(Statistics.percentile(v, 100)).isEqualTo(5);
        assertThat(Statistics.percentile(v, 95)).isCloseTo(4.8, within(1e-9));
        assertThat(Statistics.percentile(new double[0], 99)).isZero();
        assertThat(Statistics.percentile(new double[]{7}, 99)).isEqualTo(7);
    }

    @Test
    void slopeIsTheLeastSquaresTrend() {
        assertThat(Statistics.slope(new double[]{0, 1, 2, 3}, new double[]{10, 12, 14, 16})).isCloseTo(2, within(1e-12));
        assertThat(Statistics.slope(new double[]{1}, new double[]{1})).isZero();
        assertThat(Statistics.slope(new double[]{2, 2}, new double[]{1, 5})).isZero();
    }
}
