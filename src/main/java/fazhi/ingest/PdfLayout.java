package fazhi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;

/**
 * Puts the text runs of a PDF back into reading order, as office software laid them out:
 * <ul>
 *   <li>two-column pages are read column by column (a run crossing the middle of the page closes a section);</li>
 *   <li>running headers and footers (a line repeated at the top or bottom of several pages) and page numbers
 *       ({@code — 3 —}, {@code 第3页 共9页}) are removed, so a sentence broken by a page end joins up again;</li>
 *   <li>a line that fills its column and is followed by a line that is not indented continues the same
 *       paragraph: the line break is removed (CJK text breaks lines mid-word: {@code 行政诉\n讼案件});</li>
 *   <li>runs on one baseline separated by a wide gap are table cells, joined by {@code " | "} like the other
 *       readers' table rows; a label wrapped onto the next line of its cell is put back into the cell.</li>
 * </ul>
 * The patterns are data (the {@code pdf_layout} section of schema/cleaning.yaml).
 */
final class PdfLayout {

    /** A run of glyphs PDFBox found on one baseline, in page coordinates (y grows downwards). */
    record Run(int page, float x0, float x1, float y, float height, String text) {
    }

    /** What the repair did, for tests and benchmarks. */
    record Repairs(int joinedLines, int joinedInsideWords, int droppedRunningLines, int droppedPageNumbers,
                   int wrappedCells, int twoColumnPages) {
    }

    record Result(String text, Repairs repairs) {
    }

    /** One line of the rebuilt page: its cells left to right and where it sits. */
    private static final class Line {
        final int page;
        private final List<String> cells = new ArrayList<>();
        /** the cells joined, made on first use after the cells last changed (the repairs read it many times) */
        private String text;
        /** where each cell starts */
        final List<Float> cellX0 = new ArrayList<>();
        float x0;
        float x1;
        final float y;
        /** baseline of the line's last printed line (a wrapped cell adds lines below) */
        float lastY;
        final float height;
        /** left and right edges of the column (or page body) the line belongs to */
        float columnLeft;
        float columnRight;
        /** taken off its page as a running header or footer or a page number */
        boolean dropped;

        Line(Run first) {
            page = first.page();
            x0 = first.x0();
            x1 = first.x1();
            y = first.y();
            lastY = y;
            height = first.height();
            cells.add(first.text());
            cellX0.add(first.x0());
        }

        String text() {
            if (text == null) {
                text = String.join(" | ", cells);
            }
            return text;
        }

        boolean tableRow() {
            return cells.size() > 1;
        }

        String lastCell() {
            return cells.get(cells.size() - 1);
        }

        void addCell(String cell, float cellStart) {
            cells.add(cell);
            cellX0.add(cellStart);
            text = null;
        }

        void setCell(int i, String cell) {
            cells.set(i, cell);
            text = null;
        }

        void stripCells() {
            cells.replaceAll(String::strip);
            text = null;
        }
    }

    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Pattern> pageNumberLines;
    private final List<Pattern> pageNumberParts;
    private final int runningLineMinPages;
    private final int edgeLines;
    private final double cellGapChars;
    private final double fullLineSlackChars;
    private final double indentChars;
    private final double columnShare;
    private final int minColumnRows;
    private final boolean repair;

    private PdfLayout(List<Pattern> pageNumberLines, List<Pattern> pageNumberParts, int runningLineMinPages,
                      int edgeLines, double cellGapChars, double fullLineSlackChars, double indentChars,
                      double columnShare, int minColumnRows, boolean repair) {
        this.pageNumberLines = pageNumberLines;
        this.pageNumberParts = pageNumberParts;
        this.runningLineMinPages = runningLineMinPages;
        this.edgeLines = edgeLines;
        this.cellGapChars = cellGapChars;
        this.fullLineSlackChars = fullLineSlackChars;
        this.indentChars = indentChars;
        this.columnShare = columnShare;
        this.minColumnRows = minColumnRows;
        this.repair = repair;
    }

    private static final PdfLayout BUNDLED = load("schema/cleaning.yaml", true);

    static PdfLayout bundled() {
        return BUNDLED;
    }

    /** The same rules with the repairs off: lines as PDFBox placed them (for measuring what repair gains). */
    PdfLayout withoutRepair() {
        return new PdfLayout(pageNumberLines, pageNumberParts, runningLineMinPages, edgeLines, cellGapChars,
                fullLineSlackChars, indentChars, columnShare, minColumnRows, false);
    }

    static PdfLayout load(String resource, boolean repair) {
        KnowledgeNode n = KnowledgeFiles.yaml(resource).node("pdf_layout");
        List<Pattern> lines = new ArrayList<>();
        List<Pattern> parts = new ArrayList<>();
        for (String p : n.strings("page_number_patterns")) {
            lines.add(Pattern.compile("^\\s*(?:" + p + ")\\s*$"));
            parts.add(Pattern.compile(p));
        }
        PdfLayout layout = new PdfLayout(List.copyOf(lines), List.copyOf(parts),
                n.integer("running_line_min_pages"), n.integer("edge_lines"),
                n.number("cell_gap_chars"), n.number("full_line_slack_chars"),
                n.number("indent_chars"), n.number("column_min_share"),
                n.integer("column_min_rows"), repair);
        n.finish();
        return layout;
    }

    /** True when the whole line is a page number in one of the configured forms. */
    boolean isPageNumber(String line) {
        for (Pattern p : pageNumberLines) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param runs       every run of every page, in any order
     * @param pageWidths width of each page (index = page number - 1)
     */
    Result layout(List<Run> runs, float[] pageWidths) {
        Map<Integer, List<Run>> byPage = new HashMap<>();
        for (Run r : runs) {
            if (!r.text().isBlank()) {
                byPage.computeIfAbsent(r.page(), k -> new ArrayList<>()).add(r);
            }
        }
        float charWidth = medianCharWidth(runs);
        int twoColumn = 0;
        List<List<Line>> pages = new ArrayList<>();
        List<Line> singleColumn = new ArrayList<>();
        for (int page = 1; page <= pageWidths.length; page++) {
            List<Run> pageRuns = byPage.getOrDefault(page, List.of());
            List<Line> lines = new ArrayList<>();
            if (repair && twoColumns(pageRuns, pageWidths[page - 1])) {
                twoColumn++;
                lines.addAll(columnLines(pageRuns, pageWidths[page - 1], charWidth));
            } else {
                lines.addAll(lines(pageRuns, charWidth));
                singleColumn.addAll(lines);
            }
            pages.add(lines);
        }
        if (!repair) {
            StringBuilder b = new StringBuilder();
            for (List<Line> lines : pages) {
                for (Line l : lines) {
                    b.append(l.text()).append('\n');
                }
            }
            return new Result(b.toString(), new Repairs(0, 0, 0, 0, 0, 0));
        }
        int[] dropped = dropRunningLines(pages);
        // the body's edges over the whole document, once headers and footers are gone: a page holding only
        // short lines has no full line
        singleColumn.removeIf(l -> l.dropped);
        setColumn(singleColumn);
        List<Line> all = new ArrayList<>();
        pages.forEach(all::addAll);
        int wrapped = mergeWrappedCells(all, charWidth);
        StringBuilder b = new StringBuilder();
        int joined = 0;
        int insideWords = 0;
        for (int i = 0; i < all.size(); i++) {
            Line line = all.get(i);
            b.append(line.text());
            Line next = i + 1 < all.size() ? all.get(i + 1) : null;
            if (next != null && continues(line, next, charWidth)) {
                joined++;
                String t = line.text();
                char last = t.charAt(t.length() - 1);
                char first = next.text().charAt(0);
                if (isHan(last) && isHan(first)) {
                    insideWords++;
                }
                if (isLatinLetter(last) && isLatinLetter(first)) {
                    b.append(' ');
                }
                continue;
            }
            b.append('\n');
        }
        return new Result(b.toString(), new Repairs(joined, insideWords, dropped[0], dropped[1], wrapped, twoColumn));
    }

    /** A line filling its column, followed in the same flow by a line that is not indented. */
    private boolean continues(Line line, Line next, float charWidth) {
        if (line.tableRow() || next.tableRow()) {
            return false;
        }
        boolean full = line.x1 >= line.columnRight - fullLineSlackChars * charWidth;
        boolean notIndented = next.x0 <= next.columnLeft + indentChars * charWidth;
        // a line breaking in the middle of a paragraph is followed by one about a line-height below, or by
        // the first line of the next page or column (which starts higher up)
        boolean nextLine = next.page != line.page || next.y < line.y || next.y - line.y <= 2.2 * line.height;
        return full && notIndented && nextLine;
    }

    private static float medianCharWidth(List<Run> runs) {
        float[] w = new float[runs.size()];
        int n = 0;
        for (Run r : runs) {
            int len = r.text().codePointCount(0, r.text().length());
            if (len > 0 && r.x1() > r.x0()) {
                w[n++] = (r.x1() - r.x0()) / len;
            }
        }
        if (n == 0) {
            return 10f;
        }
        Arrays.sort(w, 0, n);
        return w[n / 2];
    }

    /** Runs on one baseline become one line; a wide gap between two runs separates table cells. */
    private List<Line> lines(List<Run> runs, float charWidth) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::y).thenComparingDouble(Run::x0));
        List<Line> out = new ArrayList<>();
        Line current = null;
        for (Run r : sorted) {
            if (current != null && Math.abs(r.y() - current.y) <= 0.4 * Math.max(current.height, r.height())) {
                float gap = r.x0() - current.x1;
                String last = current.lastCell();
                if (gap > cellGapChars * charWidth) {
                    current.addCell(r.text(), r.x0());
                } else {
                    boolean space = gap > 0.2 * charWidth && !last.isEmpty()
                            && !isHan(last.charAt(last.length() - 1)) && !isHan(r.text().charAt(0));
                    current.setCell(current.cells.size() - 1, last + (space ? " " : "") + r.text());
                }
                current.x1 = Math.max(current.x1, r.x1());
                continue;
            }
            current = new Line(r);
            out.add(current);
        }
        for (Line l : out) {
            l.stripCells();
        }
        return out;
    }

    /** The body's edges: the leftmost start and rightmost end of its lines (table rows may stick out). */
    private static void setColumn(List<Line> lines) {
        float left = Float.MAX_VALUE;
        float right = 0;
        for (Line l : lines) {
            if (!l.tableRow()) {
                left = Math.min(left, l.x0);
                right = Math.max(right, l.x1);
            }
        }
        for (Line l : lines) {
            l.columnLeft = left;
            l.columnRight = right;
        }
    }

    /**
     * Two columns when at least {@code column_min_rows} baselines carry a long run wholly left of the middle
     * and a long run wholly right of it (a table's narrow figure column does not count).
     */
    private boolean twoColumns(List<Run> runs, float pageWidth) {
        float mid = pageWidth / 2;
        float minWidth = (float) (columnShare * pageWidth);
        Map<Integer, int[]> rows = new HashMap<>();
        for (Run r : runs) {
            if (r.x1() - r.x0() < minWidth) {
                continue;
            }
            int key = Math.round(r.y() / Math.max(1f, r.height() * 0.5f));
            int[] sides = rows.computeIfAbsent(key, k -> new int[2]);
            if (r.x1() < mid) {
                sides[0]++;
            } else if (r.x0() > mid) {
                sides[1]++;
            }
        }
        long both = rows.values().stream().filter(s -> s[0] > 0 && s[1] > 0).count();
        return both >= minColumnRows;
    }

    /**
     * Column by column: the page is cut into sections by runs that cross the middle (a title, a full-width
     * paragraph); in each section the left column is read before the right one.
     */
    private List<Line> columnLines(List<Run> runs, float pageWidth, float charWidth) {
        float mid = pageWidth / 2;
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::y).thenComparingDouble(Run::x0));
        List<Line> out = new ArrayList<>();
        List<Run> left = new ArrayList<>();
        List<Run> right = new ArrayList<>();
        List<Run> spanning = new ArrayList<>();
        for (Run r : sorted) {
            boolean crosses = r.x0() < mid && r.x1() > mid;
            if (crosses) {
                flushColumns(out, left, right, charWidth);
                spanning.add(r);
                continue;
            }
            if (!spanning.isEmpty()) {
                List<Line> s = lines(spanning, charWidth);
                setColumn(s);
                out.addAll(s);
                spanning.clear();
            }
            (r.x1() <= mid ? left : right).add(r);
        }
        if (!spanning.isEmpty()) {
            List<Line> s = lines(spanning, charWidth);
            setColumn(s);
            out.addAll(s);
        }
        flushColumns(out, left, right, charWidth);
        return out;
    }

    private void flushColumns(List<Line> out, List<Run> left, List<Run> right, float charWidth) {
        for (List<Run> column : List.of(left, right)) {
            if (column.isEmpty()) {
                continue;
            }
            List<Line> lines = lines(column, charWidth);
            setColumn(lines);
            out.addAll(lines);
            column.clear();
        }
    }

    /**
     * Removes page numbers and running headers/footers from the first and last lines of each page. A line is
     * running when, with its page number and digits blanked, the same text stands at the top (or bottom) of
     * at least {@code running_line_min_pages} pages.
     *
     * @return {running lines dropped, page numbers dropped}
     */
    private int[] dropRunningLines(List<List<Line>> pages) {
        // each page's lines sorted top to bottom once; what an edge line is, worked out once per text (a running
        // line repeats its text from page to page)
        List<List<Line>> byY = new ArrayList<>(pages.size());
        Map<String, String> keys = new HashMap<>();
        Map<String, Boolean> pageNumbers = new HashMap<>();
        Map<String, Integer> topCount = new HashMap<>();
        Map<String, Integer> bottomCount = new HashMap<>();
        for (List<Line> lines : pages) {
            List<Line> sorted = byY(lines);
            byY.add(sorted);
            for (int k = 0; k < Math.min(edgeLines, sorted.size()); k++) {
                topCount.merge(runningKey(edge(sorted, k, true), keys), 1, Integer::sum);
                bottomCount.merge(runningKey(edge(sorted, k, false), keys), 1, Integer::sum);
            }
        }
        int running = 0;
        int numbers = 0;
        for (int p = 0; p < pages.size(); p++) {
            List<Line> sorted = byY.get(p);
            List<Line> numberLines = new ArrayList<>();
            List<Line> runningLines = new ArrayList<>();
            for (boolean top : new boolean[] {true, false}) {
                Map<String, Integer> counts = top ? topCount : bottomCount;
                for (int k = 0; k < Math.min(edgeLines, sorted.size()); k++) {
                    Line l = edge(sorted, k, top);
                    if (pageNumbers.computeIfAbsent(l.text(), this::isPageNumber)) {
                        numberLines.add(l);
                        continue;
                    }
                    String key = runningKey(l, keys);
                    if (!key.isBlank() && counts.getOrDefault(key, 0) >= runningLineMinPages) {
                        runningLines.add(l);
                        continue;
                    }
                    break;
                }
            }
            numbers += drop(pages.get(p), numberLines);
            running += drop(pages.get(p), runningLines);
        }
        return new int[] {running, numbers};
    }

    /** Takes the lines off their page (a line found at both edges once), and says how many there were. */
    private static int drop(List<Line> page, List<Line> lines) {
        int dropped = 0;
        for (Line l : lines) {
            if (page.remove(l)) {
                l.dropped = true;
                dropped++;
            }
        }
        return dropped;
    }

    /** The page's lines by position, whatever the reading order. */
    private static List<Line> byY(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(l -> l.y));
        return sorted;
    }

    /** The k-th line from the top (or bottom) of a page's lines by position. */
    private static Line edge(List<Line> byY, int k, boolean top) {
        return top ? byY.get(k) : byY.get(byY.size() - 1 - k);
    }

    private String runningKey(Line line, Map<String, String> keys) {
        return keys.computeIfAbsent(line.text(), this::runningKey);
    }

    private String runningKey(String line) {
        String t = line;
        for (Pattern p : pageNumberParts) {
            t = p.matcher(t).replaceAll("");
        }
        return WHITESPACE.matcher(DIGIT.matcher(t).replaceAll("#")).replaceAll("");
    }

    /**
     * A table cell whose label wraps: the second line of the label stands alone under the row, at the row's
     * first cell. It is put back into that cell so label and figure stay on one line.
     */
    private static int mergeWrappedCells(List<Line> lines, float charWidth) {
        int merged = 0;
        for (int i = 1; i < lines.size(); i++) {
            Line row = lines.get(i - 1);
            Line wrap = lines.get(i);
            if (row.tableRow() && !wrap.tableRow() && wrap.page == row.page
                    && Math.abs(wrap.x0 - row.x0) <= 0.5 * charWidth
                    && wrap.y > row.lastY && wrap.y - row.lastY <= 2.0 * row.height
                    && wrap.x1 < row.cellX0.get(1)) {
                row.setCell(0, row.cells.get(0) + wrap.text());
                row.lastY = wrap.y;
                lines.remove(i);
                i--;
                merged++;
            }
        }
        return merged;
    }

    /** CJK ideographs and CJK punctuation: no space is written between them. */
    static boolean isHan(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
