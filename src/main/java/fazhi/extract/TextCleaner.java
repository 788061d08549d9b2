package fazhi.extract;

import static fazhi.extract.IndicatorExtractor.containsAny;
import static fazhi.extract.IndicatorExtractor.endsWithAny;

import fazhi.ingest.ChineseText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.KnowledgeNode;
import fazhi.reference.Phrasing;

/**
 * Turns decoded report text into the clean text the extractor reads. All markers and mappings come from
 * schema/cleaning.yaml; this class holds only the order of the steps:
 * <ol>
 *   <li>full-width ASCII (digits, %, punctuation) to half-width, odd spaces to plain spaces;</li>
 *   <li>traditional characters of the domain to simplified;</li>
 *   <li>word-conversion artefacts removed, elisions unified to one token;</li>
 *   <li>web-page chrome, metadata blocks and advert lines dropped;</li>
 *   <li>hard-wrapped paragraphs joined, page marks and running headers inside a sentence dropped;</li>
 *   <li>a report pasted twice (or any repeated paragraph / long sentence) kept once.</li>
 * </ol>
 * Every step keeps track of where each character of the clean text came from, so the extractor's offsets
 * can be mapped back into the text as decoded ({@link #cleanWithOffsets}); {@link #clean} is the same text
 * without the map.
 */
public final class TextCleaner {

    /** the characters that end a sentence for the repeated-sentence check (scanned for, one by one) */
    private static final String SENTENCE_ENDS = "。;!?";
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private final List<String> chromeMarkers;
    private final int chromeMaxLength;
    private final List<String> chromeKeptEndings;
    private final HardWrap hardWrap;
    private final List<String> advertMarkers;
    private final Set<String> metadataLabels;
    /** The labels in the set's iteration order, with their "label:" and "label " forms made once. */
    private final String[] labels;
    private final String[] labelColon;
    private final String[] labelSpace;
    private final int metadataValueMaxLength;
    private final List<String> titleMarkers;
    /** a line ending so is a sentence ("特此报告。"), not a title */
    private final List<String> titleNotEndings;
    /** a line this long is a paragraph of the body: the title is looked for before it */
    private final int bodyParagraphLength;
    private final int titleMaxLength;
    private final List<String> preambleKeepMarkers;
    /** each with what its matches hold: most texts lack it and are not searched */
    private final List<RequiredText> artefacts;
    private final List<RequiredText> elisions;
    private final String elisionToken;
    private final int repeatMinLength;
    private final int repeatRunLines;
    private final int repeatSentenceMinLength;
    private final ChineseText characters = ChineseText.bundled();

    public TextCleaner() {
        this(YamlResources.load("schema/cleaning.yaml"));
    }

    private TextCleaner(KnowledgeNode n) {
        chromeMarkers = YamlResources.strings(n, "chrome_markers");
        chromeMaxLength = YamlResources.integer(n, "chrome_max_length", 80);
        chromeKeptEndings = YamlResources.strings(n, "chrome_kept_endings");
        advertMarkers = YamlResources.strings(n, "advert_markers");
        metadataLabels = new HashSet<>(YamlResources.strings(n, "metadata_labels"));
        labels = metadataLabels.toArray(new String[0]);
        labelColon = new String[labels.length];
        labelSpace = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelColon[i] = labels[i] + ":";
            labelSpace[i] = labels[i] + " ";
        }
        metadataValueMaxLength = YamlResources.integer(n, "metadata_value_max_length", 60);
        titleMarkers = YamlResources.strings(n, "title_markers");
        titleNotEndings = YamlResources.strings(n, "title_not_endings");
        bodyParagraphLength = YamlResources.integer(n, "body_paragraph_length", 200);
        titleMaxLength = YamlResources.integer(n, "title_max_length", 60);
        preambleKeepMarkers = YamlResources.strings(n, "preamble_keep_markers");
        hardWrap = new HardWrap(n, titleMarkers, titleMaxLength, catalogWords(IndicatorCatalog.bundled()));
        artefacts = YamlResources.strings(n, "artefact_patterns").stream().map(Pattern::compile).map(RequiredText::of).toList();
        elisions = YamlResources.strings(n, "elision_patterns").stream().map(Pattern::compile).map(RequiredText::of).toList();
        elisionToken = YamlResources.required(n, "elision_token");
        repeatMinLength = YamlResources.integer(n, "repeat_min_length", 30);
        repeatRunLines = YamlResources.integer(n, "repeat_run_lines", 3);
        repeatSentenceMinLength = YamlResources.integer(n, "repeat_sentence_min_length", 40);
        n.raw("pdf_layout"); // the PDF reader's section, read and checked by fazhi.ingest.PdfLayout
        n.finish();
    }

    /** The words of the catalog's phrasings (subjects, verbs, share subjects) without gaps ("执法…主体"). */
    private static List<String> catalogWords(IndicatorCatalog catalog) {
        List<String> words = new ArrayList<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            for (Phrasing p : d.phrasings()) {
                for (List<String> list : List.of(p.subjects(), p.verbs(), p.shareOf())) {
                    for (String w : list) {
                        if (!w.contains("…")) {
                            words.add(w);
                        }
                    }
                }
            }
        }
        return words;
    }

    public String clean(String decodedText) {
        return cleanWithOffsets(decodedText).text();
    }

    /**
     * Only the character-level step (full-width to half-width, traditional to simplified, odd spaces): what a
     * reader applies to a stretch of decoded text to compare it with the clean text; offsets do not move
     * except where a CR before LF or an invisible character is dropped.
     */
    public String normalizeCharacters(CharSequence decoded) {
        return normalizedTracked(decoded.toString()).text;
    }

    /** The clean text and, for each of its characters, the offset in {@code decodedText} it came from. */
    public CleanedText cleanWithOffsets(String decodedText) {
        if (decodedText == null || decodedText.isEmpty()) {
            return new CleanedText("", new int[0], 0);
        }
        Tracked text = normalizedTracked(decodedText);
        for (RequiredText p : artefacts) {
            if (p.mayMatch(text.text)) {
                text = text.replaceAll(p.pattern, "");
            }
        }
        for (RequiredText p : elisions) {
            if (p.mayMatch(text.text)) {
                text = text.replaceAll(p.pattern, elisionToken);
            }
        }
        List<Tracked> lines = new ArrayList<>();
        for (Tracked line : text.split('\n')) {
            lines.add((line.text.contains("  ") ? line.collapseSpaces() : line).strip());
        }
        lines = dropChromeAndAdverts(lines);
        lines = dropPreamble(lines);
        lines = hardWrap.join(lines);
        lines = dropRepeatedLines(lines);
        lines = dropRepeatedSentences(lines);
        Tracked.Builder out = new Tracked.Builder(decodedText.length());
        boolean lastBlank = true;
        int lastEnd = 0;
        for (Tracked line : lines) {
            if (line.text.isEmpty()) {
                if (!lastBlank) {
                    out.append('\n', lastEnd);
                }
                lastBlank = true;
                continue;
            }
            out.append(line);
            lastEnd = line.origin[line.origin.length - 1] + 1;
            out.append('\n', lastEnd);
            lastBlank = false;
        }
        Tracked cleaned = out.build().strip();
        return new CleanedText(cleaned.text, cleaned.origin, decodedText.length());
    }

    /** Width, odd spaces, invisible characters and traditional forms, one character at a time. */
    private Tracked normalizedTracked(String s) {
        // written straight into arrays of the text's length: no character is ever added
        char[] chars = new char[s.length()];
        int[] origin = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = characters.plainChar(s, i);
            if (c != ChineseText.DROP) {
                chars[n] = (char) c;
                origin[n++] = i;
            }
        }
        return new Tracked(new String(chars, 0, n), n == origin.length ? origin : Arrays.copyOf(origin, n));
    }

    private List<Tracked> dropChromeAndAdverts(List<Tracked> tracked) {
        List<String> lines = texts(tracked);
        List<Tracked> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                out.add(tracked.get(i));
                continue;
            }
            if (line.length() <= chromeMaxLength && (containsAny(line, advertMarkers)
                    || (containsAny(line, chromeMarkers) && !endsWithAny(line, chromeKeptEndings)))) {
                continue;
            }
            String label = metadataLabel(line);
            if (label != null) {
                if (line.length() <= label.length() + 1) {
                    // the value stands on the next non-empty line
                    int j = i + 1;
                    while (j < lines.size() && lines.get(j).isEmpty()) {
                        j++;
                    }
                    if (j < lines.size() && lines.get(j).length() <= metadataValueMaxLength
                            && metadataLabel(lines.get(j)) == null) {
                        i = j;
                    }
                    continue;
                }
                if (line.length() <= label.length() + 1 + metadataValueMaxLength) {
                    continue;
                }
            }
            out.add(tracked.get(i));
        }
        return out;
    }

    private static List<String> texts(List<Tracked> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (Tracked t : lines) {
            out.add(t.text);
        }
        return out;
    }

    /** The metadata label the line starts with ("索引号", "发布机构:"...), or null. */
    private String metadataLabel(String line) {
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (line.startsWith(label)
                    && (line.length() == label.length() || line.startsWith(labelColon[i]) || line.startsWith(labelSpace[i]))) {
                return label;
            }
        }
        return null;
    }

    /** Before the title, keep only lines that look like a publisher or date (sites put adverts there). */
    private List<Tracked> dropPreamble(List<Tracked> tracked) {
        List<String> lines = texts(tracked);
        int title = -1;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < 40; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (line.length() > bodyParagraphLength) {
                break; // the body has begun: whatever short line comes later is not the title
            }
            if (line.length() <= titleMaxLength && containsAny(line, titleMarkers) && !endsWithAny(line, titleNotEndings)) {
                title = i;
                break;
            }
        }
        if (title <= 0) {
            return tracked;
        }
        List<Tracked> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < title && !line.isEmpty() && line.length() <= titleMaxLength
                    && !containsAny(line, preambleKeepMarkers)) {
                continue;
            }
            out.add(tracked.get(i));
        }
        return out;
    }

    /**
     * Drops a line equal to an earlier one when it is long, or when it belongs to a run of repeated lines
     * (the whole report pasted twice). Short repeated lines on their own (a title printed twice, a table
     * row "合计 | 12") are kept.
     */
    private List<Tracked> dropRepeatedLines(List<Tracked> tracked) {
        List<String> lines = texts(tracked);
        Set<String> seen = new HashSet<>();
        boolean[] repeated = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String key = lines.get(i).replace(" ", "");
            if (key.isEmpty()) {
                continue;
            }
            repeated[i] = !seen.add(key);
        }
        boolean[] drop = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (!repeated[i]) {
                i++;
                continue;
            }
            // a run of repeated lines, blank lines inside the run do not break it
            int j = i;
            int count = 0;
            int last = i;
            while (j < lines.size() && (repeated[j] || lines.get(j).isEmpty())) {
                if (repeated[j]) {
                    count++;
                    last = j;
                }
                j++;
            }
            for (int k = i; k <= last; k++) {
                if (!repeated[k]) {
                    continue;
                }
                String line = lines.get(k);
                boolean tableRow = line.contains(" | ");
                if (count >= repeatRunLines || (line.length() >= repeatMinLength && !tableRow)) {
                    drop[k] = true;
                }
            }
            i = last + 1;
        }
        List<Tracked> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (!drop[k]) {
                out.add(tracked.get(k));
            }
        }
        return out;
    }

    /** A long sentence seen before is a copy (a paragraph pasted again inside a line). */
    private List<Tracked> dropRepeatedSentences(List<Tracked> lines) {
        Set<String> seen = new HashSet<>();
        List<Tracked> out = new ArrayList<>();
        for (Tracked line : lines) {
            if (line.text.length() < repeatSentenceMinLength || line.text.contains(" | ")) {
                out.add(line);
                continue;
            }
            // the line is copied only from its first sentence dropped: most lines keep every sentence
            Tracked.Builder kept = null;
            int start = 0;
            while (start < line.text.length()) {
                int end = sentenceEnd(line.text, start);
                // a sentence shorter than the minimum has a shorter key: it is neither looked up nor remembered
                boolean dropped = end - start >= repeatSentenceMinLength && dropsRepeat(line.text, start, end, seen);
                if (dropped && kept == null) {
                    kept = new Tracked.Builder(line.text.length());
                    kept.append(line, 0, start);
                } else if (!dropped && kept != null) {
                    kept.append(line, start, end);
                }
                start = end;
            }
            Tracked k = kept == null ? line.strip() : kept.build().strip();
            if (!k.text.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** The end of the sentence that starts at {@code from}: after its end mark, or the line's end. */
    private static int sentenceEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (SENTENCE_ENDS.indexOf(line.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return line.length();
    }

    /** Is the sentence [start, end) of the line, without its spaces, long enough and seen before (remembered if not)? */
    private boolean dropsRepeat(String line, int start, int end, Set<String> seen) {
        String key = line.substring(start, end).replace(" ", "");
        return key.length() >= repeatSentenceMinLength && !seen.add(key);
    }

    /** A piece of text with, for each character, the offset in the decoded text it came from. */
    static final class Tracked {
        final String text;
        final int[] origin;

        Tracked(String text, int[] origin) {
            this.text = text;
            this.origin = origin;
        }

        Tracked sub(int from, int to) {
            return new Tracked(text.substring(from, to), Arrays.copyOfRange(origin, from, to));
        }

        /** Like {@link String#strip()}. */
        Tracked strip() {
            int from = 0;
            int to = text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            return from == 0 && to == text.length() ? this : sub(from, to);
        }

        /** Like {@code text.split(String.valueOf(c), -1)}. */
        List<Tracked> split(char c) {
            List<Tracked> out = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == c) {
                    out.add(sub(from, i));
                    from = i + 1;
                }
            }
            return out;
        }

        /** Runs of two or more spaces become one; the space keeps the run's first origin. */
        Tracked collapseSpaces() {
            Builder b = new Builder(text.length());
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ' ' && i > 0 && text.charAt(i - 1) == ' ') {
                    continue;
                }
                b.append(text.charAt(i), origin[i]);
            }
            return b.build();
        }

        /** Every match replaced; the replacement's characters all come from where the match started. */
        Tracked replaceAll(Pattern p, String replacement) {
            Matcher m = p.matcher(text);
            if (!m.find()) {
                return this;
            }
            Builder b = new Builder(text.length());
            int last = 0;
            do {
                b.append(this, last, m.start());
                int at = m.start() < origin.length ? origin[m.start()] : (origin.length == 0 ? 0 : origin[origin.length - 1] + 1);
                for (int i = 0; i < replacement.length(); i++) {
                    b.append(replacement.charAt(i), at);
                }
                last = m.end();
            } while (m.find());
            b.append(this, last, text.length());
            return b.build();
        }

        static final class Builder {
            private final StringBuilder text;
            private int[] origin;

            Builder(int capacity) {
                text = new StringBuilder(capacity);
                origin = new int[Math.max(16, capacity)];
            }

            void append(char c, int from) {
                if (text.length() == origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                origin[text.length()] = from;
                text.append(c);
            }

            void append(Tracked t) {
                append(t, 0, t.text.length());
            }

            /** The characters [from, to) of {@code t}, with their origins. */
            void append(Tracked t, int from, int to) {
                int at = text.length();
                if (at + to - from > origin.length) {
                    origin = Arrays.copyOf(origin, Math.max(origin.length * 2, at + to - from));
                }
                System.arraycopy(t.origin, from, origin, at, to - from);
                text.append(t.text, from, to);
            }

            Tracked build() {
                return new Tracked(text.toString(), Arrays.copyOf(origin, text.length()));
            }
        }
    }
}
