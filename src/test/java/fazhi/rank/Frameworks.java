package fazhi.rank;

/** Small framework texts for tests. */
final class Frameworks {
    private Frameworks() {
    }

    /** a (w2, +1), b (w1, +1), c (w1, -1), d (w1, +1): head_appearance, online_service, recon_correction,
     * hotline_satisfaction. */
    static String fourIndicators(String treatment, String normalisation, String aggregation, String extra) {
        return """
                framework: test-four
                version: 3
                indicators:
                  - {code: head_appearance_rate,      weight: 2, direction: 1,  transform: none, group: litigation}
                  - {code: online_service_rate,       weight: 1, direction: 1,  transform: none, group: public_service}
                  - {code: recon_correction_rate,     weight: 1, direction: -1, transform: none, group: reconsideration}
                  - {code: hotline_satisfaction_rate, weight: 1, direction: 1,  transform: none, group: public_service}
                parameters:
                  screening: {max_missing_share: 0.3, min_units: 3}
                  treatment: %s
                  normalisation: %s
                  aggregation: %s
                  uncertainty:
                    draws: 1000
                    seed: 42
                    weight_perturbation: 0.25
                %s
                """.formatted(treatment, normalisation, aggregation, extra);
    }

    static String defaultFour() {
        return fourIndicators("{enabled: false}",
                "{method: min_max, scope: province, lower: 0, upper: 100, constant_indicator: exclude}",
                "{method: arithmetic}", "");
    }

    static RankingFramework parse(String yaml) {
        return RankingFramework.parse(yaml, "test", RankingFramework.catalogCodes(), RankingFramework.DENOMINATORS);
    }
}
