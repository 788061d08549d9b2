package fazhi.ingest;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The vocabulary ReportIdentifier looks for, loaded strictly from {@code schema/ingest-identification.yaml}.
 * Lists of alternatives are sorted longest first so that a longer label wins over its prefix.
 */
record IdentificationCues(
        List<String> titleSubjects, List<String> titleEndings, List<String> notTitleIfContains,
        int titleMaxLength, List<String> previousYearWords, int titleSearchLines,
        List<String> indexNumberLabels, List<String> publisherLabels, List<String> publishDateLabels,
        List<String> navigationLabels, List<String> breadcrumbSeparators,
        List<String> indexCodePrefixes, boolean indexBareCode,
        int openingSearchLines, int openingMaxLength, List<String> openingLeadWords, List<String> openingYearFollowers,
        int openingSentencesPerLine,
        List<Pattern> noisePatterns, String placeholderCharacters,
        List<String> countySuffixes, List<String> prefectureSuffixes, List<String> provinceSuffixes,
        int minShortLength, List<String> shortNameStopwords, List<String> commonWordNames,
        List<String> governmentWords, List<String> runningTextExcludedNames, List<String> ethnicNames,
        List<String> partialYearWords, List<String> siteSeparators,
        List<String> siteNameSuffixes, int siteNameMaxLength,
        List<String> reportSentenceStarts, List<String> reportSentenceEndings,
        int signatureSearchLines, int signatureMaxLength, List<String> signatureOrganWords,
        List<String> selfReferencePrefixes, List<String> selfReferenceSuffixes, List<String> selfReferenceNotAfter, List<String> selfReferenceNotBefore,
        List<String> nameLeadIns, List<String> titleWordsAfterName, List<String> monthNumerals,
        List<String> aboutAReportWords, List<String> otherReports, List<String> twoCharacterClauseStarts, List<String> twoCharacterFollowers,
        java.util.Map<String, String> autonomousShortForms, AuthorCues author) {

    static final String RESOURCE = "schema/ingest-identification.yaml";
    private static final String LEXICON = "schema/extraction-lexicon.yaml";

    /** The cues of the knowledge in use (an edited copy in --catalog, else the bundled file), read strictly. */
    static IdentificationCues bundled() {
        return load(KnowledgeFiles.yaml(RESOURCE));
    }

    /** Reads every key of the file and fails on any it does not know, naming the file, line and key. */
    static IdentificationCues load(KnowledgeNode root) {
        KnowledgeNode title = root.node("title");
        KnowledgeNode labels = root.node("labels");
        KnowledgeNode index = root.node("index_number");
        KnowledgeNode opening = root.node("opening_sentence");
        KnowledgeNode names = root.node("names");
        KnowledgeNode site = root.node("site_name");
        KnowledgeNode sentence = root.node("report_sentence");
        KnowledgeNode signature = root.node("signature");
        KnowledgeNode self = root.node("self_reference");
        KnowledgeNode twoCharacters = names.node("two_character_in_running_text");
        List<Pattern> noise = new ArrayList<>();
        for (String p : root.strings("noise_patterns")) {
            try {
                noise.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw root.problem("noise_patterns", "not a regular expression: " + p + " (" + e.getDescription() + ")");
            }
        }
        IdentificationCues cues = new IdentificationCues(
                longestFirst(title.strings("subjects")), longestFirst(title.strings("endings")),
                title.strings("not_title_if_contains"), title.integer("max_length"),
                longestFirst(title.strings("previous_year_words")), title.integer("search_lines"),
                longestFirst(labels.strings("index_number")), longestFirst(labels.strings("publisher")),
                longestFirst(labels.strings("publish_date")), longestFirst(labels.strings("navigation")),
                labels.strings("breadcrumb_separators"),
                index.strings("code_prefixes"), index.bool("bare_code", false),
                opening.integer("search_lines"), opening.integer("max_length"),
                opening.strings("lead_words"), opening.strings("year_followers"),
                opening.integer("sentences_per_line"),
                noise, figurePlaceholders() + root.text("placeholder_name_characters"),
                longestFirst(names.strings("county_suffixes")), longestFirst(names.strings("prefecture_suffixes")),
                longestFirst(names.strings("province_suffixes")), names.integer("min_short_length"),
                names.strings("short_name_stopwords"), names.strings("common_word_names"),
                longestFirst(names.strings("government_words")),
                names.strings("running_text_excluded_names"), longestFirst(names.strings("ethnic_names")),
                longestFirst(title.strings("partial_year_words")), title.strings("site_separators"),
                longestFirst(site.strings("suffixes")), site.integer("max_length"),
                sentence.strings("starts"), longestFirst(sentence.strings("endings")),
                signature.integer("search_lines"), signature.integer("max_length"),
                longestFirst(signature.strings("organ_words")),
                self.strings("prefixes"), self.strings("suffixes"), longestFirst(self.strings("not_after")),
                self.strings("not_before"),
                longestFirst(title.strings("name_lead_ins")), title.strings("words_after_name"),
                monthNumerals(root), title.strings("about_a_report_words"), longestFirst(title.strings("other_reports")),
                twoCharacters.strings("clause_starts"), longestFirst(twoCharacters.strings("followers")),
                names.textMap("autonomous_short_forms"),
                AuthorCues.load(root.node("author")));
        root.finish();
        return cues;
    }

    /** The twelve month numerals, January first (a month's number is its place in the list). */
    private static List<String> monthNumerals(KnowledgeNode root) {
        List<String> months = root.strings("month_numerals");
        if (months.size() != 12 || months.stream().anyMatch(String::isBlank)) {
            throw root.problem("month_numerals", "must list the twelve months' numerals, January first; got "
                    + months.size());
        }
        return months;
    }

    /**
     * The characters that stand for a digit, kept once, in the extraction lexicon (whose own reader checks the
     * rest of that file).
     */
    private static String figurePlaceholders() {
        return KnowledgeFiles.yaml(LEXICON).text("placeholder_characters");
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
