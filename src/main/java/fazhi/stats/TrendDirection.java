package fazhi.stats;

import java.util.Locale;

/** The direction of a Mann–Kendall trend at a significance level; the warehouse stores {@link #code()}. */
public enum TrendDirection {
    INCREASING, DECREASING, NO_TREND;

    /** Increasing / decreasing when p &lt; alpha, by the sign of S; no trend otherwise or when p is undefined. */
    public static TrendDirection of(long s, Double p, double alpha) {
        if (p == null || !(p < alpha) || s == 0) {
            return NO_TREND;
        }
        return s > 0 ? INCREASING : DECREASING;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
