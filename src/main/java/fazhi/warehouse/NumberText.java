package fazhi.warehouse;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as people read them, in every human-facing output (sql table / csv / xlsx, the stats and rank printers,
 * the review queue, the HTML report): binary floating-point noise removed ({@code 30.240000000000002} is
 * {@code 30.24}, {@code 0.30000000000000004} is {@code 0.3}), no exponent, no trailing zeros, whole numbers
 * without {@code .0}. A double carries 15–17 significant digits; rounding to 15 (what Excel shows) keeps every
 * digit a report or a statistic means and drops the noise of arithmetic such as {@code 3.024 * 10}.
 */
public final class NumberText {
    private static final MathContext SIGNIFICANT = new MathContext(15);

    private NumberText() {
    }

    /** The double rounded to 15 significant digits (NaN and infinities unchanged): the value a numeric cell holds. */
    public static double clean(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(SIGNIFICANT).doubleValue();
    }

    /** Plain decimal text of the double without float noise: 30.24, 1512, -0.5, 0.000012; NaN, Infinity as Java. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A query value as text: doubles and floats through {@link #plain(double)}, anything else as it prints; null stays null. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return plain(d);
        }
        if (value instanceof Float f) {
            return plain(Double.parseDouble(f.toString()));
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
