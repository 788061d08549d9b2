package fazhi.stats;

/**
 * The scale on which values are compared. Counts (any unit other than {@code %}) are compared as
 * log1p(x), so that a county ten times larger is as far above as one ten times smaller is below;
 * the level of a rate (unit {@code %}) on the empirical logit log((x + ½) / (100 − x + ½)), the log odds of a
 * proportion of a notional hundred cases with the usual half case added (Cox, The Analysis of Binary Data, 1970):
 * proportions spread about normally on it (and the generator draws them so), so 83 % among peers at 94–99.5 % is the
 * tail of an ordinary spread. A rate at 0 or 100 % gets NaN (no score): it is where proportions pile up (half the
 * counties report 100 % 出庭应诉率), a point mass with no place in the spread of the others; the half case keeps
 * 99.9 % from being stretched as far as its plain log odds would. Rates outside 0–100 get NaN too.
 * Year-on-year jumps are log1p(x_t) - log1p(x_{t-1})
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
            return value <= 0 || value >= 100 ? Double.NaN : Math.log((value + 0.5) / (100.5 - value));
        }
        return value < 0 ? Double.NaN : Math.log1p(value);
    }

    /**
     * log((x + ½) per 100,000 residents) at the reference size: log((x + ½) · 100,000 / P) − (e − 1) · log(P / P_ref)
     * for a count that grows as population^e (e the peers' elasticity). With e = 1 it is the plain rate per 100,000;
     * otherwise the rate a county of P_ref residents would report, so that the residual of the size model is scored.
     */
    public static double perCapita(double value, long population, double elasticity, double referencePopulation) {
        return value < 0 ? Double.NaN : Math.log((value + 0.5) * 100000.0 / population)
                - (elasticity - 1) * Math.log(population / referencePopulation);
    }

    public static double yearOnYear(double value, double previous, boolean rate) {
        if (rate) {
            return value - previous;
        }
        return value < 0 || previous < 0 ? Double.NaN : Math.log1p(value) - Math.log1p(previous);
    }
}
