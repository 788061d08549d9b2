package fazhi.stats;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The parameters of jobs/statistics.yaml (bundled as {@value #RESOURCE}); the file says why each value is what
 * it is.
 */
public record StatisticsParameters(double outlierThreshold, int minPeerGroup, double rateScaleFloor,
                                   double countScaleFloor, int benfordMinFigures, int disclosureDraws,
                                   long disclosureSeed, double lowerQuantile, double upperQuantile) {
    public static final String RESOURCE = "/jobs/statistics.yaml";

    public StatisticsParameters {
        require(outlierThreshold > 0, "outliers.threshold must be positive");
        require(minPeerGroup >= 3, "outliers.min_peer_group must be at least 3");
        require(rateScaleFloor > 0 && countScaleFloor > 0, "outliers.*_scale_floor must be positive");
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
        try (InputStream in = StatisticsParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static StatisticsParameters parse(JsonNode root) {
        JsonNode o = root.path("outliers");
        JsonNode b = root.path("benford");
        JsonNode d = root.path("disclosure");
        return new StatisticsParameters(number(o, "threshold"), (int) number(o, "min_peer_group"),
                number(o, "rate_scale_floor"), number(o, "count_scale_floor"), (int) number(b, "min_figures"),
                (int) number(d, "draws"), (long) number(d, "seed"), number(d, "lower_quantile"),
                number(d, "upper_quantile"));
    }

    private static double number(JsonNode section, String field) {
        JsonNode n = section.path(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(RESOURCE + ": " + field + " is missing or not a number");
        }
        return n.asDouble();
    }

    /** The floor under the MAD on the scale of a rate (percentage points) or a count (log1p). */
    public double scaleFloor(boolean rate) {
        return rate ? rateScaleFloor : countScaleFloor;
    }
}
