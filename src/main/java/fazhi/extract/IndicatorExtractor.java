package fazhi.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds indicator figures in clean text (see {@link TextCleaner}).
 *
 * <p>The text is read paragraph by paragraph, sentence by sentence (。;!? and elisions end a sentence),
 * clause by clause (, and : end a clause). Every figure with a unit is read against the catalog:
 * a phrasing matches when its subject stands before the figure in the clause (after the previous figure),
 * or right after it ("80件规范性文件"), with one of its verbs; a clause with only a verb ("受理19件")
 * borrows the subject named last in the sentence; a rate is governed by the rate name right before it.
 * The most specific phrasing wins. Figures that are changes, prior-year values, targets, ranges,
 * ordinals, document numbers, inside titles 《》, in plan sections, or about other entities are skipped.
 * Figures after 其中 are flagged as breakdowns in the rule ("+breakdown") so that the selector prefers
 * a county total. Table rows ("行政复议申请(件) | 64") are read as label + figure.
 * "受理、审结行政复议案件分别为20件、18件" is read item by item; "响应率、办结率均为100%" gives the figure to
 * each rate. With the report year (given, else the title's), figures attributed to another year by a year
 * opening their clause ("2022年受理...30件") are dropped. Thread-safe: all state is per call.
 */
public final class IndicatorExtractor {

    private static final String GAP = "…";
    private static final String SENTENCE_ENDS = "。;!?";
    private static final String CLAUSE_ENDS = ",:";
    private static final String ELISION = "(略)";
    private static final char ELISION_INITIAL = ELISION.charAt(0);
    private static final boolean[] IS_SENTENCE_END = charTable(SENTENCE_ENDS);
    private static final boolean[] IS_CLAUSE_END = charTable(CLAUSE_ENDS);
    private static final Pattern TOP_HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+部分)");
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?:[一二三四五六七八九十]+是|\\([一二三四五六七八九十0-9]{1,3}\\)|[0-9]{1,2}[.、](?![0-9])|[①-⑳])");
    private static final Pattern YEAR_EXPR = Pattern.compile(
            "(?:[0-9]{4}|[一二][〇零一二三四五六七八九]{3})年度?|[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}日");
    private static final Pattern TRAILING_YEAR = Pattern.compile("(?:[0-9]{4}|[一二][〇零一二三四五六七八九]{3})年度?$");
    private static final Pattern PUNCT = Pattern.compile("[\\s、,.:;\"'“”‘’《》()\\[\\]-]");
    private static final Pattern TABLE_UNIT = Pattern.compile("\\(([^()]{1,4})\\)\\s*$");
    /** A year: "2022年", "二〇二二年" (group 1: the digits). */
    private static final Pattern YEAR = Pattern.compile(
            "(?<![0-9〇零一二三四五六七八九])((?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3})年");
    private static final int NO_COLUMN = Integer.MAX_VALUE;
    private static final String CHINESE_YEAR_DIGITS = "〇一二三四五六七八九零";

    private final ExtractionLexicon lex;
    private final FigureScanner scanner;
    private final List<CompiledIndicator> indicators;
    /** The rate indicators, in catalog order: those a percentage can be. */
    private final List<CompiledIndicator> rateIndicators;
    /** The count indicators accepting a unit, in catalog order: those a figure with that unit can be. */
    private final Map<String, List<CompiledIndicator>> countIndicatorsByUnit;
    private final List<Term> allSubjects;
    /** Every distinct subject term of the catalog: a sentence naming none of a phrasing's terms skips it. */
    private final List<Term> uniqueTerms;
    /** Indexes into {@code uniqueTerms} of the terms with a gap, by the term's first character. */
    private final int[][] termsByInitial;
    /** The terms without a gap (each under its index in {@code uniqueTerms}). */
    private final LiteralTrie literalTerms;
    /** The subject terms with a gap, longest first (the others are in {@code literalTerms}). */
    private final List<Term> gapSubjects;
    private final Pattern tableYear;
    private final String markerInitials;
    /** {@code markerInitials} as a lookup by character. */
    private final boolean[] isMarkerInitial;

    public IndicatorExtractor(IndicatorCatalog catalog) {
        this(catalog, ExtractionLexicon.bundled());
    }

    public IndicatorExtractor(IndicatorCatalog catalog, ExtractionLexicon lexicon) {
        this.lex = lexicon;
        this.scanner = new FigureScanner(lexicon);
        this.indicators = new ArrayList<>();
        List<Term> subjects = new ArrayList<>();
        Map<String, Integer> termIndex = new LinkedHashMap<>();
        List<Term> unique = new ArrayList<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            List<CompiledPhrasing> ps = new ArrayList<>();
            for (Phrasing p : d.phrasings()) {
                List<Term> terms = p.subjects().stream().map(Term::of)
                        .sorted(Comparator.comparingInt((Term t) -> t.text.length()).reversed()).toList();
                int[] idx = new int[terms.size()];
                for (int i = 0; i < terms.size(); i++) {
                    Term t = terms.get(i);
                    idx[i] = termIndex.computeIfAbsent(t.text, k -> {
                        unique.add(t);
                        return unique.size() - 1;
                    });
                }
                ps.add(new CompiledPhrasing(p.id(), terms, ExtractionLexicon.longestFirst(p.verbs()), idx));
                subjects.addAll(terms);
            }
            indicators.add(new CompiledIndicator(d, ps, Set.copyOf(d.units())));
        }
        List<CompiledIndicator> rates = new ArrayList<>();
        Map<String, List<CompiledIndicator>> byUnit = new java.util.HashMap<>();
        for (CompiledIndicator ci : indicators) {
            if (ci.def.isRate()) {
                rates.add(ci);
            } else {
                for (String u : ci.units) {
                    byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(ci);
                }
            }
        }
        this.rateIndicators = List.copyOf(rates);
        Map<String, List<CompiledIndicator>> frozen = new java.util.HashMap<>();
        byUnit.forEach((u, l) -> frozen.put(u, List.copyOf(l)));
        this.countIndicatorsByUnit = java.util.Collections.unmodifiableMap(frozen);
        this.uniqueTerms = List.copyOf(unique);
        this.termsByInitial = new int[Character.MAX_VALUE + 1][];
        this.literalTerms = new LiteralTrie();
        for (int i = 0; i < unique.size(); i++) {
            if (unique.get(i).gap == null) {
                literalTerms.add(unique.get(i).text, i);
                continue;
            }
            char c = unique.get(i).text.charAt(0);
            int[] old = termsByInitial[c] == null ? new int[0] : termsByInitial[c];
            int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = i;
            termsByInitial[c] = grown;
        }
        subjects.sort(Comparator.comparingInt((Term t) -> t.text.length()).reversed());
        // one of each text (the first, in the same longest-first order): equal terms give equal hits, so the
        // searches over all subjects (longest, last, any) find the same with one copy
        Set<String> seen = new java.util.HashSet<>();
        this.allSubjects = subjects.stream().filter(t -> seen.add(t.text)).toList();
        this.gapSubjects = allSubjects.stream().filter(t -> t.gap != null).toList();
        this.tableYear = Pattern.compile(lexicon.tableYearHeader);
        StringBuilder initials = new StringBuilder();
        for (String w : lexicon.respectivelyMarkers) {
            if (!w.isEmpty() && initials.indexOf(w.substring(0, 1)) < 0) {
                initials.append(w.charAt(0));
            }
        }
        this.markerInitials = initials.toString();
        this.isMarkerInitial = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < markerInitials.length(); i++) {
            isMarkerInitial[markerInitials.charAt(i)] = true;
        }
    }

    /** Same as {@link #extract(String, Integer)} with no report-year hint (the title's year is used, if any). */
    public List<RawMention> extract(String cleanedText) {
        return extract(cleanedText, null);
    }

    /**
     * The figures of a report.
     *
     * @param cleanedText text cleaned by {@link TextCleaner}
     * @param reportYear  the year the report is about, when known (null: the year in the report's title, if
     *                    any); figures explicitly attributed to another year ("2022年受理...30件") are dropped
     */
    public List<RawMention> extract(String cleanedText, Integer reportYear) {
        List<RawMention> out = new ArrayList<>();
        if (cleanedText == null || cleanedText.isEmpty()) {
            return out;
        }
        String text = cleanedText;
        String title = titleLine(text);
        boolean county = title != null && containsAny(title.substring(0, title.indexOf("报告")), lex.countyTitleMarkers);
        Doc doc = new Doc(county, reportYear != null ? reportYear : firstYear(title));
        boolean plan = false;
        int yearColumn = -1;
        int tableContextStart = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!line.isBlank()) {
                Matcher h = TOP_HEADING.matcher(line);
                if (h.find()) {
                    String head = line.substring(0, Math.min(line.length(), firstSentenceEnd(line, 30)));
                    plan = containsAny(head, lex.planHeadingCues);
                }
                if (!plan) {
                    if (line.contains("|")) {
                        yearColumn = readTableRow(text, pos, end, tableContextStart, yearColumn, doc, out);
                    } else {
                        yearColumn = -1;
                        tableContextStart = pos;
                        readProse(text, pos, end, doc, out, -1);
                    }
                }
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return out;
    }

    // ------------------------------------------------------------------ prose

    /**
     * Reads one line of prose.
     *
     * @param onlyAt read only the figure whose number starts at this offset (-1: every figure); used for the
     *               one-figure sentences that stand for the items of a "分别为" list
     */
    private void readProse(String text, int ls, int le, Doc doc, List<RawMention> out, int onlyAt) {
        List<int[]> sentences = split(text, ls, le, IS_SENTENCE_END, true);
        List<Integer> blockStarts = blockStarts(text, ls, le, sentences);
        List<Figure> figures = scanner.scan(text, ls, le);
        boolean[] inTitle = insideTitles(text, ls, le);
        boolean[] handled = onlyAt < 0 ? readRespectively(text, ls, sentences, blockStarts, figures, doc, out) : null;
        String lastRate = null;
        int lastRateSentence = -1;
        boolean[] present = null;
        int presentSentence = -1;
        List<int[]> clauses = null;
        int[] clausesOf = null;
        for (int fi = 0; fi < figures.size(); fi++) {
            Figure f = figures.get(fi);
            if (!f.hasUnit() || inTitle[f.numberStart() - ls] || (onlyAt >= 0 && f.numberStart() != onlyAt)
                    || (handled != null && handled[fi])) {
                continue;
            }
            int[] sentence = containing(sentences, f.numberStart());
            if (sentence == null) {
                continue;
            }
            if (lastRateSentence != sentence[0]) {
                lastRate = null;
                lastRateSentence = sentence[0];
            }
            if (clausesOf != sentence) {
                clauses = split(text, sentence[0], sentence[1], IS_CLAUSE_END, false);
                clausesOf = sentence;
            }
            int[] clause = containing(clauses, f.numberStart());
            if (clause == null) {
                continue;
            }
            int winStart = clause[0];
            for (int k = fi - 1; k >= 0; k--) {
                Figure p = figures.get(k);
                if (p.end() <= clause[0]) {
                    break;
                }
                if (p.end() <= f.start() && p.hasUnit() && !lex.dateUnits.contains(p.unitText())) {
                    winStart = p.end();
                    break;
                }
            }
            if (winStart > f.start()) {
                winStart = f.start();
            }
            int nextStart = clause[1];
            if (fi + 1 < figures.size() && figures.get(fi + 1).start() < clause[1]) {
                nextStart = Math.max(f.end(), figures.get(fi + 1).start());
            }
            if (isOrdinal(text, f) || isRank(text, f) || isDuration(text, f) || isRange(text, figures, fi)
                    || lex.changeUnits.contains(f.unitText())) {
                continue;
            }
            int blockStart = ls;
            for (int b : blockStarts) {
                if (b <= f.start()) {
                    blockStart = b;
                }
            }
            Reading r = new Reading(text, f, winStart, f.start(), clause, nextStart, sentence, blockStart,
                    lastRate, inTitle, ls);
            if (presentSentence != sentence[0]) {
                present = termsNamed(text, sentence[0], sentence[1]);
                presentSentence = sentence[0];
            }
            r.present = present;
            Match m = bestMatch(r);
            if (m == null) {
                continue;
            }
            if (m.indicator.isRate()) {
                lastRate = m.indicator.code();
            }
            if (isTrap(text.substring(winStart, f.start()), doc.county)) {
                continue;
            }
            if (doc.year != null) {
                Integer said = attributedYear(text, sentence[0], f.start(), inTitle, ls);
                if (said != null && !said.equals(doc.year)) {
                    continue; // "2022年受理...30件" in the report on 2023
                }
            }
            boolean breakdown = containsAny(text.substring(sentence[0], f.start()), lex.breakdownCues);
            String evidence = text.substring(sentence[0], sentence[1]).strip();
            if (m.how.equals("each")) {
                for (Match e : r.each) {
                    out.add(mention(e, f, evidence, breakdown, false));
                }
            } else {
                out.add(mention(m, f, evidence, breakdown, false));
            }
        }
    }

    // ------------------------------------------------------------------ "分别为" lists

    /**
     * "受理、审结行政复议案件分别为20件、18件": each item of the list before 分别 / 依次 is read with its
     * figure as a one-figure sentence (the shared subject distributed over the items), and the mention is
     * mapped back to the figure in the text. Returns the figures so read (null: none).
     */
    private boolean[] readRespectively(String text, int ls, List<int[]> sentences, List<Integer> blockStarts,
                                       List<Figure> figures, Doc doc, List<RawMention> out) {
        boolean[] handled = null;
        for (int[] sentence : sentences) {
            for (int at = sentence[0]; at < sentence[1]; at++) {
                if (!isMarkerInitial[text.charAt(at)]) {
                    continue;
                }
                String marker = startingWord(text, at, sentence[1], lex.respectivelyMarkers);
                if (marker == null) {
                    continue;
                }
                int m0 = at;
                int m1 = at + marker.length();
                at = m1 - 1;
                List<Integer> list = listAfter(text, m1, sentence[1], figures);
                if (list.size() < 2) {
                    continue;
                }
                // the items: from the clause start (or the last figure before the marker) to the marker
                int[] clause = containing(split(text, sentence[0], sentence[1], IS_CLAUSE_END, false), m0);
                int a = clause == null ? sentence[0] : clause[0];
                for (Figure p : figures) {
                    if (p.end() <= m0 && p.end() > a && p.hasUnit() && !lex.dateUnits.contains(p.unitText())) {
                        a = p.end();
                    }
                }
                List<String> items = listItems(text, a, m0, list.size());
                if (items == null) {
                    continue;
                }
                int blockStart = ls;
                for (int b : blockStarts) {
                    if (b <= sentence[0]) {
                        blockStart = b;
                    }
                }
                String between = text.substring(m1, figures.get(list.get(0)).start());
                String lead = text.substring(blockStart, sentence[0]) + text.substring(a, m0) + "。"
                        + text.substring(sentence[0], a);
                for (int i = 0; i < list.size(); i++) {
                    Figure f = figures.get(list.get(i));
                    String figText = text.substring(f.start(), f.end());
                    String head = lead + items.get(i) + marker + between;
                    String synthetic = head + figText + "。";
                    List<RawMention> got = new ArrayList<>();
                    readProse(synthetic, 0, synthetic.length(), doc, got, head.length() + f.numberStart() - f.start());
                    for (RawMention g : got) {
                        out.add(new RawMention(g.indicator(), g.numberText(), g.unitText(), g.qualifierText(),
                                text.substring(sentence[0], sentence[1]).strip(), f.numberStart(),
                                g.rule() + "+respectively"));
                    }
                    if (handled == null) {
                        handled = new boolean[figures.size()];
                    }
                    handled[list.get(i)] = true;
                }
                at = figures.get(list.get(list.size() - 1)).end() - 1;
            }
        }
        return handled;
    }

    /** Indexes of the figures listed right after a 分别 marker ("为20件、18件"), or an empty list. */
    private List<Integer> listAfter(String text, int from, int to, List<Figure> figures) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < figures.size(); k++) {
            Figure f = figures.get(k);
            if (f.start() < from) {
                continue;
            }
            if (f.start() >= to || !f.hasUnit()) {
                break;
            }
            String gap = text.substring(out.isEmpty() ? from : figures.get(out.get(out.size() - 1)).end(), f.start());
            if (out.isEmpty()) {
                if (gap.length() > lex.respectivelyMaxGap || containsAnyChar(gap, ",:;。")) {
                    break;
                }
            } else if (!gap.isBlank() && !lex.listSeparators.contains(gap.strip())) {
                break;
            }
            out.add(k);
        }
        return out;
    }

    /**
     * The n items of "受理、审结行政复议案件" (split at 、 and at 和 / 及 / 与 outside subject terms), with a
     * subject named in the first or last item given to the items that name none; null when the list does
     * not split into n items.
     */
    private List<String> listItems(String text, int from, int to, int n) {
        List<Integer> cuts = new ArrayList<>();
        List<Integer> cutLengths = new ArrayList<>();
        List<Hit> subjectHits = new ArrayList<>();
        for (Term t : allSubjects) {
            subjectHits.addAll(t.find(text, from, to));
        }
        List<int[]> comma = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '、') {
                comma.add(new int[]{i, 1});
                all.add(new int[]{i, 1});
                continue;
            }
            for (String c : lex.itemConjunctions) {
                if (text.startsWith(c, i) && i + c.length() < to && i > from) {
                    boolean inside = false;
                    for (Hit h : subjectHits) {
                        if (h.start < i + c.length() && h.end > i) {
                            inside = true;
                            break;
                        }
                    }
                    if (!inside) {
                        all.add(new int[]{i, c.length()});
                        i += c.length() - 1;
                    }
                    break;
                }
            }
        }
        List<int[]> seps = all.size() + 1 == n ? all : comma.size() + 1 == n ? comma : null;
        if (seps == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        int s = from;
        for (int[] c : seps) {
            items.add(text.substring(s, c[0]).strip());
            s = c[0] + c[1];
        }
        items.add(text.substring(s, to).strip());
        for (String item : items) {
            if (item.isEmpty()) {
                return null;
            }
        }
        String lastSubject = subjectTail(items.get(items.size() - 1));
        String firstSubject = subjectHead(items.get(0));
        String last = items.get(items.size() - 1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (!namesSubject(item)) {
                if (lastSubject != null && i < items.size() - 1) {
                    item = item + lastSubject;
                } else if (firstSubject != null && i > 0) {
                    item = firstSubject + item;
                }
            }
            for (String noun : lex.sharedHeadNouns) {
                if (i < items.size() - 1 && last.endsWith(noun) && !item.contains(noun)) {
                    item = item + noun; // "行政复议、行政应诉案件"
                }
            }
            out.add(item);
        }
        return out;
    }

    private boolean namesSubject(String s) {
        for (Term t : allSubjects) {
            if (t.foundIn(s)) {
                return true;
            }
        }
        return false;
    }

    /** The longest subject term of the item and what follows it ("审结行政复议案件" gives "行政复议案件"). */
    private String subjectTail(String item) {
        for (Term t : allSubjects) { // longest first
            List<Hit> hits = t.find(item, 0, item.length());
            if (!hits.isEmpty()) {
                return item.substring(hits.get(0).start);
            }
        }
        return null;
    }

    /** The longest subject term of the item and what stands before it ("行政复议案件受理数" gives "行政复议案件"). */
    private String subjectHead(String item) {
        for (Term t : allSubjects) {
            List<Hit> hits = t.find(item, 0, item.length());
            if (!hits.isEmpty()) {
                return item.substring(0, hits.get(0).end);
            }
        }
        return null;
    }

    private static String startingWord(String text, int at, int to, List<String> words) {
        for (String w : words) {
            if (text.startsWith(w, at) && at + w.length() <= to) {
                return w;
            }
        }
        return null;
    }

    private static boolean containsAnyChar(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ years

    /**
     * The year a figure is explicitly said to be about: the year that opens the last clause of its sentence
     * that opens with one, up to the figure ("2022年受理...30件", "2021年,全县办理...", "截至2023年底,...");
     * not a year inside a clause ("对2022年办结的827件案件进行自查": the cases' year, not the figure's),
     * nor one that starts a span ("2019年以来") or dates a law ("2023年修订的"), nor one in a title 《》.
     */
    private Integer attributedYear(String text, int from, int to, boolean[] inTitle, int lineStart) {
        Integer year = null;
        Matcher lm = LIST_MARKER.matcher(text);
        Matcher m = YEAR.matcher(text);
        for (int[] clause : split(text, from, to, IS_CLAUSE_END, false)) {
            int p = clause[0];
            while (p < clause[1] && text.charAt(p) == ' ') {
                p++;
            }
            lm.region(p, clause[1]);
            if (lm.lookingAt()) {
                p = lm.end();
            }
            String lead = startingWord(text, p, clause[1], lex.yearLeadWords);
            if (lead != null) {
                p += lead.length();
            }
            m.region(p, clause[1]);
            if (m.lookingAt() && !inTitle[m.start() - lineStart]
                    && startingWord(text, m.end(), to, lex.yearSpanFollowers) == null) {
                year = yearValue(m.group(1));
            }
        }
        return year;
    }

    static Integer yearValue(String digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = FigureScanner.isDigit(c) ? c - '0' : CHINESE_YEAR_DIGITS.indexOf(c);
            if (d < 0) {
                return null;
            }
            v = v * 10 + (d == 10 ? 0 : d);
        }
        return v;
    }

    /** The report's title: among its first lines, the first short one that says 报告; null when none. */
    private static String titleLine(String text) {
        int lines = 0;
        int pos = 0;
        while (pos < text.length() && lines < 8) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            if (line.length() <= 60 && line.contains("报告")) {
                return line;
            }
        }
        return null;
    }

    private static Integer firstYear(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = YEAR.matcher(title);
        int stop = title.indexOf("报告");
        return m.find() && m.start() < stop ? yearValue(m.group(1)) : null;
    }

    private RawMention mention(Match m, Figure f, String evidence, boolean breakdown, boolean table) {
        String rule = m.indicator.code() + ":" + m.phrasing + (m.how.isEmpty() ? "" : "/" + m.how)
                + (breakdown ? "+breakdown" : "") + (table ? "+table" : "");
        return new RawMention(m.indicator.code(), f.numberText(), f.unitText(), f.qualifierText(),
                evidence, f.numberStart(), rule);
    }

    /** Change figures, prior-year values, targets and other entities' figures, read from the window. */
    private boolean isTrap(String window, boolean county) {
        String tail = window.strip();
        boolean level = false;
        for (String m : lex.levelMarkers) {
            if (tail.endsWith(m)) {
                level = true;
            }
        }
        if (!level) {
            String t = tail.endsWith("了") ? tail.substring(0, tail.length() - 1) : tail;
            for (String q : lex.qualifiersBefore.keySet()) {
                if (t.endsWith(q)) {
                    t = t.substring(0, t.length() - q.length());
                    break;
                }
            }
            for (String v : lex.changeVerbs) {
                if (t.endsWith(v)) {
                    return true;
                }
            }
            if (containsAny(window, lex.comparisonCues) || comparedWithYear(window)) {
                return true;
            }
        }
        for (String m : lex.priorValueMarkers) {
            if (tail.endsWith(m)) {
                return true;
            }
        }
        return containsAny(window, lex.priorYearCues) || containsAny(window, lex.targetCues)
                || containsAny(window, lex.foreignEntityCues) || (county && containsAny(window, lex.higherCityCues));
    }

    /** "较2022年", "与2022年相比": a comparison with a named year. */
    private boolean comparedWithYear(String window) {
        Matcher m = YEAR.matcher(window);
        while (m.find()) {
            for (String c : lex.comparisonYearPrefixes) {
                if (m.start() >= c.length() && window.startsWith(c, m.start() - c.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ matching

    /** Which distinct subject terms occur in [from, to). */
    private boolean[] termsNamed(String text, int from, int to) {
        boolean[] out = new boolean[uniqueTerms.size()];
        LiteralTrie.Visitor mark = (id, length) -> {
            out[id] = true;
            return false;
        };
        for (int i = from; i < to; i++) {
            literalTerms.walk(text, i, to, mark);
            int[] candidates = termsByInitial[text.charAt(i)];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (!out[k] && uniqueTerms.get(k).startsAt(text, i, to)) {
                    out[k] = true;
                }
            }
        }
        return out;
    }

    private Match bestMatch(Reading r) {
        Match best = null;
        // only the indicators the figure's kind and unit allow (the same, in the same order, as checked below)
        List<CompiledIndicator> candidates = r.figure.percent() ? rateIndicators
                : countIndicatorsByUnit.getOrDefault(r.figure.unitText(), List.of());
        for (CompiledIndicator ci : candidates) {
            IndicatorDefinition d = ci.def;
            Figure f = r.figure;
            if (f.percent() != d.isRate()) {
                continue;
            }
            if (!f.percent() && !ci.units.contains(f.unitText())) {
                continue;
            }
            // every way of reading a figure needs one of the phrasing's subjects in the sentence
            boolean named = false;
            for (CompiledPhrasing p : ci.phrasings) {
                if (p.namedIn(r.present)) {
                    named = true;
                    break;
                }
            }
            if (!named) {
                continue;
            }
            if (!d.context().isEmpty() && !containsAny(r.contextText(), d.context())) {
                continue;
            }
            if (!d.exclude().isEmpty() && containsAny(r.window(), d.exclude())) {
                continue;
            }
            for (CompiledPhrasing p : ci.phrasings) {
                if (!p.namedIn(r.present)) {
                    continue;
                }
                Match m = d.isRate() ? matchRate(r, d, p) : matchCount(r, d, p);
                if (m != null && (best == null || m.score > best.score)) {
                    best = m;
                }
                if (m != null && m.how.equals("each") && r.each.stream().noneMatch(e -> e.indicator == d)) {
                    r.each.add(m);
                }
            }
        }
        return best;
    }

    private Match matchRate(Reading r, IndicatorDefinition d, CompiledPhrasing p) {
        String gov = stripGoverning(r.window());
        // "报备率、及时率、规范率均达到100%": 均 gives the figure to every rate of the list before it
        String link = r.window().length() >= gov.length() ? r.window().substring(gov.length()) : "";
        String[] items = null;
        if (containsAny(link, lex.distributiveWords) && (gov.contains("、") || gov.contains("和"))) {
            items = gov.split("、|和(?=[^率度]{0,8}[率度])");
            boolean rates = items.length > 1;
            for (String item : items) {
                rates &= item.endsWith("率") || item.endsWith("度");
            }
            if (!rates) {
                items = null;
            }
        }
        for (Term t : p.subjects) {
            if (t.endsIn(gov)) {
                return new Match(d, p.id, items == null ? "" : "each", 10 + t.text.length());
            }
        }
        if (items != null) {
            for (int i = 0; i < items.length; i++) {
                for (Term t : p.subjects) {
                    if (t.endsIn(items[i])) {
                        return new Match(d, p.id, "each", 10 + t.text.length());
                    }
                }
            }
        }
        // "上年为87%,今年提升至96.5%": a bare figure continues the rate named before it in the sentence
        if (gov.contains("率") || gov.contains("度") || leftover(gov, "").length() > lex.inheritMaxLeftover) {
            return null;
        }
        if (d.code().equals(r.lastRate)) {
            return new Match(d, p.id, "continued", 1);
        }
        // "成功率提高了2个百分点,达到97%": the rate named last in the sentence, with no other rate after it
        String before = r.text.substring(r.sentence[0], r.winStart);
        int lastRateWord = Math.max(before.lastIndexOf('率'), before.lastIndexOf('度'));
        for (Term t : p.subjects) {
            if (lastRateWord >= 0 && t.endsIn(before.substring(0, lastRateWord + 1))) {
                return new Match(d, p.id, "continued", 1);
            }
        }
        return null;
    }

    private Match matchCount(Reading r, IndicatorDefinition d, CompiledPhrasing p) {
        Figure f = r.figure;
        String window = r.window();
        String verb = firstContained(window, p.verbs);
        boolean verbsOk = p.verbs.isEmpty() || verb != null;
        Match best = null;
        // subject before the figure
        if (verbsOk) {
            Hit left = longestHit(r.text, r.winStart, r.winEnd, p.subjects, r.inTitle, r.lineStart);
            if (left != null && chineseFollowOk(r.text, f)) {
                best = new Match(d, p.id, "", 10 + left.length() + (verb == null ? 0 : verb.length()));
            }
        }
        // subject right after the figure: "80件规范性文件进行了清理"
        Hit right = rightHit(r.text, f.end(), r.clause[1], p.subjects);
        if (right != null) {
            String clauseText = r.text.substring(r.winStart, r.nextStart);
            String v = p.verbs.isEmpty() ? "" : firstContained(clauseText, p.verbs);
            if (v != null && !containsAny(r.text.substring(f.end(), r.clause[1]), d.exclude())) {
                int score = 10 + right.length() + v.length();
                if (best == null || score > best.score) {
                    best = new Match(d, p.id, "after", score);
                }
            }
        }
        // only a link word: the clause continues the subject named last ("案件同比增长15.6%,达到2310件")
        if (best == null && p.verbs.isEmpty() && chineseFollowOk(r.text, f) && containsAny(window, lex.linkWords)
                && leftover(window, "").isEmpty()
                && longestHit(r.text, r.winStart, r.winEnd, allSubjects, r.inTitle, r.lineStart) == null) {
            Hit topic = lastHit(r.text, r.sentence[0], r.winStart, r.inTitle, r.lineStart);
            if (topic != null && !topic.combined) {
                String topicText = r.text.substring(topic.start, topic.end);
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        return new Match(d, p.id, "continued", 1);
                    }
                }
            }
        }
        // verb only: borrow the subject named last in the sentence ("收到申请19件,受理19件,审结16件")
        if (best == null && verb != null && chineseFollowOk(r.text, f)
                && longestHit(r.text, r.winStart, r.winEnd, allSubjects, r.inTitle, r.lineStart) == null
                && !containsAny(window, lex.inheritBlockers)
                && leftover(window, verb).length() <= lex.inheritMaxLeftover) {
            Hit topic = lastHit(r.text, r.sentence[0], r.winStart, r.inTitle, r.lineStart);
            if (topic != null && !topic.combined) {
                String topicText = r.text.substring(topic.start, topic.end);
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        best = new Match(d, p.id, "inherited", verb.length());
                        break;
                    }
                }
            }
        }
        return best;
    }

    private boolean chineseFollowOk(String text, Figure f) {
        if (!f.chinese()) {
            return true;
        }
        if (f.end() >= text.length()) {
            return true;
        }
        return lex.chineseNumeralFollowers.contains(String.valueOf(text.charAt(f.end())))
                || text.startsWith(ELISION, f.end());
    }

    /** The rate name governing a figure: the window without trailing link, time and hedge words. */
    private String stripGoverning(String window) {
        String s = window;
        boolean changed = true;
        while (changed) {
            changed = false;
            String t = s.replaceAll("[\\s、,:]+$", "");
            Matcher y = TRAILING_YEAR.matcher(t);
            if (y.find()) {
                t = t.substring(0, y.start());
            }
            for (List<String> words : List.of(lex.linkWords, lex.priorYearCues, lex.inheritFillers,
                    lex.priorValueMarkers, new ArrayList<>(lex.qualifiersBefore.keySet()))) {
                for (String w : words) {
                    if (!w.isEmpty() && t.endsWith(w)) {
                        t = t.substring(0, t.length() - w.length());
                        break;
                    }
                }
            }
            if (!t.equals(s)) {
                s = t;
                changed = true;
            }
        }
        return s;
    }

    /** What a verb-only window says besides its verb, fillers, dates and punctuation. */
    private String leftover(String window, String verb) {
        String s = YEAR_EXPR.matcher(window).replaceAll("");
        if (!verb.isEmpty()) {
            s = s.replaceFirst(Pattern.quote(verb), "");
        }
        for (String w : lex.inheritFillers) {
            s = s.replace(w, "");
        }
        for (String w : lex.linkWords) {
            s = s.replace(w, "");
        }
        for (String w : lex.priorYearCues) {
            s = s.replace(w, "");
        }
        for (String w : lex.qualifiersBefore.keySet()) {
            s = s.replace(w, "");
        }
        return PUNCT.matcher(s).replaceAll("");
    }

    /** The longest subject occurrence in [from, to) that is neither inside 《》 nor joined to another noun. */
    private Hit longestHit(String text, int from, int to, List<Term> terms, boolean[] inTitle, int lineStart) {
        Hit best = null;
        for (Term t : terms) {
            for (Hit h : t.find(text, from, to)) {
                // only a hit longer than the best so far can be chosen: the checks are for those alone
                if ((best == null || h.length() > best.length())
                        && !inTitle[h.start - lineStart] && !isCombinedAround(text, h)) {
                    best = h;
                }
            }
            if (best != null && best.length() >= t.text.length()) {
                break; // terms are sorted longest first
            }
        }
        return best;
    }

    /** The subject occurrence ending last before {@code to} in the sentence. */
    private Hit lastHit(String text, int from, int to, boolean[] inTitle, int lineStart) {
        Hit best = null;
        for (Term t : allSubjects) {
            for (Hit h : t.find(text, from, to)) {
                if (inTitle[h.start - lineStart]) {
                    continue;
                }
                if (best == null || h.end > best.end || (h.end == best.end && h.length() > best.length())) {
                    best = new Hit(h.start, h.end, isCombined(text, h.start, h.end));
                }
            }
        }
        return best;
    }

    /** A subject starting at most 4 characters (no punctuation) after the figure. */
    private Hit rightHit(String text, int from, int clauseEnd, List<Term> terms) {
        for (int k = 0; k <= 4 && from + k < clauseEnd; k++) {
            char c = text.charAt(from + k);
            if (k > 0 && PUNCT.matcher(String.valueOf(text.charAt(from + k - 1))).matches()) {
                return null;
            }
            if (FigureScanner.isDigit(c)) {
                return null;
            }
            for (Term t : terms) {
                Hit h = t.at(text, from + k, clauseEnd);
                if (h != null && !isCombined(text, h.start, h.end)) {
                    return h;
                }
            }
        }
        return null;
    }

    /** Combined, judged on the longest subject occurrence containing the hit ("政协提案" for "提案"). */
    private boolean isCombinedAround(String text, Hit h) {
        if (isCombined(text, h.start, h.end)) {
            return true;
        }
        int from = Math.max(0, h.start - 12);
        int to = Math.min(text.length(), h.end + 12);
        // a longer term without a gap inside [from, to) containing the hit starts in [h.end - longest, h.start]
        int hitLength = h.length();
        for (int p = Math.max(from, h.end - literalTerms.longest()); p <= h.start; p++) {
            int at = p;
            if (literalTerms.walk(text, p, to, (id, length) -> length > hitLength && at + length >= h.end
                    && isCombined(text, at, at + length))) {
                return true;
            }
        }
        for (Term t : gapSubjects) {
            if (t.text.length() <= h.length()) {
                continue;
            }
            for (Hit o : t.find(text, from, to)) {
                if (o.start <= h.start && o.end >= h.end && isCombined(text, o.start, o.end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "诉讼及复议案件", "行政确权、行政复议、行政诉讼等": a subject joined to another noun counts a combined total. */
    private boolean isCombined(String text, int start, int end) {
        for (String c : lex.combineConjunctions) {
            int b = start - c.length();
            if (b > 0 && text.startsWith(c, b) && isIdeograph(text.charAt(b - 1)) && !figureJustBefore(text, b)) {
                return true;
            }
            if (text.startsWith(c, end) && end + c.length() < text.length()
                    && isIdeograph(text.charAt(end + c.length()))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ tables

    /**
     * A table row "label(unit) | cell | cell": the figure of the report year's column (else the latest year's,
     * target columns aside) when a header row named years, else the first figure. A leading number cell
     * (序号) is not the label; a cell holding only a unit word ("件") gives the unit of the row.
     */
    private int readTableRow(String text, int ls, int le, int contextStart, int yearColumn, Doc doc,
                             List<RawMention> out) {
        String line = text.substring(ls, le);
        List<int[]> cells = new ArrayList<>();
        int s = 0;
        while (true) {
            int bar = line.indexOf('|', s);
            int e = bar < 0 ? line.length() : bar;
            cells.add(new int[]{ls + s, ls + e});
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
        boolean yearHeader = false;
        boolean bareYears = true;
        String first = text.substring(cells.get(0)[0], cells.get(0)[1]);
        for (int c = 1; c < cells.size(); c++) {
            String cell = text.substring(cells.get(c)[0], cells.get(c)[1]).strip();
            Matcher y = tableYear.matcher(cell);
            if (!y.matches()) {
                bareYears &= cell.isEmpty() || containsAny(cell, lex.comparisonCues) || !cell.matches(".*[0-9].*");
                continue;
            }
            if (cell.length() == y.end(1)) {
                // a bare "2023" is a header cell only in a row of years under a label without a unit
                if (TABLE_UNIT.matcher(first.strip()).find()) {
                    bareYears = false;
                }
            }
            yearHeader = true;
            if (containsAny(cell, lex.targetCues)) {
                continue;
            }
            int year = Integer.parseInt(y.group(1));
            if (doc.year != null && year == doc.year) {
                reportCol = c;
            }
            if (year > latest) {
                latest = year;
                latestCol = c;
            }
        }
        if (yearHeader && bareYears) {
            if (doc.year != null) {
                return reportCol > 0 ? reportCol : NO_COLUMN; // no column of the report's year: none is read
            }
            return latestCol > 0 ? latestCol : NO_COLUMN;
        }
        int labelIndex = 0;
        while (labelIndex < cells.size() - 1 && !hasIdeograph(text, cells.get(labelIndex))) {
            labelIndex++;
        }
        int[] labelCell = cells.get(labelIndex);
        String label = text.substring(labelCell[0], labelCell[1]).strip();
        String labelUnit = "";
        Matcher u = TABLE_UNIT.matcher(label);
        boolean unitInLabel = u.find();
        if (unitInLabel) {
            labelUnit = u.group(1).strip();
        } else {
            for (int c = labelIndex + 1; c < cells.size(); c++) {
                String cell = text.substring(cells.get(c)[0], cells.get(c)[1]).strip();
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
            int[] cell = cells.get(c);
            List<Figure> figs = scanner.scan(text, cell[0], cell[1]);
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
            // read the row as if the label were written right before the figure
            int labelEnd = unitInLabel
                    ? labelCell[0] + text.substring(labelCell[0], labelCell[1]).lastIndexOf('(') : labelCell[1];
            String window = text.substring(labelCell[0], labelEnd);
            int[] sentence = {Math.min(contextStart, ls), le};
            boolean[] inTitle = insideTitles(text, ls, le);
            Reading r = new TableReading(text, f, labelCell[0], labelEnd, sentence, contextStart, inTitle, ls, window);
            r.present = termsNamed(text, sentence[0], sentence[1]);
            Match m = bestMatch(r);
            if (m != null && !isTrap(window, doc.county)) {
                out.add(mention(m, f, line.strip(), false, true));
            }
            break;
        }
        return yearColumn;
    }

    private static boolean hasIdeograph(String text, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            if (isIdeograph(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ segmentation helpers

    /** Spans [start, end) of text between the given delimiters; elisions also end a sentence. */
    private static boolean[] charTable(String chars) {
        boolean[] table = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] = true;
        }
        return table;
    }

    /** @param delimiters which characters end a span ({@link #IS_SENTENCE_END}, {@link #IS_CLAUSE_END}) */
    private static List<int[]> split(String text, int from, int to, boolean[] delimiters, boolean elisions) {
        List<int[]> out = new ArrayList<>();
        int s = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (elisions && c == ELISION_INITIAL && text.startsWith(ELISION, i)) {
                if (i > s) {
                    out.add(new int[]{s, i});
                }
                i += ELISION.length();
                s = i;
                continue;
            }
            if (delimiters[c] && !(c == ',' && isThousands(text, i)) && !(c == ':' && isTime(text, i))) {
                out.add(new int[]{s, i + 1});
                s = i + 1;
            }
            i++;
        }
        if (s < to) {
            out.add(new int[]{s, to});
        }
        return out;
    }

    private static boolean isThousands(String text, int i) {
        return i > 0 && FigureScanner.isDigit(text.charAt(i - 1)) && i + 3 < text.length() + 0
                && i + 3 < text.length() + 1 && i + 4 <= text.length()
                && FigureScanner.isDigit(text.charAt(i + 1)) && FigureScanner.isDigit(text.charAt(i + 2))
                && FigureScanner.isDigit(text.charAt(i + 3))
                && (i + 4 == text.length() || !FigureScanner.isDigit(text.charAt(i + 4)));
    }

    private static boolean isTime(String text, int i) {
        return i > 0 && i + 1 < text.length() && FigureScanner.isDigit(text.charAt(i - 1))
                && FigureScanner.isDigit(text.charAt(i + 1));
    }

    private static int[] containing(List<int[]> spans, int offset) {
        for (int[] s : spans) {
            if (offset >= s[0] && offset < s[1]) {
                return s;
            }
        }
        return null;
    }

    /** Where list items ("一是", "(二)", "3.", "①") start: the scope of context words. */
    private static List<Integer> blockStarts(String text, int ls, int le, List<int[]> sentences) {
        List<Integer> out = new ArrayList<>();
        out.add(ls);
        Matcher m = LIST_MARKER.matcher(text);
        for (int[] s : sentences) {
            int a = s[0];
            while (a < s[1] && text.charAt(a) == ' ') {
                a++;
            }
            m.region(a, s[1]);
            if (m.lookingAt()) {
                out.add(a);
            }
        }
        return out;
    }

    /** For each character of the line: is it inside a title 《...》? */
    private static boolean[] insideTitles(String text, int ls, int le) {
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

    private static boolean isOrdinal(String text, Figure f) {
        int k = f.numberStart();
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        return k > 0 && text.charAt(k - 1) == '第';
    }

    /** "位列全省前10名": a rank, not a count. */
    private boolean isRank(String text, Figure f) {
        if (!lex.rankUnits.contains(f.unitText())) {
            return false;
        }
        int k = f.numberStart();
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        for (String p : lex.rankPrefixes) {
            int b = k - p.length();
            if (b >= 0 && text.startsWith(p, b)
                    && !(b > 0 && lex.rankPrefixBlockers.contains(String.valueOf(text.charAt(b - 1))))) {
                return true;
            }
        }
        return false;
    }

    /** "3个工作日", "6个月": a duration, not a count. */
    private boolean isDuration(String text, Figure f) {
        return startingWord(text, f.end(), text.length(), lex.durationAfterUnit) != null;
    }

    /** "10%-20%", "3-5名": two figures joined by a range connector are neither of them a level. */
    private boolean isRange(String text, List<Figure> figures, int i) {
        Figure f = figures.get(i);
        if (i > 0) {
            Figure p = figures.get(i - 1);
            if (p.end() <= f.start() && lex.rangeConnectors.contains(text.substring(p.end(), f.start()).strip())) {
                return true;
            }
            if (p.numberEnd() <= f.start() && !p.hasUnit()
                    && lex.rangeConnectors.contains(text.substring(p.numberEnd(), f.start()).strip())) {
                return true;
            }
        }
        if (i + 1 < figures.size()) {
            Figure n = figures.get(i + 1);
            if (f.end() <= n.start() && lex.rangeConnectors.contains(text.substring(f.end(), n.start()).strip())) {
                return true;
            }
        }
        return false;
    }

    /** "98件、政协提案143件": a list of figures, not a noun joined to another. */
    private static boolean figureJustBefore(String text, int b) {
        for (int k = b - 1; k >= Math.max(0, b - 4); k--) {
            char c = text.charAt(k);
            if (FigureScanner.isDigit(c) || c == '%' || c == 'X') {
                return true;
            }
        }
        return false;
    }

    private static int firstSentenceEnd(String line, int max) {
        for (int i = 0; i < line.length() && i < max; i++) {
            if (SENTENCE_ENDS.indexOf(line.charAt(i)) >= 0) {
                return i;
            }
        }
        return Math.min(max, line.length());
    }

    private static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (!w.isEmpty() && s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String firstContained(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return w;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ small types

    /** What is known about the whole report: a county's (its title names 县 / 区 / 旗), about which year. */
    private record Doc(boolean county, Integer year) {
    }

    private record CompiledIndicator(IndicatorDefinition def, List<CompiledPhrasing> phrasings, Set<String> units) {
    }

    /** @param termIndexes the subjects' indexes in {@code uniqueTerms} */
    private record CompiledPhrasing(String id, List<Term> subjects, List<String> verbs, int[] termIndexes) {
        boolean namedIn(boolean[] present) {
            for (int i : termIndexes) {
                if (present[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Match(IndicatorDefinition indicator, String phrasing, String how, int score) {
    }

    private record Hit(int start, int end, boolean combined) {
        Hit(int start, int end) {
            this(start, end, false);
        }

        int length() {
            return end - start;
        }
    }

    /** Everything known about one figure while it is being read. */
    private static class Reading {
        final String text;
        final Figure figure;
        final int winStart;
        final int winEnd;
        final int[] clause;
        final int nextStart;
        final int[] sentence;
        final int blockStart;
        final String lastRate;
        final boolean[] inTitle;
        final int lineStart;
        /** Which of the catalog's distinct subject terms the sentence names. */
        boolean[] present;
        /** The rates of a list the figure is given to each of ("响应率、办结率均为100%"). */
        final List<Match> each = new ArrayList<>(2);
        private String window;
        private String contextText;

        Reading(String text, Figure figure, int winStart, int winEnd, int[] clause, int nextStart, int[] sentence,
                int blockStart, String lastRate, boolean[] inTitle, int lineStart) {
            this.text = text;
            this.figure = figure;
            this.winStart = winStart;
            this.winEnd = winEnd;
            this.clause = clause;
            this.nextStart = nextStart;
            this.sentence = sentence;
            this.blockStart = blockStart;
            this.lastRate = lastRate;
            this.inTitle = inTitle;
            this.lineStart = lineStart;
        }

        String window() {
            if (window == null) {
                window = text.substring(winStart, winEnd);
            }
            return window;
        }

        /** The list item or paragraph up to the end of the sentence, where context words are looked for. */
        String contextText() {
            if (contextText == null) {
                contextText = text.substring(blockStart, sentence[1]);
            }
            return contextText;
        }
    }

    /** A table row read as "label figure": the window is the label. */
    private static final class TableReading extends Reading {
        private final String label;

        TableReading(String text, Figure f, int labelStart, int labelEnd, int[] sentence, int contextStart,
                     boolean[] inTitle, int lineStart, String label) {
            super(text, f, labelStart, labelEnd, new int[]{labelStart, f.numberStart()}, f.numberStart(),
                    sentence, contextStart, null, inTitle, lineStart);
            this.label = label;
        }

        @Override
        String window() {
            return label;
        }
    }

    /** A subject term; "…" inside it is a gap of up to six characters without punctuation. */
    private static final class Term {
        final String text;
        final Pattern gap;
        /** With a gap: the literal text before the first gap and after the last (every match has them). */
        final String head;
        final String tail;

        private Term(String text, Pattern gap) {
            this.text = text;
            this.gap = gap;
            this.head = gap == null ? text : text.substring(0, text.indexOf(GAP));
            this.tail = gap == null ? text : text.substring(text.lastIndexOf(GAP) + GAP.length());
        }

        static Term of(String s) {
            if (!s.contains(GAP)) {
                return new Term(s, null);
            }
            StringBuilder re = new StringBuilder();
            String[] parts = s.split(GAP, -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    re.append("[^,.:;。、()\\s]{0,6}?");
                }
                re.append(Pattern.quote(parts[i]));
            }
            return new Term(s, Pattern.compile(re.toString()));
        }

        List<Hit> find(String text, int from, int to) {
            List<Hit> out = new ArrayList<>();
            if (from >= to) {
                return out;
            }
            if (gap == null) {
                int i = indexIn(text, this.text, from, to);
                while (i >= 0) {
                    out.add(new Hit(i, i + this.text.length()));
                    i = indexIn(text, this.text, i + 1, to);
                }
            } else if (indexIn(text, head, from, to) >= 0) {
                Matcher m = gap.matcher(text).region(from, to);
                while (m.find()) {
                    out.add(new Hit(m.start(), m.end()));
                }
            }
            return out;
        }

        Hit at(String text, int at, int to) {
            if (gap == null) {
                return text.startsWith(this.text, at) && at + this.text.length() <= to
                        ? new Hit(at, at + this.text.length()) : null;
            }
            if (!(at + head.length() <= to && text.startsWith(head, at))) {
                return null;
            }
            Matcher m = gap.matcher(text).region(at, to);
            return m.lookingAt() ? new Hit(m.start(), m.end()) : null;
        }

        boolean endsIn(String s) {
            if (gap == null) {
                return s.endsWith(text);
            }
            if (!s.endsWith(tail)) {
                return false;
            }
            Matcher m = gap.matcher(s);
            while (m.find()) {
                if (m.end() == s.length()) {
                    return true;
                }
            }
            return false;
        }

        /** First occurrence of w lying entirely inside [from, to), or -1 (String.indexOf would scan to the end). */
        static int indexIn(String text, String w, int from, int to) {
            int n = w.length();
            if (n == 0) {
                return from < to ? from : -1;
            }
            char first = w.charAt(0);
            for (int i = Math.max(from, 0), last = Math.min(to, text.length()) - n; i <= last; i++) {
                if (text.charAt(i) == first && text.regionMatches(i + 1, w, 1, n - 1)) {
                    return i;
                }
            }
            return -1;
        }

        /** Does an occurrence lying inside [at, to) start at {@code at}? */
        boolean startsAt(String text, int at, int to) {
            if (gap == null) {
                return at + this.text.length() <= to && text.startsWith(this.text, at);
            }
            return at + head.length() <= to && text.startsWith(head, at) && gap.matcher(text).region(at, to).lookingAt();
        }

        boolean foundIn(String s) {
            return gap == null ? s.contains(text) : s.contains(head) && gap.matcher(s).find();
        }
    }
}
