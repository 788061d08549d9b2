package fazhi.generate;

import fazhi.reference.NumeralCharacters;

/** Writes numbers the ways Chinese reports do: 二百一十六, full-width １２４５, 2.1万. */
public final class ChineseNumbers {
    private static final String DIGITS = NumeralCharacters.DIGITS;
    private static final char ZERO = DIGITS.charAt(0);
    /** The unit of each of a section's four places, thousands first ('\0' for the ones). */
    private static final char[] UNITS = {NumeralCharacters.THOUSAND, NumeralCharacters.HUNDRED, NumeralCharacters.TEN, 0};

    private ChineseNumbers() {
    }

    /** 0 to 99,999,999 in Chinese numerals: 16 → 十六, 110 → 一百一十, 1045 → 一千零四十五, 20300 → 二万零三百. */
    public static String toChinese(long value) {
        if (value < 0 || value > 99_999_999L) {
            throw new IllegalArgumentException("out of range: " + value);
        }
        if (value == 0) {
            return String.valueOf(ZERO);
        }
        if (value < 10_000) {
            return section((int) value, true);
        }
        int high = (int) (value / 10_000);
        int low = (int) (value % 10_000);
        StringBuilder sb = new StringBuilder(section(high, true)).append(NumeralCharacters.TEN_THOUSAND);
        if (low > 0) {
            if (low < 1000) {
                sb.append(ZERO);
            }
            sb.append(section(low, false));
        }
        return sb.toString();
    }

    private static String section(int n, boolean leading) {
        int[] d = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (d[i] == 0) {
                if (started) {
                    zero = true;
                }
                continue;
            }
            if (zero) {
                sb.append(ZERO);
                zero = false;
            }
            boolean bareTen = i == 2 && d[i] == 1 && !started && leading;
            if (!bareTen) {
                sb.append(DIGITS.charAt(d[i]));
            }
            if (UNITS[i] != 0) {
                sb.append(UNITS[i]);
            }
            started = true;
        }
        return sb.toString();
    }

    /** ASCII digits, '.' and '%' to their full-width forms. */
    public static String fullWidth(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '%';
            sb.append(numeric ? NumeralCharacters.fullWidth(c) : c);
        }
        return sb.toString();
    }
}
