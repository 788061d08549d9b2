package fazhi.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject terms of the catalog's phrasings (what is counted: "行政复议案件", "执法…主体") and where they
 * stand in a text: which terms a sentence names, the longest one in a window, the one named last, one right
 * after a figure, and whether an occurrence is joined to another noun ("诉讼及复议案件": a combined count).
 * Literal terms are walked in a trie, terms with a gap ("…", up to six characters without punctuation) are
 * matched by regex. Immutable; safe to share between threads.
 */
final class SubjectTerms {

    /** How far around a grassroots term another kind of the same list is looked for. */
    private static final int SIBLING_REACH = 80;

    /** Punctuation that ends the short stretch between a figure and a subject right after it. */
    static final Pattern PUNCT = Pattern.compile("[\\s、,.:;\"'“”‘’《》()\\[\\]-]");
    /** PUNCT's answer for every char, worked out once: a matcher per character tested cost more than the test. */
    private static final boolean[] PUNCT_CHARS = punctChars();
    private static final int RIGHT_REACH = 4;
    /** How many earlier items of a list a subject may look back through for a shared qualifier. */
    private static final int SHARED_ITEM_HOPS = 4;
    /** The longest unit between an item's figure and the list continuation (件, 件次, 个百分点). */
    private static final int MAX_UNIT_CHARS = 4;
    private static final int COMBINED_REACH = 12;
    private static final int FIGURE_BEFORE_REACH = 4;

    private final ExtractionLexicon lex;
    /** Every distinct term of the catalog, longest first (one copy of each text). */
    private final List<Term> all;
    /** Every distinct term, indexed as {@link #namedIn} reports them. */
    private final List<Term> unique;
    /** Indexes into {@code unique} of the terms with a gap, by the term's first character. */
    private final int[][] gapTermsByInitial;
    private final LiteralTrie literal;
    /** Indexes into {@code gapTerms} of those with a literal head, by the head's first character. */
    private final int[][] gapHeadsByInitial;
    /** The terms with a gap, longest first. */
    private final List<Term> gapTerms;
    /** For each of {@code all}: the context words of a term only phrasings with context words name, else null. */
    private final List<List<String>> allContexts;
    /** For each of {@code all}: its index in {@code unique} (as {@link #namedIn(String, int, int)} reports it). */
    private final int[] allIndexes;
    /** The lexicon's word lists tested at a position, by the character their words end (start) with. */
    private final WordsByChar subsetQualifiersByLast;
    private final WordsByChar subsetQualifierWholesByLast;
    private final WordsByChar partQualifiersByLast;
    private final WordsByChar partQualifiersBesideKindsByLast;
    private final WordsByChar categoryMarkersByLast;
    private final WordsByChar categoryTotalsByLast;
    private final WordsByChar partQualifierPlaceLeadsByLast;
    private final WordsByChar listNounsByFirst;
    private final WordsByChar subjectModifierSuffixesByFirst;
    private final WordsByChar subjectCategoryBeforeFigureByFirst;
    private final WordsByChar combinedWordsByFirst;
    private final WordsByChar notCombinedByFirst;
    private final WordsByChar combineConjunctionsByLast;
    private final WordsByChar combineConjunctionsByFirst;
    private final WordsByChar listContinuationsByLast;
    /** Which of {@code unique} name what a count counts (not "纠错率", not "纠错" of a share). */
    private final boolean[] subject;

    /**
     * @param uniqueInOrder   each distinct term once, indexed as {@link #namedIn(String, int, int)} reports them
     * @param longestFirstAll every term of the catalog, longest first (duplicates allowed)
     * @param countSubjects   the terms that name what a count counts (not a rate's name, not a share's base)
     */
    SubjectTerms(ExtractionLexicon lex, List<Term> uniqueInOrder, List<Term> longestFirstAll,
                 Set<String> countSubjects) {
        this(lex, uniqueInOrder, longestFirstAll, countSubjects, Map.of());
    }

    /**
     * @param boundTerms the terms named only by phrasings with context words, with those words: such a term is a
     *                   topic ({@link #last}) only where one of its words is named before it in its line
     */
    SubjectTerms(ExtractionLexicon lex, List<Term> uniqueInOrder, List<Term> longestFirstAll,
                 Set<String> countSubjects, Map<String, Set<String>> boundTerms) {
        this.lex = lex;
        this.subsetQualifiersByLast = WordsByChar.byLast(lex.subsetQualifiers);
        this.subsetQualifierWholesByLast = WordsByChar.byLast(lex.subsetQualifierWholes);
        this.partQualifiersByLast = WordsByChar.byLast(lex.partQualifiers);
        this.partQualifiersBesideKindsByLast = WordsByChar.byLast(lex.partQualifiersBesideKinds);
        this.categoryMarkersByLast = WordsByChar.byLast(lex.categoryMarkers);
        this.categoryTotalsByLast = WordsByChar.byLast(lex.categoryTotals);
        this.partQualifierPlaceLeadsByLast = WordsByChar.byLast(lex.partQualifierPlaceLeads);
        this.listNounsByFirst = WordsByChar.byFirst(lex.listNouns);
        this.subjectModifierSuffixesByFirst = WordsByChar.byFirst(lex.subjectModifierSuffixes);
        this.subjectCategoryBeforeFigureByFirst = WordsByChar.byFirst(lex.subjectCategoryBeforeFigure);
        this.combinedWordsByFirst = WordsByChar.byFirst(lex.combinedWords);
        this.notCombinedByFirst = WordsByChar.byFirst(lex.notCombined);
        this.combineConjunctionsByLast = WordsByChar.byLast(lex.combineConjunctions);
        this.combineConjunctionsByFirst = WordsByChar.byFirst(lex.combineConjunctions);
        this.listContinuationsByLast = WordsByChar.byLast(lex.listContinuations);
        this.unique = List.copyOf(uniqueInOrder);
        this.subject = new boolean[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            subject[i] = countSubjects.contains(unique.get(i).text);
        }
        Set<String> seen = new HashSet<>();
        this.all = longestFirstAll.stream().filter(t -> seen.add(t.text)).toList();
        this.allContexts = all.stream().map(t -> boundTerms.containsKey(t.text)
                ? List.copyOf(boundTerms.get(t.text)) : null).toList();
        this.gapTerms = all.stream().filter(t -> t.gap != null).toList();
        Map<String, Integer> uniqueIndex = new HashMap<>();
        for (int i = 0; i < unique.size(); i++) {
            uniqueIndex.putIfAbsent(unique.get(i).text, i);
        }
        this.allIndexes = all.stream().mapToInt(t -> uniqueIndex.getOrDefault(t.text, -1)).toArray();
        this.gapHeadsByInitial = new int[Character.MAX_VALUE + 1][];
        for (int g = 0; g < gapTerms.size(); g++) {
            String head = gapTerms.get(g).head;
            if (!head.isEmpty()) {
                int[] old = gapHeadsByInitial[head.charAt(0)] == null ? new int[0] : gapHeadsByInitial[head.charAt(0)];
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = g;
                gapHeadsByInitial[head.charAt(0)] = grown;
            }
        }
        this.gapTermsByInitial = new int[Character.MAX_VALUE + 1][];
        this.literal = new LiteralTrie();
        for (int i = 0; i < unique.size(); i++) {
            if (unique.get(i).gap == null) {
                literal.add(unique.get(i).text, i);
                continue;
            }
            char c = unique.get(i).text.charAt(0);
            int[] old = gapTermsByInitial[c] == null ? new int[0] : gapTermsByInitial[c];
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = i;
            gapTermsByInitial[c] = grown;
        }
    }

    /** Every distinct term, longest first. */
    List<Term> all() {
        return all;
    }

    /** Which distinct terms occur in [from, to) (indexed as the terms given to the constructor). */
    boolean[] namedIn(String text, int from, int to) {
        boolean[] out = new boolean[unique.size()];
        markStarting(text, from, to, to, out);
        return out;
    }

    /**
     * As {@link #namedIn(String, int, int)}, given what it found in [known, to) (from &lt;= known): only the terms
     * starting before {@code known} are looked for, those after it are the same.
     */
    boolean[] namedIn(String text, int from, int to, int known, boolean[] namedFromKnown) {
        boolean[] out = namedFromKnown.clone();
        markStarting(text, from, known, to, out);
        return out;
    }

    /** Marks in {@code out} the terms starting in [from, startsTo) and lying inside [from, to). */
    private void markStarting(String text, int from, int startsTo, int to, boolean[] out) {
        LiteralTrie.Visitor mark = (id, length) -> {
            out[id] = true;
            return false;
        };
        for (int i = from; i < startsTo; i++) {
            literal.walk(text, i, to, mark);
            int[] candidates = gapTermsByInitial[text.charAt(i)];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (!out[k] && unique.get(k).startsAt(text, i, to)) {
                    out[k] = true;
                }
            }
        }
    }

    /** Does a result of {@link #namedIn(String, int, int)} name what a count counts? */
    boolean anySubject(boolean[] named) {
        for (int i = 0; i < named.length; i++) {
            if (named[i] && subject[i]) {
                return true;
            }
        }
        return false;
    }

    boolean namedIn(String s) {
        for (Term t : all) {
            if (t.foundIn(s)) {
                return true;
            }
        }
        return false;
    }

    /** The longest term of the item and what follows it ("审结行政复议案件" gives "行政复议案件"). */
    String tail(String item) {
        Hit h = longestIn(item);
        return h == null ? null : item.substring(h.start());
    }

    /** The longest term of the item and what stands before it ("行政复议案件受理数" gives "行政复议案件"). */
    String head(String item) {
        Hit h = longestIn(item);
        return h == null ? null : item.substring(0, h.end());
    }

    /** Where the item's longest term starts (as {@link #head} finds it), or -1 when it names none. */
    int firstTermStart(String item) {
        Hit h = longestIn(item);
        return h == null ? -1 : h.start();
    }

    /** The first occurrence of the longest term the item names, or null. */
    private Hit longestIn(String item) {
        for (Term t : all) { // longest first
            List<Hit> hits = t.find(item, 0, item.length());
            if (!hits.isEmpty()) {
                return hits.get(0);
            }
        }
        return null;
    }

    /** Every occurrence of any term in [from, to) (term by term, longest first; each term's from the left). */
    List<Hit> hits(String text, int from, int to) {
        List<Hit> out = new ArrayList<>();
        LiteralHits lits = literalHits(text, from, to);
        for (int k = 0; k < all.size(); k++) {
            Term t = all.get(k);
            out.addAll(t.gap == null && allIndexes[k] >= 0 ? lits.of(allIndexes[k], t.text.length())
                    : t.find(text, from, to));
        }
        return out;
    }

    /** How many literal terms {@link #longest} looks for one by one before it walks the window's terms at once. */
    private static final int LITERAL_SCANS_BEFORE_WALK = 2;

    /** Every literal term lying inside [from, to), as {@link Term#find} finds each: one walk of the trie. */
    private LiteralHits literalHits(String text, int from, int to) {
        LiteralHits out = new LiteralHits(unique.size());
        for (int i = from; i < to; i++) {
            out.at = i;
            literal.walk(text, i, to, out);
        }
        return out;
    }

    /** The literal term occurrences of a window, (term index, start) in order of start. */
    private static final class LiteralHits implements LiteralTrie.Visitor {
        /** Past this many hits, each term's are chained (by {@link #first} and {@link #next}) rather than scanned. */
        private static final int CHAIN_FROM = 8;
        private final int termCount;
        private int[] ids = new int[16];
        private int[] starts = new int[16];
        private int n;
        private int at;
        /** For each term index, 1 + its first hit (0: none); for each hit, 1 + the next hit of its term. */
        private int[] first;
        private int[] next;

        LiteralHits(int termCount) {
            this.termCount = termCount;
        }

        @Override
        public boolean visit(int id, int length) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, 2 * n);
                starts = Arrays.copyOf(starts, 2 * n);
            }
            ids[n] = id;
            starts[n++] = at;
            return false;
        }

        /** The occurrences of one term, from the left (as {@link Term#find}). */
        List<Hit> of(int id, int length) {
            List<Hit> out = null;
            if (n > CHAIN_FROM) {
                if (first == null) {
                    first = new int[termCount];
                    next = new int[n];
                    for (int i = n - 1; i >= 0; i--) { // from the right, so each chain runs from the left
                        next[i] = first[ids[i]];
                        first[ids[i]] = i + 1;
                    }
                }
                for (int i = first[id] - 1; i >= 0; i = next[i] - 1) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new Hit(starts[i], starts[i] + length));
                }
                return out == null ? List.of() : out;
            }
            for (int i = 0; i < n; i++) {
                if (ids[i] == id) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new Hit(starts[i], starts[i] + length));
                }
            }
            return out == null ? List.of() : out;
        }
    }

    /** The longest occurrence of one of the terms in [from, to), neither inside 《》 nor joined to another noun. */
    Hit longest(String text, int from, int to, List<Term> terms, boolean[] inTitle, int lineStart) {
        return longest(text, from, to, terms, inTitle, lineStart, false);
    }

    /** @param countsLists the figure's unit counts lists: a term before a list noun names the lists */
    Hit longest(String text, int from, int to, List<Term> terms, boolean[] inTitle, int lineStart,
                boolean countsLists) {
        return longest(text, from, to, terms, null, null, inTitle, lineStart, countsLists);
    }

    /**
     * As {@link #longest(String, int, int, List, boolean[], int, boolean)}, not looking for the terms a wider
     * stretch of text around [from, to) does not name.
     *
     * @param indexes the terms' indexes as {@link #namedIn(String, int, int)} reports them (null: look for all)
     * @param named   what {@link #namedIn(String, int, int)} reported for a stretch holding [from, to)
     */
    Hit longest(String text, int from, int to, List<Term> terms, int[] indexes, boolean[] named,
                boolean[] inTitle, int lineStart, boolean countsLists) {
        Hit best = null;
        if (indexes == null && terms == all) {
            indexes = allIndexes;
        }
        LiteralHits lits = null;
        int literalSearches = 0;
        for (int k = 0; k < terms.size(); k++) {
            Term t = terms.get(k);
            // a term whose matches need not start with its first character is looked for whatever namedIn said
            boolean absent = named != null && indexes[k] >= 0 && !named[indexes[k]] && !t.head.isEmpty();
            List<Hit> found;
            if (absent) {
                found = null;
            } else if (t.gap == null && indexes != null && indexes[k] >= 0
                    && (lits != null || ++literalSearches > LITERAL_SCANS_BEFORE_WALK)) {
                // past a few terms, one walk of the window finds every literal term (the same hits, in order)
                lits = lits != null ? lits : literalHits(text, from, to);
                found = lits.of(indexes[k], t.text.length());
            } else {
                found = t.find(text, from, to);
            }
            for (int i = 0, n = found == null ? 0 : found.size(); i < n; i++) {
                Hit h = found.get(i);
                // only a hit longer than the best so far can be chosen: the checks are for those alone
                if ((best == null || h.length() > best.length()) && !inTitle(inTitle, h.start() - lineStart)
                        && !modified(text, h) && !(countsLists && listed(text, h)) && !partAround(text, h)
                        && !t.gapHolds(text, h, lex.subsetQualifiers) && !isCombinedAround(text, h)) {
                    best = h;
                }
            }
            if (best != null && best.length() >= t.text.length()) {
                break; // terms are sorted longest first
            }
        }
        return best;
    }

    /** The longest occurrence of any term in [from, to), as {@link #longest}. */
    Hit longest(String text, int from, int to, boolean[] inTitle, int lineStart) {
        return longest(text, from, to, all, inTitle, lineStart);
    }

    /**
     * As {@link #longest(String, int, int, boolean[], int)}, given what {@link #namedIn(String, int, int)}
     * reported for a stretch of text holding [from, to): the terms it does not name are not looked for.
     */
    Hit longest(String text, int from, int to, boolean[] named, boolean[] inTitle, int lineStart) {
        return longest(text, from, to, all, allIndexes, named, inTitle, lineStart, false);
    }

    /** Inside 《》 on the line the flags cover; a table row's context above that line is not looked up. */
    private static boolean inTitle(boolean[] inTitle, int at) {
        return at >= 0 && at < inTitle.length && inTitle[at];
    }

    /** The occurrence ending last before {@code to}, outside 《》. */
    Hit last(String text, int from, int to, boolean[] inTitle, int lineStart) {
        Hit best = null;
        LiteralHits lits = null;
        for (int i = 0; i < all.size(); i++) {
            Term t = all.get(i);
            // looked for from the start of the line, as a phrasing's context words are in its paragraph
            if (allContexts.get(i) != null && !anyNamed(text, Math.min(from, lineStart), to, allContexts.get(i))) {
                continue;
            }
            List<Hit> found;
            if (t.gap == null && allIndexes[i] >= 0) {
                lits = lits != null ? lits : literalHits(text, from, to);
                found = lits.of(allIndexes[i], t.text.length());
            } else {
                found = t.find(text, from, to);
            }
            for (Hit h : found) {
                if (inTitle(inTitle, h.start() - lineStart) || modified(text, h)) {
                    continue;
                }
                if (best == null || h.end() > best.end() || (h.end() == best.end() && h.length() > best.length())) {
                    best = new Hit(h.start(), h.end(), isCombined(text, h.start(), h.end()));
                }
            }
        }
        return best;
    }

    private static boolean anyNamed(String text, int from, int to, List<String> words) {
        for (String w : words) {
            int at = text.indexOf(w, from);
            if (at >= 0 && at + w.length() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * One of the terms starting at most four characters (no punctuation, no digit) after {@code from}, or
     * right after a short modifier ending in a relative marker ("40宗以区政府为当事人的行政诉讼案件"); not a
     * part ("14个乡镇调委会").
     */
    Hit rightAfter(String text, int from, int clauseEnd, List<Term> terms) {
        Hit h = rightAfterWithin(text, from, clauseEnd, terms, RIGHT_REACH);
        if (h != null) {
            return part(text, h.start()) ? null : h;
        }
        int reach = Math.min(clauseEnd, from + lex.relativeClauseReach);
        for (int k = from; k < reach; k++) {
            char c = text.charAt(k);
            if (isPunct(c) || FigureScanner.isDigit(c)) {
                return null;
            }
            for (String m : lex.relativeMarkers) {
                if (text.startsWith(m, k)) {
                    for (Term t : terms) {
                        Hit r = t.at(text, k + m.length(), clauseEnd);
                        if (r != null && !modified(text, r) && !part(text, r.start())
                                && !isCombined(text, r.start(), r.end())) {
                            return r;
                        }
                    }
                }
            }
        }
        return null;
    }

    private Hit rightAfterWithin(String text, int from, int clauseEnd, List<Term> terms, int reach) {
        for (int k = 0; k <= reach && from + k < clauseEnd; k++) {
            char c = text.charAt(from + k);
            if (k > 0 && isPunct(text.charAt(from + k - 1))) {
                return null;
            }
            if (FigureScanner.isDigit(c)) {
                return null;
            }
            for (Term t : terms) {
                Hit h = t.at(text, from + k, clauseEnd);
                if (h != null && !modified(text, h) && !listed(text, h) && !isCombined(text, h.start(), h.end())) {
                    return h; // "31个政务服务事项清单": a count of lists
                }
            }
        }
        return null;
    }

    /**
     * "乡镇调委会", "县级人民调解委员会": a term right after a part qualifier; "涉农民工讨薪法律援助案件": a
     * group or kind the cases are named for shortly before it; "信息公开类行政复议案件": a kind, not all kinds.
     */
    private boolean part(String text, int start) {
        String q = partQualifiersByLast.endingAt(text, start); // the first of the list ending there
        if (q != null && partQualifierPlaceLeadsByLast.endingAt(text, start - q.length()) == null) {
            // not "在各乡镇巡回演出": where the county's own work was done, not a part
            int qualifierAt = start - q.length();
            if (lex.partQualifierWholes.stream().noneMatch(w -> text.startsWith(w, qualifierAt))) {
                return true; // not "县级政务服务事项": the name of the county's own list
            }
        }
        if (partQualifiersBesideKindsByLast.endingAt(text, start) != null
                && IndicatorExtractor.containsAny(sentenceAround(text, start), lex.partKinds)) {
            return true;
        }
        for (String m : start > 0 && start <= text.length() ? categoryMarkersByLast.at(text.charAt(start - 1))
                : new String[0]) {
            int at = start - m.length();
            if (at > 0 && text.startsWith(m, at) && isIdeograph(text.charAt(at - 1))
                    && categoryTotalsByLast.endingAt(text, at) == null) {
                return true;
            }
        }
        return qualifiedSubset(text, start) || sharesQualifiedItem(text, start);
    }

    /** A subset qualifier at most subset_qualifier_reach characters (no punctuation, no digit) before the subject. */
    private boolean qualifiedSubset(String text, int start) {
        for (int gap = 0; gap <= lex.subsetQualifierReach && gap <= start; gap++) {
            int end = start - gap;
            if (gap > 0 && !isIdeograph(text.charAt(end))) {
                return false; // punctuation or a digit ends the noun phrase
            }
            if (subsetQualifiersByLast.endingAt(text, end) != null
                    && subsetQualifierWholesByLast.endingAt(text, end) == null) {
                return true; // "兼职调解员400人" a part, "专兼职调解员1241人" the whole
            }
        }
        return false;
    }

    /**
     * "因政府信息公开引起的行政复议13件、行政诉讼3件": a subject opening a later item of a list (after a list
     * continuation) shares the subset qualifier of the item before it, when that item is a subject, its figure
     * and a short unit.
     */
    private boolean sharesQualifiedItem(String text, int start) {
        int k = start;
        for (int hops = 0; hops < SHARED_ITEM_HOPS; hops++) {
            String cont = listContinuationsByLast.endingAt(text, k);
            if (cont == null) {
                return false;
            }
            int u = k - cont.length(); // back over the previous item's unit, then its figure
            int unitStart = u;
            while (unitStart > 0 && u - unitStart < MAX_UNIT_CHARS && isIdeograph(text.charAt(unitStart - 1))) {
                unitStart--;
            }
            int f = unitStart;
            while (f > 0 && (FigureScanner.isDigit(text.charAt(f - 1)) || text.charAt(f - 1) == '.')) {
                f--;
            }
            if (f == unitStart || unitStart == u) {
                return false; // no figure and unit: not an item of counts
            }
            int prev = termEndingAt(text, f);
            if (prev < 0) {
                return false;
            }
            if (qualifiedSubset(text, prev)) {
                return true;
            }
            k = prev;
        }
        return false;
    }

    /** The start of the longest subject term ending right at {@code end}, or -1. */
    private int termEndingAt(String text, int end) {
        for (int p = Math.max(0, end - literal.longest()); p < end; p++) {
            int at = p;
            if (literal.walk(text, p, end, (id, length) -> at + length == end)) {
                return p;
            }
        }
        return -1;
    }

    /** The sentence the position stands in, up to SIBLING_REACH characters either side (work stays linear). */
    private String sentenceAround(String text, int at) {
        int from = at;
        while (from > 0 && at - from < SIBLING_REACH && lex.sentenceEnds.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = at;
        while (to < text.length() && to - at < SIBLING_REACH && lex.sentenceEnds.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to);
    }

    /** Does a term in [from, to) stand as a part ("乡镇行政处罚案件", "县级调委会")? */
    boolean namesPart(String text, int from, int to) {
        for (Hit h : hits(text, from, to)) {
            if (partAround(text, h)) {
                return true;
            }
        }
        return false;
    }

    /** A part, judged on every term occurrence containing the hit ("乡镇人民调解委员会" for "调解委员会"). */
    private boolean partAround(String text, Hit h) {
        if (part(text, h.start())) {
            return true;
        }
        for (int p = Math.max(0, h.end() - literal.longest()); p < h.start(); p++) {
            int at = p;
            if (literal.walk(text, p, text.length(), (id, length) -> at + length >= h.end() && part(text, at))) {
                return true;
            }
        }
        return false;
    }

    /** "政务服务事项清单": the term before a list noun. */
    private boolean listed(String text, Hit h) {
        return listNounsByFirst.startingAt(text, h.end()) != null;
    }

    /** "行政处罚类", "涉及行政处罚的1015宗": the term names a category of the things, not the things. */
    private boolean modified(String text, Hit h) {
        if (h.end() >= text.length()) {
            return false; // no word starts at the end of the text
        }
        if (subjectModifierSuffixesByFirst.startingAt(text, h.end()) != null) {
            return true;
        }
        for (String w : subjectCategoryBeforeFigureByFirst.at(text.charAt(h.end()))) {
            int after = h.end() + w.length();
            if (text.startsWith(w, h.end()) && after < text.length()
                    && (Character.isDigit(text.charAt(after)) || FigureScanner.isNumeral(text.charAt(after)))) {
                return true;
            }
        }
        return false;
    }

    /** Combined, judged on the longest occurrence containing the hit ("政协提案" for "提案"). */
    private boolean isCombinedAround(String text, Hit h) {
        if (isCombined(text, h.start(), h.end())) {
            return true;
        }
        int from = Math.max(0, h.start() - COMBINED_REACH);
        int to = Math.min(text.length(), h.end() + COMBINED_REACH);
        // a longer literal term inside [from, to) containing the hit starts in [h.end - longest, h.start]
        int hitLength = h.length();
        for (int p = Math.max(from, h.end() - literal.longest()); p <= h.start(); p++) {
            int at = p;
            if (literal.walk(text, p, to, (id, length) -> length > hitLength && at + length >= h.end()
                    && isCombined(text, at, at + length))) {
                return true;
            }
        }
        boolean[] headIn = null;
        for (int g = 0; g < gapTerms.size(); g++) {
            Term t = gapTerms.get(g);
            if (t.text.length() <= h.length()) {
                continue;
            }
            if (!t.head.isEmpty()) {
                headIn = headIn != null ? headIn : gapHeadsIn(text, from, to);
                if (!headIn[g]) {
                    continue; // its literal head is not in the window: find would not run its regex
                }
            }
            for (Hit o : t.find(text, from, to)) {
                if (o.start() <= h.start() && o.end() >= h.end() && isCombined(text, o.start(), o.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Which of {@code gapTerms} have their literal head inside [from, to) (one pass over the window). */
    private boolean[] gapHeadsIn(String text, int from, int to) {
        boolean[] in = new boolean[gapTerms.size()];
        for (int p = from; p < to; p++) {
            int[] candidates = gapHeadsByInitial[text.charAt(p)];
            if (candidates == null) {
                continue;
            }
            for (int g : candidates) {
                String head = gapTerms.get(g).head;
                if (p + head.length() <= to && text.startsWith(head, p)) {
                    in[g] = true;
                }
            }
        }
        return in;
    }

    /** "诉讼及复议案件", "行政确权、行政复议、行政诉讼等": a term joined to another noun counts a combined total. */
    boolean isCombined(String text, int start, int end) {
        // an occurrence of the bucket word overlapping the term ("建议提案": 提案 is inside it)
        if (overlapping(combinedWordsByFirst, text, start, end)) {
            return true;
        }
        // two names of one kind joined ("招商协议、合同8份"): one bucket of that kind, not two kinds
        if (overlapping(notCombinedByFirst, text, start, end)) {
            return false;
        }
        // a conjunction joining it to a noun before or after it
        if (start > 0) {
            for (String c : combineConjunctionsByLast.at(text.charAt(start - 1))) {
                int b = start - c.length();
                if (b > 0 && text.startsWith(c, b) && isIdeograph(text.charAt(b - 1)) && !figureJustBefore(text, b)
                        && !inWord(text, b, b + c.length())) {
                    return true;
                }
            }
        }
        if (end < text.length()) {
            for (String c : combineConjunctionsByFirst.at(text.charAt(end))) {
                if (text.startsWith(c, end) && end + c.length() < text.length()
                        && isIdeograph(text.charAt(end + c.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Does one of the words occur overlapping [start, end) (starting before {@code end}, ending after start)? */
    private static boolean overlapping(WordsByChar words, String text, int start, int end) {
        for (int at = Math.max(0, start - words.longest + 1), last = Math.min(end, text.length()); at < last; at++) {
            for (String w : words.at(text.charAt(at))) {
                if (at >= start - w.length() + 1 && text.startsWith(w, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "参与重大决策审查": the conjunction's character is part of a word before the term. */
    private boolean inWord(String text, int start, int end) {
        for (String w : lex.conjunctionLookalikes) {
            int at = end - w.length();
            if (at >= 0 && text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /** "98件、政协提案143件", "六十五件、政协委员提案": a list of figures, not a noun joined to another. */
    boolean figureJustBefore(String text, int b) {
        for (int k = b - 1; k >= Math.max(0, b - FIGURE_BEFORE_REACH); k--) {
            char c = text.charAt(k);
            if (FigureScanner.isNumeral(c) || c == '%' || lex.placeholderCharacters.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] punctChars() {
        boolean[] punct = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            punct[c] = PUNCT.matcher(String.valueOf((char) c)).matches();
        }
        return punct;
    }

    static boolean isPunct(char c) {
        return PUNCT_CHARS[c];
    }

    /** {@code s} without its PUNCT characters (as {@code PUNCT.matcher(s).replaceAll("")}: the class holds no pair). */
    static String withoutPunct(String s) {
        StringBuilder kept = null;
        for (int i = 0; i < s.length(); i++) {
            if (PUNCT_CHARS[s.charAt(i)]) {
                if (kept == null) {
                    kept = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (kept != null) {
                kept.append(s.charAt(i));
            }
        }
        return kept == null ? s : kept.toString();
    }

    static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** An occurrence of a term; {@code combined}: joined to another noun (set by {@link #last}). */
    record Hit(int start, int end, boolean combined) {
        Hit(int start, int end) {
            this(start, end, false);
        }

        int length() {
            return end - start;
        }
    }

    /**
     * A subject term; "…" inside it is a gap of up to six characters without punctuation, "……" a topic of up to
     * sixteen that may list things with 、 and hold short asides in brackets but no other punctuation and no
     * digit ("代表关于……的建议" matches "代表关于住房、电力等方面的建议", "宪法进……活动" "宪法进村(社区)、进校园主题活动").
     */
    static final class Term {
        private static final String GAP = "…";

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
            return of(s, "");
        }

        /**
         * @param gapStops ideographs a gap never crosses ("法律援助中心从已结案件": 从 opens another phrase); the gap
         *                 lengths are the bundled lexicon's
         */
        static Term of(String s, String gapStops) {
            ExtractionLexicon lex = ExtractionLexicon.bundled();
            return of(s, gapStops, lex.gapShortMax, lex.gapTopicMax);
        }

        /**
         * @param shortGap the longest "…" gap, in characters
         * @param topicGap the longest "……" topic, in characters (a list of places "进企业、进农村、…" may be long)
         */
        static Term of(String s, String gapStops, int shortGap, int topicGap) {
            if (!s.contains(GAP)) {
                return new Term(s, null);
            }
            StringBuilder re = new StringBuilder();
            String[] parts = s.split(GAP, -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0 && parts[i].isEmpty() && i + 1 < parts.length) {
                    // a short aside in brackets may stand in a topic ("进村(社区)、进校园")
                    re.append("(?:[^,.:;。()\\s0-9").append(gapStops).append("]|\\([^,.:;。()\\s0-9]{1,4}\\)){0,").append(topicGap).append("}?");
                    i++; // "……": the empty part between its two marks
                } else if (i > 0) {
                    re.append("[^,.:;。、()\\s").append(gapStops).append("]{0,").append(shortGap).append("}?");
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

        /**
         * Does the gap of this hit hold one of the words ("法律援助民事案件" for "法律援助…案件": a kind of the
         * cases named inside the term, a part as it would be before it)?
         */
        boolean gapHolds(String text, Hit h, List<String> words) {
            // a topic gap ("委员关于……的提案") names what the things are about, never a part of them
            if (gap == null || this.text.contains(GAP + GAP)
                    || h.end() - tail.length() < h.start() + head.length()) {
                return false;
            }
            String inside = text.substring(h.start() + head.length(), h.end() - tail.length());
            return IndicatorExtractor.containsAny(inside, words);
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
