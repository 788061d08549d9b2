package fazhi.rank;

import fazhi.stats.Ranks;
import org.junit.jupiter.api.Test;

import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected values computed in R with the e1071 type 2 formulas (see recompute.R). */
class OutlierTreatmentTest {
    private final OutlierTreatment coinrDefault = new OutlierTreatment(2, 3.5, 5, true);

    private static double[] oneToTenWith(double... tail) {
        return DoubleStream.concat(DoubleStream.iterate(1, v -> v + 1).limit(10), DoubleStream.of(tail)).toArray();
    }

    @Test
    void skewnessAndKurtosisAreE1071TypeTwo() {
        double[] x = oneToTenWith(30, 100);
        assertThat(ShapeStatistics.skewness(x)).isCloseTo(3.0632410342394985, within(1e-12));
        assertThat(ShapeStatistics.kurtosis(x)).isCloseTo(9.7413908345691436, within(1e-12));
        double[] y = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1000};
        assertThat(ShapeStatistics.skewness(y)).isCloseTo(3.3166247903553998, within(1e-12));
        assertThat(ShapeStatistics.kurtosis(y)).isCloseTo(10.999999999999998, within(1e-12));
        assertThat(ShapeStatistics.skewness(new double[]{5, 5, 5, 5})).isNaN();
        assertThat(ShapeStatistics.kurtosis(new double[]{1, 2, 3})).isNaN();
    }

    @Test
    void givenExtremeOutlier_whenTreated_thenOnePointIsWinsorisedToTheNextValue() {
        OutlierTreatment.Result r = coinrDefault.treat(oneToTenWith(30, 100));
        assertThat(r.outcome()).isEqualTo("winsorised");
        assertThat(r.winsorised()).isEqualTo(1);
        assertThat(r.values()[11]).isEqualTo(30.0);
        assertThat(r.points()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(11);
            assertThat(p.action()).isEqualTo(TreatmentAction.WINHI);
            assertThat(p.before()).isEqualTo(100.0);
            assertThat(p.after()).isEqualTo(30.0);
        });
        assertThat(r.skewAfter()).isCloseTo(1.7120380600890506, within(1e-12));
        assertThat(r.kurtosisAfter()).isCloseTo(1.8157805377242044, within(1e-12));
    }

    @Test
    void givenWellBehavedValues_whenTreated_thenUntouched() {
        OutlierTreatment.Result r = coinrDefault.treat(oneToTenWith(11, 12));
        assertThat(r.outcome()).isEqualTo("none");
        assertThat(r.points()).isEmpty();
    }

    @Test
    void givenFewerThanFourValues_whenTreated_thenLeftAlone() {
        assertThat(coinrDefault.treat(new double[]{1, 2, 1000}).outcome()).isEqualTo("too_few");
    }

    @Test
    void givenOutliersBeyondFiveWinsorisations_whenTreated_thenLogTransformOfUntreatedValues() {
        double[] x = new double[68];
        java.util.Arrays.fill(x, 0, 60, 1);
        for (int i = 0; i < 8; i++) {
            x[60 + i] = Math.pow(10, i + 2);
        }
        OutlierTreatment.Result r = coinrDefault.treat(x);
        assertThat(r.outcome()).isEqualTo("log_ct");
        assertThat(r.points()).hasSize(68).allSatisfy(p -> assertThat(p.action()).isEqualTo(TreatmentAction.LOG_CT));
        assertThat(r.values()[0]).isCloseTo(16.11809564995832, within(1e-12));
        assertThat(r.values()[62]).isCloseTo(16.119095050392296, within(1e-12));
        assertThat(r.values()[67]).isCloseTo(20.733216166799579, within(1e-12));
    }

    @Test
    void givenNoLogFallback_whenStillFailing_thenWinsorisedValuesKeptAndOutcomeFailed() {
        double[] x = new double[68];
        java.util.Arrays.fill(x, 0, 60, 1);
        for (int i = 0; i < 8; i++) {
            x[60 + i] = Math.pow(10, i + 2);
        }
        OutlierTreatment.Result r = new OutlierTreatment(2, 3.5, 5, false).treat(x);
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.winsorised()).isEqualTo(5);
        assertThat(r.points()).hasSize(5).allSatisfy(p -> assertThat(p.after()).isEqualTo(1e4));
    }

    @Test
    void minRanksShareTheSmallerRankOnTies() {
        assertThat(Ranks.minRanks(new double[]{9, 7, 7, 3})).containsExactly(1, 2, 2, 4);
        assertThat(Ranks.minRanks(new double[]{3, Double.NaN, 9, 9})).containsExactly(3, 0, 1, 1);
    }

    @Test
    void quantilesAreRType1() {
        int[] ranks = new int[1000];
        for (int i = 0; i < 1000; i++) {
            ranks[i] = 1 + i / 100;   // 100 draws each of ranks 1..10
        }
        // R: quantile(rep(1:10, each = 100), c(.05, .5, .95), type = 1) → 1, 5, 10
        assertThat(Ranks.quantileType1(ranks.clone(), 0.05)).isEqualTo(1);
        assertThat(Ranks.quantileType1(ranks.clone(), 0.5)).isEqualTo(5);
        assertThat(Ranks.quantileType1(ranks.clone(), 0.95)).isEqualTo(10);
        // R: quantile(c(4, 1, 2, 3), .5, type = 1) → 2
        assertThat(Ranks.quantileType1(new int[]{4, 1, 2, 3}, 0.5)).isEqualTo(2);
    }
}
