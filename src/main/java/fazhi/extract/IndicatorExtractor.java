package fazhi.extract;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.IndicatorDefinition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fazhi.extract.PhrasingMatcher.Match;
import fazhi.extract.PhrasingMatcher.Reading;

/**
 * Finds indicator figures in clean text (see {@link TextCleaner}), line by line.
 *
 * <p>A prose line is cut into sentences and clauses ({@link Segmenter}); every figure with a unit
 * ({@link FigureScanner}) is read against the catalog ({@link PhrasingMatcher}) in the window between the
 * previous figure of its clause and itself, unless it cannot be a level or its window makes it a change,
 * prior-year value, target or another entity's figure ({@link TrapRules}). Figures after 其中 are marked as
 * breakdowns so that the selector prefers a county total. "受理、审结行政复议案件分别为20件、18件" is read
 * item by item ({@link RespectivelyLists}); a table row "行政复议申请(件) | 64" as label + figure
 * ({@link TableRows}). Lines of a plan part of the report are skipped. With the report year (given, else the
 * title's), figures attributed to another year by a year opening their clause ("2022年受理...30件") are
 * dropped. Every lookup is a binary search or a walk of one sentence, so the work grows with the size of
 * the text times log, not with its square. Thread-safe: all state is per call.
 */
public final class IndicatorExtractor {

    /** How much of the short lines above a row without bars is its context (heading, labels). */
    private static final int ROW_CONTEXT = 200;

    private final ExtractionLexicon lex;

    private final IndicatorCatalog catalog;
    private final FigureScanner scanner;
    private final Segmenter segmenter;
    private final PhrasingMatcher matcher;
    private final SubjectTerms terms;
    private final TrapRules traps;
    private final RespectivelyLists respectively;
    private final TableRows tables;
    /** The region table: a report's level from its code and name, the names a local unit must have. */
    private final RegionTable regions;

    public IndicatorExtractor(IndicatorCatalog catalog) {
        this(catalog, ExtractionLexicon.bundled());
    }

    public IndicatorExtractor(IndicatorCatalog catalog, ExtractionLexicon lexicon) {
        this.catalog = catalog;
        this.lex = lexicon;
        this.scanner = new FigureScanner(lexicon);
        this.segmenter = new Segmenter(lexicon);
        this.matcher = new PhrasingMatcher(catalog, lexicon);
        this.terms = matcher.terms();
        this.regions = RegionTable.bundled();
        this.traps = new TrapRules(lexicon, segmenter, regions);
        this.respectively = new RespectivelyLists(lexicon, segmenter, terms);
        this.tables = new TableRows(lexicon, scanner, segmenter);
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
        return extract(cleanedText, reportYear, null, WorkMeter.NONE);
    }

    /**
     * As {@link #extract(String, Integer)} for a report whose level is known (from its region code, see
     * {@link #reportLevelOf(String)}): a city's or province's own report keeps its 全市 / 全省 figures.
     *
     * @param level null when unknown: the report is read as a county's when its title or its words say so
     */
    public List<RawMention> extract(String cleanedText, Integer reportYear, ReportLevel level) {
        return extract(cleanedText, reportYear, level, WorkMeter.NONE);
    }

    /** The level of a report about this GB/T 2260 region (null when the code is not one). */
    public ReportLevel reportLevelOf(String regionCode) {
        String name = regionCode == null ? null : regions.byCode(regionCode).map(Region::name).orElse(null);
        return ReportLevel.ofRegion(regionCode, name, lex.municipalityCodes, lex.countyCityNameEndings);
    }

    /** As {@link #extract(String, Integer)}, counting the lookups' steps on the meter. */
    List<RawMention> extract(String cleanedText, Integer reportYear, WorkMeter meter) {
        return extract(cleanedText, reportYear, null, meter);
    }

    private List<RawMention> extract(String cleanedText, Integer reportYear, ReportLevel level, WorkMeter meter) {
        List<RawMention> out = new ArrayList<>();
        if (cleanedText == null || cleanedText.isEmpty()) {
            return out;
        }
        String text = cleanedText;
        String title = segmenter.titleLine(text);
        boolean county = title != null
                ? containsAny(title.substring(0, segmenter.titleMarkerAt(title)), lex.countyTitleMarkers)
                : containsAny(text, lex.countySelfWords);
        String heading = title != null ? title : segmenter.openingHeading(text);
        if (heading != null && traps.otherPeriod(heading, 0, heading.length())) {
            return out; // "2023年1月份行政复议案件分析报告", "司法局2024年上半年工作总结": no figure is the year's
        }
        if (heading != null && (level == ReportLevel.COUNTY || level == ReportLevel.COUNTY_CITY)
                && lex.prefectureHeading.matcher(heading.strip()).lookingAt()) {
            return out; // "海北州“四个更加”亮出法治建设成绩单" on a county's site: the prefecture's figures, not the county's
        }
        if ((level == ReportLevel.COUNTY || level == ReportLevel.COUNTY_CITY) && traps.townsOwnReport(heading, text)) {
            return out; // "三都镇2025年法治政府建设年度报告" on its district's site: the town's figures, not the district's
        }
        if (title == null && (level == ReportLevel.COUNTY || level == ReportLevel.COUNTY_CITY)
                && occurrences(text, lex.departmentSelfWords) > occurrences(text, lex.countySelfWords)) {
            // "本年度我局未收到…申请" on its district's site: a bureau's own report, its figures a part of the district's;
            // a county's report that quotes a bureau's 我局 once still speaks of itself as 全县 / 我县 more often. Only
            // without a title: a titled report's author is judged from its title at ingest (ReportAuthor), where a
            // manifest row with region and year vouches for a department's report
            return out;
        }
        Integer titleYear = traps.titleYear(title);
        Doc doc = new Doc(traps.areaWords(level, county), reportYear != null ? reportYear : titleYear,
                titleYear != null, title, meter);
        boolean plan = false;
        int yearColumn = TableRows.ANY_COLUMN;
        int tableContextStart = 0;
        // rows without bars: "受理矛盾纠纷(件) 8710" on one line, or a label line and a value line
        int shortRunStart = -1;
        int previousStart = -1;
        // labels waiting for their values: one label line then its value, or a column of labels then a
        // column of values as PDF tables come out (paired in order)
        java.util.ArrayDeque<Span> labels = new java.util.ArrayDeque<>();
        // the first row of a table, while it may head columns whose values stand in the one row below
        int headerStart = -1;
        int headerEnd = -1;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!line.isBlank()) {
                Boolean planPart = segmenter.planHeading(line);
                if (planPart != null) {
                    plan = planPart;
                }
                if (!plan) {
                    TableRows.Layout layout = TableRows.isRow(line) ? null : tables.layout(text, pos, end);
                    if (layout != TableRows.Layout.PROSE && layout != null && shortRunStart < 0) {
                        shortRunStart = previousStart < 0 ? pos : previousStart;
                    }
                    if (TableRows.isRow(line) && headerStart >= 0
                            && tables.singleRecord(text, headerStart, headerEnd, pos, end)) {
                        // a header row of labels and one row of values under it: each column is a row
                        List<Span> heads = tables.cells(text, headerStart, headerEnd);
                        List<Span> values = tables.cells(text, pos, end);
                        for (int c = 0; c < heads.size(); c++) {
                            Span head = heads.get(c);
                            Span value = values.get(c);
                            String unit = tables.totalColumnUnit(text, head);
                            if (unit != null && tables.titleLine(text, tableContextStart, headerStart)) {
                                // "合计(宗)": the total of what the table's title names
                                readTitledTotal(text, tableContextStart, headerStart, unit, value, doc, out);
                            } else {
                                readSplitRow(text, tableContextStart, head.start(), head.end(), value.start(),
                                        value.end(), doc, out);
                            }
                        }
                        headerStart = -1;
                    } else if (TableRows.isRow(line)) {
                        yearColumn = readTableRow(text, pos, end, tableContextStart, yearColumn, doc, out);
                        headerStart = previousStart >= 0 && TableRows.isRow(text.substring(previousStart, pos))
                                ? -1 : pos; // the first row of a table may head its columns
                        headerEnd = end;
                    } else if (layout == TableRows.Layout.LABELLED_VALUE) {
                        int v = tables.valueStart(text, pos, end);
                        readSplitRow(text, shortRunStart, pos, v, v, end, doc, out);
                        labels.clear();
                    } else if (layout == TableRows.Layout.VALUE && !labels.isEmpty()) {
                        List<Span> values = valueRun(text, pos, end);
                        if (values.size() > 1 && values.size() == labels.size()) {
                            for (Span v : values) { // a column of labels, then a column of values
                                Span label = labels.poll();
                                readSplitRow(text, shortRunStart, label.start(), label.end(), v.start(), v.end(),
                                        doc, out);
                            }
                            end = values.get(values.size() - 1).end();
                            nl = end < text.length() ? end : -1;
                        } else {
                            Span label = labels.peekLast();
                            readSplitRow(text, shortRunStart, label.start(), label.end(), pos, end, doc, out);
                        }
                        labels.clear();
                    } else {
                        yearColumn = TableRows.ANY_COLUMN;
                        tableContextStart = pos;
                        readProse(text, pos, end, doc, out, -1);
                        if (layout == TableRows.Layout.LABEL) {
                            labels.add(new Span(pos, end));
                        } else {
                            labels.clear();
                        }
                    }
                    if (layout == TableRows.Layout.PROSE) {
                        shortRunStart = -1;
                    }
                    if (!TableRows.isRow(line)) {
                        headerStart = -1;
                    }
                }
                previousStart = pos;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return out;
    }

    /** The value lines from the one at [pos, end) on, up to the first line that is not a value alone. */
    private List<Span> valueRun(String text, int pos, int end) {
        List<Span> run = new ArrayList<>();
        run.add(new Span(pos, end));
        int p = end + 1;
        while (p < text.length()) {
            int nl = text.indexOf('\n', p);
            int e = nl < 0 ? text.length() : nl;
            if (tables.layout(text, p, e) != TableRows.Layout.VALUE) {
                break;
            }
            run.add(new Span(p, e));
            p = e + 1;
        }
        return run;
    }

    /**
     * A row without bars, label [ls, le) and value [vs, ve), read as the row "label | value" after the short
     * lines above it (the table's heading and labels, where context words are looked for); the mentions
     * point at the value in the text.
     */
    private void readSplitRow(String text, int contextStart, int ls, int le, int vs, int ve, Doc doc,
                              List<RawMention> out) {
        // the lines just above, not a whole long run of them: work stays linear in the lines of a table
        String context = text.substring(Math.max(contextStart, ls - ROW_CONTEXT), ls);
        String row = text.substring(ls, le).strip() + TableRows.CELL + text.substring(vs, ve);
        String synthetic = context + row;
        int valueAt = synthetic.length() - (ve - vs);
        List<RawMention> got = new ArrayList<>();
        readTableRow(synthetic, context.length(), synthetic.length(), 0, TableRows.ANY_COLUMN, doc, got);
        for (RawMention m : got) {
            out.add(m.at(vs + m.charOffset() - valueAt));
        }
    }

    /**
     * The value [value) of a total column read as the row "title(unit) | value": the table's title line
     * [titleStart, titleEnd) names what the total counts ("行政处罚实施情况统计表", "合计(宗) 108156").
     */
    private void readTitledTotal(String text, int titleStart, int titleEnd, String unit, Span value, Doc doc,
                                 List<RawMention> out) {
        String row = text.substring(titleStart, titleEnd).strip() + "(" + unit + ")" + TableRows.CELL
                + text.substring(value.start(), value.end());
        int valueAt = row.length() - (value.end() - value.start());
        List<RawMention> got = new ArrayList<>();
        readTableRow(row, 0, row.length(), 0, TableRows.ANY_COLUMN, doc, got);
        for (RawMention m : got) {
            out.add(m.at(value.start() + m.charOffset() - valueAt));
        }
    }

    /**
     * Reads one line of prose.
     *
     * @param onlyAt read only the figure whose number starts at this offset (-1: every figure); used for the
     *               one-figure sentences that stand for the items of a "分别为" list
     */
    private void readProse(String text, int ls, int le, Doc doc, List<RawMention> out, int onlyAt) {
        List<Span> sentences = segmenter.sentences(text, ls, le);
        List<Integer> blockStarts = segmenter.blockStarts(text, ls, sentences);
        List<Figure> figures = scanner.scan(text, ls, le);
        boolean[] inTitle = Segmenter.insideTitles(text, ls, le);
        boolean[] handled = onlyAt >= 0 ? null : respectively.read(text, ls, sentences, blockStarts, figures,
                (sentence, at, got) -> readProse(sentence, 0, sentence.length(), doc, got, at), out, doc.meter);
        String lastRate = null;
        Span sentence = null;
        int sentenceIndex = -1;
        boolean[] present = null;
        int topicStart = ls;
        List<Span> clauses = null;
        boolean lineYearSeen = false; // a sentence after the first opened with its own year
        int yearCheckedTo = 0;
        RawMention lastItem = null; // the count read last, and its figure: a sibling of the same kind cancels it
        Figure lastItemFigure = null;
        int lastItemClauseStart = ls;
        CarriedScopes carriedScopes = new CarriedScopes(text, sentences);
        YearAfterMentions yearAfterMentions = new YearAfterMentions(text, blockStarts, le, doc);
        // "1月份,县12345热线受理...;...办结率100%": a period opening the line dates all of it
        // (worked out when a figure first needs it: most lines have no figure read that far)
        int linePeriodKnown = 0; // 1: the line's opening names another period, -1: it does not, 0: not yet known
        for (int fi = 0; fi < figures.size(); fi++) {
            Figure f = figures.get(fi);
            if ((!f.hasUnit() && !lex.unitImplied(text, f)) || inTitle[f.numberStart() - ls]
                    || (onlyAt >= 0 && f.numberStart() != onlyAt) || (handled != null && handled[fi])) {
                continue;
            }
            int si = Span.indexContaining(sentences, f.numberStart(), doc.meter);
            if (si < 0) {
                continue;
            }
            Span s = sentences.get(si);
            if (s != sentence) {
                sentence = s;
                sentenceIndex = si;
                lastRate = null;
                present = null;
                clauses = segmenter.clauses(text, s.start(), s.end());
            }
            int ci = Span.indexContaining(clauses, f.numberStart(), doc.meter); // the clauses are distinct
            Span clause = ci < 0 ? null : clauses.get(ci);
            if (clause == null) {
                continue;
            }
            int winStart = clause.start();
            for (int k = fi - 1; k >= 0; k--) {
                Figure p = figures.get(k);
                if (p.end() <= clause.start()) {
                    break;
                }
                if (p.end() <= f.start() && p.hasUnit() && !lex.windowTransparent(p.unitText())
                        && !lex.inSetPhrase(text, p)) {
                    winStart = p.end();
                    break;
                }
            }
            if (winStart > f.start()) {
                winStart = f.start();
            }
            if (winStart > clause.start() && itemTailBefore(text, winStart, f.start(), inTitle, ls)) {
                winStart = f.start(); // "其中12件予以废止、3件宣布失效": "予以废止" is the item before's, not this one's
            }
            int nextStart = clause.end();
            int next = fi + 1;
            while (next < figures.size() && next < fi + 4 && (traps.isOrdinal(text, figures.get(next))
                    || (figures.get(next).chinese() && !figures.get(next).hasUnit()))) {
                next++; // "列入第一批清单", "一律取消": an ordinal or a set phrase is no next figure
            }
            if (next < figures.size() && figures.get(next).start() < clause.end()) {
                nextStart = Math.max(f.end(), figures.get(next).start());
            }
            if (traps.notALevel(text, figures, fi)) {
                continue;
            }
            int laterStart = sentence.end();
            for (int k = fi + 1; k < figures.size() && figures.get(k).start() < sentence.end(); k++) {
                if (figures.get(k).hasUnit() && !traps.isOrdinal(text, figures.get(k))) {
                    Span laterClause = Span.containing(clauses, figures.get(k).start(), doc.meter);
                    laterStart = laterClause == null ? figures.get(k).start() : laterClause.start();
                    break;
                }
            }
            int blockStart = Span.lastAtOrBefore(blockStarts, f.start(), ls, doc.meter);
            if (present == null) {
                present = terms.namedIn(text, sentence.start(), sentence.end());
                topicStart = sentence.start();
                if (sentenceIndex > 0 && !terms.anySubject(present)) {
                    // a sentence naming no subject continues the one before ("无上年结转;年内审结135件")
                    topicStart = sentences.get(sentenceIndex - 1).start();
                    present = terms.namedIn(text, topicStart, sentence.end(), sentence.start(), present);
                }
            }
            // "…复议机关共收案14898件;全年审结12195件,…矛盾纠纷综合化解率36.3%": a half after ; naming no subject
            // before the figure continues the half before, though it names one after the figure
            int figureTopicStart = topicStart;
            boolean[] figurePresent = present;
            if (topicStart == sentence.start() && sentenceIndex > 0
                    && endsWithAny(text, sentences.get(sentenceIndex - 1), lex.scopeCarryingEnds)
                    && !terms.anySubject(terms.namedIn(text, sentence.start(), f.start()))) {
                figureTopicStart = sentences.get(sentenceIndex - 1).start();
                figurePresent = terms.namedIn(text, figureTopicStart, sentence.end(), sentence.start(), present);
            }
            // "审核重大行政决策12件、行政规范性文件31件": the verb before the first item is every item's
            int verbStart = winStart > clause.start() && (continuesList(text, winStart, f.start())
                    || attributiveBefore(text, winStart, f.start(), inTitle, ls)) ? clause.start() : winStart;
            if (ci > 0 && opensBreakdown(text, clause.start(), f.start())
                    && noneReadIn(out, clauses.get(ci - 1).start(), clause.start())) {
                if (terms.namesPart(text, clauses.get(ci - 1).start(), clauses.get(ci - 1).end())) {
                    continue; // "参与办理乡镇行政处罚案件163件,其中处罚案件33件": the parts of a part
                }
                // "审查...文件126件,其中行政规范性文件5件": the part of a total of no catalog kind is counted by the
                // verb of the total's clause (a total read as a figure has parts of its own kind, read as before)
                verbStart = clauses.get(ci - 1).start();
            }
            Reading r = new Reading(text, f, winStart, f.start(), clause, nextStart, laterStart, sentence, blockStart,
                    lastRate, inTitle, ls, figurePresent, verbStart, figureTopicStart, doc.meter);
            Match m = matcher.bestMatch(r);
            if (m == null && verbStart == winStart && winStart == clause.start() && ci > 0 && !f.percent()
                    && f.hasUnit() && itemEndsClause(text, figures, fi, clauses.get(ci - 1))
                    && !noneReadIn(out, clauses.get(ci - 1).start(), clause.start())) {
                // "共审核行政规范性文件4份,县政府重大招商协议、合同8份": a clause of a subject and its count that reads as
                // nothing on its own, after a list item that ends its clause, shares the item's verb (not its
                // excluding words: another kind is counted)
                r = new Reading(text, f, winStart, f.start(), clause, nextStart, laterStart, sentence, blockStart,
                        lastRate, inTitle, ls, figurePresent, clauses.get(ci - 1).start(), figureTopicStart, doc.meter);
                r.verbOnly = true;
                m = matcher.bestMatch(r);
            }
            if (m == null) {
                if (lastItem != null && governmentsShare(text, sentence, clause, f, lastItem, blockStart)) {
                    // "代表提出议案建议174件,其中166件交区政府办理": the government's share of the session's batch
                    out.remove(lastItem);
                    RawMention share = new RawMention(lastItem.indicator(), f.numberText(), f.unitText(),
                            f.qualifierText(), text.substring(sentence.start(), sentence.end()).strip(), f.numberStart(),
                            lastItem.rule() + "+government-share", false);
                    out.add(share);
                    lastItem = share;
                    lastItemFigure = f;
                    lastItemClauseStart = clause.start();
                    continue;
                }
                if (lastItem != null && besideCampaign(text, lastItemClauseStart, lastItemFigure, f, sentence)) {
                    out.remove(lastItem); // "“以法兴企”法治宣传活动198场，“法安白云”普法直播177场": one campaign of two
                    lastItem = null;
                }
                continue;
            }
            if (m.indicator().isRate()) {
                lastRate = m.indicator().code();
            }
            boolean yearAfter = yearAfterMentions.before(blockStart, f.start());
            if (traps.isTrap(text.substring(winStart, f.numberStart()), doc.area, yearAfter)) {
                continue;
            }
            if (!yearAfter && verbStart == clause.start() && winStart > clause.start() && continuesList(text, winStart, f.start())
                    && traps.namesPriorYear(text.substring(clause.start(), firstItemStart(figures, fi, clause)))) {
                continue; // "去年共承办人大代表建议122件、政协委员提案217件": the year before the first item dates them all
            }
            if (m.kind() == MatchKind.INHERITED && winStart > clause.start()
                    && onlyFillers(text.substring(winStart, f.start())) && noneReadIn(out, clause.start(), winStart)) {
                continue; // "组织线上答题活动2次共4期": right after a count of the clause read as nothing, the same things
            }
            if (m.kind() == MatchKind.INHERITED && namesOwnThing(text, f.end(), Math.min(nextStart, clause.end()), m)) {
                continue; // "开展规范性文件清理2次，涉及12个部门": a noun right after the figure names what it counts
            }
            if (m.kind() == MatchKind.INHERITED && inheritsPart(text, figureTopicStart, winStart, inTitle, ls)) {
                continue; // "以区政府为被申请人的复议案件共50件,…审结43件": the subject borrowed was a part's
            }
            // "全省...5422件;依法受理...3129件": the subject that opens an earlier half of the sentence sets the scope
            // of the later ones; only its opening clause counts ("...,开启了省内...先河;...应诉率达100%" is the county's)
            // so does a breakdown: "其中,县级政府文件48件,继续有效31件;县级各部门文件32件,继续有效15件" (both halves parts)
            // (both worked out once per sentence of the line, not again for every figure)
            carriedScopes.fill(sentenceIndex);
            StringBuilder scope = new StringBuilder(carriedScopes.scope[sentenceIndex]);
            boolean halfOfBreakdown = carriedScopes.breakdown[sentenceIndex];
            int carried = scope.length();
            scope.append(text, sentence.start(), f.start());
            // ... and so does a date it opens with ("截至8月底,全省共有...;今年以来调解...16万件": up to August), unless
            // the later half names the whole year itself ("截至目前共办理公证800件;全年受理...312件")
            boolean datesCut = !m.indicator().batch();
            if (!m.indicator().stock()
                    && (traps.partialFlow(text, levelItemStart(text, sentence.start(), f.start()), f.start(), doc.year,
                            doc.annual, datesCut)
                    || (carried > 0
                        && traps.partialFlow(scope.substring(0, carried), 0, carried, doc.year, doc.annual, datesCut)
                        && !namesWholeYear(scope.substring(carried))))) {
                continue; // "截至10月底,受理...", "《条例》实施以来,累计办理..."
            }
            if (traps.foreignScope(scope.toString(), doc.area)) {
                continue; // "2022年全省法院开庭审理的行政案件中,...出庭应诉率99.6%"
            }
            // a later sentence that opens with its own year ("近三年...。2022年审核...38件") is not in the line's period
            // ... nor is one after a sentence that opened with its own year ("近三年...。2022年审核...38件;全区...达98.3%"):
            // the year named last dates what follows it
            if (linePeriodKnown == 0) {
                // the line's opening clause: after a news lead-in ("本报讯 6月7日，记者从…获悉：5月份…"), the one it introduces
                int opening = sentences.isEmpty() ? ls : leadInEnd(text, ls, sentences.get(0).end());
                linePeriodKnown = !sentences.isEmpty() && traps.otherPeriod(text, opening,
                        segmenter.clauses(text, opening, sentences.get(0).end()).get(0).end()) ? 1 : -1;
            }
            boolean linePeriod = linePeriodKnown > 0;
            if (linePeriod && !lineYearSeen) {
                for (int k = Math.max(1, yearCheckedTo + 1); k < sentenceIndex && !lineYearSeen; k++) {
                    Span earlier = sentences.get(k);
                    lineYearSeen = traps.attributedYear(text, earlier.start(), earlier.end(), inTitle, ls) != null;
                }
                yearCheckedTo = Math.max(yearCheckedTo, sentenceIndex - 1);
            }
            boolean inLinePeriod = linePeriod && !lineYearSeen && (sentenceIndex == 0
                    || traps.attributedYear(text, sentence.start(), f.start(), inTitle, ls) == null);
            if (inLinePeriod || traps.otherPeriod(text, sentence.start(), f.start())
                    // ... and part of a year the sentence opens with dates its later halves as a date does above
                    // ("今年1至9月,…排查…3235宗;调解纠纷2571宗"), unless a later half names the whole year
                    || (carried > 0 && traps.otherPeriod(scope.substring(0, carried), 0, carried)
                        && !namesWholeYear(scope.substring(carried)))
                    || traps.bySubsetActor(text.substring(sentence.start(), f.start()), m.indicator())
                    || traps.byNamedCause(scope.toString())
                    || traps.byBackReferencedPart(text, blockStart, sentence.start(), f.numberEnd())
                    || traps.shareOfOwnKind(text.substring(f.end(), sentence.end()), m.indicator())
                    || traps.byOtherBody(text.substring(clause.start(), f.start()))
                    || traps.byLocalUnit(text.substring(clause.start(), f.start()), doc.title)
                    || traps.bySentenceUnit(text.substring(sentence.start(), f.start()),
                            text.substring(clause.start(), f.start()))
                    // a unit opening the sentence acts in its later halves too ("我局全年受理行政诉讼13件,…;收到行政
                    // 复议5件"): the scope the earlier halves open, as for another area's scope above
                    || (carried > 0 && traps.bySentenceUnit(scope.toString(), text.substring(clause.start(), f.start())))) {
                continue; // "4月份,受理...", "近三年来共...", "村(居)法律顾问...开展法治宣传300余次", "尖山村累计调解.."
            }
            if (doc.year != null) {
                Integer said = traps.yearRightBefore(text.substring(winStart, f.start()));
                if (said == null) {
                    said = traps.attributedYear(text, sentence.start(), f.start(), inTitle, ls);
                }
                if (said == null && m.kind() == MatchKind.INHERITED && figureTopicStart < sentence.start()
                        && endsWithAny(text, sentences.get(sentenceIndex - 1), lex.scopeCarryingEnds)) {
                    // "2023年共收到行政复议申请40件;全年审结38件": the subject borrowed from the half before comes with its
                    // year (a half: after a full stop the year is the figure's own sentence's, "截至年底,已办结135件")
                    said = traps.attributedYear(text, figureTopicStart, sentence.start(), inTitle, ls);
                }
                if (said != null && !said.equals(doc.year)) {
                    continue; // "2022年受理...30件" in the report on 2023
                }
            }
            boolean breakdown = halfOfBreakdown
                    || containsAny(text.substring(sentence.start(), f.start()), lex.breakdownCues);
            if (breakdown && partOfAnotherKind(text, sentence, f, m, out)) {
                continue; // "受理法律援助案件469件,其中诉讼案件246件": legal aid cases that went to court
            }
            if (breakdown && yearsPart(text, sentence, f, doc.year) && dropCumulativeTotal(text, sentence, m, out)) {
                breakdown = false; // "累计清理规范性文件1200件,其中2022年清理48件": the total spans years, the part is the year's
            }
            String evidence = text.substring(sentence.start(), sentence.end()).strip();
            if (m.kind() == MatchKind.EACH) {
                for (Match e : r.each) {
                    out.add(mention(e, f, evidence, breakdown, false));
                }
            } else if (!breakdown && !m.indicator().isRate() && lastItem != null
                    && lastItem.indicator().equals(m.indicator().code()) && lastItemFigure.end() <= f.start()
                    && (siblingItem(text, lastItemFigure.end(), f.start())
                        || besideCampaign(text, lastItemClauseStart, lastItemFigure, f, sentence)
                        || besideKind(text, lastItemClauseStart, lastItemFigure, clause.start(), f, sentence))) {
                // "开展法治宣传活动68次、法治讲座9场", "出具合法性审核意见书5份、法律审核意见书207份": two kinds of one
                // thing listed side by side, each with its count and no total: neither is the indicator's figure
                out.remove(lastItem);
                lastItemFigure = f;
            } else {
                RawMention added = mention(m, f, evidence, breakdown, false);
                out.add(added);
                lastItem = added;
                lastItemFigure = f;
                lastItemClauseStart = clause.start();
            }
        }
    }

    /**
     * Is this figure, read as nothing on its own, the part of the last item's batch (deputies' suggestions, members'
     * proposals) that a breakdown clause hands to the government itself ("174件,其中166件交区政府办理"), or that a
     * later clause of the same sentence puts on file ("收到提案134件,经审查立案129件")? The last item
     * is in the same sentence, of a batch indicator, in the same unit, and is not a part itself.
     */
    private boolean governmentsShare(String text, Span sentence, Span clause, Figure f, RawMention lastItem,
                                     int blockStart) {
        if (lastItem.breakdown() || lastItem.charOffset() < blockStart || lastItem.charOffset() >= f.start()
                || !Objects.equals(lastItem.unitText(), f.unitText())
                || !catalog.byCode(lastItem.indicator()).map(IndicatorDefinition::batch).orElse(false)) {
            return false;
        }
        if (lastItem.charOffset() >= sentence.start()) {
            if (lex.batchFiled.matcher(text.substring(clause.start(), f.start())).lookingAt()) {
                return true; // "共收到提案134件,经审查立案129件": the proposals put on file are the batch handed over
            }
            if (!opensBreakdown(text, clause.start(), f.start())) {
                return false; // in the total's own sentence, only a part after 其中 (or the part put on file)
            }
        } else if (!endsWithAny(text, new Span(sentence.start() - 1, sentence.start()), lex.scopeCarryingEnds)
                || text.substring(lastItem.charOffset(), sentence.start() - 1).chars().anyMatch(c -> c == '\n')) {
            return false; // "受理代表建议75件,…;需由我区办理的56件中,交区政府有关部门办理50件": the half right after the total's
        }
        return lex.governmentShare.matcher(text.substring(clause.start(), clause.end())).find();
    }

    /**
     * Where the period of a figure is read from: the sentence's start, or the last list item before the figure that
     * opens with a level's name ("另有2021年以来B类州人大代表建议13件,县人大代表建议25件": the span since 2021 is the
     * carried-over items', the county congress's item is the year's own).
     */
    private int levelItemStart(String text, int sentenceStart, int figureStart) {
        Matcher m = lex.levelItemOpening.matcher(text).region(sentenceStart, figureStart);
        int from = sentenceStart;
        while (m.find()) {
            from = m.start() + 1;
        }
        return from;
    }

    /** "开展法治讲座165场、法律培训57场，送法进企业活动248场": a later clause of the sentence names a second kind. */
    private boolean besideKind(String text, int firstClauseStart, Figure first, int secondClauseStart, Figure second,
                               Span sentence) {
        return first.end() < secondClauseStart && secondClauseStart <= second.numberStart()
                && firstClauseStart >= sentence.start()
                && traps.kindBesideKind(text.substring(firstClauseStart, first.numberStart()), first,
                        text.substring(secondClauseStart, second.numberStart()), second);
    }

    /** Is this figure a second quoted campaign's count, in the clause right after the last item's, in its sentence? */
    private boolean besideCampaign(String text, int firstClauseStart, Figure first, Figure second, Span sentence) {
        return first.end() <= second.start() && firstClauseStart >= sentence.start()
                && traps.campaignBesideCampaign(text.substring(firstClauseStart, first.numberStart()), first,
                        text.substring(first.end(), second.numberStart()), second);
    }

    /**
     * For each sentence of a line, the opening clauses of the earlier halves whose scope it is in (the run of
     * sentences before it that end in a scope-carrying mark, ";"), joined in order, and whether one of them opens
     * a breakdown: a sentence's are the one before's plus that one's own opening clause, when it carries.
     */
    private final class CarriedScopes {
        private final String text;
        private final List<Span> sentences;
        final String[] scope;
        final boolean[] breakdown;
        private int filled = -1;

        CarriedScopes(String text, List<Span> sentences) {
            this.text = text;
            this.sentences = sentences;
            this.scope = new String[sentences.size()];
            this.breakdown = new boolean[sentences.size()];
        }

        /** Works the scopes out up to the sentence {@code index}. */
        void fill(int index) {
            for (int k = filled + 1; k <= index; k++) {
                if (k == 0 || !endsWithAny(text, sentences.get(k - 1), lex.scopeCarryingEnds)) {
                    scope[k] = "";
                    breakdown[k] = false;
                    continue;
                }
                Span half = sentences.get(k - 1);
                List<Span> halfClauses = segmenter.clauses(text, half.start(), half.end());
                Span opening = halfClauses.isEmpty() ? half : halfClauses.get(0);
                if (halfClauses.size() > 1 && text.charAt(opening.end() - 1) == ':') {
                    // a label before a colon opens no scope of its own ("主动公开情况:2021年县农业农村局在…;受理…84个"):
                    // the clause after it does
                    opening = new Span(opening.start(), halfClauses.get(1).end());
                }
                scope[k] = scope[k - 1] + text.substring(opening.start(), opening.end());
                breakdown[k] = breakdown[k - 1] || opensBreakdown(text, opening.start(), opening.end());
            }
            filled = Math.max(filled, index);
        }
    }

    /** Do the words between two figures only open the next item of their list ("、法治讲座")? */
    private boolean siblingItem(String text, int from, int to) {
        if (!continuesList(text, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (FigureScanner.isDigit(c) || lex.clauseEnds.indexOf(c) >= 0 || lex.sentenceEnds.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private int readTableRow(String text, int ls, int le, int contextStart, int yearColumn, Doc doc,
                             List<RawMention> out) {
        return tables.read(text, ls, le, yearColumn, doc.year, (f, labelStart, labelEnd, row) -> {
            Span sentence = new Span(Math.min(contextStart, ls), le);
            boolean[] inTitle = Segmenter.insideTitles(text, ls, le);
            Reading r = new Reading(text, f, labelStart, labelEnd, new Span(labelStart, f.numberStart()),
                    f.numberStart(), f.numberStart(), sentence, contextStart, null, inTitle, ls,
                    terms.namedIn(text, sentence.start(), sentence.end()), labelStart, sentence.start(), doc.meter);
            Match m = matcher.bestMatch(r);
            if (m != null && !traps.isTrap(text.substring(labelStart, labelEnd), doc.area)) {
                out.add(mention(m, f, row, false, true));
            }
        });
    }

    /**
     * Is the window after an earlier figure that figure's own predicate and a list separator ("12件予以废止、3件宣布
     * 失效": the words after 12件 end its item)? Only words stand before the separator: no figure, no subject.
     */
    private boolean itemTailBefore(String text, int from, int to, boolean[] inTitle, int lineStart) {
        String w = text.substring(from, to).strip();
        for (String sep : lex.listSeparators) {
            if (w.length() > sep.length() && w.endsWith(sep)) {
                String tail = w.substring(0, w.length() - sep.length()).strip();
                for (int i = 0; i < tail.length(); i++) {
                    if (FigureScanner.isDigit(tail.charAt(i))) {
                        return false;
                    }
                }
                return !tail.isEmpty() && terms.longest(text, from, to, inTitle, lineStart) == null;
            }
        }
        return false;
    }

    /**
     * Does the clause before end with a counted item ("共审核行政规范性文件4份,"): its last figure has a unit, is no
     * percentage, and only punctuation follows it to the clause's end?
     */
    private boolean itemEndsClause(String text, List<Figure> figures, int fi, Span previous) {
        for (int k = fi - 1; k >= 0; k--) {
            Figure p = figures.get(k);
            if (p.end() <= previous.start()) {
                return false;
            }
            if (p.end() <= previous.end()) {
                if (p.percent() || !p.hasUnit()) {
                    return false;
                }
                for (int i = p.end(); i < previous.end(); i++) {
                    char c = text.charAt(i);
                    if (!Character.isWhitespace(c) && lex.clauseEnds.indexOf(c) < 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Does the paragraph before a figure name the year after the report's ("我县召开2019年…交办会议" in a page on
     * 2018)? Then the page speaks from that year, and its 去年 is the report's year. Each paragraph (block) is
     * scanned once, for its first such year, not once per figure: a one-paragraph file of many figures would
     * otherwise be scanned again from its start for every figure. The year pattern ends with 年 and looks
     * behind only, so a year found in the whole paragraph and ending before the figure is the one a scan of the
     * paragraph up to the figure finds.
     */
    private final class YearAfterMentions {
        private final String text;
        private final List<Integer> blockStarts;
        private final int lineEnd;
        private final Doc doc;
        private int block = -1;
        /** where the first mention of the year after the report's in {@link #block} ends; MAX_VALUE: none */
        private int firstEnd;

        YearAfterMentions(String text, List<Integer> blockStarts, int lineEnd, Doc doc) {
            this.text = text;
            this.blockStarts = blockStarts;
            this.lineEnd = lineEnd;
            this.doc = doc;
        }

        boolean before(int blockStart, int figureStart) {
            if (doc.year == null || blockStart >= figureStart) {
                return false;
            }
            if (blockStart != block) {
                block = blockStart;
                int next = Collections.binarySearch(blockStarts, blockStart);
                next = next >= 0 ? next + 1 : -next - 1;
                int blockEnd = next < blockStarts.size() ? blockStarts.get(next) : lineEnd;
                firstEnd = firstEnd(blockStart, Math.max(blockEnd, figureStart));
            }
            return firstEnd <= figureStart;
        }

        private int firstEnd(int from, int to) {
            doc.meter.add(to - from);
            // only a year in ASCII digits counts (below): a block without them is passed without running the pattern
            if (SubjectTerms.Term.indexIn(text, Integer.toString(doc.year + 1), from, to) < 0) {
                return Integer.MAX_VALUE;
            }
            Matcher y = lex.year.matcher(text).region(from, to);
            while (y.find()) {
                String digits = y.group(1);
                if (FigureScanner.isDigit(digits.charAt(0)) && Integer.parseInt(digits) == doc.year + 1) {
                    return y.end();
                }
            }
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Does a noun stand right after a figure that borrowed its subject ("涉及12个部门")? Then the figure counts that
     * noun's things, not the borrowed subject's; the figure's own predicate after it (a verb of the indicator, one of
     * predicate_leads: "12件予以废止", or of change_verbs: "较2022年的30件增长50%") is no such noun.
     */
    private boolean namesOwnThing(String text, int from, int to, Match m) {
        int p = Segmenter.skipSpaces(text, from, to);
        if (p >= to || Character.UnicodeScript.of(text.codePointAt(p)) != Character.UnicodeScript.HAN
                || startsWithAny(text, p, lex.predicateLeads)
                || startsWithAny(text, p, lex.changeVerbs)) { // "较2022年的30件增长50%"
            return false;
        }
        String rest = text.substring(p, to);
        return m.indicator().phrasings().stream().noneMatch(ph -> containsAny(rest, ph.verbs()));
    }

    /** Is the window nothing but words a verb-only clause may carry ("共")? */
    private boolean onlyFillers(String window) {
        String w = window;
        for (String filler : lex.inheritFillers) {
            w = w.replace(filler, "");
        }
        return w.isBlank();
    }

    /** Where the number of the clause's first figure (the first item of a list ending in figure fi) starts. */
    private static int firstItemStart(List<Figure> figures, int fi, Span clause) {
        int first = figures.get(fi).numberStart();
        for (int k = fi - 1; k >= 0 && figures.get(k).start() >= clause.start(); k--) {
            first = figures.get(k).numberStart();
        }
        return first;
    }

    private boolean continuesList(String text, int from, int to) {
        int p = Segmenter.skipSpaces(text, from, to);
        for (String w : lex.listContinuations) {
            if (text.startsWith(w, p) && p + w.length() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Is the figure before this one a count inside this one's subject ("抽查14个执法部门的行政处罚案卷286卷"): the words
     * between them end a modifier before a subject? Then the verb before it is this figure's verb too.
     */
    private boolean attributiveBefore(String text, int from, int to, boolean[] inTitle, int lineStart) {
        String w = text.substring(from, to);
        return lex.modifierEnds.stream().anyMatch(m -> {
            int at = w.lastIndexOf(m);
            return at > 0 && terms.longest(text, from + at + m.length(), to, inTitle, lineStart) != null;
        });
    }

    /** Was no figure read in [from, to)? */
    private static boolean noneReadIn(List<RawMention> out, int from, int to) {
        for (int i = out.size() - 1; i >= 0; i--) {
            int at = out.get(i).charOffset();
            if (at >= from && at < to) {
                return false;
            }
        }
        return true;
    }

    /** Does the clause open with a breakdown cue ("其中行政规范性文件5件")? */
    private boolean opensBreakdown(String text, int clauseStart, int to) {
        return startsWithAny(text, Segmenter.skipSpaces(text, clauseStart, to), lex.breakdownCues);
    }

    /** Does the part after "其中" name the report's year ("其中2022年清理48件", "其中今年审查41件")? */
    private boolean yearsPart(String text, Span sentence, Figure f, Integer year) {
        int cue = -1;
        for (String c : lex.breakdownCues) {
            cue = Math.max(cue, text.lastIndexOf(c, f.start() - c.length()));
        }
        if (cue < sentence.start()) {
            return false;
        }
        String part = text.substring(cue, f.start());
        return (year != null && part.contains(year + "年")) || containsAny(part, lex.currentYearWords);
    }

    /** Drops a cumulative total of the same indicator read earlier in the sentence ("累计清理...1200件"); was there one? */
    private boolean dropCumulativeTotal(String text, Span sentence, Match m, List<RawMention> out) {
        for (int i = out.size() - 1; i >= 0; i--) {
            RawMention total = out.get(i);
            if (total.charOffset() < sentence.start()) {
                return false;
            }
            if (total.indicator().equals(m.indicator().code())
                    && containsAny(text.substring(sentence.start(), total.charOffset()), lex.cumulativeWords)) {
                out.remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * A part named after "其中" is a part of the totals read before it in the sentence: when none of them is of
     * the part's domain (legal aid cases, and the part of them that went to court), it is no figure of its own.
     */
    private boolean partOfAnotherKind(String text, Span sentence, Figure f, Match m, List<RawMention> out) {
        int cue = -1;
        for (String c : lex.breakdownCues) {
            cue = Math.max(cue, text.lastIndexOf(c, f.start() - c.length()));
        }
        if (cue < sentence.start()) {
            return false;
        }
        boolean anyTotal = false;
        for (int i = out.size() - 1; i >= 0; i--) {
            RawMention total = out.get(i);
            if (total.charOffset() >= sentence.start() && total.charOffset() < cue) {
                if (lex.reviewedKindTotals.contains(total.indicator())) {
                    continue; // "出具合法性审查意见149件,其中审查规范性文件17件": the opinions split by what was reviewed
                }
                anyTotal = true;
                String domain = catalog.byCode(total.indicator()).map(IndicatorDefinition::domain).orElse("");
                if (domain.equals(m.indicator().domain())) {
                    return false; // "复议、应诉案件分别为63件和42件,其中复议案件办结54件"
                }
            }
        }
        return anyTotal;
    }

    private static RawMention mention(Match m, Figure f, String evidence, boolean breakdown, boolean table) {
        String rule = m.indicator().code() + ":" + m.phrasing() + (m.kind().label.isEmpty() ? "" : "/" + m.kind().label)
                + (breakdown ? "+breakdown" : "") + (table ? "+table" : "");
        return new RawMention(m.indicator().code(), f.numberText(), f.unitText(), f.qualifierText(),
                evidence, f.numberStart(), rule, breakdown);
    }

    /** Does {@code s} end with one of {@code ends} (a sentence cut there, not at an elision)? */
    private static boolean endsWithAny(String text, Span s, String ends) {
        return s.end() > s.start() && ends.indexOf(text.charAt(s.end() - 1)) >= 0;
    }

    static boolean endsWithAny(String s, List<String> words) {
        for (String w : words) {
            if (!w.isEmpty() && s.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** How often the words occur in s (non-overlapping, each word counted on its own). */
    static int occurrences(String s, List<String> words) {
        int n = 0;
        for (String w : words) {
            for (int at = w.isEmpty() ? -1 : s.indexOf(w); at >= 0; at = s.indexOf(w, at + w.length())) {
                n++;
            }
        }
        return n;
    }

    static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (!w.isEmpty() && s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Where the statement after a news lead-in at the start of the sentence [from, to) begins ({@code from} if none). */
    private int leadInEnd(String text, int from, int to) {
        for (Pattern p : lex.leadIns) {
            Matcher m = p.matcher(text).region(from, to);
            if (m.lookingAt() && m.end() < to) {
                return m.end();
            }
        }
        return from;
    }

    /** "全年受理", "今年办理": the year named as a whole, not as the start of a span to date ("今年以来"). */
    private boolean namesWholeYear(String s) {
        for (String w : lex.currentYearWords) {
            for (int at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) {
                if (!startsWithAny(s, at + w.length(), lex.sinceWords)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of the words starts at {@code at} of {@code s}. */
    static boolean startsWithAny(String s, int at, List<String> words) {
        for (String w : words) {
            if (s.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the subject a verb-only clause borrows (the last one named before {@code winStart}) was said of a
     * subset in its own clause ("以区政府为被申请人的复议案件共50件,…目前审结43件": 43 of those 50, a part too).
     */
    private boolean inheritsPart(String text, int topicStart, int winStart, boolean[] inTitle, int ls) {
        SubjectTerms.Hit topic = terms.last(text, topicStart, winStart, inTitle, ls);
        if (topic == null) {
            return false;
        }
        int from = topic.start();
        while (from > topicStart && text.charAt(from - 1) != '\n' && lex.clauseEnds.indexOf(text.charAt(from - 1)) < 0
                && lex.sentenceEnds.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return traps.namesSubset(text.substring(from, topic.start()));
    }

    /**
     * What is known about the whole report: the words naming another entity's area in it (全市 too in a county's:
     * its level, or its title naming 县 / 区 / 旗), about which year, an annual report (its title names the year).
     */
    private record Doc(TrapRules.AreaWords area, Integer year, boolean annual, String title, WorkMeter meter) {
    }
}
