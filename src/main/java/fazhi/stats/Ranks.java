package fazhi.stats;

import java.util.Arrays;

/** Ranking and quantile conventions, fixed so that R gives the same answer. */
public final class Ranks {
    private Ranks() {
    }

    /**
     * Rank 1 = highest score; ties share the smallest rank (1, 2, 2, 4), as R's
     * {@code rank(-score, ties.method = "min")}; compared on the unrounded doubles. NaN scores get rank 0
     * (not ranked) and do not count.
     */
    public static int[] minRanks(double[] scores) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            boolean na = Double.isNaN(scores[a]);
            boolean nb = Double.isNaN(scores[b]);
            if (na || nb) {
                return Boolean.compare(na, nb);
            }
            return Double.compare(scores[b], scores[a]);
        });
        int[] ranks = new int[n];
        int pos = 0;
        for (int j = 0; j < n; j++) {
            int i = order[j];
            if (Double.isNaN(scores[i])) {
                ranks[i] = 0;
                continue;
            }
            pos++;
            if (j > 0 && scores[order[j - 1]] == scores[i]) {
                ranks[i] = ranks[order[j - 1]];
            } else {
                ranks[i] = pos;
            }
        }
        return ranks;
    }

    /**
     * R's {@code quantile(x, p, type = 1)}: the inverse of the empirical distribution function, so the
     * result is always one of the observed ranks. Sorts {@code x} in place.
     */
    public static int quantileType1(int[] x, double p) {
        Arrays.sort(x);
        int n = x.length;
        double fuzz = 4 * Math.ulp(1.0);
        double np = n * p;
        int j = (int) Math.floor(np + fuzz);
        // R: x[j] (1-based) when np is (within fuzz) a whole number, else x[j + 1]; clamped to [1, n]
        int k = np > j ? j + 1 : j;
        k = Math.max(1, Math.min(n, k));
        return x[k - 1];
    }
}
