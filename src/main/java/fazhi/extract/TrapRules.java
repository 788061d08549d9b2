package fazhi.extract;

import fazhi.ingest.ChineseText;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.Phrasing;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Figures that are not levels of the report's year, read from the words around them: changes ("同比增长30%",
 * "减少12件"), prior-year values ("上年为87%", "由87%提升至"), targets ("力争达到98%"), other entities'
 * figures ("全省", and "全市" in a county's report), ordinals ("第3名"), ranks ("前10名"), durations ("3个工作日"),
 * ranges ("10%-20%"), and figures a clause attributes to another year ("2022年受理...30件" in the report on
 * 2023). Every word comes from the lexicon. (A change in 个百分点 or 倍 needs no rule: no indicator takes
 * those units.)
 */
final class TrapRules {

    private final ExtractionLexicon lex;
    private final Segmenter segmenter;
    /** The names of the prefectures and counties of the region table: a local unit named like one must be one. */
    private final Set<String> regionNames;
    /**
     * The period cues, each with what its matches hold: searched for one by one, and only where the sentence holds
     * that (most sentences name no month, quarter or span; one pass over the sentence tells which may match); a
     * search of all of them joined walks every alternative at every position.
     */
    private final AnyOfPatterns periodCues;
    /** The lexicon's other pattern lists searched per figure, each pattern with what its matches hold (the same). */
    private final List<RequiredText> toDateCues;
    private final List<RequiredText> toNowCues;
    private final List<RequiredText> subsetPatterns;
    private final List<RequiredText> subsetActorPatterns;
    private final List<RequiredText> subsetSentenceCausePatterns;
    private final List<RequiredText> localUnitActors;
    private final List<RequiredText> sentenceUnitActors;
    private final List<RequiredText> higherSpeakers;
    private final List<RequiredText> foreignScopeReferences;
    /** The word lists tested at one position, grouped by the character their words end (start) with. */
    private final WordsByChar ordinalPrefixesByLast;
    private final WordsByChar comparisonYearPrefixesByLast;
    private final WordsByChar yearLeadWordsByFirst;
    private final WordsByChar yearSpanFollowersByFirst;
    private final WordsByChar durationAfterUnitByFirst;

    TrapRules(ExtractionLexicon lex, Segmenter segmenter) {
        this(lex, segmenter, RegionTable.bundled());
    }

    TrapRules(ExtractionLexicon lex, Segmenter segmenter, RegionTable regions) {
        this.lex = lex;
        this.segmenter = segmenter;
        // the prefectures' and counties' names (a province is never a part in a report)
        this.regionNames = regions.all().stream().filter(r -> !r.code().endsWith("0000"))
                .map(Region::name).collect(Collectors.toUnmodifiableSet());
        this.periodCues = new AnyOfPatterns(RequiredText.of(lex.periodCues));
        this.toDateCues = RequiredText.of(lex.toDateCues);
        this.toNowCues = RequiredText.of(lex.toNowCues);
        this.subsetPatterns = RequiredText.of(lex.subsetPatterns);
        this.subsetActorPatterns = RequiredText.of(lex.subsetActorPatterns);
        this.subsetSentenceCausePatterns = RequiredText.of(lex.subsetSentenceCausePatterns);
        this.localUnitActors = RequiredText.of(lex.localUnitActors);
        this.sentenceUnitActors = RequiredText.of(lex.sentenceUnitActors);
        this.higherSpeakers = RequiredText.of(lex.higherSpeakers);
        this.foreignScopeReferences = RequiredText.of(lex.foreignScopeReferences);
        this.ordinalPrefixesByLast = WordsByChar.byLast(lex.ordinalPrefixes);
        this.comparisonYearPrefixesByLast = WordsByChar.byLast(lex.comparisonYearPrefixes);
        this.yearLeadWordsByFirst = WordsByChar.byFirst(lex.yearLeadWords);
        this.yearSpanFollowersByFirst = WordsByChar.byFirst(lex.yearSpanFollowers);
        this.durationAfterUnitByFirst = WordsByChar.byFirst(lex.durationAfterUnit);
    }

    /** A figure that cannot be a level whatever the words before it: ordinal, rank, duration, range, change unit. */
    boolean notALevel(String text, List<Figure> figures, int i) {
        Figure f = figures.get(i);
        return isOrdinal(text, f) || isRank(text, f) || isDuration(text, f) || isRange(text, figures, i);
    }

    /**
     * The words for a whole area in one report: {@code foreign} names another entity's (全省 / 全国 always, 全市 in a
     * county's), {@code own} the report's own (全县, and the area words that are not another's here: 全市 in a
     * city's report); {@code higherSpeakers}: a province's body quoted as a sentence's speaker is another entity
     * (in a report below a province's, or in a municipality's). Worked out once per report.
     */
    record AreaWords(List<String> foreign, List<String> own, boolean higherSpeakers) {
    }

    /**
     * The area words of a report of this level: a city's, province's or municipality's own words are its own
     * (null level: a county's when {@code county}, else only 全省 / 全国 are another's).
     */
    AreaWords areaWords(ReportLevel level, boolean county) {
        List<String> foreign = new ArrayList<>(lex.foreignEntityCues);
        // (a municipality's own bodies are 市…, so a 省 / 自治区 body quoted in its report is another province's:
        // "四川省法制办也说，…以省政府为被告的应诉案件126件" on a page about Shanghai)
        boolean higherSpeakers = (level != null || county) && level != ReportLevel.PROVINCE;
        if (level != null || county) {
            foreign.addAll(lex.higherCityCues);
            foreign.addAll(lex.townScopeWords); // "全镇…" in a county's report (or above): one town's part
        }
        if (level != null) {
            foreign.removeAll(lex.ownScopeByLevel.get(level));
        }
        List<String> own = new ArrayList<>(lex.ownScopeWords);
        for (List<String> cues : List.of(lex.foreignEntityCues, lex.higherCityCues)) {
            for (String c : cues) {
                if (!foreign.contains(c)) {
                    own.add(c);
                }
            }
        }
        return new AreaWords(List.copyOf(foreign), List.copyOf(own), higherSpeakers);
    }

    /** As {@link #isTrap(String, AreaWords)} in a report of unknown level, a county's when {@code county}. */
    boolean isTrap(String window, boolean county) {
        return isTrap(window, areaWords(null, county));
    }

    /**
     * Change figures, prior-year values, targets and other entities' figures, read from the window before the figure.
     *
     * @param area the report's area words ({@link #areaWords})
     */
    boolean isTrap(String window, AreaWords area) {
        return isTrap(window, area, false);
    }

    /**
     * As {@link #isTrap(String, AreaWords)}.
     *
     * @param earlierYearIsOwn the page speaks from the year after the report's ("召开2019年…交办会议,总结2018年办理情况。
     *                         …去年共承办…"): its 去年 is the report's year, no earlier one
     */
    boolean isTrap(String window, AreaWords area, boolean earlierYearIsOwn) {
        String tail = window.strip();
        String t = tail;
        for (String particle : lex.changeParticles) {
            if (t.endsWith(particle)) {
                t = t.substring(0, t.length() - particle.length()); // "增多了": the change verb before it
                break;
            }
        }
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
        for (String each : lex.perItemLeads) {
            if (t.endsWith(each)) {
                return true; // "各1场次": one for each of the things named before, not their total
            }
        }
        if (IndicatorExtractor.containsAny(window, lex.comparisonCues) || comparedWithYear(window)) {
            return true;
        }
        Matcher year = lex.year.matcher(window);
        for (String m : lex.priorValueMarkers) {
            if (tail.endsWith(m)) {
                return true;
            }
            int at = window.lastIndexOf(m);
            if (at >= 0 && year.region(at + m.length(), window.length()).lookingAt()) {
                return true; // "从2019年全年的15%"
            }
        }
        return (!earlierYearIsOwn && namesPriorYear(window))
                || IndicatorExtractor.containsAny(withoutWords(window, lex.targetCueExceptions), lex.targetCues)
                || namesUnplaced(window, area.foreign())
                || IndicatorExtractor.containsAny(window, lex.averageCues)
                || namesSubset(window);
    }

    /** An earlier year named in the window ("去年", "上年度"; not "上年结转", this year's workload). */
    boolean namesPriorYear(String window) {
        return IndicatorExtractor.containsAny(withoutWords(window, lex.priorYearCueExceptions), lex.priorYearCues);
    }

    /** A subset of the government's cases named in the window ("以区政府为被申请人", "通过诉调对接"). */
    boolean namesSubset(String window) {
        return IndicatorExtractor.containsAny(window, lex.subsetCues)
                || RequiredText.anyFinds(subsetPatterns, window);
    }

    private static String withoutWords(String s, List<String> words) {
        for (String w : words) {
            s = s.replace(w, "");
        }
        return s;
    }

    /**
     * Does another entity named earlier in the sentence set the scope of the figure ("2022年全省法院开庭审理的
     * 行政案件中,...出庭应诉率99.6%")? Not when the cue only places the county ("在全省率先") or the sentence
     * names the county's own scope after it ("全省推行...,我县受理...").
     */
    boolean foreignScope(String sentenceBefore, boolean county) {
        return foreignScope(sentenceBefore, areaWords(null, county));
    }

    /**
     * As {@link #foreignScope(String, boolean)} with the report's area words: its own words after the last foreign
     * one give the figure back to it ("全省受理5422件,全市受理312件" in a city's report: 312 is the city's).
     */
    boolean foreignScope(String sentenceBefore, AreaWords area) {
        Placing placing = new Placing(sentenceBefore);
        if (area.higherSpeakers() && quotesHigherSpeaker(sentenceBefore, area, placing)) {
            return true;
        }
        int last = -1;
        for (String c : area.foreign()) {
            for (int at = sentenceBefore.indexOf(c); at >= 0; at = sentenceBefore.indexOf(c, at + 1)) {
                if (!placing.placed(at)) {
                    last = Math.max(last, at);
                }
            }
        }
        if (last < 0) {
            return false;
        }
        String after = sentenceBefore.substring(last);
        for (String c : area.foreign()) {
            if (after.startsWith(c)) {
                after = after.substring(c.length()); // the cue itself ("全省" holds no own word, but "省级" ...)
                break;
            }
        }
        return !IndicatorExtractor.containsAny(after, area.own()) && !laterItemOfOwnLevel(after, area);
    }

    /**
     * Is the sentence a province's body speaking ("自治区司法厅负责同志在新闻发布会上介绍,截至目前全区共有人民调解组织7077个",
     * re-posted on a district's site)? Its figures are then that level's, unless the sentence names the report's own
     * area after the speaker in words the speaker would not use for its own ("…;我县共有…"; not 全区, an autonomous
     * region's too).
     */
    private boolean quotesHigherSpeaker(String sentenceBefore, AreaWords area, Placing placing) {
        int end = -1;
        for (RequiredText r : higherSpeakers) {
            if (!r.mayMatch(sentenceBefore)) {
                continue;
            }
            Matcher m = r.pattern.matcher(sentenceBefore);
            while (m.find()) {
                if (!placing.placed(m.start())) {
                    end = Math.max(end, m.end());
                }
            }
        }
        if (end < 0) {
            return false;
        }
        String after = sentenceBefore.substring(end);
        return area.own().stream().noneMatch(w -> after.contains(w) && !lex.higherSpeakerAreaWords.contains(w));
    }

    /**
     * "全国政协提案2件、省“两会”建议提案44件,市“两会”建议提案1009件": a later item of the list that names its own level
     * is no longer in the foreign cue's scope, unless that level is another's too (市 in a county's report).
     */
    private boolean laterItemOfOwnLevel(String after, AreaWords area) {
        String level = null;
        Matcher m = lex.levelItemOpening.matcher(after);
        while (m.find()) {
            level = m.group(1);
        }
        String whole = level == null ? null : lex.levelItemAreas.get(level);
        return whole != null && !area.foreign().contains(whole);
    }

    /**
     * One of the cues in the window that is not merely where the county's act went ("向市级备案5件": the county's own
     * documents filed with the city, as {@link Placing#placed} reads a placer before a cue).
     */
    private boolean namesUnplaced(String window, List<String> cues) {
        Placing placing = new Placing(window);
        for (String c : cues) {
            for (int at = window.indexOf(c); at >= 0; at = window.indexOf(c, at + 1)) {
                if (!placing.placed(at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a cue of one string is placed ({@link Placing#placed}); the spans of the string's foreign scope references are
     * found once, on the first cue no placer stands before, not again for every cue.
     */
    private final class Placing {
        private final String s;
        /** start and end of each reference's match, in pairs (null until asked) */
        private int[] references;

        Placing(String s) {
            this.s = s;
        }

        /**
         * "在全省", "居全省", "位列全省": the cue at {@code at} places the county among others; "对照国家和省级基本目录": the
         * cue names a higher level's list the county works to.
         */
        boolean placed(int at) {
            for (String p : lex.foreignScopePlacers) {
                if (at >= p.length() && s.startsWith(p, at - p.length())) {
                    return true;
                }
            }
            if (references == null) {
                references = referenceSpans();
            }
            for (int k = 0; k < references.length; k += 2) {
                if (references[k] <= at && at < references[k + 1]) {
                    return true;
                }
            }
            return false;
        }

        private int[] referenceSpans() {
            int[] spans = new int[0];
            int n = 0;
            for (RequiredText r : foreignScopeReferences) {
                if (!r.mayMatch(s)) {
                    continue;
                }
                Matcher m = r.pattern.matcher(s);
                while (m.find()) {
                    if (n + 2 > spans.length) {
                        spans = Arrays.copyOf(spans, Math.max(4, spans.length * 2));
                    }
                    spans[n++] = m.start();
                    spans[n++] = m.end();
                }
            }
            return Arrays.copyOf(spans, n);
        }
    }

    /** "较2022年", "与2022年相比": a comparison with a named year. */
    private boolean comparedWithYear(String window) {
        Matcher m = lex.year.matcher(window);
        while (m.find()) {
            if (comparisonYearPrefixesByLast.endingAt(window, m.start()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The year a figure is explicitly said to be about: the year that opens the last clause of its sentence
     * that opens with one, up to the figure ("2022年受理...30件", "2021年,全县办理...", "截至2023年底,...");
     * not a year inside a clause ("对2022年办结的827件案件进行自查": the cases' year, not the figure's),
     * nor one that starts a span ("2019年以来", "2020年推行告知承诺制以来": a flow since then is no figure of
     * the year, see {@link #partialFlow}, a stock counted now is) or dates a law ("2023年修订的"), nor one in a
     * title 《》.
     */
    Integer attributedYear(String text, int from, int to, boolean[] inTitle, int lineStart) {
        Integer year = null;
        Matcher m = lex.year.matcher(text);
        for (Span clause : segmenter.clauses(text, from, to)) {
            int p = Segmenter.skipSpaces(text, clause.start(), clause.end());
            p = segmenter.afterListMarker(text, p, clause.end());
            String lead = yearLeadWordsByFirst.startingWithin(text, p, clause.end());
            if (lead != null) {
                p += lead.length();
            }
            m.region(p, clause.end());
            if (m.lookingAt() && !inTitle[m.start() - lineStart]
                    && yearSpanFollowersByFirst.startingWithin(text, m.end(), to) == null
                    && !IndicatorExtractor.containsAny(text.substring(m.end(), clause.end()), lex.sinceWords)) {
                year = ChineseText.yearValue(m.group(1));
            }
        }
        return year;
    }

    /** Does the sentence date the figure at {@code to} to part of a year or to several years ("4月份", "近三年来")? */
    boolean otherPeriod(String text, int from, int to) {
        return periodCues.find(text, from, to);
    }

    /**
     * Does the sentence count the figure at {@code to} up to a date inside the year ("截至10月底", and
     * "截至目前" outside an annual report) or since a start before the report's year ("《条例》实施以来",
     * "“十三五”以来", "2019年以来")? Such flows are not the year's. A span since a start in the report's year
     * ("今年以来", "2023年3月以来") is, and so is a figure whose clauses after the span name the current year
     * ("...以来,...全年受理...").
     *
     * @param annualReport the text is an annual report (its title names the year): written after the year, its
     *                     "截至目前" is the whole year
     */
    boolean partialFlow(String text, int from, int to, Integer reportYear, boolean annualReport) {
        return partialFlow(text, from, to, reportYear, annualReport, true);
    }

    /**
     * As {@link #partialFlow(String, int, int, Integer, boolean)}; a batch fixed when handed over (the year's
     * suggestions, {@code datesCut} false) is not cut by a date inside the year, only by a span since before it.
     */
    boolean partialFlow(String text, int from, int to, Integer reportYear, boolean annualReport, boolean datesCut) {
        List<List<RequiredText>> dateCues = !datesCut ? List.of()
                : annualReport ? List.of(toDateCues) : List.of(toDateCues, toNowCues);
        for (List<RequiredText> cues : dateCues) {
            for (RequiredText p : cues) {
                if (p.find(text, from, to)) {
                    return true;
                }
            }
        }
        String before = text.substring(from, to); // the sentence up to the figure: searches stay inside it
        for (String w : lex.sinceWords) {
            for (int at = before.indexOf(w); at >= 0; at = before.indexOf(w, at + 1)) {
                if (!sinceCurrentYear(before.substring(0, at), reportYear)
                        && !IndicatorExtractor.containsAny(before.substring(at + w.length()), lex.currentYearWords)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Does the span ending after {@code before} start in the report's year ("今年以来", "2023年3月以来")? */
    private boolean sinceCurrentYear(String before, Integer reportYear) {
        Matcher y = lex.sinceStartYear.matcher(before);
        if (y.find()) {
            return reportYear == null || reportYear.equals(ChineseText.yearValue(y.group(1)));
        }
        for (String w : lex.sinceCurrentStarts) {
            if (before.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "县法院审结行政案件240件": another body is the actor of the clause before the figure (named there, not
     * right after a preposition: "向法院起诉", "经法院判决"); what it gives the government (检察建议) excepted.
     */
    boolean byOtherBody(String clauseBefore) {
        if (IndicatorExtractor.containsAny(clauseBefore, lex.otherBodyReceivedSubjects)) {
            return false;
        }
        for (String body : lex.otherBodyActors) {
            for (int at = clauseBefore.indexOf(body); at >= 0; at = clauseBefore.indexOf(body, at + body.length())) {
                if (!afterPreposition(clauseBefore, at) && !insideLongerBody(clauseBefore, at, body)
                        && !withGovernment(clauseBefore, at + body.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "县委、县政府": the government acts with the body. */
    private boolean withGovernment(String s, int bodyEnd) {
        int j = s.indexOf(lex.otherBodyJoint, bodyEnd);
        return j >= 0 && j - bodyEnd <= lex.otherBodyJointReach;
    }

    private boolean afterPreposition(String s, int at) {
        for (String p : lex.otherBodyPrepositions) {
            // a preposition may stand before the body's qualifier ("向县人民法院", "经区法院")
            int from = Math.max(0, at - p.length() - 2);
            int k = s.lastIndexOf(p, at - p.length());
            if (k >= from && k >= 0) {
                return true;
            }
        }
        return listedAfterPreposition(s, at);
    }

    /**
     * "对市教育局、市公安局等15家单位的134项证明事项": a body listed with 、 after the first item of a list, that item
     * opening with a preposition, is one of the things the preposition governs, not the clause's actor.
     */
    private boolean listedAfterPreposition(String s, int at) {
        int sep = s.lastIndexOf('、', at - 1);
        if (sep < 0 || at - sep > 3) { // up to two qualifier characters between 、 and the body ("、市公安局")
            return false;
        }
        int start = sep;
        int itemStart = sep;
        while (start > 0) { // back over the earlier items to the list's first one
            int prev = start - 1;
            while (prev >= 0 && Character.isIdeographic(s.charAt(prev)) && start - prev <= lex.otherBodyListItemMax + 2) {
                prev--;
            }
            itemStart = prev + 1;
            if (prev >= 0 && s.charAt(prev) == '、') {
                start = prev;
            } else {
                break;
            }
        }
        String first = s.substring(itemStart, start);
        for (String p : lex.otherBodyPrepositions) {
            if (first.startsWith(p) && first.length() - p.length() <= lex.otherBodyListItemMax) {
                return true;
            }
        }
        return false;
    }

    /** "法院" inside "人民法院": judged once, on the longest name (which comes first in the list). */
    private boolean insideLongerBody(String s, int at, String body) {
        for (String longer : lex.otherBodyActors) {
            if (longer.length() > body.length() && longer.endsWith(body)) {
                int start = at + body.length() - longer.length();
                if (start >= 0 && s.startsWith(longer, start)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "村(居)法律顾问...开展法治宣传300余次": the work of a subset of actors named before the figure, unless
     * the actors are what the indicator counts (villages with a legal adviser); or of some of the county's units
     * said to exist ("有31个单位…满意率均为100%", lexicon subset_actor_patterns).
     */
    boolean bySubsetActor(String before, IndicatorDefinition indicator) {
        for (String actor : lex.subsetActors) {
            if (before.contains(actor) && !counts(indicator, actor)) {
                return true;
            }
        }
        // "有31个单位…办结率均为100%": some of the county's units, said to exist
        return RequiredText.anyFinds(subsetActorPatterns, before);
    }

    /**
     * "因政府信息公开引发的行政复议30件,其中10件被纠正;行政诉讼12件": a cause naming a subset of cases, said before the
     * figure in its sentence (its earlier halves included), makes the figure that subset's.
     */
    boolean byNamedCause(String sentenceBefore) {
        return IndicatorExtractor.containsAny(withoutWords(sentenceBefore, lex.subsetSentenceCauseExceptions),
                lex.subsetSentenceCauses)
                // "政府信息公开申请12件，其中行政复议2件": the requests broken down into the cases they led to
                || RequiredText.anyFinds(subsetSentenceCausePatterns, sentenceBefore);
    }

    /**
     * "全县成立...等7个行业性专业性人民调解委员会。这7个调委会受理纠纷778件": a clause of the sentence before the figure
     * (or the figure itself) opens with a back-reference word and a count, and that count was said earlier in
     * [contextStart, sentenceStart) of a part (a part qualifier or kind right after it and its unit).
     */
    boolean byBackReferencedPart(String text, int contextStart, int sentenceStart, int figureEnd) {
        Matcher m = lex.backReference.matcher(text).region(sentenceStart, figureEnd);
        m.useTransparentBounds(false).useAnchoringBounds(true);
        while (m.find()) {
            String n = m.group(1);
            String before = text.substring(contextStart, sentenceStart);
            for (int at = before.indexOf(n); at >= 0; at = before.indexOf(n, at + 1)) {
                int end = at + n.length();
                if ((at > 0 && FigureScanner.isDigit(before.charAt(at - 1)))
                        || (end < before.length() && FigureScanner.isDigit(before.charAt(end)))) {
                    continue;
                }
                for (int u = end + 1; u <= Math.min(end + 2, before.length()); u++) { // past a unit of 1-2 characters
                    for (String q : lex.partQualifiers) {
                        if (before.startsWith(q, u)) {
                            return true;
                        }
                    }
                    for (String q : lex.partKinds) {
                        if (before.startsWith(q, u)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * "532个调委会达到规范化要求,占全部调委会的88%": a count of things (an indicator read from its nouns alone, with
     * no verb) said after it to be a share of all the things of its own kind is a part of them, not their number.
     * {@code after} is the sentence after the figure.
     */
    boolean shareOfOwnKind(String after, IndicatorDefinition indicator) {
        if (indicator.isRate() || indicator.phrasings().stream().anyMatch(p -> !p.verbs().isEmpty())) {
            return false;
        }
        for (String share : lex.shareWords) {
            int at = after.indexOf(share);
            while (at >= 0) {
                int end = at + share.length();
                while (end < after.length() && "，,；;。%".indexOf(after.charAt(end)) < 0) {
                    end++;
                }
                String whole = after.substring(at + share.length(), end);
                if (IndicatorExtractor.containsAny(whole, lex.shareWholeWords) && indicator.phrasings().stream()
                        .anyMatch(p -> p.subjects().stream().anyMatch(t -> !t.contains("…") && whole.contains(t)))) {
                    return true;
                }
                at = after.indexOf(share, end);
            }
        }
        return false;
    }

    /**
     * "开展“以法兴企”法治宣传活动198场，“法安白云”普法直播177场": the second count's clause opens with a campaign's quoted
     * name and counts in the first count's unit, and the first count is said of a quoted campaign too: two campaigns
     * listed side by side, neither the whole.
     *
     * @param firstClause the first count's clause up to its number
     * @param between     the words from the end of the first count to the second's number
     */
    boolean campaignBesideCampaign(String firstClause, Figure first, String between, Figure second) {
        if (first.unitText().isEmpty() || first.percent() || !first.unitText().equals(second.unitText())
                || lex.campaignNameQuotes.stream().noneMatch(firstClause::contains)) {
            return false;
        }
        String w = between.strip();
        if (w.isEmpty() || lex.clauseEnds.indexOf(w.charAt(0)) < 0) {
            return false;
        }
        String next = w.substring(1).strip();
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (FigureScanner.isDigit(c) || lex.clauseEnds.indexOf(c) >= 0 || lex.sentenceEnds.indexOf(c) >= 0) {
                return false;
            }
        }
        return lex.campaignNameQuotes.stream().anyMatch(next::startsWith);
    }

    /**
     * Is the second figure, in a later clause of the first's sentence, a second single kind of the first's events
     * listed beside it ("开展法治讲座165场、法律培训57场，送法进企业活动248场")? The first's clause and the second's
     * (from its start to its number) each name a kind of {@code single_kind_subjects}, the units are the same, and
     * the second's clause holds no other figure before its own.
     */
    boolean kindBesideKind(String firstClause, Figure first, String secondClause, Figure second) {
        return !first.unitText().isEmpty() && !first.percent() && first.unitText().equals(second.unitText())
                && IndicatorExtractor.containsAny(firstClause, lex.singleKindSubjects)
                && IndicatorExtractor.containsAny(secondClause, lex.singleKindSubjects)
                && secondClause.chars().noneMatch(c -> FigureScanner.isDigit((char) c));
    }

    /**
     * A town's or street office's own report (published on its county's site): its heading is led by the town
     * ("三都镇2025年法治政府建设年度报告"), or one of its first lines opens with the town as the actor of the year's
     * work ("2024年，赵集镇结合…"). None of its figures is the county's.
     */
    boolean townsOwnReport(String heading, String text) {
        if (heading != null && namesATown(lex.townHeading.matcher(heading.strip()))) {
            return true;
        }
        int lines = 0;
        int pos = 0;
        while (pos < text.length() && lines < lex.townOpeningLines) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end).strip();
            pos = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            if (namesATown(lex.townOpeningActor.matcher(line))) {
                return true;
            }
        }
        return false;
    }

    private boolean namesATown(Matcher m) {
        return m.lookingAt() && !IndicatorExtractor.containsAny(m.group(1), lex.townNameGenericWords);
    }

    /**
     * "尖山村累计调解案件18起": one village or community opening the figure's clause is its actor, and its figures
     * are a part of the county's; "各村", "全县行政村" speak of villages in general.
     */
    boolean byLocalUnit(String clauseBefore) {
        return byLocalUnit(clauseBefore, null);
    }

    /**
     * "区综治中心全年受理矛盾纠纷1048件,调处成功1040件": a body that opens the sentence (a mediation centre) is the
     * actor of its later clauses too, until a clause opens with the report's own area ("…;全县调解…").
     */
    boolean bySentenceUnit(String sentenceBefore, String clauseBefore) {
        if (IndicatorExtractor.startsWithAny(clauseBefore.strip(), 0, lex.ownScopeWords)) {
            return false;
        }
        String s = sentenceBefore.strip();
        for (RequiredText r : sentenceUnitActors) {
            if (!r.mayMatch(s)) {
                continue;
            }
            Matcher m = r.pattern.matcher(s);
            if (m.find() && !IndicatorExtractor.containsAny(m.group(1), lex.localUnitGenericWords)
                    && !IndicatorExtractor.containsAny(m.group(1), lex.ownScopeWords)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #byLocalUnit(String)}; a unit the report's title names is the report's own ("船山区" in 船山区's report). */
    boolean byLocalUnit(String clauseBefore, String title) {
        String s = clauseBefore.strip();
        for (RequiredText r : localUnitActors) {
            if (!r.mayMatch(s)) {
                continue;
            }
            Matcher m = r.pattern.matcher(s);
            if (m.find() && !IndicatorExtractor.containsAny(m.group(1), lex.localUnitGenericWords)
                    && !IndicatorExtractor.containsAny(m.group(1), lex.ownScopeWords)
                    && (title == null || !title.contains(m.group(1))) && aRegionIfNamedAsOne(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name ending like a region's ("船山区", "射洪市") is one when the region table holds it or it names a
     * development zone ("高新区"); "辖区" or "景区" is not. Other names (a village, a department) pass.
     */
    private boolean aRegionIfNamedAsOne(String name) {
        if (!IndicatorExtractor.endsWithAny(name, lex.regionNameSuffixes)) {
            return true;
        }
        return regionNames.contains(name) || IndicatorExtractor.endsWithAny(name, lex.localUnitZoneSuffixes);
    }

    private static boolean counts(IndicatorDefinition indicator, String actor) {
        for (Phrasing p : indicator.phrasings()) {
            for (String w : p.verbs()) {
                if (actor.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "出庭应诉率2019年全年为15%": the year standing right before the figure's link word, or a year naming the time of an event in the window ("以2014年清理时保留的121件"), or null. */
    Integer yearRightBefore(String window) {
        Matcher m = lex.yearBeforeFigure.matcher(window.strip());
        if (m.find()) {
            return ChineseText.yearValue(m.group(1));
        }
        Matcher event = lex.yearAtEventBeforeFigure.matcher(window); // "以2014年清理时保留的121件"
        return event.find() ? ChineseText.yearValue(event.group(1)) : null;
    }

    /** The year named before the title's report marker, or null. */
    Integer titleYear(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = lex.year.matcher(title);
        int stop = segmenter.titleMarkerAt(title);
        return m.find() && m.start() < stop ? ChineseText.yearValue(m.group(1)) : null;
    }

    boolean isOrdinal(String text, Figure f) {
        int k = f.numberStart();
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        return ordinalPrefixesByLast.endingAt(text, k) != null;
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
        return durationAfterUnitByFirst.startingAt(text, f.end()) != null;
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
}
