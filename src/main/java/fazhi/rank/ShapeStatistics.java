package fazhi.rank;

/**
 * Sample skewness and excess kurtosis with COINr's definitions ({@code COINr::skew}, {@code COINr::kurt},
 * used by {@code check_SkewKurt}), which are those of {@code e1071::skewness(type = 2)} and
 * {@code e1071::kurtosis(type = 2)}, and of Excel's SKEW and KURT. With d = x - mean(x),
 * m2 = sum(d^2)/n, m3 = sum(d^3)/n, m4 = sum(d^4)/n:
 * <pre>
 *   skew = sqrt(n (n-1)) / (n-2) * m3 / m2^(3/2)                     (G1, needs n >= 3)
 *   r    = m4 / m2^2
 *   kurt = ((n+1) (r-3) + 6) (n-1) / ((n-2) (n-3))                   (G2, excess; needs n >= 4)
 * </pre>
 * A constant vector has no shape: both are NaN (COINr gives NaN too and then leaves the data untreated).
 */
public final class ShapeStatistics {
    private ShapeStatistics() {
    }

    public static double skewness(double[] x) {
        int n = x.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mean = mean(x);
        double s2 = 0;
        double s3 = 0;
        for (double v : x) {
            double d = v - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        if (s2 == 0) {
            return Double.NaN;
        }
        double g1 = Math.sqrt(n) * s3 / Math.pow(s2, 1.5);
        return g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }

    public static double kurtosis(double[] x) {
        int n = x.length;
        if (n < 4) {
            return Double.NaN;
        }
        double mean = mean(x);
        double s2 = 0;
        double s4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }
        if (s2 == 0) {
            return Double.NaN;
        }
        double r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
