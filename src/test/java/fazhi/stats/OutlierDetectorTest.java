package fazhi.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutlierDetectorTest {
    private static final StatisticsParameters PARAMETERS = StatisticsParameters.bundled();

    /** nation rows of the level method, by region code */
    private static List<OutlierRow> scoreLevels(List<OutlierDetector.Candidate> candidates) {
        List<OutlierRow> rows = new ArrayList<>();
        OutlierDetector.score(2022, "normdoc_filed", OutlierDetector.METHOD_LEVEL, candidates, "run", PARAMETERS, r -> {
            if (r.scope().equals(OutlierDetector.SCOPE_NATION)) {
                rows.add(r);
            }
        });
        return rows;
    }

    private static OutlierDetector.Candidate count(int i, double value, long population) {
        return new OutlierDetector.Candidate(code(i), "37", value, null, OutlierScale.level(value, false), false, false,
                population);
    }

    private static OutlierDetector.Candidate rate(int i, double value) {
        return new OutlierDetector.Candidate(code(i), "37", value, null, OutlierScale.level(value, true), true, false,
                null);
    }

    /** a county code (never ending in 00, which would be a prefecture) */
    private static String code(int i) {
        return String.format("37%02d%02d", 1 + i / 99, 1 + i % 99);
    }

    @Test
    void aCountThatGrowsLessThanResidentsIsComparedWithItsElasticityNotPerResident() {
        // 200 counties of 20,000 to 2,000,000 residents whose count grows as population^0.3 (every county has
        // some): per resident the smallest would be 25 times the largest, an outlier at each end
        Random rnd = new Random(3);
        List<OutlierDetector.Candidate> counties = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long population = Math.round(20000 * Math.pow(100, i / 199.0));
            double value = Math.rint(60 * Math.pow(population / 375000.0, 0.3) * Math.exp(0.15 * rnd.nextGaussian()));
            counties.add(count(i, i == 100 ? value * 12 : value, population));
        }
        List<OutlierRow> rows = scoreLevels(counties);
        assertThat(rows.get(0).elasticity()).isCloseTo(0.3, within(0.05));
        assertThat(rows.stream().filter(OutlierRow::flagged).map(OutlierRow::regionCode))
                .as("only the county with twelve times its count").containsExactly(code(100));
        assertThat(rows.get(0).threshold()).isCloseTo(PARAMETERS.threshold(200), within(1e-12)).isGreaterThan(3.5);
    }

    @Test
    void aRateOfEightyThreePercentAmongPeersAtNinetyFourToOneHundredIsOrdinaryOnTheLogitAndFortyIsNot() {
        // eight at 100 %: the point mass, not scored; the twelve below are scored among themselves (on raw
        // percentages, with the eight at 100 % among the peers, 83 % scored -4.3)
        double[] values = {100, 100, 100, 100, 100, 100, 100, 100, 99.5, 99, 98.8, 98.5, 98, 97.5, 97, 96.5, 96, 95, 94,
            83};
        List<OutlierDetector.Candidate> counties = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counties.add(rate(i, values[i]));
        }
        List<OutlierRow> rows = scoreLevels(counties);
        assertThat(rows).noneMatch(OutlierRow::flagged);
        assertThat(rows).filteredOn(r -> r.value() == 100).hasSize(8)
                .allMatch(r -> r.score() == null && OutlierDetector.AT_BOUND.equals(r.notScoredReason()));
        assertThat(rows.get(0).groupN()).isEqualTo(12);
        counties.set(values.length - 1, rate(values.length - 1, 40));
        assertThat(scoreLevels(counties).stream().filter(OutlierRow::flagged).map(OutlierRow::value))
                .containsExactly(40.0);
    }

    @Test
    void theThresholdGrowsWithThePeerGroupSoThatOrdinaryGroupsStayUnflagged() {
        assertThat(PARAMETERS.threshold(10)).isEqualTo(3.5);
        assertThat(PARAMETERS.threshold(110)).isEqualTo(3.5);
        assertThat(PARAMETERS.threshold(400)).isCloseTo(3.830, within(0.001));
        assertThat(PARAMETERS.threshold(800)).isCloseTo(3.997, within(0.001));
    }
}
