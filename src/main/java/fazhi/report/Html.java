package fazhi.report;

import fazhi.warehouse.NumberText;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Escaping and number formatting for the report's HTML and inline SVG. */
public final class Html {
    private Html() {
    }

    /** Text or attribute value, safe inside elements and double- or single-quoted attributes. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab / newline are not allowed in HTML text
                    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate for SVG: one decimal, '.' as separator whatever the locale. */
    public static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A figure for people: thousands separated, at most two decimals (three below 1), no trailing zeros. */
    public static String num(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        if (v.isInfinite()) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        // the value without float noise (NumberText), then rounded for the page
        String pattern = a >= 100 ? "#,##0.#" : a >= 1 ? "0.##" : "0.###";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(NumberText.clean(v));
    }

    /** A p-value: three decimals, or "&lt; 0.001". */
    public static String p(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
