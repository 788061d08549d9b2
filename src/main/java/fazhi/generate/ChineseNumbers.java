package fazhi.generate;

/** Writes numbers the ways Chinese reports do: 二百一十六, full-width １２４５, 2.1万. */
public final class ChineseNumbers {
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] UNITS = {"千", "百", "十", ""};

    private ChineseNumbers() {
    }

    /** 0 to 99,999,999 in Chinese numerals: 16 → 十六, 110 → 一百一十, 1045 → 一千零四十五, 20300 → 二万零三百. */
    public static String toChinese(long value) {
        if (value < 0 || value > 99_999_999L) {
            throw new IllegalArgumentException("out of range: " + value);
        }
        if (value == 0) {
            return "零";
        }
        if (value < 10_000) {
            return section((int) value, true);
        }
        int high = (int) (value / 10_000);
        int low = (int) (value % 10_000);
        StringBuilder sb = new StringBuilder(section(high, true)).append('万');
        if (low > 0) {
            if (low < 1000) {
                sb.append('零');
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
                sb.append('零');
                zero = false;
            }
            boolean bareTen = i == 2 && d[i] == 1 && !started && leading;
            if (!bareTen) {
                sb.append(DIGITS[d[i]]);
            }
            sb.append(UNITS[i]);
            started = true;
        }
        return sb.toString();
    }

    /** ASCII digits, '.' and '%' to their full-width forms. */
    public static String fullWidth(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.append((char) ('０' + (c - '0')));
            } else if (c == '.') {
                sb.append('．');
            } else if (c == '%') {
                sb.append('％');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
