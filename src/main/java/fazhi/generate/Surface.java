package fazhi.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How one figure is written, and what a careful reader records from it: {@code value} and {@code qualifier}
 * ({@code exact}, {@code at_least} for 余 / 多 / 以上 / 超过, {@code approx} for 约 / 近 / 左右).
 */
record Surface(String text, BigDecimal value, String qualifier, String form, String unit) {

    static final Set<String> LOSSLESS_COUNT_FORMS = Set.of("arabic", "chinese", "fullwidth", "spaced");

    /** a count written in a form drawn from the weights; lossless restricts to forms that keep the exact value */
    static Surface count(long v, String unit, Map<String, Double> weights, boolean lossless, Rng r) {
        Map<String, Double> allowed = new LinkedHashMap<>();
        weights.forEach((form, w) -> {
            if (countApplies(form, v, lossless)) {
                allowed.put(form, w);
            }
        });
        return count(v, unit, allowed.isEmpty() ? "arabic" : r.weighted(allowed));
    }

    static boolean countApplies(String form, long v, boolean lossless) {
        return switch (form) {
            case "arabic", "fullwidth", "spaced" -> true;
            case "chinese" -> v > 0 && v < 100_000;
            case "wan" -> !lossless && v >= 10_000;
            default -> !lossless && v >= 20;
        };
    }

    static Surface count(long v, String unit, String form) {
        return switch (form) {
            case "arabic" -> exact(v + unit, v, form, unit);
            case "spaced" -> exact(v + " " + unit, v, form, unit);
            case "fullwidth" -> exact(ChineseNumbers.fullWidth(Long.toString(v)) + unit, v, form, unit);
            case "chinese" -> exact(ChineseNumbers.toChinese(v) + unit, v, form, unit);
            case "wan" -> {
                BigDecimal w = BigDecimal.valueOf(v).divide(BigDecimal.valueOf(10_000)).setScale(1, RoundingMode.HALF_UP);
                yield new Surface(plain(w) + "万" + unit, w.multiply(BigDecimal.valueOf(10_000)).stripTrailingZeros(),
                        "exact", form, unit);
            }
            case "yu" -> new Surface(floor2(v) + "余" + unit, BigDecimal.valueOf(floor2(v)), "at_least", form, unit);
            case "duo" -> new Surface(floor2(v) + "多" + unit, BigDecimal.valueOf(floor2(v)), "at_least", form, unit);
            case "yishang" -> new Surface(floor2(v) + unit + "以上", BigDecimal.valueOf(floor2(v)), "at_least", form, unit);
            case "chaoguo" -> new Surface("超过" + floor2(v) + unit, BigDecimal.valueOf(floor2(v)), "at_least", form, unit);
            case "yue" -> new Surface("约" + round2(v) + unit, BigDecimal.valueOf(round2(v)), "approx", form, unit);
            case "jin" -> new Surface("近" + ceil2(v) + unit, BigDecimal.valueOf(ceil2(v)), "approx", form, unit);
            case "zuoyou" -> new Surface(round2(v) + unit + "左右", BigDecimal.valueOf(round2(v)), "approx", form, unit);
            default -> throw new IllegalArgumentException("unknown count form " + form);
        };
    }

    /** a rate (percent) in a form drawn from the weights */
    static Surface rate(double x, Map<String, Double> weights, boolean lossless, Rng r) {
        Map<String, Double> allowed = new LinkedHashMap<>();
        weights.forEach((form, w) -> {
            if (!form.equals("yishang") || (!lossless && x >= 50 && x < 100)) {
                allowed.put(form, w);
            }
        });
        return rate(x, r.weighted(allowed));
    }

    static Surface rate(double x, String form) {
        BigDecimal value = BigDecimal.valueOf(x).stripTrailingZeros();
        return switch (form) {
            case "arabic" -> new Surface(plain(value) + "%", value, "exact", form, "%");
            case "fullwidth" -> new Surface(ChineseNumbers.fullWidth(plain(value) + "%"), value, "exact", form, "%");
            case "yishang" -> {
                BigDecimal floor = value.setScale(0, RoundingMode.FLOOR);
                yield new Surface(floor.toPlainString() + "%以上", floor, "at_least", form, "%");
            }
            default -> throw new IllegalArgumentException("unknown rate form " + form);
        };
    }

    private static Surface exact(String text, long v, String form, String unit) {
        return new Surface(text, BigDecimal.valueOf(v), "exact", form, unit);
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static long magnitude(long v) {
        long m = 1;
        while (v / m >= 100) {
            m *= 10;
        }
        return Math.max(10, m);
    }

    /** floor to two significant digits (tens at least): 1234 → 1200, 47 → 40, 256 → 250 */
    static long floor2(long v) {
        long m = magnitude(v);
        return v / m * m;
    }

    static long round2(long v) {
        long m = magnitude(v);
        return (v + m / 2) / m * m;
    }

    static long ceil2(long v) {
        long m = magnitude(v);
        long c = (v + m - 1) / m * m;
        return c == v ? c + m : c;
    }
}
