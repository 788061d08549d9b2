package fazhi.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModifiedZScoreTest {

    @Test
    void farValueIsFlaggedThoughItRaisesTheMeanDeviation() {
        // median 3, |deviations| 2 1 0 1 97 -> MAD 1, mean deviation 20.2
        ModifiedZScore.Scores s = ModifiedZScore.score(new double[] {1, 2, 3, 4, 100}, 0);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.mad()).isEqualTo(1);
        double scale = 0.6745 * Math.sqrt(Math.PI / 2) * 20.2;
        assertThat(s.scale()).isCloseTo(scale, within(1e-12));
        assertThat(s.scores()[4]).isCloseTo(0.6745 * 97 / scale, within(1e-12));
        assertThat(ModifiedZScore.isFlagged(s.scores()[4], 3.5)).isTrue();
        assertThat(ModifiedZScore.isFlagged(s.scores()[0], 3.5)).isFalse();
    }

    @Test
    void whenHalfThePeersReportOneHundredPercentTheMeanDeviationMeasuresTheOthersSpread() {
        // seven counties at 100 %, five spread down to 83 %: MAD 0, mean deviation 52 / 12
        double[] rates = {100, 100, 100, 100, 100, 100, 100, 96, 93, 90, 86, 83};
        ModifiedZScore.Scores s = ModifiedZScore.score(rates, 2.5);
        assertThat(s.mad()).isZero();
        assertThat(s.scale()).isCloseTo(0.6745 * Math.sqrt(Math.PI / 2) * 52 / 12, within(1e-12));
        // on the floor alone 83 % would score -4.6, a flag for the tail of an ordinary spread
        assertThat(ModifiedZScore.isFlagged(s.scores()[11], 3.5)).isFalse();
        double[] withFifty = rates.clone();
        withFifty[11] = 50;
        assertThat(ModifiedZScore.isFlagged(ModifiedZScore.score(withFifty, 2.5).scores()[11], 3.5)).isTrue();
    }

    @Test
    void thresholdIsStrict() {
        assertThat(ModifiedZScore.isFlagged(3.5, 3.5)).isFalse();
        assertThat(ModifiedZScore.isFlagged(-3.5000001, 3.5)).isTrue();
        assertThat(ModifiedZScore.isFlagged(null, 3.5)).isFalse();
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddlePair() {
        assertThat(Medians.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Medians.mad(new double[] {4, 1, 3, 2})).isEqualTo(1.0);
    }

    @Test
    void countsAreComparedOnLog1pAndRatesOnTheEmpiricalLogit() {
        assertThat(OutlierScale.level(99, false)).isCloseTo(Math.log(100), within(1e-15));
        assertThat(OutlierScale.level(99, true)).isCloseTo(Math.log(99.5 / 1.5), within(1e-15));
        // 0 and 100 % are a point mass with no log odds: no score
        assertThat(OutlierScale.level(100, true)).isNaN();
        assertThat(OutlierScale.level(0, true)).isNaN();
        assertThat(OutlierScale.level(99.99, true)).isCloseTo(Math.log(100.49 / 0.51), within(1e-12));
        assertThat(OutlierScale.level(100.2, true)).isNaN();
        assertThat(OutlierScale.yearOnYear(9, 0, false)).isCloseTo(Math.log(10), within(1e-15));
        assertThat(OutlierScale.yearOnYear(95.5, 90, true)).isEqualTo(5.5);
        assertThat(OutlierScale.level(-3, false)).isNaN();
        // per capita with half a count added: none in 10,000 residents is 5 per 100,000, not 0
        assertThat(OutlierScale.perCapita(0, 10000, 1.0, 375000)).isCloseTo(Math.log(5), within(1e-15));
        // elasticity 0.5: a county of a quarter the reference size is compared as if it had the reference size,
        // where it would report twice as much (√4), spread over four times the residents: half its rate
        assertThat(OutlierScale.perCapita(99.5, 100000, 0.5, 400000))
                .isCloseTo(Math.log(100.0 * 100000 / 100000) - Math.log(2), within(1e-12));
    }

    @Test
    void regionLevelComesFromTheCode() {
        assertThat(RegionLevel.of("370000")).isEqualTo("province");
        assertThat(RegionLevel.of("371500")).isEqualTo("prefecture");
        assertThat(RegionLevel.of("371525")).isEqualTo("county");
    }

    @Test
    void aMadThatIsZeroButForFloatingPointNoiseGivesNoScore() {
        // equal year-on-year changes of decimal rates, as computed in floating point
        double[] changes = {98.2 - 98.0, 98.1 - 97.9, 97.6 - 97.4, 99.3 - 99.1};

        ModifiedZScore.Scores s = ModifiedZScore.score(changes, 0);

        assertThat(s.scores()).containsOnlyNulls();
    }

    @Test
    void aFloorUnderTheMadScoresEveryValueAndKeepsSmallDifferencesBelowTheThreshold() {
        // a bounded rate: nine counties at 98, one at 97; MAD 0, floor 2.5 points
        double[] rates = {98, 98, 98, 98, 98, 98, 98, 98, 98, 97};
        ModifiedZScore.Scores s = ModifiedZScore.score(rates, 2.5);
        assertThat(s.mad()).isZero();
        assertThat(s.scale()).isEqualTo(2.5);
        assertThat(s.scores()[9]).isCloseTo(-0.6745 / 2.5, within(1e-12));
        assertThat(ModifiedZScore.isFlagged(s.scores()[9], 3.5)).isFalse();
    }
}
