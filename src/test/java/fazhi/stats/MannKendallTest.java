package fazhi.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MannKendallTest {

    @Test
    void threeRisingPointsHaveSThreeAndExactPOneThird() {
        MannKendall.Result r = MannKendall.test(new double[] {2018, 2019, 2020}, new double[] {1, 2, 3});
        assertThat(r.s()).isEqualTo(3);
        assertThat(r.tauB()).isEqualTo(1.0);
        assertThat(r.varS()).isCloseTo(11.0 / 3, within(1e-15));
        // P(T >= 3) = 1/3! for n = 3, doubled
        assertThat(r.pExact()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.p()).isEqualTo(r.pExact());
        assertThat(r.z()).isCloseTo(2 / Math.sqrt(11.0 / 3), within(1e-15));
    }

    @Test
    void untiedSeriesOfFourUsesTheMahonianDistribution() {
        // pairs: + + + - + + : S = 4, T = 5 concordant; P(T >= 5) = (3 + 1) / 24
        MannKendall.Result r = MannKendall.test(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        assertThat(r.s()).isEqualTo(4);
        assertThat(r.tauB()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(r.pExact()).isCloseTo(2 * 4.0 / 24, within(1e-15));
    }

    @Test
    void tiesInValuesUseTauBAndTheTieCorrectedNormalApproximation() {
        MannKendall.Result r = MannKendall.test(new double[] {2015, 2016, 2017, 2018}, new double[] {1, 1, 2, 3});
        assertThat(r.s()).isEqualTo(5);
        assertThat(r.tauB()).isCloseTo(5 / Math.sqrt(6 * 5), within(1e-15));
        assertThat(r.varS()).isCloseTo((4 * 3 * 13 - 2 * 1 * 9) / 18.0, within(1e-15));
        assertThat(r.pExact()).as("no exact p with ties").isNull();
        double z = 4 / Math.sqrt(138.0 / 18);
        assertThat(r.z()).isCloseTo(z, within(1e-15));
        assertThat(r.p()).isEqualTo(r.pNormal());
    }

    @Test
    void gapsInYearsDoNotChangeTheRankStatistics() {
        MannKendall.Result r = MannKendall.test(new double[] {2015, 2017, 2024}, new double[] {3, 2, 1});
        assertThat(r.s()).isEqualTo(-3);
        assertThat(r.tauB()).isEqualTo(-1.0);
        assertThat(r.pExact()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void constantSeriesHasNoTauNoZAndNoPValue() {
        MannKendall.Result r = MannKendall.test(new double[] {2019, 2020, 2021, 2022}, new double[] {5, 5, 5, 5});
        assertThat(r.s()).isZero();
        assertThat(r.tauB()).isNull();
        assertThat(r.z()).isNull();
        assertThat(r.p()).isNull();
        assertThat(TrendDirection.of(r.s(), r.p(), 0.05)).isEqualTo(TrendDirection.NO_TREND);
    }

    @Test
    void tenStrictlyRisingYearsAreSignificantlyIncreasing() {
        double[] t = new double[10];
        for (int i = 0; i < 10; i++) {
            t[i] = 2011 + i;
        }
        MannKendall.Result r = MannKendall.test(t, t.clone());
        assertThat(r.s()).isEqualTo(45);
        assertThat(r.pExact()).isCloseTo(2.0 / 3628800, within(1e-20));
        assertThat(TrendDirection.of(r.s(), r.p(), 0.05)).isEqualTo(TrendDirection.INCREASING);
    }

    @Test
    void fiftyUntiedPointsSwitchToTheNormalApproximation() {
        double[] t = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = 1975 + i;
            y[i] = (i * 37) % 50;
        }
        MannKendall.Result r = MannKendall.test(t, y);
        assertThat(r.pExact()).isNull();
        assertThat(r.pNormal()).isNotNull();
    }

    @Test
    void zeroSGivesZAndPOfOneWithContinuityCorrection() {
        MannKendall.Result r = MannKendall.test(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3});
        // + - - ... : pairs (2,1)-,(2,4)+,(2,3)+,(1,4)+,(1,3)+,(4,3)- : S = 2
        assertThat(r.s()).isEqualTo(2);
        MannKendall.Result zero = MannKendall.test(new double[] {1, 2, 3}, new double[] {2, 3, 1});
        // (2,3)+ (2,1)- (3,1)- : S = -1
        assertThat(zero.s()).isEqualTo(-1);
        assertThat(zero.z()).isZero();
        assertThat(zero.pNormal()).isEqualTo(1.0);
    }
}
