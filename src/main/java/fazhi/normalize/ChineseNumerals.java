package fazhi.normalize;

import fazhi.reference.NumeralCharacters;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Parses numbers as written in the reports: Arabic (with thousands separators, full-width digits),
 * Chinese numerals (二百一十六, 一千零五, 两万, 三百二十一亿五千万, 四十二点三), digit strings (二〇二四),
 * and mixed forms (4万2千, 2.1万, 1.5亿, 20万). Values are exact {@link BigDecimal}s, so nothing overflows.
 * Colloquial abbreviations are read as people mean them: 一万五 = 15000, 三千二 = 3200.
 */
public final class ChineseNumerals {

    private static final String DIGITS = NumeralCharacters.DIGITS;
    private static final char ZERO = DIGITS.charAt(0);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000L);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000L);

    private ChineseNumerals() {
    }

    /** The value, or empty when the text is not a number. */
    public static Optional<BigDecimal> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value as a double (large values lose precision, they never overflow to a wrong sign). */
    public static double parseDouble(String text) {
        return parse(text).doubleValue();
    }

    /** @throws NumberFormatException when the text is not a number */
    public static BigDecimal parse(String text) {
        if (text == null) {
            throw new NumberFormatException("null");
        }
        String s = normalize(text);
        if (s.isEmpty()) {
            throw new NumberFormatException("empty number: '" + text + "'");
        }
        if (s.matches("[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(s);
        }
        if (isDigitString(s)) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append(digit(c));
            }
            return new BigDecimal(b.toString());
        }
        return stripZeros(parseLarge(s, text));
    }

    private static String normalize(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            char half = NumeralCharacters.halfWidth(c);
            if (half != c && (half == '.' || (half >= '0' && half <= '9'))) {
                b.append(half);
            } else if (c == ',' || c == '，' || c == ' ' || c == '\u3000') {
                continue; // thousands separators and spaces inside figures
            } else if (c == NumeralCharacters.NUMERAL_ZERO || NumeralCharacters.MISTYPED_ZEROS.indexOf(c) >= 0) {
                b.append(ZERO);
            } else if (c == NumeralCharacters.COUNTING_TWO) {
                b.append(DIGITS.charAt(2));
            } else {
                b.append(NumeralCharacters.plainVariant(c)); // 贰 → 二, 萬 → 万
            }
        }
        return b.toString();
    }

    /** 二〇二四, 一〇五: digits read one by one, no units. */
    private static boolean isDigitString(String s) {
        for (char c : s.toCharArray()) {
            if (DIGITS.indexOf(c) < 0 && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal parseLarge(String s, String original) {
        int yi = s.lastIndexOf(NumeralCharacters.HUNDRED_MILLION);
        if (yi >= 0) {
            BigDecimal high = yi == 0 ? BigDecimal.ONE : parseLarge(s.substring(0, yi), original);
            String rest = s.substring(yi + 1);
            BigDecimal low = rest.isEmpty() ? BigDecimal.ZERO : implied(rest, HUNDRED_MILLION.divide(BigDecimal.TEN), original);
            return high.multiply(HUNDRED_MILLION).add(low);
        }
        int wan = s.lastIndexOf(NumeralCharacters.TEN_THOUSAND);
        if (wan >= 0) {
            BigDecimal high = wan == 0 ? BigDecimal.ONE : parseSmall(s.substring(0, wan), original);
            String rest = s.substring(wan + 1);
            BigDecimal low = rest.isEmpty() ? BigDecimal.ZERO : implied(rest, BigDecimal.valueOf(1000), original);
            return high.multiply(TEN_THOUSAND).add(low);
        }
        return parseSmall(s, original);
    }

    /** 一万五: a single digit after a large unit stands for the next unit down. */
    private static BigDecimal implied(String rest, BigDecimal nextUnit, String original) {
        if (rest.length() == 1 && DIGITS.indexOf(rest.charAt(0)) > 0) {
            return BigDecimal.valueOf(digit(rest.charAt(0))).multiply(nextUnit);
        }
        return rest.indexOf(NumeralCharacters.TEN_THOUSAND) >= 0 ? parseLarge(rest, original) : parseSmall(rest, original);
    }

    /** Below ten thousand: 二百一十六, 一千零五, 四十二点三, 2千, 2.5. */
    private static BigDecimal parseSmall(String s, String original) {
        if (s.isEmpty()) {
            throw new NumberFormatException("not a number: '" + original + "'");
        }
        if (s.matches("[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(s);
        }
        String fraction = null;
        int dot = s.indexOf(NumeralCharacters.POINT);
        if (dot >= 0) {
            fraction = s.substring(dot + 1);
            s = s.substring(0, dot);
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal current = null;
        long lastUnit = 0;
        boolean zeroAfterUnit = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < s.length() && ((s.charAt(j) >= '0' && s.charAt(j) <= '9') || s.charAt(j) == '.')) {
                    j++;
                }
                current = new BigDecimal(s.substring(i, j));
                i = j;
                continue;
            }
            if (c == ZERO) {
                zeroAfterUnit = lastUnit > 0;
            } else if (DIGITS.indexOf(c) > 0) {
                current = BigDecimal.valueOf(DIGITS.indexOf(c));
            } else if (NumeralCharacters.SMALL_UNITS.indexOf(c) >= 0) {
                long unit = NumeralCharacters.unitValue(c);
                BigDecimal n = current == null ? BigDecimal.ONE : current;
                total = total.add(n.multiply(BigDecimal.valueOf(unit)));
                current = null;
                lastUnit = unit;
                zeroAfterUnit = false;
            } else {
                throw new NumberFormatException("not a number: '" + original + "'");
            }
            i++;
        }
        if (current != null) {
            if (lastUnit > 10 && !zeroAfterUnit && current.scale() == 0 && current.compareTo(BigDecimal.TEN) < 0) {
                total = total.add(current.multiply(BigDecimal.valueOf(lastUnit / 10))); // 三千二 = 3200
            } else {
                total = total.add(current);
            }
        }
        if (fraction != null) {
            if (fraction.isEmpty()) {
                throw new NumberFormatException("not a number: '" + original + "'");
            }
            StringBuilder f = new StringBuilder("0.");
            for (char c : fraction.toCharArray()) {
                f.append(digit(c));
            }
            total = total.add(new BigDecimal(f.toString()));
        }
        return total;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int d = DIGITS.indexOf(c);
        if (d < 0) {
            throw new NumberFormatException("not a digit: " + c);
        }
        return d;
    }

    private static BigDecimal stripZeros(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
