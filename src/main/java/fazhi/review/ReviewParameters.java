package fazhi.review;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The review queue's weights, the thin-report rule and the fragile extraction rules: jobs/review.yaml (bundled as
 * {@value #RESOURCE}), which also explains the priority formula.
 */
public record ReviewParameters(double competing, double validationError, double validationWarning, double outlier,
                               double fragileRule, double thinReport, double outlierCap, double thinShareOfMedian,
                               int thinMinReports, List<FragileRule> fragileRules) {
    public static final String RESOURCE = "/jobs/review.yaml";

    /** A weaker extraction rule: {@code match} is a part of the rule name, {@code why} says what makes it weaker. */
    public record FragileRule(String match, String why) {
    }

    public ReviewParameters {
        for (double w : new double[]{competing, validationError, validationWarning, outlier, fragileRule, thinReport}) {
            require(w >= 0, "weights must not be negative");
        }
        require(outlierCap > 0, "outlier_cap must be positive");
        require(thinShareOfMedian > 0 && thinShareOfMedian < 1, "thin_report.share_of_median must lie between 0 and 1");
        require(thinMinReports >= 1, "thin_report.min_reports must be at least 1");
        fragileRules = List.copyOf(fragileRules);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(RESOURCE + ": " + message);
        }
    }

    public static ReviewParameters bundled() {
        try (InputStream in = ReviewParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ReviewParameters parse(JsonNode root) {
        JsonNode w = root.path("weights");
        JsonNode thin = root.path("thin_report");
        List<FragileRule> fragile = new ArrayList<>();
        for (JsonNode f : root.path("fragile_rules")) {
            String match = f.path("match").asString("");
            String why = f.path("why").asString("");
            require(!match.isBlank() && !why.isBlank(), "every fragile_rules entry needs a match and a why");
            fragile.add(new FragileRule(match, why));
        }
        return new ReviewParameters(number(w, "competing"), number(w, "validation_error"),
                number(w, "validation_warning"), number(w, "outlier"), number(w, "fragile_rule"),
                number(w, "thin_report"), number(root, "outlier_cap"), number(thin, "share_of_median"),
                (int) number(thin, "min_reports"), fragile);
    }

    private static double number(JsonNode section, String field) {
        JsonNode n = section.path(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(RESOURCE + ": " + field + " is missing or not a number");
        }
        return n.asDouble();
    }
}
