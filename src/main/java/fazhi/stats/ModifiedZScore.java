package fazhi.stats;

/**
 * Iglewicz–Hoaglin modified z-scores: z_i = 0.6745 (x_i - median) / scale with
 * scale = max(MAD, 0.6745 √(π/2) · MeanAD, floor), the raw MAD (R's {@code mad(x, constant = 1)}) and MeanAD the
 * mean of |x_i - median|; a value is flagged when |z| exceeds the threshold (3.5 in jobs/statistics.yaml).
 * The MAD collapses when half the peers report the same figure (a rate at 100 %): the mean deviation, scaled to
 * agree with the MAD on normal data (the convention of IBM SPSS for MAD = 0), then measures how far the others
 * spread. The floor keeps a spread of near zero (most counties at 97-99 %) from turning a one-point difference
 * into a flag. Without a floor (floor 0), no value gets a score where both spreads are zero, and a spread that
 * is zero but for floating-point noise counts as zero: differences of decimal rates (98.2 − 98.0 against
 * 98.1 − 97.9) differ by 1e-14, and dividing by that would turn equal changes into scores of 10^12.
 */
public final class ModifiedZScore {
    public static final double CONSTANT = 0.6745;
    /** makes the mean absolute deviation a MAD-sized scale: E|X - μ| = √(2/π) σ and MAD = 0.6745 σ for normal X */
    public static final double MEAN_DEVIATION = CONSTANT * Math.sqrt(Math.PI / 2);
    /** relative size below which a MAD is floating-point noise around zero */
    static final double NOISE = 1e-9;

    private ModifiedZScore() {
    }

    /**
     * @param scores one per input value; all null when the scale is 0 or undefined
     */
    public record Scores(double median, double mad, double scale, Double[] scores) {
    }

    /** Scores divided by max(MAD, scaled MeanAD, floor); with {@code floor = 0}, none where both are (noise around) 0. */
    public static Scores score(double[] x, double floor) {
        double median = Medians.median(x);
        double mad = Medians.mad(x, median);
        double meanDeviation = 0;
        for (double v : x) {
            meanDeviation += Math.abs(v - median);
        }
        meanDeviation /= x.length;
        double scale = Math.max(Math.max(mad, MEAN_DEVIATION * meanDeviation), floor);
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
