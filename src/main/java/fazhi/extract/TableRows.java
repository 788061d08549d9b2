package fazhi.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table row "label(unit) | cell | cell" read as "label figure": the figure of the report year's column
 * (else the latest year's, target columns aside) when a header row named years, else the first figure. A
 * leading number cell (序号) is not the label; a cell holding only a unit word ("件") gives the unit of the row.
 */
final class TableRows {

    /** No column of the report's year under a year header: no figure of the rows below is read. */
    static final int NO_COLUMN = Integer.MAX_VALUE;
    /** The rows are not under a year header. */
    static final int ANY_COLUMN = -1;
    static final char CELL = '|';
    /** The longest line that can be a label or a "label value" row. */
    private static final int SHORT_LINE = 40;

    /** What a line without bars is in a table laid out over lines. */
    enum Layout {
        /** "受理矛盾纠纷(件)": a label, its value may follow on the next line */
        LABEL,
        /** "8710", "99.8%": a value alone */
        VALUE,
        /** "受理矛盾纠纷(件) 8710": a label and its value */
        LABELLED_VALUE,
        PROSE
    }
    /** A cell holding a digit (as String.matches(".*[0-9].*") read it, compiled once). */
    private static final Pattern HOLDS_DIGIT = Pattern.compile(".*[0-9].*");
    private static final Pattern LABEL_UNIT = Pattern.compile("\\(([^()]{1,4})\\)\\s*$");

    /** Reads a row's figure as if its label [labelStart, labelEnd) were written right before it. */
    interface RowReader {
        void read(Figure figure, int labelStart, int labelEnd, String row);
    }

    private final ExtractionLexicon lex;
    private final FigureScanner scanner;
    private final Segmenter segmenter;
    private final Pattern yearHeader;

    TableRows(ExtractionLexicon lex, FigureScanner scanner, Segmenter segmenter) {
        this.lex = lex;
        this.scanner = scanner;
        this.segmenter = segmenter;
        this.yearHeader = Pattern.compile(lex.tableYearHeader);
    }

    static boolean isRow(String line) {
        return line.indexOf(CELL) >= 0;
    }

    /** How the line [ls, le) reads as part of a table without bars. */
    Layout layout(String text, int ls, int le) {
        int a = Segmenter.skipSpaces(text, ls, le);
        int b = le;
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        if (b - a > SHORT_LINE || b == a) {
            return Layout.PROSE;
        }
        for (int i = a; i < b; i++) {
            if (segmenter.isSentenceEnd(text.charAt(i)) || segmenter.isClauseEnd(text.charAt(i))) {
                return Layout.PROSE;
            }
        }
        List<Figure> figures = scanner.scan(text, a, b);
        if (figures.size() == 1 && figures.get(0).start() == a && figures.get(0).end() == b) {
            return Layout.VALUE;
        }
        if (!figures.isEmpty()) {
            Figure last = figures.get(figures.size() - 1);
            int v = last.start();
            if (last.end() == b && v > a && text.charAt(v - 1) == ' ' && hasIdeograph(text, new Span(a, v))
                    && figures.stream().filter(f -> f.start() < v).noneMatch(Figure::hasUnit)) {
                return Layout.LABELLED_VALUE;
            }
        }
        return hasIdeograph(text, new Span(a, b)) && figures.stream().noneMatch(Figure::hasUnit)
                ? Layout.LABEL : Layout.PROSE;
    }

    /** Where the value of a {@link Layout#LABELLED_VALUE} line starts. */
    int valueStart(String text, int ls, int le) {
        List<Figure> figures = scanner.scan(text, ls, le);
        return figures.get(figures.size() - 1).start();
    }

    /**
     * Reads one row [ls, le).
     *
     * @param yearColumn the column chosen by the year header above ({@link #ANY_COLUMN}: none)
     * @return the column the rows below are to be read in
     */
    int read(String text, int ls, int le, int yearColumn, Integer reportYear, RowReader reader) {
        String line = text.substring(ls, le);
        List<Span> cells = new ArrayList<>();
        int s = 0;
        while (true) {
            int bar = line.indexOf(CELL, s);
            int e = bar < 0 ? line.length() : bar;
            cells.add(new Span(ls + s, ls + e));
            if (bar < 0) {
                break;
            }
            s = bar + 1;
        }
        if (cells.size() < 2) {
            return yearColumn;
        }
        // a header row naming years picks the column of the report year, else of the latest year
        int latest = -1;
        int latestCol = -1;
        int reportCol = -1;
        boolean namesYears = false;
        boolean bareYears = true;
        String first = cellText(text, cells.get(0));
        for (int c = 1; c < cells.size(); c++) {
            String cell = cellText(text, cells.get(c)).strip();
            Matcher y = yearHeader.matcher(cell);
            if (!y.matches()) {
                bareYears &= cell.isEmpty() || IndicatorExtractor.containsAny(cell, lex.comparisonCues)
                        || !HOLDS_DIGIT.matcher(cell).matches();
                continue;
            }
            if (cell.length() == y.end(1)) {
                // a bare "2023" is a header cell only in a row of years under a label without a unit
                if (LABEL_UNIT.matcher(first.strip()).find()) {
                    bareYears = false;
                }
            }
            namesYears = true;
            if (IndicatorExtractor.containsAny(cell, lex.targetCues)) {
                continue;
            }
            int year = Integer.parseInt(y.group(1));
            if (reportYear != null && year == reportYear) {
                reportCol = c;
            }
            if (year > latest) {
                latest = year;
                latestCol = c;
            }
        }
        if (namesYears && bareYears) {
            if (reportYear != null) {
                return reportCol > 0 ? reportCol : NO_COLUMN;
            }
            return latestCol > 0 ? latestCol : NO_COLUMN;
        }
        int labelIndex = 0;
        while (labelIndex < cells.size() - 1 && !hasIdeograph(text, cells.get(labelIndex))) {
            labelIndex++;
        }
        Span labelCell = cells.get(labelIndex);
        String label = cellText(text, labelCell).strip();
        String labelUnit = "";
        Matcher u = LABEL_UNIT.matcher(label);
        boolean unitInLabel = u.find();
        if (unitInLabel) {
            labelUnit = u.group(1).strip();
        } else {
            for (int c = labelIndex + 1; c < cells.size(); c++) {
                String cell = cellText(text, cells.get(c)).strip();
                if (cell.equals("%") || lex.units.contains(cell)) {
                    labelUnit = cell;
                    break;
                }
            }
        }
        for (int c = labelIndex + 1; c < cells.size(); c++) {
            if (yearColumn > 0 && c != yearColumn) {
                continue;
            }
            Span cell = cells.get(c);
            List<Figure> figs = scanner.scan(text, cell.start(), cell.end());
            if (figs.isEmpty()) {
                continue;
            }
            Figure f = figs.get(0);
            if (!f.hasUnit() && !labelUnit.isEmpty()) {
                boolean pct = labelUnit.equals("%");
                f = new Figure(f.start(), f.numberStart(), f.numberEnd(), f.end(), f.numberText(),
                        pct ? "%" : labelUnit, f.qualifierText(), pct, f.redacted(), f.chinese());
            }
            if (!f.hasUnit()) {
                continue;
            }
            int labelEnd = unitInLabel ? labelCell.start() + cellText(text, labelCell).lastIndexOf('(') : labelCell.end();
            reader.read(f, labelCell.start(), labelEnd, line.strip());
            break;
        }
        return yearColumn;
    }

    /** Is [ls, le) a table's title: one short line, not a sentence ("...行政处罚实施情况统计表")? */
    boolean titleLine(String text, int ls, int le) {
        String t = text.substring(Math.min(ls, le), le).strip();
        if (t.isEmpty() || t.length() > SHORT_LINE || t.indexOf('\n') >= 0) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (segmenter.isSentenceEnd(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The unit of a header cell naming a total with its unit ("合计(宗)"), else null. */
    String totalColumnUnit(String text, Span head) {
        String cell = cellText(text, head).strip();
        Matcher u = LABEL_UNIT.matcher(cell);
        if (!u.find()) {
            return null;
        }
        String name = cell.substring(0, u.start()).strip();
        return lex.tableTotalLabels.contains(name) ? u.group(1).strip() : null;
    }

    /** The cells of the row [ls, le), split at the bars. */
    List<Span> cells(String text, int ls, int le) {
        List<Span> cells = new ArrayList<>();
        int s = ls;
        while (true) {
            int bar = text.indexOf(CELL, s);
            int e = bar < 0 || bar >= le ? le : bar;
            cells.add(new Span(s, e));
            if (e == le) {
                break;
            }
            s = e + 1;
        }
        while (cells.size() > 1 && text.substring(cells.get(cells.size() - 1).start(), le).isBlank()) {
            cells.remove(cells.size() - 1); // a bar closing the row
        }
        return cells;
    }

    /**
     * Is the row [vs, ve) the one record under the header row [hs, he): every header cell a label without a
     * number, every cell below a value alone, as many of both, and no further row of values under it (rows per
     * unit or per year are parts and series, read otherwise)?
     */
    boolean singleRecord(String text, int hs, int he, int vs, int ve) {
        List<Span> heads = cells(text, hs, he);
        List<Span> values = cells(text, vs, ve);
        if (heads.size() < 2 || heads.size() != values.size()) {
            return false;
        }
        for (int c = 0; c < heads.size(); c++) {
            Span h = heads.get(c);
            if (!hasIdeograph(text, h) || !scanner.scan(text, h.start(), h.end()).isEmpty()) {
                return false;
            }
            Span v = values.get(c);
            if (hasIdeograph(text, v) || scanner.scan(text, v.start(), v.end()).size() != 1) {
                return false;
            }
        }
        int next = ve + 1;
        while (next < text.length() && text.charAt(next) == '\n') {
            next++;
        }
        int nl = text.indexOf('\n', next);
        return next >= text.length() || !isRow(text.substring(next, nl < 0 ? text.length() : nl));
    }

    private static String cellText(String text, Span cell) {
        return text.substring(cell.start(), cell.end());
    }

    private static boolean hasIdeograph(String text, Span span) {
        for (int i = span.start(); i < span.end(); i++) {
            if (SubjectTerms.isIdeograph(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
