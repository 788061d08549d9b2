package fazhi.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Cuts a line of clean text into sentences (the lexicon's sentence ends; an elision token also ends one)
 * and clauses (its clause ends; a thousands separator "1,245" and a time "9:30" do not), finds where list
 * items start ("一是", "(二)", "3.", "①") and which characters stand inside a title 《》, and finds the
 * report's title line and whether a heading opens a plan part.
 */
final class Segmenter {

    private static final int HEADING_SPAN = 30;
    private static final int TITLE_LINES = 8;

    private final ExtractionLexicon lex;
    private final boolean[] isSentenceEnd;
    private final boolean[] isClauseEnd;
    private final String elision;

    Segmenter(ExtractionLexicon lex) {
        this.lex = lex;
        this.isSentenceEnd = charTable(lex.sentenceEnds);
        this.isClauseEnd = charTable(lex.clauseEnds);
        this.elision = lex.elisionToken;
    }

    List<Span> sentences(String text, int from, int to) {
        return split(text, from, to, isSentenceEnd, true);
    }

    List<Span> clauses(String text, int from, int to) {
        return split(text, from, to, isClauseEnd, false);
    }

    boolean isSentenceEnd(char c) {
        return isSentenceEnd[c];
    }

    boolean isClauseEnd(char c) {
        return isClauseEnd[c];
    }

    private List<Span> split(String text, int from, int to, boolean[] delimiters, boolean elisions) {
        List<Span> out = new ArrayList<>();
        char elisionInitial = elision.charAt(0);
        int s = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (elisions && c == elisionInitial && text.startsWith(elision, i)) {
                if (i > s) {
                    out.add(new Span(s, i));
                }
                i += elision.length();
                s = i;
                continue;
            }
            if (delimiters[c] && !(c == ',' && isThousands(text, i)) && !(c == ':' && isTime(text, i))) {
                out.add(new Span(s, i + 1));
                s = i + 1;
            }
            i++;
        }
        if (s < to) {
            out.add(new Span(s, to));
        }
        return out;
    }

    private static boolean isThousands(String text, int i) {
        return i > 0 && FigureScanner.isDigit(text.charAt(i - 1)) && i + 4 <= text.length()
                && FigureScanner.isDigit(text.charAt(i + 1)) && FigureScanner.isDigit(text.charAt(i + 2))
                && FigureScanner.isDigit(text.charAt(i + 3))
                && (i + 4 == text.length() || !FigureScanner.isDigit(text.charAt(i + 4)));
    }

    private static boolean isTime(String text, int i) {
        return i > 0 && i + 1 < text.length() && FigureScanner.isDigit(text.charAt(i - 1))
                && FigureScanner.isDigit(text.charAt(i + 1));
    }

    /** Where list items start in the line (its start first): the scope of context words. Sorted. */
    List<Integer> blockStarts(String text, int ls, List<Span> sentences) {
        List<Integer> out = new ArrayList<>();
        out.add(ls);
        Matcher m = lex.listItemMarker.matcher(text);
        for (Span s : sentences) {
            int a = skipSpaces(text, s.start(), s.end());
            m.region(a, s.end());
            if (m.lookingAt()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Past a list item marker at {@code from} ("一是", "(二)"), or {@code from} when none stands there. */
    int afterListMarker(String text, int from, int to) {
        Matcher m = lex.listItemMarker.matcher(text).region(from, to);
        return m.lookingAt() ? m.end() : from;
    }

    static int skipSpaces(String text, int from, int to) {
        int p = from;
        while (p < to && text.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** For each character of the line [ls, le): is it inside a title 《...》? (one slot more, for le) */
    static boolean[] insideTitles(String text, int ls, int le) {
        boolean[] in = new boolean[le - ls + 1];
        int depth = 0;
        for (int i = ls; i < le; i++) {
            char c = text.charAt(i);
            if (c == '《') {
                depth++;
            } else if (c == '》' && depth > 0) {
                depth--;
            }
            in[i - ls] = depth > 0;
        }
        return in;
    }

    /** Does the line open a part of the report, and is that part a plan (下一步工作打算)? null: no heading. */
    Boolean planHeading(String line) {
        if (!lex.topHeading.matcher(line).find()) {
            return null;
        }
        String head = line.substring(0, Math.min(line.length(), firstSentenceEnd(line, HEADING_SPAN)));
        return IndicatorExtractor.containsAny(head, lex.planHeadingCues);
    }

    private int firstSentenceEnd(String line, int max) {
        for (int i = 0; i < line.length() && i < max; i++) {
            if (isSentenceEnd[line.charAt(i)]) {
                return i;
            }
        }
        return Math.min(max, line.length());
    }

    /** The report's title: among its first lines, the first short one naming the report; null when none. */
    String titleLine(String text) {
        int lines = 0;
        int pos = 0;
        while (pos < text.length() && lines < TITLE_LINES) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            if (line.length() <= lex.titleMaxLength && titleMarkerAt(line) >= 0) {
                return line;
            }
        }
        return null;
    }

    /**
     * The first line of the text when it reads as a heading (short, no sentence end: "司法局2024年上半年工作
     * 总结"), else null.
     */
    String openingHeading(String text) {
        int a = 0;
        while (a < text.length() && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        int nl = text.indexOf('\n', a);
        String line = text.substring(a, nl < 0 ? text.length() : nl).strip();
        if (line.isEmpty() || line.length() > lex.titleMaxLength) {
            return null;
        }
        for (int i = 0; i < line.length(); i++) {
            if (isSentenceEnd[line.charAt(i)]) {
                return null;
            }
        }
        return line;
    }

    /** Where the title names the report (its first title marker), or -1. */
    int titleMarkerAt(String title) {
        int at = -1;
        for (String w : lex.titleMarkers) {
            int i = title.indexOf(w);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        return at;
    }

    private static boolean[] charTable(String chars) {
        boolean[] table = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] = true;
        }
        return table;
    }
}
