package fazhi.stats;

/**
 * Iglewicz–Hoaglin modified z-scores: z_i = 0.6745 (x_i - median) / max(MAD, floor) with the raw MAD
 * (R's {@code mad(x, constant = 1)}); a value is flagged when |z| exceeds the threshold (3.5 in
 * jobs/statistics.yaml). The floor on the scale keeps a spread of near zero (a bounded rate where most counties
 * report 97-99 %) from turning a one-point difference into a flag; with a floor every value gets a score. Without
 * one (floor 0), no value gets a score where MAD = 0 (half or more of the values equal), and a MAD that is zero
 * but for floating-point noise counts as zero: differences of decimal rates (98.2 − 98.0 against 98.1 − 97.9)
 * differ by 1e-14, and dividing by that would turn equal changes into scores of 10^12.
 */
public final class ModifiedZScore {
    public static final double CONSTANT = 0.6745;
    /** relative size below which a MAD is floating-point noise around zero */
    static final double NOISE = 1e-9;

    private ModifiedZScore() {
    }

    /**
     * @param scores one per input value; all null when MAD is 0 or undefined
     */
    public record Scores(double median, double mad, double scale, Double[] scores) {
    }

    /** Scores divided by max(MAD, floor); with {@code floor = 0}, no scores where MAD is (noise around) zero. */
    public static Scores score(double[] x, double floor) {
        double median = Medians.median(x);
        double mad = Medians.mad(x, median);
        double scale = Math.max(mad, floor);
        Double[] z = new Double[x.length];
        if (scale > NOISE * Math.max(1.0, Math.abs(median))) {
            for (int i = 0; i < x.length; i++) {
                z[i] = CONSTANT * (x[i] - median) / scale;
            }
        }
        return new Scores(median, mad, scale, z);
    }

    public static boolean isFlagged(Double score, double threshold) {
        return score != null && Math.abs(score) > threshold;
    }
}
