package fazhi.rank;

/**
 * Combines one county's normalised indicators into a score. Missing indicators (NaN) are skipped and the
 * weights renormalised over the indicators the county has (COINr's weighted mean with na.rm = TRUE).
 */
public final class Aggregator {
    private Aggregator() {
    }

    /** NaN when the county has no indicator. */
    public static double aggregate(Aggregation method, double[] values, double[] weights, String regionCode,
                                   String[] codes) {
        double sw = 0;
        double acc = 0;
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isNaN(v)) {
                continue;
            }
            if (method == Aggregation.GEOMETRIC) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("geometric aggregation refuses the non-positive value " + v
                            + " of " + codes[k] + " for region " + regionCode
                            + ": normalise onto a range with a positive lower bound or use arithmetic aggregation");
                }
                acc += weights[k] * Math.log(v);
            } else {
                acc += weights[k] * v;
            }
            sw += weights[k];
        }
        if (sw == 0) {
            return Double.NaN;
        }
        return method == Aggregation.GEOMETRIC ? Math.exp(acc / sw) : acc / sw;
    }
}
