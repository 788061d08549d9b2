package fazhi.stats;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The parameters of jobs/statistics.yaml (bundled as {@value #RESOURCE}); the file says why each value is what
 * it is.
 */
public record StatisticsParameters(double outlierThreshold, double familyAlpha, int minPeerGroup,
                                   double rateScaleFloor, double rateLogitFloor, double countScaleFloor,
                                   int benfordMinFigures, int disclosureDraws,
                                   long disclosureSeed, double lowerQuantile, double upperQuantile) {
    public static final String RESOURCE = "jobs/statistics.yaml";
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    public StatisticsParameters {
        require(outlierThreshold > 0, "outliers.threshold must be positive");
        require(0 < familyAlpha && familyAlpha < 1, "outliers.family_alpha must lie between 0 and 1");
        require(minPeerGroup >= 3, "outliers.min_peer_group must be at least 3");
        require(rateScaleFloor > 0 && rateLogitFloor > 0 && countScaleFloor > 0,
                "outliers.*_floor must be positive");
        require(benfordMinFigures >= 1, "benford.min_figures must be at least 1");
        require(disclosureDraws >= 100, "disclosure.draws must be at least 100");
        require(0 < lowerQuantile && lowerQuantile < upperQuantile && upperQuantile < 1,
                "disclosure quantiles must satisfy 0 < lower_quantile < upper_quantile < 1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(RESOURCE + ": " + message);
        }
    }

    public static StatisticsParameters bundled() {
        return parse(KnowledgeFiles.yaml(RESOURCE));
    }

    static StatisticsParameters parse(KnowledgeNode root) {
        KnowledgeNode o = root.node("outliers");
        KnowledgeNode b = root.node("benford");
        KnowledgeNode d = root.node("disclosure");
        StatisticsParameters read = new StatisticsParameters(o.number("threshold"), o.number("family_alpha"),
                o.integer("min_peer_group"), o.number("rate_scale_floor"), o.number("rate_logit_floor"),
                o.number("count_scale_floor"), b.integer("min_figures"),
                d.integer("draws"), (long) d.number("seed"), d.number("lower_quantile"),
                d.number("upper_quantile"));
        root.finish();
        return read;
    }

    /**
     * The threshold |z| must exceed in a peer group of n scored figures: the larger of the fixed threshold and the
     * two-sided normal quantile of Davies and Gather's per-figure level α_n = 1 − (1 − α)^(1/n), so that a group of
     * n figures without an outlier has a flag with probability α (family_alpha) however large n is.
     */
    public double threshold(int n) {
        double perFigure = -Math.expm1(Math.log1p(-familyAlpha) / Math.max(1, n));
        return Math.max(outlierThreshold, STANDARD_NORMAL.inverseSurvivalProbability(perFigure / 2));
    }

    /**
     * The floor under the MAD on the compared scale: the empirical logit for the level of a rate, percentage points for
     * its year-on-year change, the log scale for a count (OutlierScale).
     */
    public double scaleFloor(boolean rate, boolean yearOnYear) {
        return !rate ? countScaleFloor : yearOnYear ? rateScaleFloor : rateLogitFloor;
    }
}
