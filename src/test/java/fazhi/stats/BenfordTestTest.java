package fazhi.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenfordTestTest {

    @Test
    void allLeadingOnesAreNonconforming() {
        long[] counts = new long[10];
        counts[1] = 100;
        BenfordTest.Result r = BenfordTest.test(counts);
        double p1 = Math.log10(2);
        double expectedChi = (100 - 100 * p1) * (100 - 100 * p1) / (100 * p1) + 100 * (1 - p1);
        assertThat(r.n()).isEqualTo(100);
        assertThat(r.chiSquare()).isCloseTo(expectedChi, within(1e-10));
        assertThat(r.mad()).isCloseTo(2 * (1 - p1) / 9, within(1e-15));
        assertThat(r.conformity()).isEqualTo(BenfordTest.Conformity.NONCONFORMITY);
        assertThat(r.p()).isLessThan(1e-30);
    }

    @Test
    void benfordShapedCountsConformClosely() {
        long[] counts = new long[10];
        for (int d = 1; d <= 9; d++) {
            counts[d] = Math.round(100000 * BenfordTest.expectedProportion(d));
        }
        BenfordTest.Result r = BenfordTest.test(counts);
        assertThat(r.mad()).isLessThan(0.0001);
        assertThat(r.conformity()).isEqualTo(BenfordTest.Conformity.CLOSE);
        assertThat(r.p()).isGreaterThan(0.99);
    }

    @Test
    void conformityBandsUseNigrinisFirstDigitThresholds() {
        assertThat(BenfordTest.Conformity.ofMad(0.006)).isEqualTo(BenfordTest.Conformity.CLOSE);
        assertThat(BenfordTest.Conformity.ofMad(0.0061)).isEqualTo(BenfordTest.Conformity.ACCEPTABLE);
        assertThat(BenfordTest.Conformity.ofMad(0.012)).isEqualTo(BenfordTest.Conformity.ACCEPTABLE);
        assertThat(BenfordTest.Conformity.ofMad(0.015)).isEqualTo(BenfordTest.Conformity.MARGINAL);
        assertThat(BenfordTest.Conformity.ofMad(0.0151)).isEqualTo(BenfordTest.Conformity.NONCONFORMITY);
    }

    @Test
    void firstDigitIsTheFirstSignificantDigitOfValuesFromOne() {
        assertThat(BenfordTest.firstDigit(1)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(2950)).isEqualTo(2);
        assertThat(BenfordTest.firstDigit(9.99)).isEqualTo(9);
        assertThat(BenfordTest.firstDigit(1e20)).isEqualTo(1);
        assertThat(BenfordTest.firstDigit(0.5)).isZero();
        assertThat(BenfordTest.firstDigit(Double.NaN)).isZero();
    }

    @Test
    void aConformityLabelNeedsTheMinimumNumberOfFigures() {
        long[] benfordLike = {0, 181, 106, 75, 58, 48, 40, 35, 30, 27};   // n = 600, close to Benford
        assertThat(BenfordRow.of("370000", 2023, benfordLike, 600, false, "r").conformity()).isEqualTo("close");
        long[] fewer = {0, 180, 106, 75, 58, 48, 40, 35, 30, 27};          // n = 599
        BenfordRow row = BenfordRow.of("370000", 2023, fewer, 600, false, "r");
        assertThat(row.conformity()).isEqualTo(BenfordRow.INSUFFICIENT_DATA);
        assertThat(row.mad()).as("the statistic is still reported").isPositive();
    }
}
