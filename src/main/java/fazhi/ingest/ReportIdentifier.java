package fazhi.ingest;

import fazhi.reference.NumeralCharacters;
import fazhi.reference.RegionTable;
import fazhi.reference.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Infers the region and the report year of a submission from its text, for files the manifest says
 * nothing about.
 *
 * <p>Region, strongest first: the title (冠县关于2024年法治政府建设情况的报告; a title split over two lines is
 * joined; a site name glued to it by _ - | is cut off and used as a site name), then the region code embedded
 * in the 索引号. When those name nothing or something ambiguous, weaker signals are used in this order: the
 * publisher label (发布机构, 发文机关, 信息来源, 来源 …), a site-name line above the title
 * (冠县人民政府门户网站), the opening sentence (2020年，湄潭县……), the report sentence
 * (现将冠县2023年法治政府建设工作情况报告如下) and the signature at the end (冠县人民政府 / 2024年3月20日, up to
 * two organ lines right before a date line). Weak signals that name different regions leave the region
 * unresolved; so does a report sentence or signature naming another county than the title (a report copied
 * from another county). Last, a report that calls itself 我县/本区/我旗 and names exactly one county-level
 * region in its text, never right after a word of visiting (赴, 学习借鉴 …), is taken for that region
 * ({@code body}); 我市 never is (a county-level city and a prefecture-level one both say it).
 *
 * <p>Author: counties' departments, towns and streets publish 法治政府建设 reports of their own under the
 * county's name. When the title names, right after its region, an organ that is not the government
 * (冠县市场监督管理局关于…, 丰都县树人镇人民政府…, 冠县人民政府办公室… , the office's own report), or starts with
 * such an organ (王河镇人民政府关于…), the result is {@link Identification#authorNotGovernment}; when the title
 * names no organ, the report sentence (现将我局…) is read for one, and without a title the signature too
 * ({@link ReportAuthor}): a titled county report is often signed by the office that publishes it (冠县司法局).
 * The government (人民政府, 中共冠县委 冠县人民政府) and the Party committee's county-wide body for law-based
 * governance (依法治县委员会办公室) keep a report in scope; a publisher (来源：冠县司法局) is not an author.
 *
 * <p>Names may be full (山东省聊城市冠县), official (冠县), short (湄潭) when that names one region, and in
 * traditional characters. An ambiguous name (朝阳区: Beijing or Changchun) is settled by the province or city
 * the text names, or left unresolved. Only a prefecture or province named by a weak signal is not enough (it
 * may be where the report was published). A county-level name the region table lacks (三沙市西沙区 created in
 * 2020, 和康县 in 2024, whose tail 康县 is a county of 甘肃) leaves the region unresolved, never the city
 * before it nor the known name inside it. Nothing is guessed: an unresolved report is quarantined and a
 * manifest can recover it; a wrong region would publish wrong figures.
 *
 * <p>Year: the year the report covers: the title's year, else the opening sentence's, else the report
 * sentence's. Years inside a cited document (《纲要（2021—2025年）》) or a bracketed span are not the year. A
 * title (or report sentence) covering part of a year (上半年, 第一季度, 1-6月) or several years (2021—2023年,
 * 2023-2024年度) leaves the year unresolved: its figures are not one year's, and no year is picked for it;
 * 1-12月 is the whole year. A publishing date (发文日期, or the signature's date) gives the year only when the
 * title says the report is about the previous year (上一年度); a banner date never does.
 *
 * <p>{@code method} names how: {@code title}, {@code index_number}, {@code publisher}, {@code site_name},
 * {@code opening_sentence}, {@code report_sentence}, {@code signature}, {@code body}, {@code file_name},
 * {@code publish_date}, with {@code _context} appended when an ambiguous name was settled by the places the
 * text names; {@code region+year} when they differ (e.g. {@code signature+title}).
 *
 * <p>When either is unknown the result is {@link Identification#regionUnresolved} or {@link Identification#yearUnresolved} (both fields null); the
 * reason starts with {@code region_unresolved:} or {@code year_unresolved:} and says what was found, e.g. the
 * region when only the year is missing.
 *
 * <p>All vocabulary (title words, chrome labels, index-number prefixes, site-name suffixes, signature organ
 * words, self-references, the traditional→simplified map) is data under /schema.
 */
public final class ReportIdentifier {

    /** Only the head of a report is searched for title and chrome; context uses this much text. */
    static final int HEAD_CHARS = 20_000;
    static final int CONTEXT_CHARS = 60_000;

    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*(?:年度|年)(?!\\s*\\d{1,2}\\s*月)");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d\\-/.])((?:19|20)\\d{2})(?![\\d\\-/.:年])");
    private static final Pattern DATE = Pattern.compile("^((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final int MAX_JOINED_LINE = 30;
    private static final Pattern YEAR_SPAN = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*(?:年度|年)?\\s*[—–\\-~至到―]+\\s*((?:19|20)\\d{2})\\s*(?:年度|年)?(?![\\d\\-/.])");
    private static final Pattern BRACKETED_SPAN = Pattern.compile(
            "[（(][^（()）]*?(?:19|20)\\d{2}\\s*(?:年度|年)?\\s*[—–\\-~至到―]+\\s*(?:19|20)\\d{2}[^（()）]*[）)]");
    private static final Pattern BOOK_TITLE = Pattern.compile("《[^《》]*》");
    /** A month or day number of a signature date: Arabic, or Chinese up to 三十一. */
    private static final String DATE_NUMBER = "[0-9" + NumeralCharacters.NUMERAL_ZERO + NumeralCharacters.DIGITS
            + NumeralCharacters.TEN + "]{1,3}";
    private static final Pattern SIGNATURE_DATE = Pattern.compile(
            "^(.*?)\\s*((?:19|20)\\d{2})\\s*年\\s*" + DATE_NUMBER + "\\s*月(?:\\s*" + DATE_NUMBER + "\\s*日)?$");
    private static final int SIGNATURE_TAIL_CHARS = 4_000;
    /** How far after a county's name in the body a word of visiting (来我县) is looked for. */
    private static final int VISIT_WINDOW = 16;
    /** Without a title in the text, only this many first lines may be the site's name. */
    private static final int SITE_NAME_LINES_WITHOUT_TITLE = 5;

    private final RegionTable regions;
    private final IdentificationCues cues;
    private final ChineseText chinese;
    private final RegionNames names;
    private final ReportAuthor authors;
    private final Pattern placeholderName;
    private final Pattern placeholderYear;
    /** A county-level name right after a province or city in a title, followed by a word that ends a name. */
    private final Pattern unknownCounty;
    /** 1-6月, 1月至9月: a range of months from January; up to 12 it is the whole year. */
    private final Pattern monthRange;
    /** The start of an opening sentence: 2020年，…, 截至2023年，…, 2022年是…, 2020,… (group 1 the year). */
    private final Pattern opening;

    public ReportIdentifier(RegionTable regions) {
        this(regions, IdentificationCues.bundled(), ChineseText.bundled());
    }

    ReportIdentifier(RegionTable regions, IdentificationCues cues, ChineseText chinese) {
        this.regions = regions;
        this.cues = cues;
        this.chinese = chinese;
        this.names = new RegionNames(regions, cues);
        this.authors = new ReportAuthor(names, cues);
        String cls = charClass(cues.placeholderCharacters());
        List<String> allSuffixes = new ArrayList<>(cues.countySuffixes());
        allSuffixes.addAll(cues.prefectureSuffixes());
        allSuffixes.addAll(cues.provinceSuffixes());
        this.placeholderName = Pattern.compile(cls + "+\\s*" + alternatives(allSuffixes));
        this.placeholderYear = Pattern.compile("(?:(?:19|20)" + cls + "{2}|" + cls + "{4})\\s*年");
        List<String> afterName = new ArrayList<>(cues.governmentWords());
        afterName.addAll(cues.titleWordsAfterName());
        this.opening = Pattern.compile("^" + alternatives(cues.openingLeadWords()) + "?\\s*((?:19|20)\\d{2})\\s*"
                + "(?:(?:年度|年)" + alternatives(cues.openingYearFollowers()) + "?\\s*(?:是|[，,、])|[，,、])");
        this.monthRange = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(?:1|" + Pattern.quote(cues.monthNumerals().get(0))
                + ")\\s*月?\\s*[—–\\-~至到]\\s*(\\d{1,2}|" + alternatives(cues.monthNumerals()) + ")\\s*月(?:份)?");
        this.unknownCounty = Pattern.compile("^\\s*([\\p{IsHan}]{1,8}?" + alternatives(cues.countySuffixes()) + ")(?="
                + alternatives(afterName) + "|[0-9_\\s]|$)");
    }

    /**
     * The endings of county-level names (县, 区, 市, 旗, 自治县 …), from names.county_suffixes of the
     * identification cues: the one list of them, for whoever needs to tell a county-level name.
     */
    public static List<String> countySuffixes() {
        return IdentificationCues.bundled().countySuffixes();
    }

    /** A non-capturing group of the words as literals, longest first so that a longer word wins. */
    private static String alternatives(List<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }

    private static String charClass(String chars) {
        StringBuilder b = new StringBuilder("[");
        chars.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                b.append('\\');
            }
            b.appendCodePoint(c);
        });
        return b.append(']').toString();
    }

    private record Title(int line, String text, String method) {
    }

    /** The 落款 at the end: the organ lines before the date line, and the date's year. */
    private record Signature(String organs, int year) {
    }

    private record Signal(String method, Set<Region> candidates) {
        boolean isEmpty() {
            return candidates.isEmpty();
        }
    }

    public Identification identify(String text, String sourceFile) {
        String raw = text == null ? "" : text;
        String head = clean(chinese.normalize(raw.length() > HEAD_CHARS ? raw.substring(0, HEAD_CHARS) : raw));
        List<String> lines = lines(head);

        Title title = findTitle(lines);
        if (title == null && sourceFile != null) {
            title = titleFromFileName(sourceFile);
        }
        String siteInTitle = null;
        if (title != null) {
            String[] split = splitSiteName(title.text());
            if (split != null) {
                title = new Title(title.line(), split[0], title.method());
                siteInTitle = split[1];
            }
        }
        Region indexRegion = findIndexRegion(lines);
        String publisher = labelValue(lines, cues.publisherLabels());
        String site = findSiteName(lines, title == null ? -1 : title.line());
        if (site == null) {
            site = siteInTitle;
        }
        Signature signature = findSignature(raw);
        Integer publishYear = findPublishYear(lines);
        if (publishYear == null && signature != null) {
            publishYear = signature.year();
        }
        String opening = findOpening(lines, title == null || title.line() < 0 ? -1 : title.line());
        String reportSentence = findReportSentence(lines);

        // ---- a page about a report (its interpretation, news of its review), or another yearly report, is not
        // the report
        if (title == null) {
            String other = otherReportTitle(lines);
            if (other != null) {
                return Identification.notAReport("no 法治政府建设 title, and the title (" + abbreviate(other)
                        + ") is another yearly report's");
            }
        }
        if (title != null) {
            for (String w : cues.aboutAReportWords()) {
                if (title.text().contains(w)) {
                    return Identification.notAReport("the title (" + abbreviate(title.text()) + ") has " + w
                            + ": the page is about a report, not the report itself");
                }
            }
        }

        // ---- author: a department's or town's own report is not its region's, whatever region it names
        ReportAuthor.Finding author = title == null ? null : authors.inTitle(title.text());
        if (author == null && reportSentence != null) {
            author = authors.inReportSentence(reportSentence);
        }
        // the signature only without a title: a county's report is often signed by the office that publishes it
        // (冠县司法局, 冠县人民政府办公室), which is not its author
        if (author == null && title == null && signature != null && !signature.organs().isEmpty()) {
            author = authors.inSignature(signature.organs());
        }
        if (author == null && title == null) {
            author = authors.bySelfReference(raw);
        }
        if (author != null && !author.government()) {
            return Identification.authorNotGovernment(author.detail());
        }

        // ---- region
        Signal fromTitle = new Signal(title == null ? "title" : title.method(),
                title == null ? Set.of() : candidates(names.find(title.text())));
        Signal fromPublisher = new Signal("publisher", publisher == null ? Set.of() : candidates(names.find(publisher)));
        Signal fromOpening = new Signal("opening_sentence",
                opening == null ? Set.of() : candidates(names.find(opening, true)));
        Signal fromSite = new Signal("site_name", site == null ? Set.of() : candidates(names.find(site)));
        Signal fromSentence = new Signal("report_sentence",
                reportSentence == null ? Set.of() : candidates(subjectNames(reportSentence)));
        Signal fromSignature = new Signal("signature",
                signature == null || signature.organs().isEmpty() ? Set.of() : candidates(names.find(signature.organs())));

        if (!fromTitle.isEmpty()) {
            String[] unknown = unknownCountyAfterHigherName(title.text());
            if (unknown != null) {
                return Identification.regionUnresolved("the title names " + unknown[0]
                        + " followed by " + unknown[1] + ", a county-level unit the region table does not know"
                        + " (new or renamed?): the report is not taken for any region", NEW_COUNTY_REMEDY);
            }
            String tail = countyNameInsideUnknownName(title.text());
            if (tail != null) {
                return Identification.regionUnresolved("the title names " + tail
                        + ", which ends like a known county-level name but is not one (new or renamed?)",
                        NEW_COUNTY_REMEDY);
            }
        }

        Set<Region> cands;
        String regionMethod;
        if (!fromTitle.isEmpty() && indexRegion != null) {
            Set<Region> both = combine(fromTitle.candidates(), Set.of(indexRegion));
            if (both.isEmpty()) {
                return Identification.regionUnresolved("the title names " + describe(fromTitle.candidates())
                        + " but the index number embeds " + describe(Set.of(indexRegion)));
            }
            cands = both;
            regionMethod = fromTitle.candidates().size() == 1 ? fromTitle.method() : "index_number";
        } else if (!fromTitle.isEmpty()) {
            cands = fromTitle.candidates();
            regionMethod = fromTitle.method();
        } else if (indexRegion != null) {
            cands = Set.of(indexRegion);
            regionMethod = "index_number";
        } else {
            cands = Set.of();
            regionMethod = null;
        }

        List<Signal> weak = List.of(fromPublisher, fromSite, fromOpening, fromSentence, fromSignature);
        if (!cands.isEmpty()) {
            for (Signal w : weak) {
                if (w.isEmpty()) {
                    continue;
                }
                Set<Region> narrowed = combine(cands, w.candidates());
                boolean authorSignal = w == fromSentence || w == fromSignature;
                if (authorSignal && narrowed.isEmpty() && cands.stream().allMatch(ReportIdentifier::isCounty)
                        && w.candidates().stream().anyMatch(ReportIdentifier::isCounty)) {
                    return Identification.regionUnresolved("the " + regionMethod.replace('_', ' ')
                            + " names " + describe(cands) + " but the " + w.method().replace('_', ' ') + " names "
                            + describe(w.candidates()) + " (a report copied from another county?)");
                }
                boolean helps = cands.size() > 1 ? !narrowed.isEmpty() && narrowed.size() < cands.size()
                        : narrowed.size() == 1 && isCounty(first(narrowed)) && !isCounty(first(cands));
                if (helps) {
                    cands = narrowed;
                    regionMethod = w.method();
                }
            }
        } else {
            for (Signal w : weak) {
                if (w.isEmpty()) {
                    continue;
                }
                if (cands.isEmpty()) {
                    cands = w.candidates();
                    regionMethod = w.method();
                } else {
                    Set<Region> narrowed = combine(cands, w.candidates());
                    if (narrowed.isEmpty()) {
                        return Identification.regionUnresolved("the " + regionMethod.replace('_', ' ')
                                + " names " + describe(cands) + " but the " + w.method().replace('_', ' ')
                                + " names " + describe(w.candidates()));
                    }
                    if (narrowed.size() < cands.size() || !isCounty(first(cands))) {
                        if (!isCounty(first(cands)) && isCounty(first(narrowed))) {
                            regionMethod = w.method();
                        }
                        cands = narrowed;
                    }
                }
            }
            if (cands.isEmpty() || cands.stream().noneMatch(ReportIdentifier::isCounty)) {
                Region body = selfNamedCounty(raw);
                if (body != null) {
                    Set<Region> narrowed = cands.isEmpty() ? Set.of(body) : combine(cands, Set.of(body));
                    if (!narrowed.isEmpty()) {
                        cands = narrowed;
                        regionMethod = "body";
                    }
                }
            }
            if (!cands.isEmpty() && cands.stream().noneMatch(ReportIdentifier::isCounty)
                    && !(regionMethod.equals("opening_sentence") && cands.size() == 1
                         && first(cands).equals(openingSubject(opening)))) {
                return Identification.regionUnresolved("only " + describe(cands) + " is named (in the "
                        + regionMethod.replace('_', ' ') + "), which may be where the report was published"
                        + " rather than who wrote it");
            }
        }

        if (cands.size() > 1) {
            Region settled = byContext(cands, raw);
            if (settled == null) {
                return Identification.regionUnresolved(describe(cands)
                        + " is ambiguous and the text does not name one of their provinces or cities alone");
            }
            cands = Set.of(settled);
            regionMethod = regionMethod + "_context";
        }
        if (cands.isEmpty()) {
            String why = whyNoRegion(title);
            return Identification.regionUnresolved(why, why.endsWith(TEMPLATE) ? TEMPLATE_REMEDY : Identification.REGION_REMEDY);
        }
        Region region = first(cands);

        // ---- year
        Integer year = null;
        String yearMethod = null;
        String yearDetail = null;
        if (title != null) {
            if (placeholderYear.matcher(title.text()).find()) {
                yearDetail = "the title's year is a placeholder (" + find(placeholderYear, title.text()) + ")";
            } else {
                yearDetail = notOneYear(title.text(), "title");
                Integer y = yearDetail == null ? titleYear(title.text()) : null;
                if (y != null) {
                    year = y;
                    yearMethod = title.method();
                }
            }
        }
        if (year == null && yearDetail == null && opening != null) {
            Matcher m = this.opening.matcher(opening);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                yearMethod = "opening_sentence";
            }
        }
        if (year == null && yearDetail == null && reportSentence != null) {
            yearDetail = notOneYear(reportSentence, "report sentence");
            Integer y = yearDetail == null ? titleYear(reportSentence) : null;
            if (y != null) {
                year = y;
                yearMethod = "report_sentence";
            }
        }
        if (year == null && yearDetail == null && title != null && publishYear != null
                && cues.previousYearWords().stream().anyMatch(title.text()::contains)) {
            year = publishYear - 1;
            yearMethod = "publish_date";
        }
        if (year == null) {
            if (yearDetail == null) {
                yearDetail = title == null ? "no report title and no year at the start of the report"
                        : "the title names no year and the report does not start with one";
                if (publishYear != null) {
                    yearDetail += " (only a publishing date in " + publishYear + " is known, and the title does not"
                            + " say the report is about the previous year)";
                }
            }
            return Identification.yearUnresolved(yearDetail + "; region " + region.code() + " "
                    + region.fullName() + " found by " + regionMethod);
        }
        boolean same = regionMethod.equals(yearMethod) || regionMethod.equals(yearMethod + "_context");
        String method = same ? regionMethod : regionMethod + "+" + yearMethod;
        return new Identification(region.code(), year, method, null);
    }

    // ------------------------------------------------------------------ text

    private String clean(String s) {
        for (Pattern p : cues.noisePatterns()) {
            s = p.matcher(s).replaceAll("");
        }
        return s;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\\R")) {
            String t = l.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private boolean isChrome(String line) {
        for (String nav : cues.navigationLabels()) {
            if (line.startsWith(nav)) {
                return true;
            }
        }
        for (String sep : cues.breadcrumbSeparators()) {
            if (line.contains(sep)) {
                return true;
            }
        }
        return startsWithLabel(line);
    }

    private boolean startsWithLabel(String line) {
        for (List<String> labels : List.of(cues.indexNumberLabels(), cues.publisherLabels(), cues.publishDateLabels())) {
            for (String l : labels) {
                if (line.startsWith(l)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ title

    private boolean isTitleLike(String line) {
        if (line.length() > cues.titleMaxLength()) {
            return false;
        }
        for (String no : cues.notTitleIfContains()) {
            if (line.contains(no)) {
                return false;
            }
        }
        for (String subject : cues.titleSubjects()) {
            int s = line.indexOf(subject);
            if (s >= 0) {
                for (String ending : cues.titleEndings()) {
                    if (line.indexOf(ending, s + subject.length()) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Title findTitle(List<String> lines) {
        int limit = Math.min(lines.size(), cues.titleSearchLines());
        for (int i = 0; i < limit; i++) {
            String line = lines.get(i);
            if (isChrome(line)) {
                continue;
            }
            if (!isTitleLike(line)) {
                if (i + 1 < lines.size() && line.length() <= cues.titleMaxLength() / 2 && !line.contains("。")
                        && !isChrome(lines.get(i + 1)) && !isTitleLike(lines.get(i + 1))
                        && isTitleLike(line + lines.get(i + 1))) {
                    return new Title(i + 1, line + lines.get(i + 1), "title");
                }
                continue;
            }
            String text = line;
            if (names.find(line).isEmpty() && i > 0) {
                String prev = lines.get(i - 1);
                if (prev.length() <= MAX_JOINED_LINE && !isChrome(prev) && !isSiteName(prev) && !prev.matches(".*\\d.*")
                        && !names.find(prev).isEmpty()) {
                    text = prev + line;
                }
            }
            return new Title(i, text, "title");
        }
        return null;
    }

    /** A top line that ends with another yearly report's name (…政府信息公开工作年度报告; 政府工作报告(…)). */
    private String otherReportTitle(List<String> lines) {
        int limit = Math.min(lines.size(), cues.titleSearchLines());
        for (int i = 0; i < limit; i++) {
            String line = lines.get(i).strip();
            if (isChrome(line) || line.length() > cues.titleMaxLength() || line.contains("。")) {
                continue;
            }
            for (String other : cues.otherReports()) {
                int at = line.lastIndexOf(other);
                if (at < 0) {
                    continue;
                }
                String rest = line.substring(at + other.length());
                if (rest.isEmpty() || rest.startsWith("(") || rest.startsWith("（")) {
                    return line;
                }
            }
        }
        return null;
    }

    private Title titleFromFileName(String sourceFile) {
        String name = sourceFile.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = clean(chinese.normalize(name)).replace('_', ' ').strip();
        return isTitleLike(name) ? new Title(-1, name, "file_name") : null;
    }

    /** The text without book titles (《纲要（2021—2025年）》) and bracketed year spans, which are not its year. */
    private static String withoutCitedSpans(String text) {
        return BRACKETED_SPAN.matcher(BOOK_TITLE.matcher(text).replaceAll("")).replaceAll("");
    }

    /** Why a title (or report sentence) does not cover one calendar year, or null when it may. */
    private String notOneYear(String text, String where) {
        String t = withoutCitedSpans(text);
        for (String w : cues.partialYearWords()) {
            if (t.contains(w)) {
                return "the " + where + " covers part of a year (" + w + "), not a year's figures";
            }
        }
        Matcher months = monthRange.matcher(t);
        if (months.find() && monthNumber(months.group(2)) < 12) {
            return "the " + where + " covers part of a year (" + months.group().strip() + "), not a year's figures";
        }
        Matcher m = YEAR_SPAN.matcher(t);
        if (m.find() && Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1))) {
            return "the " + where + " covers several years (" + m.group().strip() + "): its figures are not one year's";
        }
        return null;
    }

    /** The number of a month written in digits or as one of the cues' month numerals (the n-th is month n). */
    private int monthNumber(String m) {
        int i = cues.monthNumerals().indexOf(m);
        return i >= 0 ? i + 1 : Integer.parseInt(m);
    }

    private Integer titleYear(String title) {
        title = withoutCitedSpans(title);
        Matcher whole = monthRange.matcher(title);
        if (whole.find() && monthNumber(whole.group(2)) == 12) {
            return Integer.parseInt(whole.group(1));
        }
        Matcher m = TITLE_YEAR.matcher(title);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = BARE_YEAR.matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private static final String TEMPLATE = "an anonymised template";
    private static final String TEMPLATE_REMEDY = "mark the file expected_status=quarantined in manifest.csv if it is"
            + " a template, else " + Identification.REGION_REMEDY;
    private static final String NEW_COUNTY_REMEDY = "add the county to schema/regions.csv if it is new, or "
            + Identification.REGION_REMEDY;

    private String whyNoRegion(Title title) {
        if (title != null) {
            Matcher m = placeholderName.matcher(title.text());
            if (m.find()) {
                return "the title names a placeholder (" + m.group() + "): " + TEMPLATE;
            }
            return "the title (" + abbreviate(title.text()) + ") names no region, and neither does an index number (索引号),"
                    + " publisher, site name, opening or report sentence, signature or (one county named in) the body";
        }
        return "no report title (the publishing page may have dropped it), and neither an index number (索引号),"
                + " publisher, site name, opening or report sentence, signature nor (one county named in) the body"
                + " names a region";
    }

    /** {title, site} when the title line carries the site name after a separator (…的报告_冠县人民政府). */
    private String[] splitSiteName(String text) {
        int end = -1;
        for (String ending : cues.titleEndings()) {
            int at = text.lastIndexOf(ending);
            if (at >= 0) {
                end = Math.max(end, at + ending.length());
            }
        }
        for (String sep : cues.siteSeparators()) {
            int at = text.indexOf(sep);
            if (at > 0 && (end < 0 || at < end) && !isTitleLike(text.substring(0, at))) {
                String left = text.substring(0, at).strip();
                if (isSiteName(left) || cues.governmentWords().stream().anyMatch(left::endsWith)) {
                    return new String[] {text.substring(at + sep.length()).strip(), left};
                }
            }
        }
        if (end < 0 || end >= text.length()) {
            return null;
        }
        String rest = text.substring(end);
        for (String sep : cues.siteSeparators()) {
            String r = rest.stripLeading();
            if (r.startsWith(sep.strip()) && !sep.isBlank()) {
                String siteName = r.substring(sep.strip().length()).strip();
                return new String[] {text.substring(0, end), siteName.isEmpty() ? null : siteName};
            }
        }
        return null;
    }

    /** A short line near the top that ends like a site name: 冠县人民政府门户网站. */
    private String findSiteName(List<String> lines, int titleLine) {
        int limit = Math.min(lines.size(), titleLine >= 0 ? titleLine : SITE_NAME_LINES_WITHOUT_TITLE);
        for (int i = 0; i < limit; i++) {
            String line = lines.get(i);
            if (!isChrome(line) && isSiteName(line)) {
                return line;
            }
        }
        return null;
    }

    private boolean isSiteName(String line) {
        if (line.length() > cues.siteNameMaxLength()) {
            return false;
        }
        for (String suffix : cues.siteNameSuffixes()) {
            if (line.endsWith(suffix) && line.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    /** The subject of 现将冠县2023年法治政府建设工作情况报告如下: the words between the start and the ending. */
    private String findReportSentence(List<String> lines) {
        int limit = Math.min(lines.size(), cues.openingSearchLines());
        for (int i = 0; i < limit; i++) {
            String line = lines.get(i);
            for (String start : cues.reportSentenceStarts()) {
                int s = line.indexOf(start);
                if (s < 0) {
                    continue;
                }
                for (String ending : cues.reportSentenceEndings()) {
                    int e = line.indexOf(ending, s + start.length());
                    if (e > s + start.length()) {
                        return line.substring(s + start.length(), e);
                    }
                }
            }
        }
        return null;
    }

    /** Names in a subject phrase: official and full names (冠县 too), but no short county names (公安, 资源). */
    private List<RegionNames.Mention> subjectNames(String phrase) {
        List<RegionNames.Mention> out = new ArrayList<>();
        for (RegionNames.Mention m : names.find(phrase)) {
            boolean shortCounty = m.shortName() && m.regions().stream().allMatch(ReportIdentifier::isCounty);
            if (!shortCounty && !cues.runningTextExcludedNames().contains(m.name())) {
                out.add(m);
            }
        }
        return out;
    }

    /** The signature at the end: a date line within the last lines, with the organ line(s) just before it. */
    private Signature findSignature(String raw) {
        String tail = raw.length() > SIGNATURE_TAIL_CHARS ? raw.substring(raw.length() - SIGNATURE_TAIL_CHARS) : raw;
        List<String> ls = lines(clean(chinese.normalize(tail)));
        int from = Math.max(0, ls.size() - cues.signatureSearchLines());
        for (int i = ls.size() - 1; i >= from; i--) {
            Matcher m = SIGNATURE_DATE.matcher(ls.get(i));
            if (!m.find()) {
                continue;
            }
            int year = Integer.parseInt(m.group(2));
            String same = m.group(1).strip();
            if (!same.isEmpty()) {
                return new Signature(isOrganLine(same) ? same : "", year);
            }
            StringBuilder organs = new StringBuilder();
            for (int k = i - 1; k >= Math.max(0, i - 2) && isOrganLine(ls.get(k)); k--) {
                organs.insert(0, ls.get(k) + " ");
            }
            return new Signature(organs.toString().strip(), year);
        }
        return null;
    }

    private boolean isOrganLine(String line) {
        if (line.length() > cues.signatureMaxLength() || line.matches(".*[，,。；;：:！？!?].*")) {
            return false;
        }
        for (String w : cues.signatureOrganWords()) {
            if (line.contains(w)) {
                return true;
            }
        }
        // a department's or town's signature (冠县市场监督管理局) names its author too
        return authors.endsLikeOrgan(line);
    }

    /**
     * The one county-level region a first-person report (我县) names in its whole text, if it names exactly one,
     * no ambiguous one, never right after a word of visiting (赴湄潭县) nor shortly before one (湄潭县……来我县), and its name ends like the report's
     * self-references. Null otherwise.
     */
    private Region selfNamedCounty(String raw) {
        String text = clean(chinese.normalize(raw.length() > CONTEXT_CHARS ? raw.substring(0, CONTEXT_CHARS) : raw));
        Set<Region> counties = new LinkedHashSet<>();
        for (RegionNames.Mention m : names.find(text, true)) {
            if (m.regions().stream().noneMatch(ReportIdentifier::isCounty)) {
                continue;
            }
            if (m.ambiguous()) {
                return null;
            }
            String before = text.substring(Math.max(0, m.start() - 4), m.start());
            for (String w : cues.selfReferenceNotAfter()) {
                if (before.endsWith(w)) {
                    return null;
                }
            }
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + VISIT_WINDOW));
            for (String w : cues.selfReferenceNotBefore()) {
                if (after.contains(w)) {
                    return null;
                }
            }
            counties.add(m.regions().get(0));
        }
        if (counties.size() != 1) {
            return null;
        }
        Region r = first(counties);
        String suffix = r.name().substring(r.name().length() - 1);
        if (!cues.selfReferenceSuffixes().contains(suffix)) {
            return null;
        }
        int self = 0;
        int city = 0;
        for (String p : cues.selfReferencePrefixes()) {
            self += occurrences(text, p + suffix);
            city += occurrences(text, p + "市");
        }
        return self > 0 && self > city ? r : null;
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    /**
     * 和康县 when a title's county-level name (康县) follows a character that is neither part of another name nor
     * a word that may precede a name (关于, 中共, 年度): the name is the tail of a longer, unknown one.
     */
    private String countyNameInsideUnknownName(String titleText) {
        int previousEnd = -1;
        for (RegionNames.Mention m : names.find(titleText)) {
            int start = m.start();
            boolean tail = start > 0 && previousEnd != start
                    && Character.UnicodeScript.of(titleText.charAt(start - 1)) == Character.UnicodeScript.HAN
                    && m.regions().stream().allMatch(ReportIdentifier::isCounty);
            if (tail) {
                String before = titleText.substring(0, start);
                if (cues.nameLeadIns().stream().noneMatch(before::endsWith)) {
                    int from = start - 1;
                    while (from > 0 && start - from < 3
                            && Character.UnicodeScript.of(titleText.charAt(from - 1)) == Character.UnicodeScript.HAN) {
                        from--;
                    }
                    return titleText.substring(from, m.end());
                }
            }
            previousEnd = m.end();
        }
        return null;
    }

    /**
     * {province or city, unknown name} when a province or city is followed by a county-level name that is not
     * in the table (三沙市西沙区; 和田地区和康县, where only the tail 康县 would match a county elsewhere).
     */
    private String[] unknownCountyAfterHigherName(String titleText) {
        List<RegionNames.Mention> ms = names.find(titleText);
        for (int i = 0; i < ms.size(); i++) {
            RegionNames.Mention m = ms.get(i);
            if (m.regions().stream().anyMatch(ReportIdentifier::isCounty)) {
                continue;
            }
            if (i + 1 < ms.size() && ms.get(i + 1).start() == m.end()) {
                continue;
            }
            Matcher u = unknownCounty.matcher(titleText.substring(m.end()));
            // 嘉兴市|人民政府关于嘉兴市…: the city's own organ, then its name again, is no unknown county
            if (u.find() && cues.governmentWords().stream().noneMatch(u.group(1)::startsWith)) {
                return new String[] {m.regions().size() == 1 ? m.regions().get(0).fullName() : m.name(), u.group(1)};
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ chrome labels

    /** The value after a label: on the same line (after ：, :, | or spaces) or on the next line. */
    private String labelValue(List<String> lines, List<String> labels) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (String label : labels) {
                int at = labelAt(line, label);
                if (at < 0) {
                    continue;
                }
                String rest = line.substring(at + label.length()).replaceFirst("^[\\s:：|]+", "");
                if (rest.isEmpty() && i + 1 < lines.size()) {
                    rest = lines.get(i + 1);
                }
                int cut = rest.indexOf(" | ");
                if (cut >= 0) {
                    rest = rest.substring(0, cut);
                }
                int gap = rest.indexOf("  ");
                if (gap >= 0) {
                    rest = rest.substring(0, gap);
                }
                rest = rest.strip();
                if (!rest.isEmpty()) {
                    return rest;
                }
            }
        }
        return null;
    }

    /** Where a label starts on a line: at the start, or after white space or a table-cell separator. */
    private static int labelAt(String line, String label) {
        int from = 0;
        while (true) {
            int at = line.indexOf(label, from);
            if (at < 0) {
                return -1;
            }
            char before = at == 0 ? ' ' : line.charAt(at - 1);
            if (at == 0 || Character.isWhitespace(before) || before == '|' || before == '【' || before == '[') {
                return at;
            }
            from = at + 1;
        }
    }

    private Region findIndexRegion(List<String> lines) {
        String value = labelValue(lines, cues.indexNumberLabels());
        if (value == null) {
            return null;
        }
        String token = value.split("[\\s|]", 2)[0].toUpperCase();
        for (String prefix : cues.indexCodePrefixes()) {
            if (token.startsWith(prefix) && token.length() >= prefix.length() + 6) {
                Region r = codeAt(token, prefix.length());
                if (r != null) {
                    return r;
                }
            }
        }
        if (cues.indexBareCode() && token.matches("\\d{6}(\\D.*)?")) {
            return codeAt(token, 0);
        }
        return null;
    }

    private Region codeAt(String token, int at) {
        String code = token.substring(at, at + 6);
        return code.matches("\\d{6}") ? regions.byCode(code).orElse(null) : null;
    }

    private Integer findPublishYear(List<String> lines) {
        String value = labelValue(lines, cues.publishDateLabels());
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    // ------------------------------------------------------------------ opening sentence

    /** The first or second body line after the title (or the top); up to its first 。 . */
    private String findOpening(List<String> lines, int titleLine) {
        int seen = 0;
        int limit = Math.min(lines.size(), cues.openingSearchLines());
        for (int i = titleLine + 1; i < limit && seen < 2; i++) {
            String line = lines.get(i);
            if (isChrome(line) || isTitleLike(line) || cjkCount(line) < 10) {
                continue;
            }
            seen++;
            int from = 0;
            for (int k = 0; k < cues.openingSentencesPerLine() && from < line.length(); k++) {
                int stop = line.indexOf('。', from);
                String sentence = stop >= 0 ? line.substring(from, stop) : line.substring(from);
                if (sentence.length() > cues.openingMaxLength()) {
                    sentence = sentence.substring(0, cues.openingMaxLength());
                }
                if (opening.matcher(sentence.strip()).find()) {
                    return sentence.strip();
                }
                if (stop < 0) {
                    break;
                }
                from = stop + 1;
            }
        }
        return null;
    }

    /**
     * The city or province whose government opens the opening sentence as its subject, right after the year
     * (2017年，淄博市政府在省委…): the report's author, not a place it was published in (2017年，在淄博市政府的领导下，
     * 我县… names the city as who leads, after 在).
     */
    private Region openingSubject(String sentence) {
        if (sentence == null) {
            return null;
        }
        Matcher m = opening.matcher(sentence);
        if (!m.find()) {
            return null;
        }
        List<RegionNames.Mention> ms = names.find(sentence, true);
        for (RegionNames.Mention mention : ms) {
            if (mention.start() < m.end()) {
                continue;
            }
            boolean subject = sentence.substring(m.end(), mention.start()).isBlank() && !mention.ambiguous()
                    && cues.author().governmentSuffixes().stream().anyMatch(w -> sentence.startsWith(w, mention.end()));
            return subject ? mention.regions().get(0) : null;
        }
        return null;
    }

    private static int cjkCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ regions

    /** The most specific regions a snippet names, consistent with the higher-level names beside them. */
    private Set<Region> candidates(List<RegionNames.Mention> mentions) {
        Set<Region> counties = new LinkedHashSet<>();
        Set<Region> prefectures = new LinkedHashSet<>();
        Set<Region> provinces = new LinkedHashSet<>();
        for (RegionNames.Mention m : mentions) {
            for (Region r : m.regions()) {
                switch (r.level()) {
                    case "county" -> counties.add(r);
                    case "prefecture" -> prefectures.add(r);
                    default -> provinces.add(r);
                }
            }
        }
        Set<String> higher = new LinkedHashSet<>();
        prefectures.forEach(r -> higher.add(r.code()));
        provinces.forEach(r -> higher.add(r.code()));
        if (!counties.isEmpty()) {
            return narrowBy(counties, higher);
        }
        if (!prefectures.isEmpty()) {
            Set<String> prov = provinces.stream().map(Region::code).collect(Collectors.toSet());
            return narrowBy(prefectures, prov);
        }
        return provinces;
    }

    private static Set<Region> narrowBy(Set<Region> lower, Set<String> higherCodes) {
        if (higherCodes.isEmpty()) {
            return lower;
        }
        Set<Region> kept = new LinkedHashSet<>();
        for (Region r : lower) {
            if (higherCodes.contains(r.provinceCode()) || higherCodes.contains(r.prefectureCode())) {
                kept.add(r);
            }
        }
        return kept.isEmpty() ? lower : kept;
    }

    /** Pairs that agree (equal, or one contains the other), each giving its more specific member. */
    private static Set<Region> combine(Set<Region> a, Set<Region> b) {
        Set<Region> out = new LinkedHashSet<>();
        for (Region x : a) {
            for (Region y : b) {
                if (x.equals(y) || contains(x, y)) {
                    out.add(y);
                } else if (contains(y, x)) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    private static boolean contains(Region outer, Region inner) {
        if (outer.equals(inner)) {
            return false;
        }
        return switch (outer.level()) {
            case "province" -> outer.code().equals(inner.provinceCode());
            case "prefecture" -> outer.code().equals(inner.prefectureCode());
            default -> false;
        };
    }

    private static boolean isCounty(Region r) {
        return r.level().equals("county");
    }

    private static Region first(Set<Region> set) {
        return set.iterator().next();
    }

    /** The one candidate whose province, city or neighbouring counties the text names, if exactly one. */
    private Region byContext(Set<Region> cands, String raw) {
        String text = clean(chinese.normalize(raw.length() > CONTEXT_CHARS ? raw.substring(0, CONTEXT_CHARS) : raw));
        List<RegionNames.Mention> mentions = names.find(text, true);
        Region supported = null;
        for (Region c : cands) {
            int support = 0;
            for (RegionNames.Mention m : mentions) {
                if (m.ambiguous()) {
                    continue;
                }
                Region r = m.regions().get(0);
                if (r.equals(c)) {
                    continue;
                }
                if (r.code().equals(c.provinceCode()) || r.code().equals(c.prefectureCode())
                        || (isCounty(r) && Objects.equals(r.prefectureCode(), c.prefectureCode()))) {
                    support++;
                }
            }
            if (support > 0) {
                if (supported != null) {
                    return null;
                }
                supported = c;
            }
        }
        return supported;
    }

    private static String describe(Set<Region> rs) {
        if (rs.size() == 1) {
            Region r = first(rs);
            return r.fullName() + " (" + r.code() + ")";
        }
        String name = first(rs).name();
        boolean sameName = rs.stream().allMatch(r -> r.name().equals(name));
        String list = rs.stream().map(r -> r.code() + " " + r.fullName()).collect(Collectors.joining(", "));
        return sameName ? name + " (" + list + ")" : "several regions (" + list + ")";
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : "";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
