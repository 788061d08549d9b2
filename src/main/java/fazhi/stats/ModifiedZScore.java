package fazhi.stats;

/**
 * Iglewicz–Hoaglin modified z-scores: z_i = 0.6745 (x_i - median) / MAD with the raw MAD
 * (R's {@code mad(x, constant = 1)}); a value is flagged when |z| &gt; 3.5. Where MAD = 0 (half or more
 * of the values equal) no value gets a score. A MAD that is zero but for floating-point noise counts as
 * zero: differences of decimal rates (98.2 − 98.0 against 98.1 − 97.9) differ by 1e-14, and dividing by
 * that would turn equal changes into scores of 10^12.
 */
public final class ModifiedZScore {
    public static final double CONSTANT = 0.6745;
    public static final double THRESHOLD = 3.5;
    /** relative size below which a MAD is floating-point noise around zero */
    static final double NOISE = 1e-9;

    private ModifiedZScore() {
    }

    /**
     * @param scores one per input value; all null when MAD is 0 or undefined
     */
    public record Scores(double median, double mad, Double[] scores) {
        public boolean flagged(int i) {
            return isFlagged(scores[i]);
        }
    }

    public static Scores score(double[] x) {
        double median = Medians.median(x);
        double mad = Medians.mad(x, median);
        Double[] z = new Double[x.length];
        if (mad > NOISE * Math.max(1.0, Math.abs(median))) {
            for (int i = 0; i < x.length; i++) {
                z[i] = CONSTANT * (x[i] - median) / mad;
            }
        }
        return new Scores(median, mad, z);
    }

    public static boolean isFlagged(Double score) {
        return score != null && Math.abs(score) > THRESHOLD;
    }
}
