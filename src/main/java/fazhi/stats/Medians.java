package fazhi.stats;

import java.util.Arrays;

/** Median and raw median absolute deviation, with R's conventions ({@code median}, {@code mad(constant = 1)}). */
public final class Medians {
    private Medians() {
    }

    /** The median; for an even count the mean of the two middle values. NaN for an empty array. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedMedian(sorted);
    }

    /** The median of values already sorted ascending. */
    public static double sortedMedian(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int half = n / 2;
        return n % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2.0;
    }

    /** Raw MAD: median(|x - median(x)|), without the 1.4826 consistency constant. */
    public static double mad(double[] values) {
        return mad(values, median(values));
    }

    /** Raw MAD around a given centre. */
    public static double mad(double[] values, double centre) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - centre);
        }
        return median(dev);
    }
}
