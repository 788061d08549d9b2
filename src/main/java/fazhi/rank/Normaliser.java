package fazhi.rank;

/**
 * Puts one indicator's treated values (over the counties of one scope; NaN = missing) on a common scale,
 * with the direction applied first, so that after normalisation higher is always better. The scale is fitted
 * on the values the counties reported; imputed values are then placed on that same scale
 * ({@link Scale#apply}), so filling a gap never moves another county's normalised value.
 */
public final class Normaliser {
    private Normaliser() {
    }

    /**
     * A fitted scale: normalised = base + span · (direction · x − centre) / spread; for a constant indicator
     * every value maps to {@code constantValue} (NaN when the indicator is excluded).
     */
    public record Scale(double base, double span, double centre, double spread, int direction, boolean constant,
                        double constantValue) {
        public double apply(double x) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            return constant ? constantValue : base + span * (direction * x - centre) / spread;
        }
    }

    /** min-max onto [lower, upper], or the z-score with the sample standard deviation (n - 1), as R's scale() */
    public static Scale fit(Normalisation method, double[] x, int direction, double lower, double upper,
                            ConstantIndicatorPolicy policy) {
        return method == Normalisation.MIN_MAX ? fitMinMax(x, direction, lower, upper, policy)
                : fitZScore(x, direction, policy);
    }

    private static Scale fitMinMax(double[] x, int direction, double lower, double upper,
                                   ConstantIndicatorPolicy policy) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double y = direction * v;
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        if (!(max > min)) {
            return new Scale(0, 0, 0, 1, direction, true,
                    policy == ConstantIndicatorPolicy.MIDPOINT ? (lower + upper) / 2 : Double.NaN);
        }
        return new Scale(lower, upper - lower, min, max - min, direction, false, Double.NaN);
    }

    private static Scale fitZScore(double[] x, int direction, ConstantIndicatorPolicy policy) {
        int n = 0;
        double sum = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
                sum += direction * v;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = direction * v - mean;
                ss += d * d;
            }
        }
        double sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
        if (!(sd > 0)) {
            return new Scale(0, 0, 0, 1, direction, true, policy == ConstantIndicatorPolicy.MIDPOINT ? 0 : Double.NaN);
        }
        return new Scale(0, 1, mean, sd, direction, false, Double.NaN);
    }
}
