package fazhi.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The Mann–Kendall trend test of y against t, with Kendall's tau-b, following R's
 * {@code cor(method = "kendall")} and {@code cor.test(method = "kendall")}.
 *
 * <ul>
 *   <li>S = sum over pairs i &lt; j of sign(t_j - t_i) * sign(y_j - y_i).</li>
 *   <li>tau-b = S / sqrt((n0 - n1)(n0 - n2)), n0 = n(n-1)/2, n1 and n2 the tied pairs in t and y;
 *       undefined (null) when t or y is constant.</li>
 *   <li>Var(S) = [n(n-1)(2n+5) - sum_t u(u-1)(2u+5) - sum_y v(v-1)(2v+5)] / 18
 *       + [sum u(u-1)][sum v(v-1)] / (2n(n-1)) + [sum u(u-1)(u-2)][sum v(v-1)(v-2)] / (9n(n-1)(n-2))
 *       over tie groups u in t and v in y (R's formula; with distinct years the last two terms vanish
 *       and it is the classical [n(n-1)(2n+5) - sum v(v-1)(2v+5)] / 18).</li>
 *   <li>z = sign(S)(|S| - 1) / sqrt(Var S) (continuity corrected), p_normal = 2 P(Z &gt; |z|).</li>
 *   <li>p_exact (no ties in t or y, n &lt; 50) from the permutation distribution of S
 *       ({@link KendallDistribution}); the reported p is p_exact when defined, else p_normal.</li>
 * </ul>
 */
public final class MannKendall {
    /** Below this n, untied series get the exact p-value (R's default {@code exact = n < 50}). */
    public static final int EXACT_BELOW_N = 50;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MannKendall() {
    }

    /**
     * The test result. Nullable fields are null when undefined (a constant series: Var(S) = 0).
     *
     * @param s       the Mann–Kendall statistic S
     * @param varS    Var(S) under H0 with the tie corrections
     * @param z       continuity-corrected normal score
     * @param pExact  exact two-sided p, null when there are ties or n &gt;= 50
     * @param pNormal normal-approximation two-sided p with continuity correction
     * @param tauB    Kendall's tau-b
     */
    public record Result(int n, long s, double varS, Double z, Double pExact, Double pNormal, Double tauB) {
        /** The p-value to report: exact when available, else normal. */
        public Double p() {
            return pExact != null ? pExact : pNormal;
        }

        public boolean exact() {
            return pExact != null;
        }
    }

    public static Result test(double[] t, double[] y) {
        int n = t.length;
        if (y.length != n) {
            throw new IllegalArgumentException("t and y differ in length");
        }
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += sign(t[j] - t[i]) * sign(y[j] - y[i]);
            }
        }
        Ties tt = Ties.of(t);
        Ties ty = Ties.of(y);
        double n0 = n * (n - 1.0) / 2.0;
        double denom = (n0 - tt.pairs) * (n0 - ty.pairs);
        Double tau = denom > 0 ? s / Math.sqrt(denom) : null;

        double varS = (n * (n - 1.0) * (2.0 * n + 5.0) - tt.v0 - ty.v0) / 18.0;
        if (n > 1) {
            varS += tt.v1 * ty.v1 / (2.0 * n * (n - 1.0));
        }
        if (n > 2) {
            varS += tt.v2 * ty.v2 / (9.0 * n * (n - 1.0) * (n - 2.0));
        }
        if (tau == null || !(varS > 0)) {
            return new Result(n, s, varS, null, null, null, null);
        }
        double corrected = Math.signum((double) s) * (Math.abs((double) s) - 1.0);
        double z = corrected / Math.sqrt(varS) + 0.0; // no negative zero
        double pNormal = Math.min(1.0, 2.0 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
        Double pExact = null;
        if (tt.pairs == 0 && ty.pairs == 0 && n < EXACT_BELOW_N) {
            int concordant = (int) ((s + (long) n * (n - 1) / 2) / 2);
            pExact = KendallDistribution.twoSidedP(concordant, n);
        }
        return new Result(n, s, varS, z, pExact, pNormal, tau);
    }

    private static int sign(double d) {
        return d > 0 ? 1 : d < 0 ? -1 : 0;
    }

    /** Tie-group sums of one variable: sum u(u-1)/2, sum u(u-1)(2u+5), sum u(u-1), sum u(u-1)(u-2). */
    private record Ties(double pairs, double v0, double v1, double v2) {
        static Ties of(double[] x) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double pairs = 0, v0 = 0, v1 = 0, v2 = 0;
            int i = 0;
            while (i < sorted.length) {
                int j = i + 1;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                double u = j - i;
                if (u > 1) {
                    pairs += u * (u - 1) / 2;
                    v0 += u * (u - 1) * (2 * u + 5);
                    v1 += u * (u - 1);
                    v2 += u * (u - 1) * (u - 2);
                }
                i = j;
            }
            return new Ties(pairs, v0, v1, v2);
        }
    }
}
