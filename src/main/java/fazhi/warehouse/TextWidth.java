package fazhi.warehouse;

/**
 * Columns a text takes on a terminal or in a spreadsheet cell: East Asian wide characters (CJK ideographs,
 * Hangul, full-width forms) take two, the rest one. One rule for the sql printer, the rank printer and the
 * workbooks, so their columns line up the same way.
 */
public final class TextWidth {
    private TextWidth() {
    }

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    public static int of(int cp) {
        return (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd))) ? 2 : 1;
    }
}
