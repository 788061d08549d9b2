package fazhi.generate;

import fazhi.generate.RenderedReport.Block;
import fazhi.generate.RenderedReport.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a rendered report out on A4 pages the way office software prints a government document: 28
 * characters a line (lines break wherever the line is full, in the middle of words and numbers, except that
 * closing punctuation never starts a line), paragraphs indented two characters, the title centred, the
 * signature right-aligned, a running header on some counties' pages, a page number in the county's form at
 * the foot of every page, and tables whose long labels wrap inside their cell while the figure stays on the
 * row's first line (cells are top-aligned, as in Word).
 */
final class PdfReportLayout {
    static final float SIZE = 16f;
    static final float TITLE_SIZE = 20f;
    static final float LEFT = 79f;
    static final int CHARS_PER_LINE = 28;
    static final float RIGHT = LEFT + CHARS_PER_LINE * SIZE;
    static final float LINE = 28.9f;
    static final float TOP = 100f;
    static final float BOTTOM = 770f;
    static final float HEADER_Y = 52f;
    static final float FOOTER_Y = 805f;
    static final int LABEL_CHARS = 8;
    static final float VALUE_X = LEFT + (LABEL_CHARS + 2) * SIZE;
    /** characters that may not start a line (避头): kept at the end of the line before */
    private static final String NO_LINE_START = "。，、；：？！）》」』”’%";

    /**
     * The printed page's habits from the phrase bank (schema/generator/phrases.yaml, chrome):
     *
     * @param titleBreaksAfter  words a title too long for one line is broken after (人民政府)
     * @param titleBreaksBefore words it is broken before, when no break after fits (关于, 法治)
     * @param pageNumbers       the forms of a page number, one per county habit ({n} the page, {pages} the count)
     */
    record Chrome(List<String> titleBreaksAfter, List<String> titleBreaksBefore, List<String> pageNumbers) {
        Chrome {
            titleBreaksAfter = List.copyOf(titleBreaksAfter);
            titleBreaksBefore = List.copyOf(titleBreaksBefore);
            pageNumbers = List.copyOf(pageNumbers);
        }
    }

    /** One string drawn at a place on a page. */
    private record Draw(int page, float x, float y, float size, String text) {
    }

    private final Chrome chrome;
    private final List<Draw> draws = new ArrayList<>();
    private int page = 0;
    private float y = TOP;

    private PdfReportLayout(Chrome chrome) {
        this.chrome = chrome;
    }

    static byte[] write(RenderedReport report, Chrome chrome) {
        PdfReportLayout l = new PdfReportLayout(chrome);
        String title = report.blocks().stream().filter(b -> b.kind() == Kind.TITLE).findFirst()
                .map(b -> b.text().replace("\n", "")).orElse("");
        int habit = Math.floorMod(title.hashCode(), 8);
        for (Block b : report.blocks()) {
            l.block(b);
        }
        int pages = l.page + 1;
        try (SyntheticPdf pdf = new SyntheticPdf()) {
            for (int p = 0; p < pages; p++) {
                pdf.newPage();
                if (habit < 3 && !title.isEmpty()) {
                    // a running header: the short title, centred
                    String header = title.length() > CHARS_PER_LINE ? title.substring(0, CHARS_PER_LINE) : title;
                    pdf.text(center(header, 10.5f), HEADER_Y, 10.5f, header);
                }
                String number = chrome.pageNumbers().get(habit % chrome.pageNumbers().size())
                        .replace("{n}", String.valueOf(p + 1)).replace("{pages}", String.valueOf(pages));
                pdf.text(center(number, 10.5f), FOOTER_Y, 10.5f, number);
                for (Draw d : l.draws) {
                    if (d.page() == p) {
                        pdf.text(d.x(), d.y(), d.size(), d.text());
                    }
                }
            }
            return pdf.bytes();
        }
    }

    private static float center(String s, float size) {
        float width = s.codePointCount(0, s.length()) * SyntheticPdf.advance(size);
        return (SyntheticPdf.A4_WIDTH - width) / 2;
    }

    private void block(Block b) {
        switch (b.kind()) {
            case TITLE -> {
                for (String line : b.text().split("\n")) {
                    for (String part : titleLines(line, CHARS_PER_LINE * 4 / 5, chrome)) {
                        line(center(part, TITLE_SIZE), TITLE_SIZE, part);
                    }
                }
                y += LINE / 2;
            }
            case CAPTION -> {
                for (String part : wrap(b.text().replace("\n", ""), CHARS_PER_LINE, CHARS_PER_LINE)) {
                    line(center(part, SIZE), SIZE, part);
                }
            }
            case CLOSING -> {
                for (String line : b.text().split("\n")) {
                    for (String part : wrap(line, CHARS_PER_LINE, CHARS_PER_LINE)) {
                        line(RIGHT - part.codePointCount(0, part.length()) * SIZE, SIZE, part);
                    }
                }
            }
            case TABLE -> table(b.rows());
            default -> {
                for (String para : b.text().split("\n")) {
                    if (para.isBlank()) {
                        continue;
                    }
                    List<String> lines = wrap(para, CHARS_PER_LINE - 2, CHARS_PER_LINE);
                    for (int i = 0; i < lines.size(); i++) {
                        line(i == 0 ? LEFT + 2 * SIZE : LEFT, SIZE, lines.get(i));
                    }
                }
            }
        }
    }

    private void table(List<List<String>> rows) {
        for (List<String> row : rows) {
            List<String> label = wrap(row.get(0), LABEL_CHARS, LABEL_CHARS, true);
            if (y + label.size() * LINE > BOTTOM) {
                nextPage();
            }
            float top = y;
            for (int i = 0; i < label.size(); i++) {
                draws.add(new Draw(page, LEFT + SIZE / 4, top + i * LINE, SIZE, label.get(i)));
            }
            for (int c = 1; c < row.size(); c++) {
                draws.add(new Draw(page, VALUE_X + (c - 1) * 6 * SIZE, top, SIZE, row.get(c)));
            }
            y = top + label.size() * LINE;
        }
        y += LINE / 2;
    }

    private void line(float x, float size, String text) {
        if (y > BOTTOM) {
            nextPage();
        }
        draws.add(new Draw(page, x, y, size, text));
        y += size > SIZE ? LINE * 1.3f : LINE;
    }

    private void nextPage() {
        page++;
        y = TOP;
    }

    /** A long title is broken by hand at a phrase boundary ({@link Chrome}), not wherever the line is full. */
    static List<String> titleLines(String title, int width, Chrome chrome) {
        if (title.length() <= width) {
            return List.of(title);
        }
        for (String after : chrome.titleBreaksAfter()) {
            int at = title.indexOf(after);
            if (at > 0 && at + after.length() < title.length() && at + after.length() <= width
                    && title.length() - at - after.length() <= width) {
                return List.of(title.substring(0, at + after.length()), title.substring(at + after.length()));
            }
        }
        for (String before : chrome.titleBreaksBefore()) {
            int at = title.indexOf(before);
            if (at > 0 && at <= width && title.length() - at <= width) {
                return List.of(title.substring(0, at), title.substring(at));
            }
        }
        return wrap(title, width, width);
    }

    /** Breaks text into lines of at most {@code first} then {@code rest} characters (one more for 避头 punctuation). */
    static List<String> wrap(String text, int first, int rest) {
        return wrap(text, first, rest, false);
    }

    /**
     * @param strict never exceed the width (a table cell): a line that would start with closing punctuation
     *               gives its last character to the next line instead
     */
    static List<String> wrap(String text, int first, int rest, boolean strict) {
        int[] cps = text.strip().codePoints().toArray();
        List<String> out = new ArrayList<>();
        int i = 0;
        int width = first;
        while (i < cps.length) {
            int end = Math.min(cps.length, i + width);
            if (end < cps.length && NO_LINE_START.indexOf(cps[end]) >= 0) {
                end = strict && end - i > 1 ? end - 1 : end + 1;
            }
            out.add(new String(cps, i, end - i));
            i = end;
            width = rest;
        }
        return out;
    }
}
