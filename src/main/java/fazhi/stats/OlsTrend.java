package fazhi.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Ordinary least squares of y on t (with intercept), as R's {@code lm(y ~ t)}: slope, its standard
 * error sqrt(SSE / (n - 2) / Sxx), the two-sided t-interval slope +- t_{n-2, 1-alpha/2} * se
 * ({@code confint}) and the two-sided p-value of slope = 0. Sums are taken about the means.
 */
public final class OlsTrend {
    private OlsTrend() {
    }

    /**
     * @param p null when the slope and its standard error are both zero (a constant series: 0/0);
     *          0 when the fit is exact with a non-zero slope
     */
    public record Result(double slope, double intercept, double standardError, double ciLow, double ciHigh,
                         Double p) {
    }

    public static Result fit(double[] t, double[] y) {
        return fit(t, y, 0.95);
    }

    public static Result fit(double[] t, double[] y, double confLevel) {
        int n = t.length;
        if (y.length != n || n < 3) {
            throw new IllegalArgumentException("OLS with an interval needs three or more (t, y) pairs");
        }
        double tMean = 0, yMean = 0;
        for (int i = 0; i < n; i++) {
            tMean += t[i];
            yMean += y[i];
        }
        tMean /= n;
        yMean /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double dt = t[i] - tMean;
            sxx += dt * dt;
            sxy += dt * (y[i] - yMean);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("all t are equal");
        }
        double slope = sxy / sxx;
        double intercept = yMean - slope * tMean;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - yMean - slope * (t[i] - tMean);
            sse += e * e;
        }
        int df = n - 2;
        double se = Math.sqrt(sse / df / sxx);
        TDistribution dist = TDistribution.of(df);
        double q = dist.inverseCumulativeProbability(1 - (1 - confLevel) / 2);
        Double p;
        if (se > 0) {
            p = Math.min(1.0, 2.0 * dist.survivalProbability(Math.abs(slope / se)));
        } else {
            p = slope == 0 ? null : 0.0;
        }
        return new Result(slope, intercept, se, slope - q * se, slope + q * se, p);
    }
}
