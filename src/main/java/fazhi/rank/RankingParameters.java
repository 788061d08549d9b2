package fazhi.rank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of every step of a ranking, as read from the framework file (section {@code parameters}).
 * {@link #asLog()} lists them by step for the run log.
 */
public record RankingParameters(
        // screening
        double maxMissingShare, int minUnits,
        // imputation (correlation null: estimated every year)
        Imputation imputation, int minDonors, Double correlation,
        // treatment
        boolean treatmentEnabled, double skewThreshold, double kurtosisThreshold, int maxWinsorised,
        boolean logFallback,
        // normalisation
        Normalisation normalisation, NormalisationScope scope, double lower, double upper,
        ConstantIndicatorPolicy constantIndicator,
        // aggregation
        Aggregation aggregation,
        // uncertainty
        int draws, long seed, double weightPerturbation, List<Alternative> alternatives, double geometricLower) {

    /** One method pair a Monte Carlo draw may use. */
    public record Alternative(Normalisation normalisation, Aggregation aggregation) {
        @Override
        public String toString() {
            return normalisation.configName() + "+" + aggregation.configName();
        }
    }

    public RankingParameters {
        alternatives = List.copyOf(alternatives);
    }

    /** step → parameter → value, in the order of the chain. */
    public Map<RankingStep, Map<String, String>> asLog() {
        Map<RankingStep, Map<String, String>> log = new LinkedHashMap<>();
        Map<String, String> screen = new LinkedHashMap<>();
        screen.put("max_missing_share", String.valueOf(maxMissingShare));
        screen.put("min_units", String.valueOf(minUnits));
        log.put(RankingStep.SCREENED, screen);
        Map<String, String> imp = new LinkedHashMap<>();
        imp.put("method", imputation.configName());
        imp.put("min_donors", String.valueOf(minDonors));
        imp.put("correlation", correlation == null ? "estimated" : String.valueOf(correlation));
        imp.put("order", "after treatment, on the treated scale; donors are the reporting counties of the scope");
        imp.put("draws", imputation == Imputation.NONE ? "none"
                : imputation == Imputation.PROVINCE_MEDIAN ? "a random donor's value"
                : "prediction + a random donor's deviation from the mean times sqrt(1 - rho b(n))");
        log.put(RankingStep.IMPUTED, imp);
        Map<String, String> treat = new LinkedHashMap<>();
        treat.put("enabled", String.valueOf(treatmentEnabled));
        treat.put("skew_threshold", String.valueOf(skewThreshold));
        treat.put("kurtosis_threshold", String.valueOf(kurtosisThreshold));
        treat.put("max_winsorised", String.valueOf(maxWinsorised));
        treat.put("log_fallback", String.valueOf(logFallback));
        treat.put("skewness_definition", "e1071 type 2 / Excel SKEW: sqrt(n(n-1))/(n-2) * m3/m2^1.5");
        treat.put("kurtosis_definition",
                "e1071 type 2 / Excel KURT (excess): r = n m4/m2^2 (population moments), ((n+1)(r-3)+6)(n-1)/((n-2)(n-3))");
        treat.put("fails_when", "|skew| >= skew_threshold AND kurtosis >= kurtosis_threshold (COINr check_SkewKurt)");
        treat.put("scope", scope.configName());
        log.put(RankingStep.TREATED, treat);
        Map<String, String> norm = new LinkedHashMap<>();
        norm.put("method", normalisation.configName());
        norm.put("scope", scope.configName());
        norm.put("lower", String.valueOf(lower));
        norm.put("upper", String.valueOf(upper));
        norm.put("constant_indicator", constantIndicator.configName());
        log.put(RankingStep.NORMALISED, norm);
        Map<String, String> agg = new LinkedHashMap<>();
        agg.put("method", aggregation.configName());
        agg.put("missing_indicators", "weights renormalised over the indicators the county has (reported or imputed)");
        log.put(RankingStep.AGGREGATED, agg);
        Map<String, String> rank = new LinkedHashMap<>();
        rank.put("order", "descending score, rank 1 = best");
        rank.put("ties", "min (1,2,2,4), on unrounded scores");
        rank.put("within", "province and year");
        log.put(RankingStep.RANKED, rank);
        Map<String, String> mc = new LinkedHashMap<>();
        mc.put("draws", String.valueOf(draws));
        mc.put("seed", String.valueOf(seed));
        mc.put("generator", "java.util.SplittableRandom(seed + year); imputation draws: one stream per province,"
                + " SplittableRandom(seed + 1000003 year + 7919 province_code.hashCode())");
        mc.put("weight_perturbation", String.valueOf(weightPerturbation));
        mc.put("alternatives", alternatives.toString());
        mc.put("geometric_lower", String.valueOf(geometricLower));
        mc.put("quantiles", "R quantile type 1 (inverse empirical CDF) of the draws' ranks");
        log.put(RankingStep.UNCERTAINTY, mc);
        return log;
    }
}
