package fazhi.review;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
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
    public static final String RESOURCE = "jobs/review.yaml";

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
        return parse(KnowledgeFiles.yaml(RESOURCE));
    }

    static ReviewParameters parse(KnowledgeNode root) {
        KnowledgeNode w = root.node("weights");
        KnowledgeNode thin = root.node("thin_report");
        List<FragileRule> fragile = new ArrayList<>();
        for (KnowledgeNode f : root.nodes("fragile_rules")) {
            fragile.add(new FragileRule(f.text("match"), f.text("why")));
        }
        ReviewParameters read = new ReviewParameters(w.number("competing"), w.number("validation_error"),
                w.number("validation_warning"), w.number("outlier"), w.number("fragile_rule"),
                w.number("thin_report"), root.number("outlier_cap"), thin.number("share_of_median"),
                thin.integer("min_reports"), fragile);
        root.finish();
        return read;
    }
}
