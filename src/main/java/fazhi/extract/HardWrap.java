package fazhi.extract;

import static fazhi.extract.IndicatorExtractor.containsAny;
import static fazhi.extract.IndicatorExtractor.endsWithAny;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fazhi.reference.KnowledgeNode;

import fazhi.extract.TextCleaner.Tracked;

/**
 * Puts hard-wrapped paragraphs back together (text copied from a PDF breaks its lines in the middle of words
 * and numbers: "行政诉" / "讼案件52件"), and drops page marks and running headers that stand inside a
 * sentence. The rules are the {@code hard_wrap} section of schema/cleaning.yaml.
 */
final class HardWrap {

    private final int minLines;
    private final int minLength;
    private final double tolerance;
    private final List<String> completeEndings;
    private final List<String> sentenceEnds;
    private final List<String> clauseMarks;
    /** each with what its matches hold: most lines lack it and are not searched */
    private final List<RequiredText> paragraphStarts;
    private final List<RequiredText> pageMarks;
    private final Pattern rowValueEnding;
    /** the characters a row value ending holds: it lies in the run of them that ends the line */
    private final String rowValueCharacters;
    private final List<String> titleMarkers;
    private final int titleMaxLength;
    /** the catalog's words (subjects, verbs): a line break inside one is inside a sentence ("行政复议申" / "请58件") */
    private final Set<String> catalogWords;
    /** every proper beginning of a catalog word ("行", "行政", ... "行政复议申"): most line ends are none */
    private final Set<String> catalogWordStarts;
    private final int longestCatalogWord;

    HardWrap(KnowledgeNode cleaning, List<String> titleMarkers, int titleMaxLength, List<String> catalogWords) {
        KnowledgeNode n = cleaning.node("hard_wrap");
        minLines = YamlResources.integer(n, "min_lines", 3);
        minLength = YamlResources.integer(n, "min_length", 12);
        tolerance = n.number("length_tolerance", 0.2);
        completeEndings = YamlResources.strings(n, "complete_endings");
        sentenceEnds = YamlResources.strings(n, "sentence_ends");
        clauseMarks = YamlResources.strings(n, "clause_marks");
        paragraphStarts = YamlResources.strings(n, "paragraph_start_patterns").stream()
                .map(p -> RequiredText.of(Pattern.compile("^(?:" + p + ")"))).toList();
        rowValueEnding = Pattern.compile(YamlResources.required(n, "row_value_ending"));
        rowValueCharacters = YamlResources.required(n, "row_value_characters");
        pageMarks = YamlResources.strings(n, "page_mark_patterns").stream().map(Pattern::compile).map(RequiredText::of)
                .toList();
        this.titleMarkers = titleMarkers;
        this.titleMaxLength = titleMaxLength;
        int splitWordMinLength = YamlResources.integer(n, "split_word_min_length", 3);
        this.catalogWords = catalogWords.stream().filter(w -> w.length() >= splitWordMinLength)
                .collect(Collectors.toUnmodifiableSet());
        this.catalogWordStarts = this.catalogWords.stream()
                .flatMap(w -> IntStream.range(1, w.length()).mapToObj(cut -> w.substring(0, cut)))
                .collect(Collectors.toUnmodifiableSet());
        this.longestCatalogWord = this.catalogWords.stream().mapToInt(String::length).max().orElse(0);
    }

    List<Tracked> join(List<Tracked> lines) {
        int n = lines.size();
        if (n < 2) {
            return lines;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Tracked t : lines) {
            if (!t.text.isEmpty() && t.text.length() <= titleMaxLength) {
                counts.merge(t.text, 1, Integer::sum);
            }
        }
        // whether each line is open, worked out once: the width, the blocks and the joins all ask
        boolean[] openLine = new boolean[n];
        // ... and whether it is a page mark and may go on a paragraph (each line is asked several times)
        boolean[] pageMark = new boolean[n];
        boolean[] continuing = new boolean[n];
        for (int k = 0; k < n; k++) {
            String line = lines.get(k).text;
            openLine[k] = open(line);
            pageMark[k] = isPageMark(line);
            continuing[k] = continues(line);
        }
        int width = wrapWidth(lines, openLine);
        boolean[] wrappedBlock = wrappedBlocks(lines, openLine, pageMark, continuing);
        List<Tracked> out = new ArrayList<>(n);
        int i = 0;
        while (i < n) {
            Tracked cur = lines.get(i);
            int lastPiece = cur.text.length();
            boolean curOpen = openLine[i]; // open(cur.text), asked again only when cur grows
            while (curOpen || openBeforeMark(cur.text)) {
                int k = i + 1;
                boolean blank = false;
                boolean mark = false;
                boolean pageEnd = false;
                while (k < n && (lines.get(k).text.isEmpty() || isMark(lines.get(k).text, pageMark[k], counts))) {
                    blank |= lines.get(k).text.isEmpty();
                    mark |= !lines.get(k).text.isEmpty();
                    pageEnd |= pageMark[k] || endsWithAny(lines.get(k).text, titleMarkers);
                    k++;
                }
                // a line of any length is cut by a page's end (a page mark, the title as running header), not by
                // any line that merely repeats: a page published twice repeats its headings and rows too
                if (!pageEnd && !curOpen) {
                    break;
                }
                boolean full = width > 0 && lastPiece >= width * (1 - tolerance) && lastPiece <= width * (1 + tolerance);
                boolean splitWord = !blank && k < n && splitsCatalogWord(cur.text, lines.get(k).text);
                if (k >= n || !continuing[k] || !(mark || splitWord || ((full || wrappedBlock[i]) && !blank))) {
                    break;
                }
                Tracked next = lines.get(k);
                cur = concat(cur, next);
                curOpen = open(cur.text);
                lastPiece = next.text.length();
                i = k;
            }
            out.add(cur);
            i++;
        }
        return out;
    }

    /**
     * Lines of a short block (no blank line inside) whose every line but the last is open and carries a figure,
     * a clause mark or a sentence end, and whose last line closes the sentence: a paragraph wrapped too few
     * times for its width to show ("保留县政府行政规范性文" / "件17件，宣布失效9件、废" / "止10件。"). A page mark inside
     * the block ("审查案" / "- 2 -" / "件248起。") is no line of it; a heading opening the block (a line starting with a
     * paragraph marker and no sentence end inside: "一、行政复议案件办理情况") stands before it and is never joined.
     */
    private boolean[] wrappedBlocks(List<Tracked> lines, boolean[] openLine, boolean[] pageMark, boolean[] continuing) {
        boolean[] out = new boolean[lines.size()];
        int a = 0;
        while (a < lines.size()) {
            if (lines.get(a).text.isEmpty()) {
                a++;
                continue;
            }
            int b = a;
            while (b + 1 < lines.size() && !lines.get(b + 1).text.isEmpty()) {
                b++;
            }
            List<Integer> rows = new ArrayList<>(b - a + 1);
            for (int k = a; k <= b; k++) {
                if (!pageMark[k]) {
                    rows.add(k);
                }
            }
            if (!rows.isEmpty() && !continuing[rows.get(0)] && !hasSentenceEnd(lines.get(rows.get(0)).text)) {
                rows.remove(0);
            }
            boolean wrapped = rows.size() > 1 && endsWithAny(lines.get(rows.get(rows.size() - 1)).text, completeEndings);
            for (int j = 0; wrapped && j < rows.size() - 1; j++) {
                String line = lines.get(rows.get(j)).text;
                String next = lines.get(rows.get(j + 1)).text;
                boolean carries = hasSentenceEnd(line) || ((hasDigit(line) || containsAny(line, clauseMarks)) && continuing[rows.get(j)])
                        || splitsCatalogWord(line, next);
                wrapped = openLine[rows.get(j)] && carries && continuing[rows.get(j + 1)];
            }
            for (int j = 0; wrapped && j < rows.size() - 1; j++) {
                out[rows.get(j)] = true;
            }
            a = b + 1;
        }
        return out;
    }

    /**
     * Does the line end in the first part of a catalog word that the next line finishes ("共收到行政复议申" /
     * "请58件")? A heading never breaks a word, so such a line goes on in the next one whatever its length.
     */
    boolean splitsCatalogWord(String line, String next) {
        if (line.isEmpty() || next.isEmpty()) {
            return false;
        }
        // looked up by the line's last characters and the next line's first, not word by word: this runs for
        // every open line of every report
        for (int cut = 1; cut < longestCatalogWord && cut <= line.length(); cut++) {
            String start = line.substring(line.length() - cut);
            if (!catalogWordStarts.contains(start)) {
                continue;
            }
            for (int rest = 1; cut + rest <= longestCatalogWord && rest <= next.length(); rest++) {
                if (catalogWords.contains(start + next.substring(0, rest))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasSentenceEnd(String line) {
        return containsAny(line, sentenceEnds);
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * The width the text is wrapped at: the greatest length W such that at least min_lines open lines are
     * between W·(1 − tolerance) and W long; 0 when the text does not look hard-wrapped.
     */
    private int wrapWidth(List<Tracked> lines, boolean[] openLine) {
        int[] lengths = IntStream.range(0, lines.size()).filter(k -> openLine[k])
                .map(k -> lines.get(k).text.length()).sorted().toArray();
        if (lengths.length < minLines) {
            return 0;
        }
        int lo = lengths.length - 1;
        for (int hi = lengths.length - 1; hi >= minLines - 1; hi--) {
            double floor = lengths[hi] * (1 - tolerance);
            lo = Math.min(lo, hi);
            while (lo > 0 && lengths[lo - 1] >= floor) {
                lo--;
            }
            if (hi - lo + 1 >= minLines) {
                return lengths[hi];
            }
        }
        return 0;
    }

    /** A line of a paragraph that may go on in the next line: long enough, not closed, not a table row nor a title. */
    private boolean open(String line) {
        return line.length() >= minLength && !endsWithAny(line, completeEndings) && !line.contains(" | ")
                && !endsWithAny(line, titleMarkers) && !endsInRowValue(line);
    }

    /**
     * A line a page mark may cut short ("全年共收到行政复" / "— 4 —" / "议申请58件"): the page mark says the line
     * was the last of its page, so its length proves nothing; it is joined when it is not closed, not a table
     * row and not a heading.
     */
    private boolean openBeforeMark(String line) {
        if (line.isEmpty() || endsWithAny(line, completeEndings) || line.contains(" | ")
                || endsWithAny(line, titleMarkers) || endsInRowValue(line)) {
            return false;
        }
        return continues(line) || hasSentenceEnd(line);
    }

    private boolean continues(String line) {
        return !line.isEmpty() && !line.contains(" | ") && !RequiredText.anyFinds(paragraphStarts, line);
    }

    /** A page mark ("— 3 —", "第3页 共9页") or a running header (a line seen twice, or the report's title). */
    private boolean isMark(String line, boolean pageMark, Map<String, Integer> counts) {
        if (pageMark) {
            return true;
        }
        if (line.length() > titleMaxLength || endsWithAny(line, completeEndings)) {
            return false;
        }
        // a table row is content however often it repeats (a page that shows its table twice)
        if (line.contains(" | ") || endsInRowValue(line)) {
            return false;
        }
        return counts.getOrDefault(line, 0) > 1 || endsWithAny(line, titleMarkers);
    }

    /**
     * Does the line end in a row's value ("调解成功率 99.8%")? Looked for in the run of row value characters that
     * ends the line only: a match holds no other character and ends at the line's end, so none starts before
     * that run. A line ending in a line terminator (where $ also matches before it) is searched whole.
     */
    boolean endsInRowValue(String line) {
        int from = line.length();
        if (from > 0 && isLineTerminator(line.charAt(from - 1))) {
            return rowValueEnding.matcher(line).find();
        }
        while (from > 0 && rowValueCharacters.indexOf(line.charAt(from - 1)) >= 0) {
            from--;
        }
        return rowValueEnding.matcher(line).region(from, line.length())
                .useTransparentBounds(true).useAnchoringBounds(false).find();
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private boolean isPageMark(String line) {
        for (RequiredText p : pageMarks) {
            if (p.matches(line)) {
                return true;
            }
        }
        return false;
    }

    private static Tracked concat(Tracked a, Tracked b) {
        int[] origin = Arrays.copyOf(a.origin, a.origin.length + b.origin.length);
        System.arraycopy(b.origin, 0, origin, a.origin.length, b.origin.length);
        return new Tracked(a.text + b.text, origin);
    }

}
