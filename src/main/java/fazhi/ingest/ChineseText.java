package fazhi.ingest;

import fazhi.reference.NumeralCharacters;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one character normaliser of report text, applied before anything is matched (identification reads
 * names and years with it, the cleaner the whole text): full-width ASCII to ASCII, odd spaces to plain
 * spaces, invisible characters and the CR of a CRLF dropped, traditional characters to simplified
 * ({@code /schema/traditional-simplified.csv}); and the one reader of a year written in Chinese digits
 * (二〇二三年).
 */
public final class ChineseText {

    /** What {@link #plainChar} returns for a character that is dropped. */
    public static final int DROP = -1;

    /** The characters read as 0 among a year's digits: 〇 and its look-alikes. */
    private static final String YEAR_ZEROS = NumeralCharacters.NUMERAL_ZERO + NumeralCharacters.MISTYPED_ZEROS
            + NumeralCharacters.YEAR_ZEROS;
    private static final Pattern CHINESE_YEAR = Pattern.compile(
            "([" + YEAR_ZEROS + NumeralCharacters.DIGITS + "]{4})(\\s*年)");

    private static final ChineseText BUNDLED = new ChineseText(TraditionalCharacters.toSimplified());

    /** Traditional → simplified, indexed by the char; 0 where the char stays as it is. */
    private final char[] simplified = new char[Character.MAX_VALUE + 1];

    private ChineseText(Map<Character, Character> toSimplified) {
        for (Map.Entry<Character, Character> e : toSimplified.entrySet()) {
            simplified[e.getKey()] = e.getValue();
        }
    }

    public static ChineseText bundled() {
        return BUNDLED;
    }

    /** The character at {@code i} of {@code s} as normalised text has it, or {@link #DROP}. */
    public int plainChar(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c == '\r') {
            return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? DROP : '\n';
        }
        char half = NumeralCharacters.halfWidth(c);
        if (half != c) {
            return half;
        }
        if (c == '\u3000' || c == '\u00A0' || c == '\t' || c == '\u2002' || c == '\u2003') {
            return ' ';
        }
        if (c == '\u200B' || c == '\uFEFF' || c == '\u200C' || c == '\u200D') {
            return DROP;
        }
        if (c == '\uFE6A') {
            return '%';
        }
        char s2 = simplified[c];
        return s2 != 0 ? s2 : c;
    }

    /** The text with every character normalised ({@link #plainChar}) and Chinese-digit years in Arabic digits. */
    String normalize(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int c = plainChar(text, i);
            if (c != DROP) {
                b.append((char) c);
            }
        }
        return chineseYears(b.toString());
    }

    /**
     * The value of a year's digits, Arabic or Chinese (2023, 二〇二三, 二零二三), or null when a character is
     * neither.
     */
    public static Integer yearValue(CharSequence digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = yearDigit(digits.charAt(i));
            if (d < 0) {
                return null;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int yearDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return YEAR_ZEROS.indexOf(c) >= 0 ? 0 : NumeralCharacters.DIGITS.indexOf(c);
    }

    private static String chineseYears(String s) {
        if (s.indexOf('年') < 0) {
            return s;
        }
        Matcher m = CHINESE_YEAR.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            String year = String.format("%04d", yearValue(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(year + m.group(2)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
