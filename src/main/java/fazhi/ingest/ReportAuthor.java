package fazhi.ingest;

import fazhi.reference.NumeralCharacters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who wrote a report: the county-level government (or its Party committee with it), or one of the many other
 * organs that publish a 法治政府建设 report of their own under the same region's name, whose figures are
 * theirs and not the region's.
 *
 * <p>A title (or sentence, or signature) is cut into pieces at punctuation, years and stop words (关于, 中共), and
 * up to its subject (法治政府建设). In each piece a region's name, or a chain of them (山东省聊城市冠县), is followed
 * by its organ (市场监督管理局, 人民政府); a piece that starts with no region is an organ by itself (王河镇人民政府).
 * The organ's kind is read from its ending once a trailing 人民政府 is cut (树人镇人民政府 is a town's). Every
 * word is data under the {@code author} section of schema/ingest-identification.yaml.
 */
final class ReportAuthor {

    /** What an organ is: the government itself, or an author whose figures are not the region's. */
    enum Kind {
        GOVERNMENT("government", null),
        DEPARTMENT("department", "a department's own report, its figures are the department's"),
        TOWN("town", "a town's or street's own report, its figures are the town's or street's"),
        COURT_OR_PROCURATORATE("court_or_procuratorate",
                "the court's or procuratorate's own report, its figures are its own"),
        COMPANY_OR_SCHOOL("company_or_school", "a company's or school's own report, its figures are its own");

        final String key;
        final String meaning;

        Kind(String key, String meaning) {
            this.key = key;
            this.meaning = meaning;
        }

        /** The kind a key of organ_endings names; the government is never named by an ending. */
        static Kind ofKey(String key) {
            return Arrays.stream(values()).filter(k -> k != GOVERNMENT && k.key.equals(key)).findFirst().orElse(null);
        }

        static String keys() {
            return Arrays.stream(values()).filter(k -> k != GOVERNMENT).map(k -> k.key).collect(Collectors.joining(", "));
        }
    }

    /**
     * The first organ a text names: as written with its region ({@code organ}: 冠县市场监督管理局), its kind,
     * where it was read, and the name of the region before it (null when none).
     */
    record Finding(String organ, Kind kind, String where, String regionName) {
        boolean government() {
            return kind == Kind.GOVERNMENT;
        }

        /** "the title names 冠县市场监督管理局 as its author: a department's own report, …, not 冠县's". */
        String detail() {
            return "the " + where + " names " + organ + " as its author: " + kind.meaning + ", not "
                    + (regionName == null ? "the county's" : regionName + "'s");
        }
    }

    /** A digit of a year written in Chinese numerals (二〇二三年, 二○二三年). */
    private static final String YEAR_NUMERALS = "[" + NumeralCharacters.NUMERAL_ZERO + NumeralCharacters.YEAR_ZEROS
            + NumeralCharacters.DIGITS + "]";

    private final RegionNames names;
    private final IdentificationCues cues;
    private final AuthorCues words;
    /** Where an organ's name ends: punctuation, a year, a number, a stop word or a previous-year word. */
    private final Pattern breaks;

    ReportAuthor(RegionNames names, IdentificationCues cues) {
        this.names = names;
        this.cues = cues;
        this.words = cues.author();
        List<String> stops = new ArrayList<>(words.stops());
        stops.addAll(cues.previousYearWords());
        stops.addAll(cues.partialYearWords());
        this.breaks = Pattern.compile("[\\s、，,;；:：（）()《》<>|_\\-—–]+"
                + "|(?:(?:19|20)\\d{2}|" + YEAR_NUMERALS + "{4})\\s*" + alternatives(words.yearSuffixes()) + "?|\\d+|"
                + alternatives(stops));
    }

    private static String alternatives(List<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }

    /** The organ a title names before its subject, or null when it names none. */
    Finding inTitle(String title) {
        return inPhrase(beforeSubject(title), "title");
    }

    /**
     * The organ the subject of 现将…报告如下 names: 我局 / 本镇 (a self-reference by an organ's ending), else as
     * in a title.
     */
    Finding inReportSentence(String subject) {
        String s = subject.strip();
        for (String p : cues.selfReferencePrefixes()) {
            if (!s.startsWith(p)) {
                continue;
            }
            String rest = s.substring(p.length());
            for (AuthorCues.Ending e : words.endings()) {
                if (rest.startsWith(e.word())) {
                    return new Finding(p + e.word(), e.kind(), "report sentence", null);
                }
            }
        }
        return inPhrase(beforeSubject(s), "report sentence");
    }

    /**
     * A town or street that the text calls its author (我镇, 本街道) more often than a county-level unit is called
     * (我县, 我区, 我旗, 我市): read on a page without a title, as its signature is.
     */
    Finding bySelfReference(String text) {
        String best = null;
        int town = 0;
        for (String p : cues.selfReferencePrefixes()) {
            for (AuthorCues.Ending e : words.endings()) {
                if (e.kind() != Kind.TOWN) {
                    continue;
                }
                int n = 0;
                String word = p + e.word();
                for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
                    int end = at + word.length();
                    if (words.townSelfReferenceNotBefore().stream().noneMatch(w -> text.startsWith(w, end))) {
                        n++;
                    }
                }
                if (n > 0 && best == null) {
                    best = word;
                }
                town += n;
            }
        }
        if (best == null) {
            return null;
        }
        int county = 0;
        for (String p : cues.selfReferencePrefixes()) {
            for (String suffix : countyLevelSelfReferences()) {
                for (int at = text.indexOf(p + suffix); at >= 0; at = text.indexOf(p + suffix, at + 2)) {
                    county++;
                }
            }
        }
        return town > county && town >= words.townSelfReferenceMin()
                ? new Finding(best, Kind.TOWN, "text (by its self-references)", null) : null;
    }

    /** 县, 区, 旗 (self_reference.suffixes) and 市, which a county-level city's report says of itself too. */
    private List<String> countyLevelSelfReferences() {
        List<String> suffixes = new ArrayList<>(cues.selfReferenceSuffixes());
        suffixes.add("市");
        return suffixes;
    }

    /**
     * The organ the signature's organ lines name first (中共冠县委员会 冠县人民政府: the government); null for an
     * office that signs the county's own report (冠县司法局, 冠县人民政府办公室), which is no sign of its author.
     */
    Finding inSignature(String organs) {
        Finding f = inPhrase(organs, "signature");
        if (f != null && !f.government() && words.signingOffices().stream().anyMatch(f.organ()::endsWith)) {
            return null;
        }
        return f;
    }

    /** Whether a short line ends like an organ's name (冠县市场监督管理局): a signature line. */
    boolean endsLikeOrgan(String line) {
        String core = withoutGovernmentSuffix(line.strip());
        return words.endings().stream().anyMatch(e -> core.endsWith(e.word()) && core.length() > e.word().length());
    }

    private String beforeSubject(String text) {
        int cut = text.length();
        for (String s : cues.titleSubjects()) {
            int at = text.indexOf(s);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut);
    }

    private Finding inPhrase(String phrase, String where) {
        List<RegionNames.Mention> mentions = names.find(phrase);
        Matcher m = breaks.matcher(phrase);
        int from = 0;
        while (true) {
            boolean found = m.find();
            int to = found ? m.start() : phrase.length();
            Finding f = inPiece(phrase, from, to, mentions, where);
            if (f != null) {
                return f;
            }
            if (!found) {
                return null;
            }
            from = m.end();
        }
    }

    /** The first organ of one piece: region names then their organ, or an organ named without a region. */
    private Finding inPiece(String phrase, int from, int to, List<RegionNames.Mention> mentions, String where) {
        int at = from;
        while (at < to) {
            RegionNames.Mention chain = mentionAt(mentions, at, to);
            String regionName = null;
            int organFrom = at;
            if (chain != null) {
                RegionNames.Mention next;
                while ((next = mentionAt(mentions, chain.end(), to)) != null && !next.shortName()) {
                    chain = next;
                }
                regionName = chain.name();
                organFrom = chain.end();
            }
            int organTo = to;
            for (RegionNames.Mention n : mentions) {
                if (!n.shortName() && n.start() > organFrom && n.start() < organTo) {
                    organTo = n.start();
                }
            }
            Kind kind = kindOf(phrase.substring(organFrom, organTo));
            if (kind != null) {
                return new Finding(phrase.substring(at, organTo), kind, where, regionName);
            }
            at = Math.max(organTo, at + 1);
        }
        return null;
    }

    private static RegionNames.Mention mentionAt(List<RegionNames.Mention> mentions, int at, int to) {
        for (RegionNames.Mention m : mentions) {
            if (m.start() == at && m.end() <= to) {
                return m;
            }
        }
        return null;
    }

    /** The kind of an organ's name, or null when the words name no organ (公布, 贯彻落实, or nothing). */
    private Kind kindOf(String organ) {
        String o = organ.strip();
        if (o.isEmpty()) {
            return null;
        }
        if (words.governmentWords().contains(o) || words.countyWideWords().stream().anyMatch(o::contains)) {
            return Kind.GOVERNMENT;
        }
        String core = withoutGovernmentSuffix(o);
        if (core.isEmpty() || words.governmentWords().contains(core)) {
            return Kind.GOVERNMENT;
        }
        for (AuthorCues.Ending e : words.endings()) {
            if (core.endsWith(e.word())) {
                return e.kind();
            }
        }
        return null;
    }

    private String withoutGovernmentSuffix(String organ) {
        String core = organ;
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String s : words.governmentSuffixes()) {
                if (core.endsWith(s)) {
                    core = core.substring(0, core.length() - s.length());
                    cut = true;
                    break;
                }
            }
        }
        return core;
    }
}
