package fazhi.extract;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.Phrasing;

import static fazhi.extract.IndicatorExtractor.containsAny;
import static fazhi.extract.IndicatorExtractor.endsWithAny;
import static fazhi.extract.IndicatorExtractor.startsWithAny;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fazhi.extract.SubjectTerms.Hit;
import fazhi.extract.SubjectTerms.Term;

/**
 * Reads one figure against the catalog's phrasings: the indicators its kind and unit allow, each phrasing
 * whose subject the sentence names, then the ways a phrasing can govern the figure ({@link MatchKind}). A
 * rate is governed by the rate name right before it; a count by its subject before it in the window (with a
 * verb when the phrasing has verbs), right after it, or borrowed from the subject named last in the sentence.
 * The most specific match (longest subject + verb) wins. Immutable; safe to share between threads.
 */
final class PhrasingMatcher {

    /** How many characters the whole of a share may take ("占诉讼案件的"). */
    private static final int SHARE_BASE_REACH = 8;
    /** Separators ending a governing window (compiled once, not per call). */
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s、,:]+$");
    /** How far before a share ("占100%") the count it is a share of may be named. */
    private static final int SHARE_REACH = 24;
    /** How far after a rate its subject may stand ("100%实现全程网办"). */
    private static final int AFTER_REACH = 24;
    /** How far before a borrowed subject the rest word of a combination may stand ("及其他涉法文件"). */
    private static final int REST_REACH = 6;

    private final ExtractionLexicon lex;
    /** The words {@link #stripGoverning} strips from a window's end, list by list in the order it tries them. */
    private final List<WordsByChar> governingSuffixes;
    /** The word lists tested at one position, grouped by the character their words end (start) with. */
    private final WordsByChar verbNegationsByLast;
    private final WordsByChar listContinuationsByFirst;
    private final WordsByChar compositionOpeningsByFirst;
    /** The phrases {@link #withoutNeutralPhrases} removes, and the words {@link #leftover} removes, in order. */
    private final WordRemoval neutralPhrases;
    private final WordRemoval leftoverWords;
    private final SubjectTerms terms;
    /** The rate indicators, in catalog order: those a percentage can be. */
    private final List<CompiledIndicator> rateIndicators;
    /** The count indicators accepting a unit, in catalog order: those a figure with that unit can be. */
    private final Map<String, List<CompiledIndicator>> countIndicatorsByUnit;
    /** All count indicators, in catalog order: those a hedged count without a unit word can be ("370余,"). */
    private final List<CompiledIndicator> countIndicators;
    /** "行政复议、行政应诉和调解率" splits at 、 and at 和 before a rate name. */
    private final Pattern rateListSeparator;

    PhrasingMatcher(IndicatorCatalog catalog, ExtractionLexicon lex) {
        this.lex = lex;
        this.governingSuffixes = List.of(WordsByChar.byLast(lex.linkWords), WordsByChar.byLast(lex.priorYearCues),
                WordsByChar.byLast(lex.inheritFillers), WordsByChar.byLast(lex.priorValueMarkers),
                WordsByChar.byLast(List.copyOf(lex.qualifiersBefore.keySet())));
        this.verbNegationsByLast = WordsByChar.byLast(lex.verbNegations);
        this.listContinuationsByFirst = WordsByChar.byFirst(lex.listContinuations);
        this.compositionOpeningsByFirst = WordsByChar.byFirst(lex.compositionOpenings);
        this.neutralPhrases = new WordRemoval(lex.excludeNeutralPhrases);
        List<String> removed = new ArrayList<>(lex.inheritFillers);
        removed.addAll(lex.linkWords);
        removed.addAll(lex.priorYearCues);
        removed.addAll(lex.qualifiersBefore.keySet());
        this.leftoverWords = new WordRemoval(removed);
        List<CompiledIndicator> indicators = new ArrayList<>();
        List<Term> all = new ArrayList<>();
        Map<String, Integer> termIndex = new LinkedHashMap<>();
        List<Term> unique = new ArrayList<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            List<CompiledPhrasing> ps = new ArrayList<>();
            for (Phrasing p : d.phrasings()) {
                List<Term> ts = p.subjects().stream()
                        .map(s -> Term.of(s, lex.gapStops, lex.gapShortMax, lex.gapTopicMax))
                        .sorted(Comparator.comparingInt((Term t) -> t.text.length()).reversed()).toList();
                List<Term> share = p.shareOf().stream()
                        .map(s -> Term.of(s, lex.gapStops, lex.gapShortMax, lex.gapTopicMax)).toList();
                List<Term> named = new ArrayList<>(ts);
                named.addAll(share);
                int[] idx = new int[named.size()];
                for (int i = 0; i < named.size(); i++) {
                    Term t = named.get(i);
                    idx[i] = termIndex.computeIfAbsent(t.text, k -> {
                        unique.add(t);
                        return unique.size() - 1;
                    });
                }
                ps.add(new CompiledPhrasing(p.id(), ts, ExtractionLexicon.longestFirst(p.verbs()), idx, p.after(),
                        share, p.context()));
                if (d.isRate() || !p.after()) { // a count's subject read only right after its figure ("69件建议")
                    all.addAll(named);          // is no topic and no subject of the clauses around it
                }
            }
            indicators.add(new CompiledIndicator(d, ps, Set.copyOf(d.units())));
        }
        all.sort(Comparator.comparingInt((Term t) -> t.text.length()).reversed());
        Set<String> countSubjects = new java.util.HashSet<>();
        // a term that only phrasings with context words name ("案件" of a case-file review) is a subject only
        // where one of those words is named: elsewhere it is no topic a later verb can borrow ("案件量连续四年过万")
        Map<String, Set<String>> termContexts = new java.util.HashMap<>();
        Set<String> unbound = new java.util.HashSet<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            for (Phrasing p : d.phrasings()) {
                if (!d.isRate() && !p.after()) {
                    countSubjects.addAll(p.subjects());
                }
                for (String s : p.subjects()) {
                    if (p.context().isEmpty()) {
                        unbound.add(s);
                    } else {
                        termContexts.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).addAll(p.context());
                    }
                }
            }
        }
        unbound.forEach(termContexts::remove);
        this.terms = new SubjectTerms(lex, unique, all, countSubjects, termContexts);
        List<CompiledIndicator> rates = new ArrayList<>();
        Map<String, List<CompiledIndicator>> byUnit = new HashMap<>();
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
        Map<String, List<CompiledIndicator>> frozen = new HashMap<>();
        byUnit.forEach((u, l) -> frozen.put(u, List.copyOf(l)));
        this.countIndicatorsByUnit = Map.copyOf(frozen);
        this.countIndicators = indicators.stream().filter(ci -> !ci.def.isRate()).toList();
        String rateChars = String.join("", lex.rateSuffixes); // one character each
        this.rateListSeparator = Pattern.compile("、|(?:" + String.join("|",
                lex.rateListConjunctions.stream().map(Pattern::quote).toList())
                + ")(?=[^" + rateChars + "]{0," + lex.rateListNameMax + "}[" + rateChars + "])");
    }

    SubjectTerms terms() {
        return terms;
    }

    /**
     * The longest of the phrasing's subjects in [from, to), as {@link SubjectTerms#longest}; a subject the reading's
     * topic (its sentence, or the sentences it continues) does not name is not looked for in a part of it.
     */
    private Hit longestSubject(Reading r, CompiledPhrasing p, int from, int to, boolean countsLists) {
        return terms.longest(r.text, from, to, p.subjects, p.termIndexes, r.presentCovers(from, to) ? r.present : null,
                r.inTitle, r.lineStart, countsLists);
    }

    /** The longest of all terms in [from, to), as {@link SubjectTerms#longest}, looked for as {@link #longestSubject}. */
    private Hit longestTerm(Reading r, int from, int to) {
        return r.presentCovers(from, to) ? terms.longest(r.text, from, to, r.present, r.inTitle, r.lineStart)
                : terms.longest(r.text, from, to, r.inTitle, r.lineStart);
    }

    /** The best match of the figure being read, or null; a list of rates fills {@link Reading#each}. */
    Match bestMatch(Reading r) {
        Match best = null;
        // only the indicators the figure's kind and unit allow (the same, in the same order, as checked below)
        List<CompiledIndicator> candidates = r.figure.percent() ? rateIndicators
                : lex.unitImplied(r.text, r.figure) ? countIndicators
                : countIndicatorsByUnit.getOrDefault(r.figure.unitText(), List.of());
        for (CompiledIndicator ci : candidates) {
            IndicatorDefinition d = ci.def;
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
            if (!d.context().isEmpty() && (!containsAny(r.contextText(), d.context())
                    || d.isRate() && rivalAfterContext(r, d))) {
                continue;
            }
            if (!d.exclude().isEmpty() && (containsAny(withoutNeutralPhrases(excludeScope(r, d) + composition(r)), d.exclude())
                    || containsAny(contextClause(r, d), d.exclude())
                    || beneficiaryAfter(r, d))) {
                continue;
            }
            for (CompiledPhrasing p : ci.phrasings) {
                if (!p.namedIn(r.present) || !p.context.isEmpty() && !containsAny(r.contextText(), p.context)) {
                    continue;
                }
                Match m = d.isRate() ? matchRate(r, d, p) : matchCount(r, d, p);
                if (m != null && m.betterThan(best)) {
                    best = m;
                }
                if (m != null && m.kind == MatchKind.EACH && r.each.stream().noneMatch(e -> e.indicator == d)) {
                    r.each.add(m);
                }
            }
        }
        // "审查以县政府名义制发的规范性文件6件,均依法报市政府备案": the figure read with its own verb, and a later
        // clause saying every one of them went through another indicator's predicate: each claims the figure
        if (best != null && best.kind == MatchKind.BEFORE && r.each.isEmpty()) {
            for (Match later : r.laterForAll) {
                if (later.indicator != best.indicator) {
                    if (r.each.isEmpty()) {
                        r.each.add(best);
                    }
                    r.each.add(later);
                }
            }
            if (!r.each.isEmpty()) {
                best = new Match(best.indicator, best.phrasing, MatchKind.EACH, best.score, best.verbEnd);
            }
        }
        return best;
    }

    /**
     * What a parenthesis right after the figure says the count is made of ("结案86件(含…不予受理…)"), empty when
     * none follows it.
     */
    private String composition(Reading r) {
        int at = r.figure.end();
        if (compositionOpeningsByFirst.startingAt(r.text, at) == null) {
            return "";
        }
        int close = r.text.indexOf(')', at);
        return close < 0 || close > r.sentence.end() ? "" : r.text.substring(at, close);
    }

    /**
     * The scope of the excluding words without the phrases in which such a word only dates the figure
     * ("清理后全县现有持证执法人员867人": after the cleanup, not officers cleaned out).
     */
    private String withoutNeutralPhrases(String scope) {
        return neutralPhrases.from(scope);
    }

    /**
     * Where an excluding word is looked for: the window; for a later item of a list ("进驻部门36个、政务服务事项
     * 1016项") also the clause before the list's first item, whose verb the items share.
     */
    private String excludeScope(Reading r, IndicatorDefinition d) {
        String w = r.window();
        if (r.verbStart < r.clause.start() && !r.verbOnly && d.phrasings().stream().noneMatch(p -> containsAny(w, p.verbs()))) {
            // a part after 其中 counted by the total's verb: the total's words, then the part's own ("备案审查...文件76件,
            // 其中党内规范性文件18件、行政规范性文件9件": 备案 excludes a legality review, 党内 is the other item's);
            // a part with a verb of its own is read on its own ("审查、备案规范性文件54件,其中审查市级规范性文件27件")
            return r.text.substring(r.verbStart, r.clause.start()) + w;
        }
        if (listContinuationsByFirst.startingAt(w, 0) != null) {
            return r.text.substring(r.clause.start(), r.winEnd);
        }
        return w;
    }

    /**
     * The clause after a figure that ends its own clause opens by naming whom the figure served, with one of the
     * indicator's excluding words that begins with a beneficiary preposition ("提供法律意见226条,为企业开辟绿色通道").
     */
    private boolean beneficiaryAfter(Reading r, IndicatorDefinition d) {
        int at = Math.max(r.figure.end(), r.clause.end());
        if (!endsClause(r.text, Math.min(r.figure.end(), r.clause.end()), r.clause.end())) {
            return false;
        }
        while (at < r.sentence.end() && lex.clauseEnds.indexOf(r.text.charAt(at)) >= 0) {
            at++;
        }
        if (at >= r.sentence.end()) {
            return false;
        }
        for (String w : d.exclude()) {
            if (r.text.startsWith(w, at) && lex.beneficiaryPrepositions.stream().anyMatch(w::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rate whose window names none of its context words speaks of the context named last before it in the
     * sentence ("12348法律服务热线接听来电3200个,满意率99%"): the words that name it, from its clause's start
     * to the context word, are where its excluding words are looked for too ("12348法律服务热线"). So does a
     * count ("营商环境热线整合后…,受理工单约11.89万件": that line's tickets). Empty when the window names the
     * context itself.
     */
    private String contextClause(Reading r, IndicatorDefinition d) {
        if (d.context().isEmpty() || containsAny(r.window(), d.context())) {
            return "";
        }
        int last = -1;
        int lastEnd = -1;
        for (String c : d.context()) {
            int at = r.text.lastIndexOf(c, r.winStart - c.length());
            if (at > last) {
                last = at;
                lastEnd = at + c.length();
            }
        }
        if (last < r.sentence.start()) {
            return "";
        }
        int from = last;
        while (from > r.sentence.start() && lex.clauseEnds.indexOf(r.text.charAt(from - 1)) < 0) {
            from--;
        }
        return r.text.substring(from, lastEnd);
    }

    /** "任命行政复议员7名,化解行政诉讼案件26件,调撤率40.6%": the rival named after the context word is what the rate is of. */
    private boolean rivalAfterContext(Reading r, IndicatorDefinition d) {
        if (containsAny(r.window(), d.context())) {
            return false;
        }
        int last = -1;
        String rival = null;
        for (String c : d.context()) {
            int at = r.text.lastIndexOf(c, r.winStart - c.length());
            if (at > last) {
                last = at;
                rival = lex.rateContextRivals.get(c);
            }
        }
        return last >= 0 && rival != null
                && r.text.substring(last, r.winStart).indexOf(rival, 1) >= 0;
    }

    private Match matchRate(Reading r, IndicatorDefinition d, CompiledPhrasing p) {
        String gov = stripGoverning(r.window());
        // "报备率、及时率、规范率均达到100%": 均 gives the figure to every rate of the list before it
        String link = r.window().length() >= gov.length() ? r.window().substring(gov.length()) : "";
        String[] items = null;
        if (containsAny(link, lex.distributiveWords) && (gov.contains("、") || containsAny(gov, lex.rateListConjunctions))) {
            items = rateListSeparator.split(gov);
            boolean rates = items.length > 1;
            for (String item : items) {
                rates &= lex.isRateName(item);
            }
            if (!rates) {
                items = null;
            }
        }
        for (Term t : p.subjects) {
            if (t.endsIn(gov)) {
                return new Match(d, p.id, items == null ? MatchKind.BEFORE : MatchKind.EACH, 10 + t.text.length());
            }
        }
        if (items != null) {
            for (String item : items) {
                for (Term t : p.subjects) {
                    if (t.endsIn(item)) {
                        return new Match(d, p.id, MatchKind.EACH, 10 + t.text.length());
                    }
                }
            }
        }
        // "负责人出庭应诉26件,占100%": the share of the count named just before
        if (!p.shareOf.isEmpty() && endsWithShareWord(r.window())) {
            String before = r.text.substring(Math.max(r.sentence.start(), r.winStart - SHARE_REACH), r.winStart);
            // the count's own words may say it is more than this share's kind ("以调解、和解及其他方式化解…2353件,占40.37%")
            for (Term t : p.shareOf) {
                if (t.foundIn(before) && !containsAny(before, d.exclude())) {
                    return new Match(d, p.id, MatchKind.SHARE, 8);
                }
            }
            // "经调解撤回的案件占审结案件的15.5%": the things a share is of, named in its own clause with no count of theirs
            String own = r.window().substring(0, lastShareWord(r.window()));
            for (Term t : p.shareOf) {
                if (plainWords(own) && t.foundIn(own)) {
                    return new Match(d, p.id, MatchKind.SHARE, 8);
                }
            }
        }
        // "政务服务事项100%实现全程网办": the rate's subject after the figure, no other figure or rate between
        if (p.after && !namesRate(gov)) {
            String rest = r.text.substring(r.figure.end(), Math.min(r.clause.end(), r.figure.end() + AFTER_REACH));
            for (Term t : p.subjects) {
                List<Hit> hits = t.find(rest, 0, rest.length());
                if (!hits.isEmpty() && plainWords(rest.substring(0, hits.get(0).start()))) {
                    return new Match(d, p.id, MatchKind.AFTER, 5);
                }
            }
        }
        // "上年为87%,今年提升至96.5%": a bare figure continues the rate named before it in the sentence
        if (namesRate(gov) || leftover(gov, "").length() > lex.inheritMaxLeftover) {
            return null;
        }
        // a continued figure carries the words that named its rate: "行政执法案件的纠错率由31.18%降至10.98%"
        String named = r.text.substring(r.sentence.start(), r.winStart);
        if (containsAny(named, d.exclude())) {
            return null;
        }
        if (d.code().equals(r.lastRate)) {
            return new Match(d, p.id, MatchKind.CONTINUED, 1);
        }
        // "成功率提高了2个百分点,达到97%": the rate named last in the sentence, with no other rate after it
        String before = named;
        int lastRateWord = -1;
        for (String s : lex.rateSuffixes) {
            lastRateWord = Math.max(lastRateWord, before.lastIndexOf(s));
        }
        for (Term t : p.subjects) {
            if (lastRateWord >= 0 && t.endsIn(before.substring(0, lastRateWord + 1))) {
                return new Match(d, p.id, MatchKind.CONTINUED, 1);
            }
        }
        return null;
    }

    /** Where the last share word of the window starts (0 when it names none). */
    private int lastShareWord(String window) {
        int at = 0;
        for (String s : lex.shareWords) {
            at = Math.max(at, window.lastIndexOf(s));
        }
        return at;
    }

    private boolean endsWithShareWord(String window) {
        String w = window.strip();
        for (String s : lex.shareWords) {
            if (w.endsWith(s)) {
                return true;
            }
        }
        // "占诉讼案件的21.75%": the share word, the whole it is a share of, a modifier end
        for (String m : lex.modifierEnds) {
            if (w.endsWith(m)) {
                String base = w.substring(Math.max(0, w.length() - m.length() - SHARE_BASE_REACH), w.length() - m.length());
                for (String s : lex.shareWords) {
                    int at = base.lastIndexOf(s);
                    if (at >= 0 && plainWords(base.substring(at + s.length()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Words only: no figure and no rate name ("的区级政务服务事项可"). */
    private boolean plainWords(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (FigureScanner.isDigit(s.charAt(i)) || s.charAt(i) == '%') {
                return false;
            }
        }
        return !namesRate(s);
    }

    private boolean namesRate(String s) {
        for (String w : lex.rateSuffixes) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private Match matchCount(Reading r, IndicatorDefinition d, CompiledPhrasing p) {
        Figure f = r.figure;
        String window = r.window();
        if (!f.hasUnit()) { // "评查案卷370余,": only with the subject right before the figure
            Verb verb = nearestVerb(r.text, r.winStart, r.winEnd, p.verbs, false, r.meter);
            Hit left = p.verbs.isEmpty() || verb != null
                    ? longestSubject(r, p, r.winStart, r.winEnd, false) : null;
            return left != null && left.end() == f.start()
                    ? new Match(d, p.id, MatchKind.BEFORE, 10 + left.length() + (verb == null ? 0 : verb.word.length()),
                            verb == null ? 0 : verb.end)
                    : null;
        }
        Verb verb = nearestVerb(r.text, r.winStart, r.winEnd, p.verbs, false, r.meter);
        // a list item shares the verb of the list ("审核重大行政决策12件、行政规范性文件31件"), not a verb
        // inside a name before it ("人民调解组织...、预防纠纷651件")
        Verb sharedVerb = verb != null || r.verbStart >= r.winStart ? verb
                : nearestVerb(r.text, r.verbStart, r.winStart, p.verbs, true, r.meter);
        boolean verbsOk = p.verbs.isEmpty() || sharedVerb != null;
        // the figure's own predicate right after it ("规范性文件26件宣布继续有效")
        Verb own = p.verbs.isEmpty() ? null : ownPredicate(r.text, f.end(), Math.min(r.nextStart, r.clause.end()), p.verbs);
        if (own == null && !p.verbs.isEmpty()) { // "97卷（许可案卷16卷、处罚案卷81卷）跨部门评查": past the figure's breakdown
            int after = pastBracket(r.text, Segmenter.skipSpaces(r.text, f.end(), r.sentence.end()), r.sentence.end());
            if (after > f.end()) {
                own = ownPredicate(r.text, after, r.sentence.end(), p.verbs);
            }
        }
        Match best = null;
        // subject before the figure (not for a phrasing whose subject stands only right after its figure)
        if (!p.after && (verbsOk || own != null)) {
            Hit left = longestSubject(r, p, r.winStart, r.winEnd,
                    lex.listUnits.contains(f.unitText()));
            if (left != null && chineseFollowOk(r.text, f)) {
                if (verbsOk) {
                    best = new Match(d, p.id, MatchKind.BEFORE,
                            10 + left.length() + (sharedVerb == null ? 0 : sharedVerb.word.length()),
                            sharedVerb == null ? 0 : sharedVerb.end);
                }
                Match predicate = own == null ? null
                        : new Match(d, p.id, MatchKind.BEFORE, 10 + left.length() + own.word.length(), own.end);
                if (predicate != null && predicate.betterThan(best)) {
                    best = predicate;
                }
            }
        }
        // subject right after the figure: "80件规范性文件进行了清理"; in a list, the verb after the list
        // ("对188项涉企经营事项、13项证明事项和67项申请材料实行告知承诺")
        Hit right = terms.rightAfter(r.text, f.end(), r.clause.end(), p.subjects);
        if (right != null) {
            int verbEnd = lex.listSeparators.contains(r.text.substring(right.end(), r.nextStart).strip())
                    ? r.clause.end() : r.nextStart;
            Verb v = p.verbs.isEmpty() ? new Verb("", 0) : nearestVerb(r.text, r.winStart, verbEnd, p.verbs, false, r.meter);
            // "抽查57个执法单位240余宗案卷": the verb stands before an earlier figure of the clause that counts
            // something else (none of the phrasing's subjects before this figure)
            if (v == null && r.winStart > r.clause.start()
                    && longestSubject(r, p, r.clause.start(), f.start(), false) == null) {
                v = nearestVerb(r.text, r.clause.start(), r.winStart, p.verbs, false, r.meter);
            }
            String afterFigure = r.text.substring(f.end(), Math.max(f.end(), r.nextStart));
            // "27件规范性文件均经合法性把关并按时报送备案": every one of them went through both predicates, each
            // predicate's indicator claims the figure, its excluding words looked up in its own predicate only
            String joint = v == null ? null : jointPredicate(afterFigure, v.end - v.word.length() - f.end());
            // the excluding words after the figure, as before it, without the phrases where they name no kind
            // ("将1558项政务服务事项纳入“一网通办”平台统一管理": the platform keeps them all)
            if (v != null && !containsAny(withoutNeutralPhrases(joint != null ? joint : afterFigure), d.exclude())) {
                int score = 10 + right.length() + v.word.length();
                if (best == null || score > best.score) {
                    best = new Match(d, p.id, joint != null ? MatchKind.EACH : MatchKind.AFTER, score, v.end);
                }
            }
        }
        if (p.after) {
            return best; // "69件建议": the noun after the figure names it; before one, or borrowed, it may be anyone's
        }
        // subject before, no verb in the clause, the figure ending it, the verb in a later clause of the sentence
        // before the clause of its next figure, no other subject between ("证明事项共29项,经研究全部予以取消", "规范性文件9件,
        // 均按要求报县人大常委会备案"); the least specific reading of a subject: a phrasing without verbs wins
        if (best == null && !p.verbs.isEmpty() && sharedVerb == null && chineseFollowOk(r.text, f)
                && r.laterStart > r.clause.end() && endsClause(r.text, f.end(), r.clause.end())) {
            Hit left = longestSubject(r, p, r.winStart, r.winEnd,
                    lex.listUnits.contains(f.unitText()));
            Verb later = left == null ? null : earliestVerb(r.text, r.clause.end(), r.laterStart, p.verbs);
            // ... not a verb of a procedure the sentence requires ("事项共9项,…承办单位须落实…合法性审查等程序")
            String toVerb = later == null ? "" : r.text.substring(r.clause.end(), later.end);
            if (later != null && terms.hits(r.text, r.clause.end(), later.end - later.word.length()).isEmpty()
                    && !containsAny(toVerb, lex.inheritBlockers) && !containsAny(toVerb, lex.requirementCues)) {
                Match m = new Match(d, p.id, MatchKind.VERB_LATER, 5 + later.word.length(), 0);
                if (containsAny(toVerb, lex.distributiveWords)
                        && r.laterForAll.stream().noneMatch(e -> e.indicator == d)) {
                    r.laterForAll.add(m); // "…均依法报市政府备案": said of every one of them
                }
                return m;
            }
        }
        // only a link word: the clause continues the subject named last ("案件同比增长15.6%,达到2310件")
        if (best == null && p.verbs.isEmpty() && chineseFollowOk(r.text, f) && containsAny(window, lex.linkWords)
                && leftover(window, "").isEmpty()
                && longestTerm(r, r.winStart, r.winEnd) == null) {
            Hit topic = terms.last(r.text, r.topicStart, r.winStart, r.inTitle, r.lineStart);
            if (topic != null && !topic.combined()) {
                String topicText = r.text.substring(topic.start(), topic.end());
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        return new Match(d, p.id, MatchKind.CONTINUED, 1, 0);
                    }
                }
            }
        }
        // verb only: borrow the subject named last in the sentence ("收到申请19件,受理19件,审结16件"), or in
        // the sentence before when this one names none ("无上年结转;年内审结135件")
        if (best == null && verb != null && chineseFollowOk(r.text, f)
                && longestTerm(r, r.winStart, r.winEnd) == null
                && !containsAny(window, lex.inheritBlockers)
                && leftover(window, verb.word).length() <= lex.inheritMaxLeftover) {
            Hit topic = terms.last(r.text, r.topicStart, r.winStart, r.inTitle, r.lineStart);
            // opinions given on what was reviewed do not stand between the reviewed things and a later verb
            // ("审查…文件108件,出具合法性审查意见87件,报市政府备案48件": the documents were filed)
            while (topic != null && lex.inheritTransparentSubjects.contains(r.text.substring(topic.start(), topic.end()))) {
                topic = terms.last(r.text, r.topicStart, topic.start(), r.inTitle, r.lineStart);
            }
            if (topic != null && lex.firstKindVerbs.contains(verb.word)) {
                int rest = restBefore(r.text, topic.start(), r.topicStart); // "…及其他涉法文件": back to the named kind
                if (rest >= 0) {
                    topic = terms.last(r.text, r.topicStart, rest, r.inTitle, r.lineStart);
                }
            }
            if (topic != null && (!topic.combined() || firstKindOfRest(r.text, topic, verb))) {
                String topicText = r.text.substring(topic.start(), topic.end());
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        best = new Match(d, p.id, MatchKind.INHERITED, verb.word.length(), verb.end);
                        break;
                    }
                }
            }
        }
        // a clause of only fillers sums up the sentence so far: "逐件梳理行政规范性文件,共136件",
        // "分两批取消证明事项,合计105项" (verb and subject both borrowed; the least specific reading)
        if (best == null && verb == null && !p.verbs.isEmpty() && chineseFollowOk(r.text, f)
                && r.winStart > r.sentence.start() && r.sentence.start() >= r.lineStart
                && leftover(window, "").isEmpty()) {
            Verb before = nearestVerb(r.text, r.sentence.start(), r.winStart, p.verbs, true, r.meter);
            Hit topic = before == null ? null : terms.last(r.text, r.sentence.start(), r.winStart, r.inTitle, r.lineStart);
            if (topic != null && !topic.combined()) {
                String topicText = r.text.substring(topic.start(), topic.end());
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        return new Match(d, p.id, MatchKind.INHERITED, 0, 0); // a verb after the figure wins
                    }
                }
            }
        }
        // figure first, verb after, subject borrowed: "63件行政复议案件由县司法局办理,54件已办结"
        if (best == null && verb == null && !p.verbs.isEmpty() && chineseFollowOk(r.text, f)
                && longestTerm(r, r.winStart, r.winEnd) == null
                && terms.rightAfter(r.text, f.end(), r.clause.end(), terms.all()) == null
                && !containsAny(window, lex.inheritBlockers)
                && (leftover(window, "").length() <= lex.inheritMaxLeftover
                    || (own != null && endsWithAny(window.strip(), lex.modifierEnds)))) {
            Verb after = nearestVerb(r.text, f.end(), Math.max(f.end(), r.nextStart), p.verbs, false, r.meter);
            Hit topic = after == null ? null : terms.last(r.text, r.topicStart, r.winStart, r.inTitle, r.lineStart);
            if (topic != null && !topic.combined()) {
                String topicText = r.text.substring(topic.start(), topic.end());
                for (Term t : p.subjects) {
                    if (t.foundIn(topicText)) {
                        // the least specific reading: a verb in the window of another indicator wins
                        best = new Match(d, p.id, MatchKind.INHERITED, 1, 0);
                        break;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The words after a figure up to a distributive word, then the one predicate holding the verb at {@code verbAt},
     * when the distributive word stands before that verb and a predicate conjunction joins it to another
     * predicate after the distributive word ("规范性文件均经合法性把关并按时报送备案"); null otherwise.
     */
    private String jointPredicate(String afterFigure, int verbAt) {
        int dist = -1;
        for (String w : lex.distributiveWords) {
            int at = afterFigure.indexOf(w);
            if (at >= 0 && at < verbAt && (dist < 0 || at < dist)) {
                dist = at;
            }
        }
        if (dist < 0 || verbAt < 0) {
            return null;
        }
        int from = dist;
        int to = afterFigure.length();
        boolean joined = false;
        for (String c : lex.predicateConjunctions) {
            for (int at = afterFigure.indexOf(c, dist); at >= 0; at = afterFigure.indexOf(c, at + c.length())) {
                joined = true;
                if (at + c.length() <= verbAt) {
                    from = Math.max(from, at + c.length());
                } else if (at >= verbAt) {
                    to = Math.min(to, at);
                }
            }
        }
        return joined ? afterFigure.substring(0, dist) + afterFigure.substring(from, to) : null;
    }

    /** Nothing but a qualifier word and punctuation between the figure's end and its clause's end. */
    private boolean endsClause(String text, int from, int clauseEnd) {
        String rest = SubjectTerms.withoutPunct(text.substring(from, clauseEnd));
        for (String q : lex.qualifiersAfterUnit.keySet()) {
            if (rest.equals(q)) {
                return true;
            }
        }
        return rest.isEmpty();
    }

    /**
     * A verb of the list standing right after the figure's unit in [from, to), only predicate leads ("予以",
     * "宣布") before it: the figure's own predicate ("7件宣布失效"); null: none.
     */
    private Verb ownPredicate(String text, int from, int to, List<String> verbs) {
        int at = Segmenter.skipSpaces(text, from, to);
        for (boolean lead = true; lead; ) {
            lead = false;
            for (String w : lex.predicateLeads) {
                if (text.startsWith(w, at) && at + w.length() < to) {
                    at += w.length();
                    lead = true;
                    break;
                }
            }
        }
        for (String v : verbs) {
            if (text.startsWith(v, at) && at + v.length() <= to && !joined(text, at, at + v.length(), verbs)) {
                return new Verb(v, at + v.length());
            }
        }
        return null;
    }

    /**
     * Past a bracketed aside opening at {@code at} and closing before {@code to} (a breakdown of the figure between it
     * and its own predicate: "97卷（许可案卷16卷、处罚案卷81卷）跨部门评查"); {@code at} itself when there is none.
     */
    private static int pastBracket(String text, int at, int to) {
        if (at >= to || (text.charAt(at) != '（' && text.charAt(at) != '(')) {
            return at;
        }
        for (int i = at + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c == '）' || c == ')') {
                return i + 1;
            }
            if (c == '（' || c == '(' || c == '。') {
                return at;
            }
        }
        return at;
    }

    /** The verb of the list starting first in [from, to), not negated and not joined to another; null: none. */
    private Verb earliestVerb(String text, int from, int to, List<String> verbs) {
        Verb best = null;
        String span = text.substring(from, to); // searches stay inside the sentence
        for (String v : verbs) {
            for (int i = span.indexOf(v); i >= 0; i = span.indexOf(v, i + 1)) {
                int at = from + i;
                if (!negated(text, at) && !joined(text, at, at + v.length(), verbs)) {
                    if (best == null || at < best.end - best.word.length()) {
                        best = new Verb(v, at + v.length());
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** A verb of a phrasing where it stands: the word and where it ends. */
    private record Verb(String word, int end) {
    }

    /**
     * "及其他涉法文件": where the conjunction before a rest word starts, when the rest word stands at most
     * REST_REACH characters (ideographs) before {@code at}; -1: none.
     */
    private int restBefore(String text, int at, int from) {
        for (int k = at; k >= Math.max(from, at - REST_REACH); k--) {
            if (k < at && !SubjectTerms.isIdeograph(text.charAt(k))) {
                return -1;
            }
            for (String w : lex.combinedRestWords) {
                if (text.startsWith(w, k)) {
                    for (String c : lex.combineConjunctions) {
                        if (k - c.length() >= from && text.startsWith(c, k - c.length())) {
                            return k - c.length();
                        }
                    }
                }
            }
        }
        return -1;
    }

    /**
     * "规范性文件及其他涉法文件...备案48件": the topic is named first, joined to the vague rest of the things (a
     * combine conjunction and a rest word right after it), and the verb is one only the named kind undergoes.
     */
    private boolean firstKindOfRest(String text, Hit topic, Verb verb) {
        if (!lex.firstKindVerbs.contains(verb.word)) {
            return false;
        }
        for (String c : lex.combineConjunctions) {
            if (text.startsWith(c, topic.end())) {
                int rest = topic.end() + c.length();
                return lex.combinedRestWords.stream().anyMatch(w -> text.startsWith(w, rest));
            }
        }
        return false;
    }

    /**
     * The verb of the list standing nearest before {@code to} in [from, to) (the longer at the same end),
     * not negated ("不予受理") and not joined to another verb ("失效和废止38件": a combined count); null: none.
     *
     * @param outsideTerms also not inside a subject term ("人民调解组织" holds no verb 调解)
     */
    private Verb nearestVerb(String text, int from, int to, List<String> verbs, boolean outsideTerms,
                             WorkMeter meter) {
        Verb best = null;
        List<Hit> names = outsideTerms ? terms.hits(text, from, to) : List.of();
        meter.add(Math.max(0, to - from));
        for (String v : verbs) {
            // backwards within [from, to) only: String.lastIndexOf would scan to the start of the text
            for (int at = to - v.length(); at >= from; at--) {
                if (!text.startsWith(v, at)) {
                    continue;
                }
                int end = at + v.length();
                if (!negated(text, at) && !joined(text, at, end, verbs) && !inside(names, at, end)) {
                    if (best == null || end > best.end || (end == best.end && v.length() > best.word.length())) {
                        best = new Verb(v, end);
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * "失效和废止": a verb joined to another word by a conjunction -- unless that word is another verb of the same
     * list ("新申领和换发行政执法证件738个": both verbs count the same thing, the figure is theirs together).
     */
    private boolean joined(String text, int start, int end, List<String> verbs) {
        for (String c : lex.verbConjunctions) {
            int b = start - c.length();
            if (b > 0 && text.startsWith(c, b) && SubjectTerms.isIdeograph(text.charAt(b - 1))
                    && !terms.figureJustBefore(text, b)
                    && verbs.stream().noneMatch(v -> text.startsWith(v, b - v.length()) && b >= v.length())) {
                return true;
            }
            if (text.startsWith(c, end) && end + c.length() < text.length()
                    && SubjectTerms.isIdeograph(text.charAt(end + c.length()))
                    && !FigureScanner.isNumeral(text.charAt(end + c.length())) // "予以废止、三件宣布失效": the next item
                    && !startsWithAny(text, end + c.length(), lex.verbCompanions) // "审查、备案政府合同"
                    && !startsWithAny(text, end + c.length(), verbs)) {
                return true;
            }
        }
        return false;
    }

    private boolean negated(String text, int at) {
        return verbNegationsByLast.endingAt(text, at) != null;
    }

    private static boolean inside(List<Hit> names, int start, int end) {
        for (Hit h : names) {
            if (h.start() <= start && h.end() >= end) {
                return true;
            }
        }
        return false;
    }

    /** A Chinese-numeral figure must be followed by a listed character (三项制度 is no figure). */
    private boolean chineseFollowOk(String text, Figure f) {
        return !lex.inSetPhrase(text, f);
    }

    /** The rate name governing a figure: the window without trailing link, time and hedge words. */
    private String stripGoverning(String window) {
        String s = window;
        boolean changed = true;
        while (changed) {
            changed = false;
            String t = TRAILING_SEPARATORS.matcher(s).replaceAll("");
            Matcher y = lex.trailingYear.matcher(t);
            if (y.find()) {
                t = t.substring(0, y.start());
            }
            for (WordsByChar words : governingSuffixes) {
                String w = words.endingAt(t, t.length());
                if (w != null) {
                    t = t.substring(0, t.length() - w.length());
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
        String s = lex.dateExpression.matcher(window).replaceAll("");
        if (!verb.isEmpty()) {
            int at = s.indexOf(verb); // as replaceFirst(Pattern.quote(verb), ""), without compiling a pattern
            if (at >= 0) {
                s = s.substring(0, at) + s.substring(at + verb.length());
            }
        }
        return SubjectTerms.withoutPunct(leftoverWords.from(s));
    }

    record CompiledIndicator(IndicatorDefinition def, List<CompiledPhrasing> phrasings, Set<String> units) {
    }

    /** @param termIndexes the subjects' indexes as {@link SubjectTerms#namedIn(String, int, int)} reports them */
    record CompiledPhrasing(String id, List<Term> subjects, List<String> verbs, int[] termIndexes, boolean after,
                            List<Term> shareOf, List<String> context) {
        boolean namedIn(boolean[] present) {
            for (int i : termIndexes) {
                if (present[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @param verbEnd where the verb read ends (0: none): at equal scores the verb nearer the figure wins */
    record Match(IndicatorDefinition indicator, String phrasing, MatchKind kind, int score, int verbEnd) {
        Match(IndicatorDefinition indicator, String phrasing, MatchKind kind, int score) {
            this(indicator, phrasing, kind, score, 0);
        }

        boolean betterThan(Match o) {
            return o == null || score > o.score || (score == o.score && verbEnd > o.verbEnd);
        }
    }

    /** Everything known about one figure while it is being read. */
    static class Reading {
        final String text;
        final Figure figure;
        /** The window before the figure: from the previous figure of the clause (or its start) to this one. */
        final int winStart;
        final int winEnd;
        final Span clause;
        /** Where the next figure of the clause starts (or the clause ends). */
        final int nextStart;
        /** Where the clause of the sentence's next figure with a unit starts (or the sentence ends): the reach of a later verb. */
        final int laterStart;
        final Span sentence;
        /** Where the list item or paragraph of the figure starts: the scope of context words. */
        final int blockStart;
        /** The rate read last in the sentence, if any. */
        final String lastRate;
        final boolean[] inTitle;
        final int lineStart;
        /** Which of the catalog's distinct subject terms the sentence names. */
        final boolean[] present;
        /** Where a verb for the window may stand: before the window when it continues a list. */
        final int verbStart;
        /** The verb before the window is shared from the clause before, its excluding words are not. */
        boolean verbOnly;
        /** Where a subject a verb-only clause borrows may stand: the sentence, or the one before if it names none. */
        final int topicStart;
        /** Counts the characters the verb searches examine (see {@link WorkMeter}). */
        final WorkMeter meter;
        /** The rates of a list the figure is given to each of ("响应率、办结率均为100%"). */
        final List<Match> each = new ArrayList<>(2);
        /** Readings by a later clause's verb said of all the figure's things ("…6件,均依法报市政府备案"). */
        final List<Match> laterForAll = new ArrayList<>(1);
        private String window;
        private String contextText;

        Reading(String text, Figure figure, int winStart, int winEnd, Span clause, int nextStart, int laterStart,
                Span sentence, int blockStart, String lastRate, boolean[] inTitle, int lineStart, boolean[] present, int verbStart,
                int topicStart, WorkMeter meter) {
            this.text = text;
            this.figure = figure;
            this.winStart = winStart;
            this.winEnd = winEnd;
            this.clause = clause;
            this.nextStart = nextStart;
            this.laterStart = laterStart;
            this.sentence = sentence;
            this.blockStart = blockStart;
            this.lastRate = lastRate;
            this.inTitle = inTitle;
            this.lineStart = lineStart;
            this.present = present;
            this.verbStart = verbStart;
            this.topicStart = topicStart;
            this.meter = meter;
        }

        /** Did {@link #present} look at all of [from, to) (it covers the topic to the end of the sentence)? */
        boolean presentCovers(int from, int to) {
            return present != null && from >= topicStart && to <= sentence.end();
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
                contextText = text.substring(blockStart, sentence.end());
            }
            return contextText;
        }
    }
}
