package fazhi.reference;

/**
 * The characters numbers are written with in Chinese text, in one place for every reader and writer of them
 * (the figure scanner, the numeral parser, the year reader, the generator). These are facts of the script, not
 * knowledge a statistician tunes, so they live here rather than in schema/.
 */
public final class NumeralCharacters {

    /** 零 to 九, each at the index of its value. */
    public static final String DIGITS = "零一二三四五六七八九";
    /** The zero of digit strings (二〇二四). */
    public static final char NUMERAL_ZERO = '〇';
    /** A letter typed for 〇 by input methods (Cyrillic О): read as zero in any number. */
    public static final String MISTYPED_ZEROS = "О";
    /** Shapes read as zero only among the four digits of a year (○, full-width Ｏ, Latin O). */
    public static final String YEAR_ZEROS = "○ＯO";
    /** 两, the two of counts (两万, 两千). */
    public static final char COUNTING_TWO = '两';
    public static final char TEN = '十';
    public static final char HUNDRED = '百';
    public static final char THOUSAND = '千';
    public static final char TEN_THOUSAND = '万';
    public static final char HUNDRED_MILLION = '亿';
    /** 十 百 千: ten, a hundred, a thousand, at index k of 10^(k+1). */
    public static final String SMALL_UNITS = "" + TEN + HUNDRED + THOUSAND;
    /** 万 亿: the multipliers a number may end with (2.1万). */
    public static final String LARGE_UNITS = "" + TEN_THOUSAND + HUNDRED_MILLION;
    /** The decimal point of a number in words (四十二点三). */
    public static final char POINT = '点';
    /** Financial and traditional forms, each followed by the plain numeral it stands for. */
    public static final String VARIANT_PAIRS = "兩二壹一贰二貳二叁三參三肆四伍五陆六陸六柒七捌八玖九"
            + "拾十佰百仟千萬万億亿點点";

    /** Full-width forms (U+FF01 to U+FF5E) are their ASCII character shifted by this much. */
    private static final int FULL_WIDTH_SHIFT = 0xFEE0;

    private NumeralCharacters() {
    }

    /** The value of 十 百 千 万 亿 (10 to 100000000), or 0 for any other character. */
    public static long unitValue(char c) {
        int small = SMALL_UNITS.indexOf(c);
        if (small >= 0) {
            return (long) Math.pow(10, small + 1);
        }
        return c == TEN_THOUSAND ? 10_000L : c == HUNDRED_MILLION ? 100_000_000L : 0;
    }

    /** The plain numeral a financial or traditional form stands for (贰 → 二, 萬 → 万), or the character itself. */
    public static char plainVariant(char c) {
        for (int i = 0; i < VARIANT_PAIRS.length(); i += 2) {
            if (VARIANT_PAIRS.charAt(i) == c) {
                return VARIANT_PAIRS.charAt(i + 1);
            }
        }
        return c;
    }

    /** A full-width ASCII character (０, ．, ％) as ASCII; other characters unchanged. */
    public static char halfWidth(char c) {
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - FULL_WIDTH_SHIFT) : c;
    }

    /** A printable ASCII character as its full-width form (5 → ５, % → ％); other characters unchanged. */
    public static char fullWidth(char c) {
        return c >= '!' && c <= '~' ? (char) (c + FULL_WIDTH_SHIFT) : c;
    }
}
