package fazhi.stats;

/**
 * The scale on which values are compared. Counts (any unit other than {@code %}) are compared as
 * log1p(x), so that a county ten times larger is as far above as one ten times smaller is below;
 * rates (unit {@code %}) are compared as they are. Year-on-year jumps are log1p(x_t) - log1p(x_{t-1})
 * for counts (a log ratio that tolerates zeros) and the plain difference x_t - x_{t-1} in percentage
 * points for rates. Negative counts have no log scale and get NaN (no score). The level of a count is compared
 * per capita where the county has a population: log((x + ½) per 100,000 residents). The half count is the
 * usual continuity correction of a log count: a county of 10,000 residents that reports 0 cases where its
 * peers' rate would lead to one is chance, not an outlier (log1p of the rate would put it at 0 against 2.4).
 */
public final class OutlierScale {
    public static final String RATE_UNIT = "%";

    private OutlierScale() {
    }

    public static boolean isRate(String unit) {
        return RATE_UNIT.equals(unit);
    }

    public static double level(double value, boolean rate) {
        if (rate) {
            return value;
        }
        return value < 0 ? Double.NaN : Math.log1p(value);
    }

    public static double perCapita(double value, long population) {
        return value < 0 ? Double.NaN : Math.log((value + 0.5) * 100000.0 / population);
    }

    public static double yearOnYear(double value, double previous, boolean rate) {
        if (rate) {
            return value - previous;
        }
        return value < 0 || previous < 0 ? Double.NaN : Math.log1p(value) - Math.log1p(previous);
    }
}
