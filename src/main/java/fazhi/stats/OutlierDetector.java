package fazhi.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scores one (year, indicator, method) cross-section of regions: every candidate is scored once
 * nationally (against all regions of its level) and once within its province (against the regions
 * of its level in the same province). A peer group smaller than {@code min_peer_group} gives no score (the
 * median and MAD of a handful of numbers are too unstable): a figure of a small province is judged by its
 * national peers alone, and one with fewer national peers than that is not judged at all. Real and synthetic
 * figures are never peers: each is scored against its own kind.
 */
public final class OutlierDetector {
    public static final String METHOD_LEVEL = "modified_z";
    public static final String METHOD_YOY = "yoy_jump";
    public static final String SCOPE_NATION = "nation";
    public static final String SCOPE_PROVINCE = "province";
    public static final String PEER_GROUP_TOO_SMALL = "peer_group_too_small";
    public static final String NO_SCALE = "no_scale";
    public static final String AT_BOUND = "at_bound";

    private OutlierDetector() {
    }

    /**
     * One region's value in the cross-section.
     *
     * @param scoredValue the value on the compared scale; NaN when it has none (then no score)
     * @param rate        true for a rate (unit %), whose scale floor is in percentage points
     * @param population  residents of the region that year, for the level of a count; null when unknown
     *                    (or not wanted)
     */
    public record Candidate(String regionCode, String provinceCode, double value, Double previousValue,
                            double scoredValue, boolean rate, boolean synthetic, Long population) {

        /** The same candidate per resident, at the reference size of the peers' size model (OutlierScale). */
        Candidate perCapita(SizeModel size) {
            return new Candidate(regionCode, provinceCode, value, previousValue,
                    OutlierScale.perCapita(value, population, size.elasticity(), size.referencePopulation()), rate,
                    synthetic, population);
        }

        boolean hasPopulation() {
            return population != null && population > 0;
        }

        /** the level of a rate at 0 or 100 %: no log odds, no score (OutlierScale) */
        boolean atBound() {
            return rate && previousValue == null && (value == 0 || value == 100);
        }

        /** The same candidate on the scale of the count itself (no population used). */
        Candidate perCount() {
            return new Candidate(regionCode, provinceCode, value, previousValue, scoredValue, rate, synthetic, null);
        }
    }

    /** Emits two rows per candidate (nation, province) to {@code out}. */
    public static void score(int year, String indicator, String method, List<Candidate> candidates, String runId,
                             StatisticsParameters parameters, Consumer<OutlierRow> out) {
        Map<String, List<Candidate>> byLevel = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byLevel.computeIfAbsent(RegionLevel.of(c.regionCode()) + "|" + c.synthetic(), k -> new ArrayList<>()).add(c);
        }
        for (List<Candidate> level : byLevel.values()) {
            String levelName = RegionLevel.of(level.get(0).regionCode());
            SizeModel size = SizeModel.estimate(level, parameters.minPeerGroup());
            scoreGroup(year, indicator, method, SCOPE_NATION, levelName, level, size, runId, parameters, out);
            Map<String, List<Candidate>> byProvince = new LinkedHashMap<>();
            for (Candidate c : level) {
                byProvince.computeIfAbsent(String.valueOf(c.provinceCode()), k -> new ArrayList<>()).add(c);
            }
            for (List<Candidate> group : byProvince.values()) {
                scoreGroup(year, indicator, method, SCOPE_PROVINCE, levelName, group, size, runId, parameters, out);
            }
        }
    }

    /**
     * How a count grows with residents among the national peers of one level: count ∝ population^elasticity,
     * the elasticity the Theil–Sen slope of log(x + ½) on log(population), robust to the outliers being looked
     * for (up to 29 % of the peers). Normative documents or enforcement bodies grow less than in proportion to
     * residents (every county has some): dividing them by residents (elasticity 1) made small counties high and
     * large ones low. One elasticity per (year, indicator, level), estimated on the nation and used in every
     * province too: ten counties of a province rarely span enough sizes to estimate it on their own.
     *
     * @param elasticity          the slope; null when the peers have no size model (fewer than the minimum peer
     *                            group with a population: they are compared as counts)
     * @param referencePopulation the median population of the peers: a count is compared per 100,000 residents
     *                            as a county of this size would report it
     */
    record SizeModel(Double elasticity, double referencePopulation) {
        static final SizeModel NONE = new SizeModel(null, Double.NaN);

        static SizeModel estimate(List<Candidate> peers, int minPeerGroup) {
            List<Candidate> sized = new ArrayList<>();
            for (Candidate c : peers) {
                if (!c.rate() && c.previousValue() == null && c.hasPopulation() && c.value() >= 0) {
                    sized.add(c);
                }
            }
            if (sized.size() < minPeerGroup) {
                return NONE;
            }
            double[] logPopulation = new double[sized.size()];
            double[] logCount = new double[sized.size()];
            for (int i = 0; i < sized.size(); i++) {
                logPopulation[i] = Math.log(sized.get(i).population());
                logCount[i] = Math.log(sized.get(i).value() + 0.5);
            }
            boolean oneSize = Arrays.stream(logPopulation).allMatch(v -> v == logPopulation[0]);
            double elasticity = oneSize ? 1.0 : TheilSen.slope(logPopulation, logCount);
            return new SizeModel(elasticity, Math.exp(Medians.median(logPopulation)));
        }
    }

    /**
     * Counts are compared per 100,000 residents among the peers that have a population (else a county ten times
     * larger than its peers is an "outlier" in every count); peers without one are compared as counts among
     * themselves, so that one county missing from the census does not put its whole group back on raw counts.
     * When fewer peers than a peer group needs have a population, all are compared as counts. Rates and jumps
     * carry no population and form one group.
     */
    private static void scoreGroup(int year, String indicator, String method, String scope, String level,
                                   List<Candidate> candidates, SizeModel size, String runId,
                                   StatisticsParameters parameters, Consumer<OutlierRow> out) {
        int withPopulation = 0;
        for (Candidate c : candidates) {
            withPopulation += c.hasPopulation() ? 1 : 0;
        }
        boolean split = size.elasticity() != null && withPopulation >= parameters.minPeerGroup();
        List<Candidate> perCapita = new ArrayList<>(candidates.size());
        List<Candidate> perCount = new ArrayList<>();
        for (Candidate c : candidates) {
            if (split && c.hasPopulation()) {
                perCapita.add(c.perCapita(size));
            } else {
                perCount.add(c.perCount());
            }
        }
        scoreScaled(year, indicator, method, scope, level, perCapita, size.elasticity(), runId, parameters, out);
        scoreScaled(year, indicator, method, scope, level, perCount, null, runId, parameters, out);
    }

    private static void scoreScaled(int year, String indicator, String method, String scope, String level,
                                    List<Candidate> group, Double elasticity, String runId,
                                    StatisticsParameters parameters, Consumer<OutlierRow> out) {
        if (group.isEmpty()) {
            return;
        }
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
        boolean tooSmall = finite < parameters.minPeerGroup();
        double floor = parameters.scaleFloor(group.get(0).rate(), group.get(0).previousValue() != null);
        double threshold = parameters.threshold(finite);
        ModifiedZScore.Scores scores = finite > 0 ? ModifiedZScore.score(x, floor) : null;
        k = 0;
        for (Candidate c : group) {
            boolean scaled = Double.isFinite(c.scoredValue());
            Double score = scaled && !tooSmall ? scores.scores()[k] : null;
            if (scaled) {
                k++;
            }
            String reason = score != null ? null : c.atBound() ? AT_BOUND : tooSmall ? PEER_GROUP_TOO_SMALL : NO_SCALE;
            out.accept(new OutlierRow(c.regionCode(), indicator, c.value(), scope, method, score,
                    ModifiedZScore.isFlagged(score, threshold), c.provinceCode(), level,
                    c.previousValue(), scaled ? c.scoredValue() : null, finite,
                    scores != null ? scores.median() : null, scores != null ? scores.mad() : null,
                    scores != null ? scores.scale() : null, reason, c.population(), c.synthetic(), threshold,
                    c.population() != null ? elasticity : null, null, runId, year));
        }
    }
}
