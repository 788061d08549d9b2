package fazhi.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Benford's first-digit test of a set of counts: Pearson's chi-square against
 * p_d = log10(1 + 1/d), d = 1..9 (df = 8; R's {@code chisq.test(counts, p = p_d)}), and Nigrini's
 * mean absolute deviation MAD = (1/9) sum |O_d/n - p_d| with his first-digit conformity bands:
 * close (&lt;= 0.006), acceptable (&lt;= 0.012), marginal (&lt;= 0.015), nonconformity (above).
 */
public final class BenfordTest {
    public static final int DF = 8;
    /** With n below this, some expected count n * p_9 is below 5 and the chi-square approximation is poor. */
    public static final int MIN_N_FOR_CHI_SQUARE = 110;
    private static final double[] EXPECTED = new double[10];
    private static final ChiSquaredDistribution CHI_SQUARE = ChiSquaredDistribution.of(DF);

    static {
        for (int d = 1; d <= 9; d++) {
            EXPECTED[d] = Math.log10(1.0 + 1.0 / d);
        }
    }

    private BenfordTest() {
    }

    public enum Conformity {
        CLOSE, ACCEPTABLE, MARGINAL, NONCONFORMITY;

        public static Conformity ofMad(double mad) {
            if (mad <= 0.006) {
                return CLOSE;
            }
            if (mad <= 0.012) {
                return ACCEPTABLE;
            }
            return mad <= 0.015 ? MARGINAL : NONCONFORMITY;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param counts observed first-digit counts, index 1..9 used (length 10, index 0 ignored)
     */
    public record Result(long n, double chiSquare, double p, double mad, Conformity conformity) {
    }

    public static double expectedProportion(int digit) {
        return EXPECTED[digit];
    }

    public static Result test(long[] counts) {
        if (counts.length != 10) {
            throw new IllegalArgumentException("counts must have length 10 (index = digit)");
        }
        long n = 0;
        for (int d = 1; d <= 9; d++) {
            n += counts[d];
        }
        if (n == 0) {
            throw new IllegalArgumentException("no counts");
        }
        double chi = 0;
        double mad = 0;
        for (int d = 1; d <= 9; d++) {
            double e = n * EXPECTED[d];
            double diff = counts[d] - e;
            chi += diff * diff / e;
            mad += Math.abs((double) counts[d] / n - EXPECTED[d]);
        }
        mad /= 9;
        return new Result(n, chi, CHI_SQUARE.survivalProbability(chi), mad, Conformity.ofMad(mad));
    }

    /** The first significant digit of a value &gt;= 1 (1..9), or 0 for values below 1 or not finite. */
    public static int firstDigit(double value) {
        if (!Double.isFinite(value) || value < 1) {
            return 0;
        }
        String plain = BigDecimal.valueOf(value).toPlainString();
        for (int i = 0; i < plain.length(); i++) {
            char ch = plain.charAt(i);
            if (ch >= '1' && ch <= '9') {
                return ch - '0';
            }
        }
        return 0;
    }
}
