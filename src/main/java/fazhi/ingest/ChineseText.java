package fazhi.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalisation of report text before names and years are matched: traditional place-name characters to
 * simplified ({@code /schema/traditional-simplified.csv}), full-width ASCII to ASCII, and years written in
 * Chinese digits (二〇二三年) to Arabic digits.
 */
final class ChineseText {

    private static final Pattern CHINESE_YEAR = Pattern.compile("([〇零○ＯO一二三四五六七八九]{4})(\\s*年)");
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

    private final Map<Character, Character> toSimplified;

    private ChineseText(Map<Character, Character> toSimplified) {
        this.toSimplified = toSimplified;
    }

    static ChineseText bundled() {
        return new ChineseText(TraditionalCharacters.toSimplified());
    }

    String normalize(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                c = ' ';
            } else {
                Character s = toSimplified.get(c);
                if (s != null) {
                    c = s;
                }
            }
            b.append(c);
        }
        return chineseYears(b.toString());
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
            StringBuilder digits = new StringBuilder(4);
            for (char c : m.group(1).toCharArray()) {
                int d = CHINESE_DIGITS.indexOf(c);
                digits.append(d >= 0 ? (char) ('0' + d) : '0');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(digits + m.group(2)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
