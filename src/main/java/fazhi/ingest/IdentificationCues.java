package fazhi.ingest;

import fazhi.reference.KnowledgeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The vocabulary ReportIdentifier looks for, loaded from {@code /schema/ingest-identification.yaml}.
 * Lists of alternatives are sorted longest first so that a longer label wins over its prefix.
 */
record IdentificationCues(
        List<String> titleSubjects, List<String> titleEndings, List<String> notTitleIfContains,
        int titleMaxLength, List<String> previousYearWords, int titleSearchLines,
        List<String> indexNumberLabels, List<String> publisherLabels, List<String> publishDateLabels,
        List<String> navigationLabels, List<String> breadcrumbSeparators,
        List<String> indexCodePrefixes, boolean indexBareCode,
        int openingSearchLines, int openingMaxLength, List<String> openingLeadWords, List<String> openingYearFollowers,
        List<Pattern> noisePatterns, String placeholderCharacters,
        List<String> countySuffixes, List<String> prefectureSuffixes, List<String> provinceSuffixes,
        int minShortLength, List<String> shortNameStopwords, List<String> commonWordNames,
        List<String> governmentWords, List<String> runningTextExcludedNames, List<String> ethnicNames,
        List<String> partialYearWords, List<String> siteSeparators,
        List<String> siteNameSuffixes, int siteNameMaxLength,
        List<String> reportSentenceStarts, List<String> reportSentenceEndings,
        int signatureSearchLines, int signatureMaxLength, List<String> signatureOrganWords,
        List<String> selfReferencePrefixes, List<String> selfReferenceSuffixes, List<String> selfReferenceNotAfter, List<String> selfReferenceNotBefore,
        List<String> nameLeadIns, List<String> titleWordsAfterName) {

    static final String RESOURCE = "/schema/ingest-identification.yaml";
    private static final String LEXICON = "/schema/extraction-lexicon.yaml";

    static IdentificationCues bundled() {
        try (InputStream in = KnowledgeFiles.open(RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IdentificationCues load(InputStream yaml) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        JsonNode title = required(root, "title");
        JsonNode labels = required(root, "labels");
        JsonNode index = required(root, "index_number");
        JsonNode opening = required(root, "opening_sentence");
        JsonNode names = required(root, "names");
        JsonNode site = required(root, "site_name");
        JsonNode sentence = required(root, "report_sentence");
        JsonNode signature = required(root, "signature");
        JsonNode self = required(root, "self_reference");
        List<Pattern> noise = new ArrayList<>();
        for (String p : strings(root, "noise_patterns")) {
            noise.add(Pattern.compile(p));
        }
        return new IdentificationCues(
                longestFirst(strings(title, "subjects")), longestFirst(strings(title, "endings")),
                strings(title, "not_title_if_contains"), required(title, "max_length").asInt(),
                longestFirst(strings(title, "previous_year_words")), required(title, "search_lines").asInt(),
                longestFirst(strings(labels, "index_number")), longestFirst(strings(labels, "publisher")),
                longestFirst(strings(labels, "publish_date")), longestFirst(strings(labels, "navigation")),
                strings(labels, "breadcrumb_separators"),
                strings(index, "code_prefixes"), index.path("bare_code").asBoolean(false),
                required(opening, "search_lines").asInt(), required(opening, "max_length").asInt(),
                strings(opening, "lead_words"), strings(opening, "year_followers"),
                noise, figurePlaceholders() + required(root, "placeholder_name_characters").asString(),
                longestFirst(strings(names, "county_suffixes")), longestFirst(strings(names, "prefecture_suffixes")),
                longestFirst(strings(names, "province_suffixes")), required(names, "min_short_length").asInt(),
                strings(names, "short_name_stopwords"), strings(names, "common_word_names"),
                longestFirst(strings(names, "government_words")),
                strings(names, "running_text_excluded_names"), longestFirst(strings(names, "ethnic_names")),
                longestFirst(strings(title, "partial_year_words")), strings(title, "site_separators"),
                longestFirst(strings(site, "suffixes")), required(site, "max_length").asInt(),
                strings(sentence, "starts"), longestFirst(strings(sentence, "endings")),
                required(signature, "search_lines").asInt(), required(signature, "max_length").asInt(),
                longestFirst(strings(signature, "organ_words")),
                strings(self, "prefixes"), strings(self, "suffixes"), longestFirst(strings(self, "not_after")), strings(self, "not_before"),
                longestFirst(strings(title, "name_lead_ins")), strings(title, "words_after_name"));
    }

    /** The characters that stand for a digit, kept once, in the extraction lexicon. */
    private static String figurePlaceholders() {
        try (InputStream in = IdentificationCues.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is missing from the classpath");
            }
            JsonNode n = new YAMLMapper().readTree(in).get("placeholder_characters");
            if (n == null || !n.isString() || n.asString().isEmpty()) {
                throw new IllegalStateException(LEXICON + ": missing 'placeholder_characters'");
            }
            return n.asString();
        } catch (IOException e) {
            throw new UncheckedIOException(LEXICON + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalStateException(RESOURCE + ": missing '" + field + "'");
        }
        return n;
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode n = required(node, field);
        if (!n.isArray()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.values()) {
            out.add(v.asString());
        }
        return List.copyOf(out);
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
