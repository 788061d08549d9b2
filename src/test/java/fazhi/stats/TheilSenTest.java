package fazhi.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TheilSenTest {

    @Test
    void slopeIsTheMedianPairwiseSlopeAndThreePointsHaveNoInterval() {
        // slopes 2, 0.5, -1 -> median 0.5; ranks round(-0.38) = 0 and round(4.38) = 4 fall outside 1..3
        TheilSen.Result r = TheilSen.estimate(new double[] {2018, 2019, 2020}, new double[] {1, 3, 2});
        assertThat(r.slope()).isEqualTo(0.5);
        assertThat(r.intercept()).isEqualTo(2 - 0.5 * 2019);
        assertThat(r.ciLow()).isNull();
        assertThat(r.ciHigh()).isNull();
    }

    @Test
    void gapsUseRealYears() {
        // slopes 1/1, 10/5, 9/4 -> median 2
        TheilSen.Result r = TheilSen.estimate(new double[] {2015, 2016, 2020}, new double[] {0, 1, 10});
        assertThat(r.slope()).isEqualTo(2.0);
        assertThat(r.intercept()).isEqualTo(1 - 2.0 * 2016);
    }

    @Test
    void intervalTakesTheSensSlopeRanksOfTheSortedSlopes() {
        // y = (t - 2000)^2 for t = 2001..2010: pairwise slopes are i + j, 1 <= i < j <= 10.
        // Var S = 10*9*25/18 = 125, C = 1.959964 * sqrt(125) = 21.913; N = 45:
        // lower rank round(11.54) = 12 -> 8, upper rank round(34.46) = 34 -> 14, median (23rd) -> 11.
        double[] t = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            t[i] = 2001 + i;
            y[i] = (i + 1.0) * (i + 1.0);
        }
        TheilSen.Result r = TheilSen.estimate(t, y);
        assertThat(r.slope()).isEqualTo(11.0);
        assertThat(r.ciLow()).isEqualTo(8.0);
        assertThat(r.ciHigh()).isEqualTo(14.0);
        assertThat(r.intercept()).isEqualTo(30.5 - 11.0 * 2005.5);
    }

    @Test
    void tiesInValuesShrinkTheVarianceOfS() {
        assertThat(TheilSen.varianceOfS(new double[] {1, 1, 2, 3})).isCloseTo((156 - 18) / 18.0, within(1e-15));
        assertThat(TheilSen.varianceOfS(new double[] {7, 7, 7})).isZero();
    }

    @Test
    void constantSeriesHasZeroSlopeAndADegenerateInterval() {
        TheilSen.Result r = TheilSen.estimate(new double[] {2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009,
                2010}, new double[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4});
        assertThat(r.slope()).isZero();
        assertThat(r.intercept()).isEqualTo(4.0);
        // Var S = 0: both ranks are N/2 (+1), all slopes are 0
        assertThat(r.ciLow()).isZero();
        assertThat(r.ciHigh()).isZero();
    }
}
