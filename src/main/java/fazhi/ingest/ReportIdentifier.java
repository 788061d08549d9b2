package fazhi.ingest;

import java.util.ArrayList;
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
 * <p>Region: from the title (冠县关于2024年法治政府建设情况的报告; a title split over two lines is joined),
 * the region code embedded in the 索引号, then, when those name nothing or something ambiguous, the
 * publisher (发布机构) and the opening sentence (2020年，湄潭县……). Names may be full (山东省聊城市冠县),
 * official (冠县), short (湄潭) when that names one region, and in traditional characters. An ambiguous name
 * (朝阳区: Beijing or Changchun) is settled by the province or city the text names, or left unresolved.
 * Signals that contradict each other leave the region unresolved: nothing is guessed.
 *
 * <p>Year: the year the report covers: the title's year, else the opening sentence's. A publishing date
 * (发文日期) gives the year only when the title says the report is about the previous year (上一年度).
 *
 * <p>{@code method} names how: {@code title}, {@code index_number}, {@code publisher},
 * {@code opening_sentence}, {@code file_name}, {@code publish_date}, with {@code _context} appended when an
 * ambiguous name was settled by the places the text names; {@code region+year} when they differ
 * (e.g. {@code title+opening_sentence}).
 *
 * <p>When either is unknown the result is {@link Identification#unresolved(String)} (both fields null); the
 * reason starts with {@code region_unresolved:} or {@code year_unresolved:} and says what was found, e.g. the
 * region when only the year is missing.
 *
 * <p>All vocabulary (title words, chrome labels, index-number prefixes, the traditional→simplified map) is
 * data under /schema.
 */
public final class ReportIdentifier {

    /** Only the head of a report is searched for title and chrome; context uses this much text. */
    static final int HEAD_CHARS = 20_000;
    static final int CONTEXT_CHARS = 60_000;

    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*(?:年度|年)(?!\\s*\\d{1,2}\\s*月)");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d\\-/.])((?:19|20)\\d{2})(?![\\d\\-/.:年])");
    private static final Pattern DATE = Pattern.compile("^((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern OPENING = Pattern.compile(
            "^(?:在|截至)?\\s*((?:19|20)\\d{2})\\s*(?:(?:年度|年)(?:以来|里|内|间|中)?\\s*(?:是|[，,、])|[，,、])");
    private static final int MAX_JOINED_LINE = 30;

    private final RegionTable regions;
    private final IdentificationCues cues;
    private final ChineseText chinese;
    private final RegionNames names;
    private final Pattern placeholderName;
    private final Pattern placeholderYear;

    public ReportIdentifier(RegionTable regions) {
        this(regions, IdentificationCues.bundled(), ChineseText.bundled());
    }

    ReportIdentifier(RegionTable regions, IdentificationCues cues, ChineseText chinese) {
        this.regions = regions;
        this.cues = cues;
        this.chinese = chinese;
        this.names = new RegionNames(regions, cues);
        String cls = charClass(cues.placeholderCharacters());
        this.placeholderName = Pattern.compile(cls + "+\\s*(?:省|市|县|区|旗|州|盟)");
        this.placeholderYear = Pattern.compile("(?:(?:19|20)" + cls + "{2}|" + cls + "{4})\\s*年");
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
        Region indexRegion = findIndexRegion(lines);
        String publisher = labelValue(lines, cues.publisherLabels());
        Integer publishYear = findPublishYear(lines);
        String opening = findOpening(lines, title == null || title.line() < 0 ? -1 : title.line());

        // ---- region
        Signal fromTitle = new Signal(title == null ? "title" : title.method(),
                title == null ? Set.of() : candidates(names.find(title.text())));
        Signal fromPublisher = new Signal("publisher", publisher == null ? Set.of() : candidates(names.find(publisher)));
        Signal fromOpening = new Signal("opening_sentence",
                opening == null ? Set.of() : candidates(names.find(opening, true)));

        Set<Region> cands;
        String regionMethod;
        if (!fromTitle.isEmpty() && indexRegion != null) {
            Set<Region> both = combine(fromTitle.candidates(), Set.of(indexRegion));
            if (both.isEmpty()) {
                return Identification.unresolved("region_unresolved: the title names " + describe(fromTitle.candidates())
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

        List<Signal> weak = List.of(fromPublisher, fromOpening);
        if (!cands.isEmpty()) {
            for (Signal w : weak) {
                if (w.isEmpty()) {
                    continue;
                }
                Set<Region> narrowed = combine(cands, w.candidates());
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
                        return Identification.unresolved("region_unresolved: the publisher names "
                                + describe(cands) + " but the opening sentence names " + describe(w.candidates()));
                    }
                    if (narrowed.size() < cands.size() || !isCounty(first(cands))) {
                        cands = narrowed;
                    }
                }
            }
            if (!cands.isEmpty() && cands.stream().noneMatch(ReportIdentifier::isCounty)) {
                return Identification.unresolved("region_unresolved: only " + describe(cands) + " is named (in the "
                        + regionMethod.replace('_', ' ') + "), which may be where the report was published"
                        + " rather than who wrote it");
            }
        }

        if (cands.size() > 1) {
            Region settled = byContext(cands, raw);
            if (settled == null) {
                return Identification.unresolved("region_unresolved: " + describe(cands)
                        + " is ambiguous and the text does not name one of their provinces or cities alone");
            }
            cands = Set.of(settled);
            regionMethod = regionMethod + "_context";
        }
        if (cands.isEmpty()) {
            return Identification.unresolved("region_unresolved: " + whyNoRegion(title));
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
                Integer y = titleYear(title.text());
                if (y != null) {
                    year = y;
                    yearMethod = title.method();
                }
            }
        }
        if (year == null && yearDetail == null && opening != null) {
            Matcher m = OPENING.matcher(opening);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                yearMethod = "opening_sentence";
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
            return Identification.unresolved("year_unresolved: " + yearDetail + "; region " + region.code() + " "
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
            if (isChrome(line) || !isTitleLike(line)) {
                continue;
            }
            String text = line;
            if (names.find(line).isEmpty() && i > 0) {
                String prev = lines.get(i - 1);
                if (prev.length() <= MAX_JOINED_LINE && !isChrome(prev) && !prev.matches(".*\\d.*")
                        && !names.find(prev).isEmpty()) {
                    text = prev + line;
                }
            }
            return new Title(i, text, "title");
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

    private static Integer titleYear(String title) {
        Matcher m = TITLE_YEAR.matcher(title);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = BARE_YEAR.matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private String whyNoRegion(Title title) {
        if (title != null) {
            Matcher m = placeholderName.matcher(title.text());
            if (m.find()) {
                return "the title names a placeholder (" + m.group() + "): an anonymised template";
            }
            return "the title (" + abbreviate(title.text()) + ") names no region, and neither does an index number,"
                    + " publisher or opening sentence";
        }
        return "no report title, index number, publisher or opening sentence names a region";
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
            int stop = line.indexOf('。');
            String sentence = stop >= 0 ? line.substring(0, stop) : line;
            if (sentence.length() > cues.openingMaxLength()) {
                sentence = sentence.substring(0, cues.openingMaxLength());
            }
            if (OPENING.matcher(sentence).find()) {
                return sentence;
            }
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
