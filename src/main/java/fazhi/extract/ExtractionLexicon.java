package fazhi.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The general language of the reports (units, qualifier words, trap cues), read from
 * schema/extraction-lexicon.yaml. Word lists are sorted longest first so that matching is greedy.
 */
public final class ExtractionLexicon {

    private static final String BUNDLED = "/schema/extraction-lexicon.yaml";

    final List<String> units;
    final List<String> dateUnits;
    final List<String> chineseNumeralFollowers;
    final List<String> rangeConnectors;
    final List<String> perOccasionSuffix;
    final Map<String, String> qualifiersBefore;
    final Map<String, String> qualifiersAfterNumber;
    final Map<String, String> qualifiersAfterUnit;
    final List<String> linkWords;
    final List<String> changeVerbs;
    final List<String> levelMarkers;
    final List<String> comparisonCues;
    final List<String> changeUnits;
    final List<String> priorYearCues;
    final List<String> priorValueMarkers;
    final List<String> targetCues;
    final List<String> planHeadingCues;
    final List<String> foreignEntityCues;
    final List<String> higherCityCues;
    final List<String> countyTitleMarkers;
    final List<String> breakdownCues;
    final List<String> combineConjunctions;
    final List<String> inheritBlockers;
    final List<String> inheritFillers;
    final int inheritMaxLeftover;
    final String tableYearHeader;
    final List<String> respectivelyMarkers;
    final int respectivelyMaxGap;
    final List<String> listSeparators;
    final List<String> itemConjunctions;
    final List<String> sharedHeadNouns;
    final List<String> yearSpanFollowers;
    final List<String> yearLeadWords;
    final List<String> comparisonYearPrefixes;
    final List<String> durationAfterUnit;
    final List<String> rankPrefixes;
    final List<String> rankPrefixBlockers;
    final List<String> rankUnits;
    final List<String> distributiveWords;

    private ExtractionLexicon(JsonNode n) {
        units = longestFirst(YamlResources.strings(n, "units"));
        dateUnits = YamlResources.strings(n, "date_units");
        chineseNumeralFollowers = YamlResources.strings(n, "chinese_numeral_followers");
        rangeConnectors = YamlResources.strings(n, "range_connectors");
        perOccasionSuffix = longestFirst(YamlResources.strings(n, "per_occasion_suffix"));
        JsonNode q = n.path("qualifiers");
        qualifiersBefore = YamlResources.map(q, "before_number");
        qualifiersAfterNumber = YamlResources.map(q, "after_number");
        qualifiersAfterUnit = YamlResources.map(q, "after_unit");
        linkWords = longestFirst(YamlResources.strings(n, "link_words"));
        changeVerbs = longestFirst(YamlResources.strings(n, "change_verbs"));
        levelMarkers = YamlResources.strings(n, "level_markers");
        comparisonCues = YamlResources.strings(n, "comparison_cues");
        changeUnits = YamlResources.strings(n, "change_units");
        priorYearCues = YamlResources.strings(n, "prior_year_cues");
        priorValueMarkers = YamlResources.strings(n, "prior_value_markers");
        targetCues = YamlResources.strings(n, "target_cues");
        planHeadingCues = YamlResources.strings(n, "plan_heading_cues");
        foreignEntityCues = YamlResources.strings(n, "foreign_entity_cues");
        higherCityCues = YamlResources.strings(n, "higher_city_cues");
        countyTitleMarkers = YamlResources.strings(n, "county_title_markers");
        breakdownCues = YamlResources.strings(n, "breakdown_cues");
        combineConjunctions = longestFirst(YamlResources.strings(n, "combine_conjunctions"));
        inheritBlockers = YamlResources.strings(n, "inherit_blockers");
        inheritFillers = longestFirst(YamlResources.strings(n, "inherit_fillers"));
        inheritMaxLeftover = YamlResources.integer(n, "inherit_max_leftover", 4);
        tableYearHeader = YamlResources.text(n, "table_year_header", "((?:19|20)\\d{2})(?:年度?.{0,6})?");
        respectivelyMarkers = longestFirst(YamlResources.strings(n, "respectively_markers"));
        respectivelyMaxGap = YamlResources.integer(n, "respectively_max_gap", 12);
        listSeparators = YamlResources.strings(n, "list_separators");
        itemConjunctions = longestFirst(YamlResources.strings(n, "item_conjunctions"));
        sharedHeadNouns = YamlResources.strings(n, "shared_head_nouns");
        yearSpanFollowers = longestFirst(YamlResources.strings(n, "year_span_followers"));
        yearLeadWords = longestFirst(YamlResources.strings(n, "year_lead_words"));
        comparisonYearPrefixes = YamlResources.strings(n, "comparison_year_prefixes");
        durationAfterUnit = longestFirst(YamlResources.strings(n, "duration_after_unit"));
        rankPrefixes = YamlResources.strings(n, "rank_prefixes");
        rankPrefixBlockers = YamlResources.strings(n, "rank_prefix_blockers");
        rankUnits = YamlResources.strings(n, "rank_units");
        distributiveWords = YamlResources.strings(n, "distributive_words");
    }

    public static ExtractionLexicon bundled() {
        return new ExtractionLexicon(YamlResources.load(BUNDLED));
    }

    /**
     * The qualifier code ("exact", "at_least", "approx", "at_most") for the hedge words around a figure,
     * as written in {@link RawMention#qualifierText()}; several words are joined by spaces.
     */
    public String qualifierCode(String qualifierText) {
        if (qualifierText == null || qualifierText.isBlank()) {
            return "exact";
        }
        for (String word : qualifierText.trim().split("\\s+")) {
            for (Map<String, String> m : List.of(qualifiersBefore, qualifiersAfterNumber, qualifiersAfterUnit)) {
                String code = m.get(word);
                if (code != null) {
                    return code;
                }
            }
        }
        return "exact";
    }

    static List<String> longestFirst(List<String> words) {
        List<String> copy = new ArrayList<>(words);
        copy.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(copy);
    }

    static List<String> longestFirstKeys(Map<String, String> map) {
        return longestFirst(new ArrayList<>(map.keySet()));
    }
}
