package fazhi.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OlsTrendTest {

    @Test
    void threePointsGiveTheTIntervalWithOneDegreeOfFreedom() {
        // slope 1/2, SSE 1.5, se = sqrt(1.5 / 1 / 2); qt(0.975, 1) = tan(0.475 pi)
        OlsTrend.Result r = OlsTrend.fit(new double[] {2018, 2019, 2020}, new double[] {1, 3, 2});
        double se = Math.sqrt(0.75);
        double q = Math.tan(0.475 * Math.PI);
        assertThat(r.slope()).isCloseTo(0.5, within(1e-15));
        assertThat(r.standardError()).isCloseTo(se, within(1e-15));
        assertThat(r.ciLow()).isCloseTo(0.5 - q * se, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(0.5 + q * se, within(1e-12));
        // Cauchy: 2 P(T > 1/sqrt(3)) = 2 (1/2 - (pi/6)/pi) = 2/3
        assertThat(r.p()).isCloseTo(2.0 / 3, within(1e-14));
    }

    @Test
    void constantSeriesHasZeroSlopeAndNoPValue() {
        OlsTrend.Result r = OlsTrend.fit(new double[] {2018, 2019, 2021}, new double[] {7, 7, 7});
        assertThat(r.slope()).isZero();
        assertThat(r.ciLow()).isZero();
        assertThat(r.ciHigh()).isZero();
        assertThat(r.p()).isNull();
    }

    @Test
    void exactLineHasAZeroWidthIntervalAndPZero() {
        OlsTrend.Result r = OlsTrend.fit(new double[] {2000, 2002, 2005}, new double[] {0, 4, 10});
        assertThat(r.slope()).isCloseTo(2, within(1e-12));
        assertThat(r.ciHigh() - r.ciLow()).isCloseTo(0, within(1e-9));
    }
}
