package fazhi.rank;

/**
 * Puts one indicator's treated values (over the counties of one scope; NaN = missing) on a common scale,
 * with the direction applied first, so that after normalisation higher is always better.
 */
public final class Normaliser {
    private Normaliser() {
    }

    /** Result: the normalised values (NaN where missing or excluded) and whether the indicator was constant. */
    public record Result(double[] values, boolean constant) {
    }

    public static Result minMax(double[] x, int direction, double lower, double upper,
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
        double[] out = new double[x.length];
        boolean constant = !(max > min);
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else if (constant) {
                out[i] = policy == ConstantIndicatorPolicy.MIDPOINT ? (lower + upper) / 2 : Double.NaN;
            } else {
                out[i] = lower + (upper - lower) * (direction * x[i] - min) / (max - min);
            }
        }
        return new Result(out, constant);
    }

    /** z-score with the sample standard deviation (n - 1), as R's {@code scale()}. */
    public static Result zScore(double[] x, int direction, ConstantIndicatorPolicy policy) {
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
        boolean constant = !(sd > 0);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else if (constant) {
                out[i] = policy == ConstantIndicatorPolicy.MIDPOINT ? 0 : Double.NaN;
            } else {
                out[i] = (direction * x[i] - mean) / sd;
            }
        }
        return new Result(out, constant);
    }
}
