package fazhi.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The Theil–Sen slope of y on t with the confidence interval of R's {@code trend::sens.slope}.
 *
 * <ul>
 *   <li>slope = median of the N pairwise slopes (y_j - y_i) / (t_j - t_i), i &lt; j, t_i != t_j;</li>
 *   <li>intercept = median(y) - slope * median(t);</li>
 *   <li>CI: C = z_{1-alpha/2} sqrt(Var S) with Var S = [n(n-1)(2n+5) - sum v(v-1)(2v+5)] / 18 over tie
 *       groups v of y; with the pairwise slopes sorted, lower = d[round((N - C)/2)],
 *       upper = d[round((N + C)/2 + 1)] (1-based ranks, R's {@code round}: half to even). A bound whose
 *       rank falls outside 1..N is undefined (null): short series have no sens.slope interval.</li>
 * </ul>
 * Unlike {@code sens.slope}, which uses the index 1..n as time, t is the real year, so gaps count.
 */
public final class TheilSen {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TheilSen() {
    }

    public record Result(double slope, double intercept, Double ciLow, Double ciHigh) {
    }

    public static Result estimate(double[] t, double[] y) {
        return estimate(t, y, 0.95);
    }

    public static Result estimate(double[] t, double[] y, double confLevel) {
        double[] d = sortedPairwiseSlopes(t, y);
        int k = d.length;
        double slope = Medians.sortedMedian(d);
        double intercept = Medians.median(y) - slope * Medians.median(t);

        double varS = varianceOfS(y);
        double c = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confLevel) / 2) * Math.sqrt(varS);
        long rankLow = (long) Math.rint((k - c) / 2);
        long rankHigh = (long) Math.rint((k + c) / 2 + 1);
        Double low = rankLow >= 1 && rankLow <= k ? d[(int) rankLow - 1] : null;
        Double high = rankHigh >= 1 && rankHigh <= k ? d[(int) rankHigh - 1] : null;
        return new Result(slope, intercept, low, high);
    }

    /** The median of the pairwise slopes alone (no interval): the robust slope of y on t. */
    public static double slope(double[] t, double[] y) {
        return Medians.sortedMedian(sortedPairwiseSlopes(t, y));
    }

    private static double[] sortedPairwiseSlopes(double[] t, double[] y) {
        int n = t.length;
        if (y.length != n || n < 2) {
            throw new IllegalArgumentException("need two or more (t, y) pairs of equal length");
        }
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                if (t[j] != t[i]) {
                    d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
                }
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("all t are equal");
        }
        d = Arrays.copyOf(d, k);
        Arrays.sort(d);
        return d;
    }

    /** Var(S) of the Mann–Kendall statistic with ties in y only (trend's {@code .varmk}). */
    static double varianceOfS(double[] y) {
        int n = y.length;
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double ties = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double v = j - i;
            ties += v * (v - 1) * (2 * v + 5);
            i = j;
        }
        return (n * (n - 1.0) * (2.0 * n + 5.0) - ties) / 18.0;
    }
}
