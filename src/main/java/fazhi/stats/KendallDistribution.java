package fazhi.stats;

/**
 * The exact null distribution of Kendall's statistic for n untied pairs: the number of concordant
 * pairs T = (S + n(n-1)/2) / 2 is distributed as the number of inversions of a uniformly random
 * permutation (Mahonian numbers divided by n!). This is the distribution R's {@code cor.test(method =
 * "kendall", exact = TRUE)} uses ({@code pkendall}).
 *
 * <p>Probabilities are built by convolving the uniform distributions on {0, ..., m-1} for m = 2..n,
 * summing terms directly (no subtraction), so tail probabilities keep full relative precision.
 */
public final class KendallDistribution {
    /** The largest n served; R switches to the normal approximation at n = 50. */
    public static final int MAX_N = 60;
    private static final double[][] CACHE = new double[MAX_N + 1][];

    private KendallDistribution() {
    }

    /** P(T = k) for k = 0 .. n(n-1)/2. */
    public static double[] probabilities(int n) {
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("exact Kendall distribution supports 1 <= n <= " + MAX_N + ", got " + n);
        }
        synchronized (CACHE) {
            if (CACHE[n] == null) {
                CACHE[n] = build(n);
            }
            return CACHE[n];
        }
    }

    private static double[] build(int n) {
        double[] p = {1.0};
        for (int m = 2; m <= n; m++) {
            double[] next = new double[p.length + m - 1];
            for (int k = 0; k < next.length; k++) {
                double sum = 0;
                int from = Math.max(0, k - (m - 1));
                int to = Math.min(k, p.length - 1);
                for (int j = from; j <= to; j++) {
                    sum += p[j];
                }
                next[k] = sum / m;
            }
            p = next;
        }
        return p;
    }

    /** P(T <= q). */
    public static double cdf(int q, int n) {
        double[] p = probabilities(n);
        if (q < 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k <= Math.min(q, p.length - 1); k++) {
            sum += p[k];
        }
        return Math.min(1.0, sum);
    }

    /** P(T >= q). */
    public static double upperTail(int q, int n) {
        double[] p = probabilities(n);
        double sum = 0;
        for (int k = Math.max(0, q); k < p.length; k++) {
            sum += p[k];
        }
        return Math.min(1.0, sum);
    }

    /**
     * Two-sided exact p-value for T concordant pairs out of n(n-1)/2, as R: the tail on the side of
     * T away from the centre n(n-1)/4, doubled and capped at 1.
     */
    public static double twoSidedP(int concordant, int n) {
        double tail = 4.0 * concordant > (double) n * (n - 1) ? upperTail(concordant, n) : cdf(concordant, n);
        return Math.min(1.0, 2.0 * tail);
    }
}
