package fazhi.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Imputation as a framework choice: what is filled in, where it is recorded, and how it widens the rank
 * interval of a county with little data. Indicators a = head_appearance_rate (w2, +1), b = online_service_rate
 * (w1, +1), c = recon_correction_rate (w1, -1), d = hotline_satisfaction_rate (w1, +1).
 */
class RankingImputationTest {

    static String framework(String imputation) {
        return Frameworks.fourIndicators("{enabled: false}",
                "{method: min_max, scope: province, lower: 0, upper: 100, constant_indicator: exclude}",
                "{method: arithmetic}", "  imputation: " + imputation)
                .replace("max_missing_share: 0.3", "max_missing_share: 0.75");
    }

    /**
     * 370102..370105 report everything; 370106 reports only a and c.
     * <pre>
     *   county   a    b    c    d
     *   370102  100   80   10   90
     *   370103   90  100   20   99
     *   370104   80   90   30   95
     *   370105   70   70   40   97
     *   370106   95   -    15   -
     * </pre>
     */
    static List<UnitInput> hand() {
        return List.of(
                RankingPipelineTest.unit("370102", 100.0, 80.0, 10.0, 90.0),
                RankingPipelineTest.unit("370103", 90.0, 100.0, 20.0, 99.0),
                RankingPipelineTest.unit("370104", 80.0, 90.0, 30.0, 95.0),
                RankingPipelineTest.unit("370105", 70.0, 70.0, 40.0, 97.0),
                RankingPipelineTest.unit("370106", 95.0, null, 15.0, null));
    }

    @Test
    void givenProvinceMedian_whenCountyLacksAnIndicator_thenItGetsTheReportingCountiesMedianAndThePointIsListed() {
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(framework("{method: province_median}")),
                "run").run(2023, hand());
        // b: median of 80, 100, 90, 70 = 85; d: median of 90, 99, 95, 97 = 96
        assertThat(RankingPipelineTest.stepValue(r, "370106", "online_service_rate", "imputed")).isEqualTo(85.0);
        assertThat(RankingPipelineTest.stepValue(r, "370106", "hotline_satisfaction_rate", "imputed")).isEqualTo(96.0);
        assertThat(r.treatedPoints()).filteredOn(p -> p.action().equals("imputed")).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.method()).isEqualTo("province_median");
                    assertThat(p.valueBefore()).isNull();
                    assertThat(p.regionCode()).isEqualTo("370106");
                });
        RankingRow row = RankingPipelineTest.byRegion(r.rankings()).get("370106");
        assertThat(row.ranked()).isTrue();
        assertThat(row.indicatorsUsed()).isEqualTo(2);
        assertThat(row.indicatorsImputed()).isEqualTo(2);
        // the imputed value sits on the scale fitted on the reported ones: b 85 -> (85-70)/30*100 = 50
        assertThat(RankingPipelineTest.stepValue(r, "370106", "online_service_rate", "normalised"))
                .isCloseTo(50.0, within(1e-12));
        // and does not move anybody else's normalised value
        assertThat(RankingPipelineTest.stepValue(r, "370103", "online_service_rate", "normalised"))
                .isCloseTo(100.0, within(1e-12));
    }

    @Test
    void givenNoImputation_whenCountyLacksAnIndicator_thenNothingIsFilledInAndWeightsAreRenormalised() {
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(framework("{method: none}")), "run")
                .run(2023, hand());
        assertThat(r.steps()).noneMatch(s -> s.step().equals("imputed"));
        assertThat(r.treatedPoints()).isEmpty();
        RankingRow row = RankingPipelineTest.byRegion(r.rankings()).get("370106");
        assertThat(row.indicatorsImputed()).isZero();
        // a: (95-70)/30*100 = 83.33; c (lower better): (40-15)/30*100 = 83.33; (2*83.33 + 83.33) / 3
        assertThat(row.score()).isCloseTo(250.0 / 3, within(1e-9));
    }

    @Test
    void givenCountyPosition_whenCorrelationIsFixed_thenTheGapIsTheShrunkPositionOfTheReportedIndicators() {
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(
                framework("{method: county_position, correlation: 0.5}")), "run").run(2023, hand());
        // donors of a: 100, 90, 80, 70, 95 -> mean 87, sd sqrt(145); c (direction -1): 10, 20, 30, 40, 15 ->
        // mean 23, sd sqrt(145). 370106: z_a = (95-87)/sqrt(145), z_c = -(15-23)/sqrt(145); level = their mean.
        double za = (95 - 87) / Math.sqrt(145);
        double zc = (23 - 15) / Math.sqrt(145);
        double level = (za + zc) / 2;
        double b = 2 * 0.5 / (1 + 0.5);
        // b donors: 80, 100, 90, 70 -> mean 85, sd sqrt(500/3)
        double expected = 85 + b * level * Math.sqrt(500.0 / 3);
        assertThat(RankingPipelineTest.stepValue(r, "370106", "online_service_rate", "imputed"))
                .isCloseTo(expected, within(1e-9));
        assertThat(expected).isGreaterThan(85);     // a good county is placed above the middle
        assertThat(r.treatedPoints()).filteredOn(p -> p.action().equals("imputed"))
                .allSatisfy(p -> assertThat(p.method()).isEqualTo("county_position"));
        assertThat(r.log()).anySatisfy(l -> assertThat(l.parameter() + "=" + l.value())
                .isEqualTo("correlation=0.5000 (framework)"));
    }

    @Test
    void givenFewerDonorsThanTheMinimum_whenImputing_thenTheIndicatorIsLeftOutForThatCounty() {
        List<UnitInput> units = new ArrayList<>(hand());
        // only two counties report d now
        units.set(2, RankingPipelineTest.unit("370104", 80.0, 90.0, 30.0, null));
        units.set(3, RankingPipelineTest.unit("370105", 70.0, 70.0, 40.0, null));
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(
                framework("{method: province_median, min_donors: 3}")), "run").run(2023, units);
        assertThat(RankingPipelineTest.hasStep(r, "370106", "hotline_satisfaction_rate", "imputed")).isFalse();
        assertThat(RankingPipelineTest.hasStep(r, "370106", "online_service_rate", "imputed")).isTrue();
        assertThat(r.log()).anySatisfy(l -> assertThat(l.value()).contains("not imputed: 2 reporting counties"));
    }

    /** Twelve counties; every odd one reports only a and b. */
    static List<UnitInput> sparsePanel() {
        Random rnd = new Random(11);
        List<UnitInput> units = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Double> v = new HashMap<>();
            v.put("head_appearance_rate", 60 + 40 * rnd.nextDouble());
            v.put("online_service_rate", 60 + 40 * rnd.nextDouble());
            v.put("recon_correction_rate", 5 + 30 * rnd.nextDouble());
            v.put("hotline_satisfaction_rate", 60 + 40 * rnd.nextDouble());
            if (i % 2 == 1) {
                v.keySet().retainAll(List.of("head_appearance_rate", "online_service_rate"));
            }
            units.add(new UnitInput(String.format("3701%02d", i + 1), "c" + i, "370000", v, false));
        }
        return units;
    }

    @Test
    void givenImputationInTheDraws_whenCountiesReportLittle_thenTheirRankIntervalsAreWiderThanWithoutImputation() {
        List<UnitInput> units = sparsePanel();
        for (String method : List.of("province_median", "county_position")) {
            RankingPipeline.YearResult with = new RankingPipeline(Frameworks.parse(framework("{method: " + method
                    + "}").replace("max_missing_share: 0.75", "max_missing_share: 0.5")), "run").run(2023, units);
            RankingPipeline.YearResult without = new RankingPipeline(Frameworks.parse(framework("{method: none}")
                    .replace("max_missing_share: 0.75", "max_missing_share: 0.5")), "run").run(2023, units);
            double sparseWith = meanWidth(with, 1);
            double sparseWithout = meanWidth(without, 1);
            double fullWith = meanWidth(with, 0);
            assertThat(sparseWith).as(method + ": sparse counties, with vs without imputation draws")
                    .isGreaterThan(sparseWithout);
            assertThat(sparseWith).as(method + ": sparse vs full counties").isGreaterThan(fullWith);
        }
    }

    private static double meanWidth(RankingPipeline.YearResult r, int parity) {
        return r.rankings().stream().filter(RankingRow::ranked)
                .filter(x -> (Integer.parseInt(x.regionCode().substring(4)) - 1) % 2 == parity)
                .mapToInt(x -> x.rankP95() - x.rankP05()).average().orElseThrow();
    }

    @Test
    void givenTheSameInputs_whenRankedTwice_thenImputationDrawsAreReproducible() {
        RankingFramework fw = Frameworks.parse(framework("{method: county_position}"));
        List<RankingRow> a = new RankingPipeline(fw, "run").run(2023, sparsePanel()).rankings();
        List<RankingRow> b = new RankingPipeline(fw, "run").run(2023, sparsePanel()).rankings();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void givenAPerCapitaIndicator_whenRanked_thenItEntersPer100000ResidentsAndACountyWithoutPopulationLacksIt() {
        String yaml = framework("{method: none}").replace(
                "{code: hotline_satisfaction_rate, weight: 1, direction: 1,  transform: none, group: public_service}",
                "{code: legal_aid_cases, weight: 1, direction: 1, transform: per_capita, denominator: population, "
                        + "group: disputes}");
        List<UnitInput> units = new ArrayList<>();
        double[] aid = {300, 150, 80, 500};
        Double[] pop = {600_000.0, 150_000.0, 400_000.0, null};
        for (int i = 0; i < 4; i++) {
            Map<String, Double> v = new HashMap<>(Map.of("head_appearance_rate", 90.0 + i,
                    "online_service_rate", 80.0 + 3 * i, "recon_correction_rate", 10.0 + i, "legal_aid_cases", aid[i]));
            units.add(new UnitInput("37010" + (i + 2), "c" + i, "370000", v, false, pop[i]));
        }
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(yaml), "run").run(2023, units);
        // 150 cases for 150 000 residents = 100 per 100 000: more than 300 for 600 000 (50)
        assertThat(RankingPipelineTest.stepValue(r, "370102", "legal_aid_cases", "transformed"))
                .isCloseTo(50.0, within(1e-9));
        assertThat(RankingPipelineTest.stepValue(r, "370103", "legal_aid_cases", "transformed"))
                .isCloseTo(100.0, within(1e-9));
        assertThat(RankingPipelineTest.stepValue(r, "370103", "legal_aid_cases", "normalised"))
                .isCloseTo(100.0, within(1e-9));
        assertThat(RankingPipelineTest.hasStep(r, "370105", "legal_aid_cases", "transformed")).isFalse();
        assertThat(r.log()).anySatisfy(l -> assertThat(l.value()).contains("no population for the county"));
        assertThat(r.rankings()).filteredOn(RankingRow::ranked).hasSize(4);
    }
}
