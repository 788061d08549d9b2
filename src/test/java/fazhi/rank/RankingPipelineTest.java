package fazhi.rank;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The step chain on a hand-computed panel (province 370000, indicators a = head_appearance_rate w2 +1,
 * b = online_service_rate w1 +1, c = recon_correction_rate w1 -1, d = hotline_satisfaction_rate w1 +1):
 * <pre>
 *   county   a    b    c    d
 *   370102  100   80   10   99
 *   370103   90  100   20   99
 *   370104   80   -    30   99     b missing (1 of 4: kept, 25% <= 30%)
 *   370105  100   80   10   99     same as 370102: a tie
 *   370112   50   -    -    99     2 of 4 missing (50%): not ranked
 * </pre>
 * min-max within the 4 kept counties: a → 100, 50, 0, 100; b → 0, 100, -, 0; c (lower is better) →
 * 100, 50, 0, 100; d constant → excluded. Scores (2a + b + c) / (sum of weights present):
 * 370102 = 300/4 = 75, 370103 = 250/4 = 62.5, 370104 = 0/3 = 0, 370105 = 75. Ranks 1, 3, 4, 1.
 */
class RankingPipelineTest {

    static List<UnitInput> panel() {
        return List.of(
                unit("370102", 100.0, 80.0, 10.0, 99.0),
                unit("370103", 90.0, 100.0, 20.0, 99.0),
                unit("370104", 80.0, null, 30.0, 99.0),
                unit("370105", 100.0, 80.0, 10.0, 99.0),
                unit("370112", 50.0, null, null, 99.0));
    }

    static UnitInput unit(String code, Double a, Double b, Double c, Double d) {
        Map<String, Double> v = new HashMap<>();
        v.put("head_appearance_rate", a);
        v.put("online_service_rate", b);
        v.put("recon_correction_rate", c);
        v.put("hotline_satisfaction_rate", d);
        v.values().removeIf(java.util.Objects::isNull);
        return new UnitInput(code, "name-" + code, "370000", v, false);
    }

    static Map<String, RankingRow> byRegion(List<RankingRow> rows) {
        return rows.stream().collect(Collectors.toMap(RankingRow::regionCode, r -> r));
    }

    static double stepValue(RankingPipeline.YearResult r, String region, String indicator, String step) {
        return r.steps().stream().filter(s -> s.regionCode().equals(region) && s.indicator().equals(indicator)
                && s.step().equals(step)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + step + " value for " + region + "/" + indicator)).value();
    }

    static boolean hasStep(RankingPipeline.YearResult r, String region, String indicator, String step) {
        return r.steps().stream().anyMatch(s -> s.regionCode().equals(region) && s.indicator().equals(indicator)
                && s.step().equals(step));
    }

    @Test
    void givenHandPanel_whenRanked_thenScoresRanksTiesAndCoverageAreAsComputedByHand() {
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(Frameworks.defaultFour()), "run-1")
                .run(2023, panel());
        Map<String, RankingRow> rows = byRegion(r.rankings());

        assertThat(rows.get("370102").score()).isCloseTo(75.0, within(1e-12));
        assertThat(rows.get("370103").score()).isCloseTo(62.5, within(1e-12));
        assertThat(rows.get("370104").score()).isCloseTo(0.0, within(1e-12));
        assertThat(rows.get("370105").score()).isCloseTo(75.0, within(1e-12));
        // ties share the smaller rank: 1, 1, 3, 4
        assertThat(rows.get("370102").rank()).isEqualTo(1);
        assertThat(rows.get("370105").rank()).isEqualTo(1);
        assertThat(rows.get("370103").rank()).isEqualTo(3);
        assertThat(rows.get("370104").rank()).isEqualTo(4);
        // the constant indicator d is excluded: 3 indicators used, 2 for the county missing b
        assertThat(rows.get("370102").indicatorsUsed()).isEqualTo(3);
        assertThat(rows.get("370104").indicatorsUsed()).isEqualTo(2);
        assertThat(rows.get("370104").coverage()).isEqualTo(0.75);
        // missing 2 of 4: listed, not ranked, with the reason
        RankingRow out = rows.get("370112");
        assertThat(out.ranked()).isFalse();
        assertThat(out.rank()).isNull();
        assertThat(out.score()).isNull();
        assertThat(out.coverage()).isEqualTo(0.5);
        assertThat(out.notRankedReason()).contains("coverage").contains("2 of 4 indicators missing");
        assertThat(r.rankings()).hasSize(5);
    }

    @Test
    void givenHandPanel_whenRanked_thenEveryStepDatasetIsKept() {
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(Frameworks.defaultFour()), "run-1")
                .run(2023, panel());
        // raw keeps everybody, screened drops the county with too little coverage
        assertThat(stepValue(r, "370112", "head_appearance_rate", "raw")).isEqualTo(50.0);
        assertThat(hasStep(r, "370112", "head_appearance_rate", "screened")).isFalse();
        assertThat(stepValue(r, "370103", "head_appearance_rate", "normalised")).isCloseTo(50.0, within(1e-12));
        // direction -1: the lowest correction rate scores 100
        assertThat(stepValue(r, "370102", "recon_correction_rate", "normalised")).isCloseTo(100.0, within(1e-12));
        assertThat(stepValue(r, "370104", "recon_correction_rate", "normalised")).isCloseTo(0.0, within(1e-12));
        // constant indicator: treated value kept, no normalised value
        assertThat(stepValue(r, "370102", "hotline_satisfaction_rate", "treated")).isEqualTo(99.0);
        assertThat(hasStep(r, "370102", "hotline_satisfaction_rate", "normalised")).isFalse();
        assertThat(stepValue(r, "370103", RankingPipeline.INDEX, "aggregated")).isCloseTo(62.5, within(1e-12));
        assertThat(stepValue(r, "370104", RankingPipeline.INDEX, "ranked")).isEqualTo(4.0);
        assertThat(r.steps()).extracting(RankingStepRow::step).containsOnly("raw", "screened", "transformed",
                "treated", "normalised", "aggregated", "contribution", "ranked");
        // the contributions are the weighted mean's terms: they add up to the score
        double sum = r.steps().stream().filter(s -> s.regionCode().equals("370103") && s.step().equals("contribution"))
                .mapToDouble(RankingStepRow::value).sum();
        assertThat(sum).isCloseTo(62.5, within(1e-12));
        assertThat(r.log()).anySatisfy(l -> {
            assertThat(l.step()).isEqualTo("normalised");
            assertThat(l.parameter()).isEqualTo("hotline_satisfaction_rate");
            assertThat(l.value()).contains("constant").contains("excluded");
        });
    }

    @Test
    void givenMidpointPolicy_whenIndicatorIsConstant_thenEveryCountyGetsFifty() {
        String yaml = Frameworks.fourIndicators("{enabled: false}",
                "{method: min_max, scope: province, lower: 0, upper: 100, constant_indicator: midpoint}",
                "{method: arithmetic}", "");
        Map<String, RankingRow> rows = byRegion(new RankingPipeline(Frameworks.parse(yaml), "r").run(2023, panel())
                .rankings());
        // (2a + b + c + 50) / 5 and (0 + 0 + 50) / 4 for the county missing b
        assertThat(rows.get("370102").score()).isCloseTo(70.0, within(1e-12));
        assertThat(rows.get("370103").score()).isCloseTo(60.0, within(1e-12));
        assertThat(rows.get("370104").score()).isCloseTo(12.5, within(1e-12));
        assertThat(rows.get("370102").indicatorsUsed()).isEqualTo(4);
    }

    @Test
    void givenGeometricAggregationOnOneToHundred_whenRanked_thenScoreIsWeightedGeometricMean() {
        String yaml = Frameworks.fourIndicators("{enabled: false}",
                "{method: min_max, scope: province, lower: 1, upper: 100, constant_indicator: exclude}",
                "{method: geometric}", "");
        Map<String, RankingRow> rows = byRegion(new RankingPipeline(Frameworks.parse(yaml), "r").run(2023, panel())
                .rankings());
        // 370103: a = 1 + 99 * 0.5 = 50.5, b = 100, c = 50.5; weights 2, 1, 1
        double expected = Math.exp((2 * Math.log(50.5) + Math.log(100) + Math.log(50.5)) / 4);
        assertThat(rows.get("370103").score()).isCloseTo(expected, within(1e-9));
        // 370104: a = 1, c = 1 → 1
        assertThat(rows.get("370104").score()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void givenNonPositiveValue_whenGeometricAggregation_thenRefusedWithClearMessage() {
        assertThatThrownBy(() -> Aggregator.aggregate(Aggregation.GEOMETRIC, new double[]{10, 0}, new double[]{1, 1},
                "370102", new String[]{"head_appearance_rate", "online_service_rate"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("geometric aggregation refuses the non-positive value 0.0")
                .hasMessageContaining("online_service_rate").hasMessageContaining("370102");
    }

    @Test
    void givenTooFewCountiesInProvince_whenRanked_thenNobodyThereIsRanked() {
        List<UnitInput> two = List.of(unit("370102", 100.0, 80.0, 10.0, 99.0), unit("370103", 90.0, 100.0, 20.0, 99.0));
        List<RankingRow> rows = new RankingPipeline(Frameworks.parse(Frameworks.defaultFour()), "r").run(2023, two)
                .rankings();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.ranked()).isFalse();
            assertThat(row.notRankedReason()).contains("too few counties").contains("only 2");
        });
    }

    @Test
    void givenSameSeed_whenRunTwice_thenIdenticalRowsAndIntervalsBracketTheMedian() {
        RankingFramework fw = Frameworks.parse(Frameworks.defaultFour());
        List<RankingRow> first = new RankingPipeline(fw, "r").run(2023, panel()).rankings();
        List<RankingRow> second = new RankingPipeline(fw, "r").run(2023, panel()).rankings();
        assertThat(second).isEqualTo(first);
        for (RankingRow row : first) {
            if (row.ranked()) {
                assertThat(row.rankP05()).isBetween(1, 4);
                assertThat(row.rankP05()).isLessThanOrEqualTo(row.rankMedian());
                assertThat(row.rankMedian()).isLessThanOrEqualTo(row.rankP95());
                assertThat(row.rankP95()).isBetween(1, 4);
            }
        }
        // the two identical counties stay tied in every draw; the county with zeros stays last
        Map<String, RankingRow> rows = byRegion(first);
        assertThat(rows.get("370102").rankP95()).isEqualTo(rows.get("370105").rankP95());
        assertThat(rows.get("370104").rankP05()).isEqualTo(4);
    }

    @Test
    void givenNationScope_whenRanked_thenNormalisedOverAllProvincesButRankedWithinEach() {
        String yaml = Frameworks.fourIndicators("{enabled: false}",
                "{method: min_max, scope: nation, lower: 0, upper: 100, constant_indicator: exclude}",
                "{method: arithmetic}", "");
        List<UnitInput> units = new java.util.ArrayList<>(panel());
        for (String code : List.of("410102", "410103", "410104")) {
            Map<String, Double> v = new HashMap<>(Map.of("head_appearance_rate", 0.0, "online_service_rate", 0.0,
                    "recon_correction_rate", 90.0, "hotline_satisfaction_rate", 10.0));
            units.add(new UnitInput(code, code, "410000", v, false));
        }
        RankingPipeline.YearResult r = new RankingPipeline(Frameworks.parse(yaml), "r").run(2023, units);
        // a nationally: min 0, max 100 → 370103 (90) is 90
        assertThat(stepValue(r, "370103", "head_appearance_rate", "normalised")).isCloseTo(90.0, within(1e-12));
        assertThat(byRegion(r.rankings()).get("410102").rank()).isEqualTo(1);
        assertThat(byRegion(r.rankings()).get("370104").rank()).isEqualTo(4);
    }
}
