package fazhi.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores one (year, indicator, method) cross-section of regions: every candidate is scored once
 * nationally (against all regions of its level) and once within its province (against the regions
 * of its level in the same province).
 */
public final class OutlierDetector {
    public static final String METHOD_LEVEL = "modified_z";
    public static final String METHOD_YOY = "yoy_jump";
    public static final String SCOPE_NATION = "nation";
    public static final String SCOPE_PROVINCE = "province";

    private OutlierDetector() {
    }

    /**
     * One region's value in the cross-section.
     *
     * @param scoredValue the value on the compared scale; NaN when it has none (then no score)
     */
    public record Candidate(String regionCode, String provinceCode, double value, Double previousValue,
                            double scoredValue) {
    }

    /** Emits two rows per candidate (nation, province) to {@code out}. */
    public static void score(int year, String indicator, String method, List<Candidate> candidates, String runId,
                             Consumer<OutlierRow> out) {
        Map<String, List<Candidate>> byLevel = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byLevel.computeIfAbsent(RegionLevel.of(c.regionCode()), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Candidate>> level : byLevel.entrySet()) {
            scoreGroup(year, indicator, method, SCOPE_NATION, level.getKey(), level.getValue(), runId, out);
            Map<String, List<Candidate>> byProvince = new LinkedHashMap<>();
            for (Candidate c : level.getValue()) {
                byProvince.computeIfAbsent(String.valueOf(c.provinceCode()), k -> new ArrayList<>()).add(c);
            }
            for (List<Candidate> group : byProvince.values()) {
                scoreGroup(year, indicator, method, SCOPE_PROVINCE, level.getKey(), group, runId, out);
            }
        }
    }

    private static void scoreGroup(int year, String indicator, String method, String scope, String level,
                                   List<Candidate> group, String runId, Consumer<OutlierRow> out) {
        int finite = 0;
        for (Candidate c : group) {
            if (Double.isFinite(c.scoredValue())) {
                finite++;
            }
        }
        double[] x = new double[finite];
        int k = 0;
        for (Candidate c : group) {
            if (Double.isFinite(c.scoredValue())) {
                x[k++] = c.scoredValue();
            }
        }
        ModifiedZScore.Scores scores = finite > 0 ? ModifiedZScore.score(x) : null;
        k = 0;
        for (Candidate c : group) {
            boolean scaled = Double.isFinite(c.scoredValue());
            Double score = scaled ? scores.scores()[k++] : null;
            out.accept(new OutlierRow(c.regionCode(), indicator, c.value(), scope, method, score,
                    ModifiedZScore.isFlagged(score), c.provinceCode(), level, c.previousValue(),
                    scaled ? c.scoredValue() : null, finite,
                    scores != null ? scores.median() : null, scores != null ? scores.mad() : null, runId, year));
        }
    }
}
