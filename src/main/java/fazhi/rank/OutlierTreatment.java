package fazhi.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * COINr's default outlier treatment ({@code Treat()} with {@code winsorise} then {@code log_CT}), for one
 * indicator over the counties of one scope:
 * <ol>
 *   <li>the values fail when |skew| >= skew_threshold AND kurtosis >= kurtosis_threshold
 *       ({@code check_SkewKurt}; definitions in {@link ShapeStatistics});</li>
 *   <li>while failing and fewer than max_winsorised points were changed: if skew >= 0 every value equal to
 *       the maximum is set to the largest other value ("winhi"), else every value equal to the minimum is
 *       set to the smallest other value ("winlo"); tied extremes are changed together. Points already
 *       winsorised move again with the next extreme; the count is of distinct points changed (as COINr's
 *       {@code nwin}, which counts the points sitting at the replaced extreme);</li>
 *   <li>if still failing and log_fallback: the winsorisation is dropped and the untreated values are
 *       replaced by log(x - min + 0.01 (max - min)) ({@code log_CT}, monotone, so order is kept).</li>
 * </ol>
 * Fewer than 4 values, or a constant indicator: no shape to judge, left untreated (COINr returns the
 * vector untouched when the check gives NA).
 */
public final class OutlierTreatment {

    /** One changed value. */
    public record Point(int index, TreatmentAction action, double before, double after) {
    }

    /**
     * @param values      the treated values (same order as the input)
     * @param outcome     none (passed untreated), too_few, constant, winsorised, log_ct, failed (still failing,
     *                    no fallback)
     * @param winsorised  how many points winsorisation changed (0 for log_ct: its winsorisation is dropped)
     */
    public record Result(double[] values, String outcome, int winsorised, List<Point> points,
                         double skewBefore, double kurtosisBefore, double skewAfter, double kurtosisAfter) {
    }

    private final double skewThreshold;
    private final double kurtosisThreshold;
    private final int maxWinsorised;
    private final boolean logFallback;

    public OutlierTreatment(double skewThreshold, double kurtosisThreshold, int maxWinsorised, boolean logFallback) {
        this.skewThreshold = skewThreshold;
        this.kurtosisThreshold = kurtosisThreshold;
        this.maxWinsorised = maxWinsorised;
        this.logFallback = logFallback;
    }

    public static OutlierTreatment of(RankingParameters p) {
        return new OutlierTreatment(p.skewThreshold(), p.kurtosisThreshold(), p.maxWinsorised(), p.logFallback());
    }

    /** COINr check_SkewKurt: true when the values need no treatment (NaN shape counts as passing). */
    public boolean passes(double[] x) {
        double s = ShapeStatistics.skewness(x);
        double k = ShapeStatistics.kurtosis(x);
        if (Double.isNaN(s) || Double.isNaN(k)) {
            return true;
        }
        return Math.abs(s) < skewThreshold || k < kurtosisThreshold;
    }

    public Result treat(double[] original) {
        double[] x = original.clone();
        double s0 = ShapeStatistics.skewness(x);
        double k0 = ShapeStatistics.kurtosis(x);
        if (x.length < 4) {
            return new Result(x, "too_few", 0, List.of(), s0, k0, s0, k0);
        }
        if (Double.isNaN(s0)) {
            return new Result(x, "constant", 0, List.of(), s0, k0, s0, k0);
        }
        if (passes(x)) {
            return new Result(x, "none", 0, List.of(), s0, k0, s0, k0);
        }
        List<Point> points = new ArrayList<>();
        boolean[] changed = new boolean[x.length];
        int nwin = 0;
        boolean passing = false;
        while (!passing && nwin < maxWinsorised) {
            boolean high = ShapeStatistics.skewness(x) >= 0;
            double extreme = high ? Arrays.stream(x).max().orElseThrow() : Arrays.stream(x).min().orElseThrow();
            double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double v : x) {
                if (v != extreme) {
                    next = high ? Math.max(next, v) : Math.min(next, v);
                }
            }
            for (int i = 0; i < x.length; i++) {
                if (x[i] == extreme) {
                    points.add(new Point(i, high ? TreatmentAction.WINHI : TreatmentAction.WINLO, original[i], next));
                    x[i] = next;
                    if (!changed[i]) {
                        changed[i] = true;
                        nwin++;
                    }
                }
            }
            passing = passes(x);
        }
        if (passing) {
            return new Result(x, "winsorised", nwin, fold(points, original, x), s0, k0,
                    ShapeStatistics.skewness(x), ShapeStatistics.kurtosis(x));
        }
        if (!logFallback) {
            return new Result(x, "failed", nwin, fold(points, original, x), s0, k0,
                    ShapeStatistics.skewness(x), ShapeStatistics.kurtosis(x));
        }
        double min = Arrays.stream(original).min().orElseThrow();
        double max = Arrays.stream(original).max().orElseThrow();
        double[] y = new double[original.length];
        List<Point> logPoints = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.log(original[i] - min + 0.01 * (max - min));
            logPoints.add(new Point(i, TreatmentAction.LOG_CT, original[i], y[i]));
        }
        return new Result(y, "log_ct", 0, logPoints, s0, k0, ShapeStatistics.skewness(y),
                ShapeStatistics.kurtosis(y));
    }

    /** A point winsorised twice (the max, then again as part of the next max) is listed once, final value. */
    private static List<Point> fold(List<Point> points, double[] original, double[] treated) {
        List<Point> out = new ArrayList<>();
        boolean[] seen = new boolean[original.length];
        for (Point p : points) {
            if (!seen[p.index()]) {
                seen[p.index()] = true;
                out.add(new Point(p.index(), p.action(), original[p.index()], treated[p.index()]));
            }
        }
        return out;
    }
}
