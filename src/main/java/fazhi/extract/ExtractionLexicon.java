package fazhi.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The general language of the reports (units, qualifier words, trap cues), read from
 * schema/extraction-lexicon.yaml. Word lists are sorted longest first so that matching is greedy.
 */
public final class ExtractionLexicon {

    private static final String BUNDLED = "/schema/extraction-lexicon.yaml";
    /** The cleaner's words the extractor shares: the elision token and the title markers. */
    private static final String CLEANING = "/schema/cleaning.yaml";

    final String sentenceEnds;
    final String clauseEnds;
    final String scopeCarryingEnds;
    final Pattern topHeading;
    final Pattern listItemMarker;
    final Pattern year;
    final Pattern dateExpression;
    final Pattern trailingYear;
    final Pattern yearBeforeFigure;
    final Pattern yearAtEventBeforeFigure;
    /** A heading led by a prefecture's name: in a county-level report, the page is about that prefecture. */
    final Pattern prefectureHeading;
    /** A town's heading, or a town opening one of the first lines as the year's actor: a town's own report. */
    final Pattern townHeading;
    final Pattern townOpeningActor;
    final List<String> townNameGenericWords;
    final int townOpeningLines;
    /** Quote pairs (opening, closing) around a slogan whose Chinese numerals are no figures, and its longest length. */
    final List<String> sloganQuotePairs;
    final int sloganMaxLength;
    final List<String> rateSuffixes;
    final List<String> ordinalPrefixes;
    final String percentWord;
    final String placeholderCharacters;
    final String elisionToken;
    final List<String> titleMarkers;
    final int titleMaxLength;

    final List<String> units;
    final List<String> dateUnits;
    final List<String> chineseNumeralFollowers;
    final List<String> rangeConnectors;
    final List<String> perOccasionSuffix;
    final Map<String, String> qualifiersBefore;
    final Map<String, String> rateContextRivals;
    final Map<String, String> qualifiersAfterNumber;
    final Map<String, String> qualifiersAfterUnit;
    final List<String> linkWords;
    final List<String> changeVerbs;
    final List<String> changeParticles;
    final List<String> comparisonCues;
    final List<String> priorYearCues;
    final List<String> priorValueMarkers;
    final List<String> targetCues;
    final List<String> planHeadingCues;
    final List<String> foreignEntityCues;
    final List<String> higherCityCues;
    final List<String> townScopeWords;
    final List<String> otherBodyActors;
    final List<String> otherBodyPrepositions;
    final List<String> otherBodyReceivedSubjects;
    final List<String> combinedWords;
    final List<String> countyTitleMarkers;
    final List<String> countySelfWords;
    /** A county-level text calling itself so is one department's own report. */
    final List<String> departmentSelfWords;
    /** A local unit's name ending so is checked against the region table. */
    final List<String> regionNameSuffixes;
    /** ... and is a part without being in it when it ends so (development zones). */
    final List<String> localUnitZoneSuffixes;
    /** The words a city's, province's or municipality's own report speaks of its own area with. */
    final java.util.Map<ReportLevel, List<String>> ownScopeByLevel;
    /** The province-level codes of the municipalities (their reports say 全市). */
    final List<String> municipalityCodes;
    /** A county-level region named so is a county-level city. */
    final List<String> countyCityNameEndings;
    final List<String> breakdownCues;
    /** Indicators whose total a breakdown may split by the kinds of things reviewed (parts of their own kind). */
    final List<String> reviewedKindTotals;
    final List<String> combineConjunctions;
    /** Two names of one kind joined by a conjunction (协议、合同): one bucket of that kind. */
    final List<String> notCombined;
    final List<String> conjunctionLookalikes;
    final List<String> cumulativeWords;
    final List<String> inheritBlockers;
    /** Words of obligation: a verb after them names a procedure required, not work done (须落实…合法性审查等程序). */
    final List<String> requirementCues;
    final List<String> firstKindVerbs;
    final List<String> combinedRestWords;
    final List<String> inheritFillers;
    final int inheritMaxLeftover;
    final List<String> inheritTransparentSubjects;
    final String tableYearHeader;
    final List<String> respectivelyMarkers;
    final int respectivelyMaxGap;
    final int respectivelyBareItemLead;
    final List<String> listSeparators;
    final List<String> itemConjunctions;
    final List<String> sharedHeadNouns;
    final List<String> yearSpanFollowers;
    final List<String> yearLeadWords;
    final List<Pattern> periodCues;
    final List<Pattern> leadIns;
    final List<Pattern> toDateCues;
    final List<Pattern> toNowCues;
    final String gapStops;
    final int gapShortMax;
    final int gapTopicMax;
    final List<String> foreignScopePlacers;
    final List<Pattern> higherSpeakers;
    /** A higher level's list or standard the county works to ("对照国家和省级基本目录"): a cue inside is no scope. */
    final List<Pattern> foreignScopeReferences;
    final List<String> higherSpeakerAreaWords;
    final List<String> ownScopeWords;
    final List<String> targetCueExceptions;
    final List<String> priorYearCueExceptions;
    final List<String> predicateLeads;
    final List<String> modifierEnds;
    final String otherBodyJoint;
    final int otherBodyJointReach;
    final int otherBodyListItemMax;
    final List<String> sinceWords;
    final Pattern sinceStartYear;
    final List<String> sinceCurrentStarts;
    final List<String> currentYearWords;
    final List<String> subsetQualifiers;
    final List<String> subsetQualifierWholes;
    final int subsetQualifierReach;
    final List<String> categoryMarkers;
    final List<String> categoryTotals;
    final List<String> subjectModifierSuffixes;
    final List<String> subjectCategoryBeforeFigure;
    final List<String> listNouns;
    final List<String> listUnits;
    final List<String> partQualifiers;
    final List<String> partQualifierWholes;
    final List<String> partQualifiersBesideKinds;
    final List<String> partQualifierPlaceLeads;
    final Pattern backReference;
    final List<String> partKinds;
    final List<String> relativeMarkers;
    final int relativeClauseReach;
    final List<String> listContinuations;
    /** The characters that open a campaign's quoted name ("“以法兴企”"). */
    final List<String> campaignNameQuotes;
    final List<String> singleKindSubjects;
    final List<String> beneficiaryPrepositions;
    final List<String> shareWords;
    final List<String> shareWholeWords;
    final List<String> excludeNeutralPhrases;
    final List<String> compositionOpenings;
    final List<String> groupingUnits;
    final List<String> subsetCues;
    final List<String> averageCues;
    /** A figure right after one of these (各) is each item's, not a total. */
    final List<String> perItemLeads;
    final List<Pattern> subsetPatterns;
    final List<String> subsetActors;
    final List<Pattern> subsetActorPatterns;
    /** A cause naming a subset of cases (因政府信息公开): every later figure of its sentence is that subset's. */
    final List<String> subsetSentenceCauses;
    final List<String> subsetSentenceCauseExceptions;
    /** A breakdown of the requests that named the cases ("信息公开申请12件，其中行政复议2件"): regexes, as above. */
    final List<Pattern> subsetSentenceCausePatterns;
    final List<String> tableTotalLabels;
    final List<Pattern> localUnitActors;
    final List<Pattern> sentenceUnitActors;
    final List<String> localUnitGenericWords;
    final List<String> verbNegations;
    final List<String> verbConjunctions;
    /** A verb joined to one of these after it is still a verb (审查、备案). */
    final List<String> verbCompanions;
    final List<String> comparisonYearPrefixes;
    final List<String> durationAfterUnit;
    final List<String> rankPrefixes;
    final List<String> rankPrefixBlockers;
    final List<String> rankUnits;
    final List<String> distributiveWords;
    final List<String> rateListConjunctions;
    final int rateListNameMax;
    final List<String> predicateConjunctions;
    final Pattern levelItemOpening;
    /** The government named as the handler of a part of a batch ("其中166件交区政府办理"). */
    final Pattern governmentShare;
    /** The members' proposals put on file out of those received ("收到提案134件,经审查立案129件"). */
    final Pattern batchFiled;
    final Map<String, String> levelItemAreas;

    /** Reads and writes the tree of an edited copy (tests only). */
    private static final YAMLMapper EDITED_COPY = YAMLMapper.builder().build();

    private ExtractionLexicon(KnowledgeNode n, KnowledgeNode cleaning) {
        sentenceEnds = YamlResources.required(n, "sentence_ends");
        clauseEnds = YamlResources.required(n, "clause_ends");
        scopeCarryingEnds = YamlResources.required(n, "scope_carrying_ends");
        rateContextRivals = YamlResources.map(n, "rate_context_rivals");
        topHeading = Pattern.compile(YamlResources.required(n, "top_heading"));
        listItemMarker = Pattern.compile(YamlResources.required(n, "list_item_marker"));
        year = Pattern.compile(YamlResources.required(n, "year"));
        dateExpression = Pattern.compile(YamlResources.required(n, "date_expression"));
        trailingYear = Pattern.compile(YamlResources.required(n, "trailing_year"));
        yearBeforeFigure = Pattern.compile(YamlResources.required(n, "year_before_figure"));
        yearAtEventBeforeFigure = Pattern.compile(YamlResources.required(n, "year_at_event_before_figure"));
        prefectureHeading = Pattern.compile(YamlResources.required(n, "prefecture_heading"));
        townHeading = Pattern.compile(YamlResources.required(n, "town_heading"));
        townOpeningActor = Pattern.compile(YamlResources.required(n, "town_opening_actor"));
        townNameGenericWords = YamlResources.strings(n, "town_name_generic_words");
        townOpeningLines = YamlResources.integer(n, "town_opening_lines", 3);
        sloganQuotePairs = YamlResources.strings(n, "slogan_quote_pairs");
        sloganMaxLength = YamlResources.integer(n, "slogan_max_length", 16);
        rateSuffixes = YamlResources.strings(n, "rate_suffixes");
        ordinalPrefixes = YamlResources.strings(n, "ordinal_prefixes");
        percentWord = YamlResources.required(n, "percent_word");
        placeholderCharacters = YamlResources.required(n, "placeholder_characters");
        elisionToken = YamlResources.required(cleaning, "elision_token");
        titleMarkers = YamlResources.strings(cleaning, "title_markers");
        titleMaxLength = cleaning.integer("title_max_length");
        units = longestFirst(YamlResources.strings(n, "units"));
        dateUnits = YamlResources.strings(n, "date_units");
        chineseNumeralFollowers = YamlResources.strings(n, "chinese_numeral_followers");
        rangeConnectors = YamlResources.strings(n, "range_connectors");
        perOccasionSuffix = longestFirst(YamlResources.strings(n, "per_occasion_suffix"));
        KnowledgeNode q = n.node("qualifiers");
        qualifiersBefore = YamlResources.map(q, "before_number");
        qualifiersAfterNumber = YamlResources.map(q, "after_number");
        qualifiersAfterUnit = YamlResources.map(q, "after_unit");
        linkWords = longestFirst(YamlResources.strings(n, "link_words"));
        changeVerbs = longestFirst(YamlResources.strings(n, "change_verbs"));
        changeParticles = YamlResources.strings(n, "change_particles");
        comparisonCues = YamlResources.strings(n, "comparison_cues");
        priorYearCues = YamlResources.strings(n, "prior_year_cues");
        priorValueMarkers = YamlResources.strings(n, "prior_value_markers");
        targetCues = YamlResources.strings(n, "target_cues");
        planHeadingCues = YamlResources.strings(n, "plan_heading_cues");
        foreignEntityCues = YamlResources.strings(n, "foreign_entity_cues");
        higherCityCues = YamlResources.strings(n, "higher_city_cues");
        townScopeWords = YamlResources.strings(n, "town_scope_words");
        otherBodyActors = longestFirst(YamlResources.strings(n, "other_body_actors"));
        otherBodyPrepositions = longestFirst(YamlResources.strings(n, "other_body_prepositions"));
        otherBodyReceivedSubjects = YamlResources.strings(n, "other_body_received_subjects");
        combinedWords = YamlResources.strings(n, "combined_words");
        countyTitleMarkers = YamlResources.strings(n, "county_title_markers");
        countySelfWords = YamlResources.strings(n, "county_self_words");
        departmentSelfWords = YamlResources.strings(n, "department_self_words");
        regionNameSuffixes = YamlResources.strings(n, "region_name_suffixes");
        localUnitZoneSuffixes = YamlResources.strings(n, "local_unit_zone_suffixes");
        KnowledgeNode own = n.node("report_level_own_scope");
        java.util.Map<ReportLevel, List<String>> byLevel = new java.util.EnumMap<>(ReportLevel.class);
        byLevel.put(ReportLevel.COUNTY, List.of());
        byLevel.put(ReportLevel.PREFECTURE, YamlResources.strings(own, "prefecture"));
        byLevel.put(ReportLevel.PROVINCE, YamlResources.strings(own, "province"));
        byLevel.put(ReportLevel.MUNICIPALITY, YamlResources.strings(own, "municipality"));
        byLevel.put(ReportLevel.COUNTY_CITY, YamlResources.strings(own, "county_city"));
        ownScopeByLevel = java.util.Collections.unmodifiableMap(byLevel);
        municipalityCodes = YamlResources.strings(n, "municipality_codes");
        countyCityNameEndings = YamlResources.strings(n, "county_city_name_endings");
        breakdownCues = YamlResources.strings(n, "breakdown_cues");
        reviewedKindTotals = YamlResources.strings(n, "reviewed_kind_totals");
        combineConjunctions = longestFirst(YamlResources.strings(n, "combine_conjunctions"));
        notCombined = longestFirst(YamlResources.strings(n, "not_combined"));
        conjunctionLookalikes = YamlResources.strings(n, "conjunction_lookalikes");
        cumulativeWords = YamlResources.strings(n, "cumulative_words");
        inheritBlockers = YamlResources.strings(n, "inherit_blockers");
        requirementCues = YamlResources.strings(n, "requirement_cues");
        firstKindVerbs = YamlResources.strings(n, "first_kind_verbs");
        combinedRestWords = YamlResources.strings(n, "combined_rest_words");
        inheritFillers = longestFirst(YamlResources.strings(n, "inherit_fillers"));
        inheritMaxLeftover = YamlResources.integer(n, "inherit_max_leftover", 4);
        inheritTransparentSubjects = YamlResources.strings(n, "inherit_transparent_subjects");
        tableYearHeader = YamlResources.required(n, "table_year_header");
        respectivelyMarkers = longestFirst(YamlResources.strings(n, "respectively_markers"));
        respectivelyMaxGap = YamlResources.integer(n, "respectively_max_gap", 12);
        respectivelyBareItemLead = YamlResources.integer(n, "respectively_bare_item_lead", 2);
        listSeparators = YamlResources.strings(n, "list_separators");
        itemConjunctions = longestFirst(YamlResources.strings(n, "item_conjunctions"));
        sharedHeadNouns = YamlResources.strings(n, "shared_head_nouns");
        yearSpanFollowers = longestFirst(YamlResources.strings(n, "year_span_followers"));
        yearLeadWords = longestFirst(YamlResources.strings(n, "year_lead_words"));
        periodCues = YamlResources.strings(n, "period_cues").stream().map(Pattern::compile).toList();
        leadIns = YamlResources.strings(n, "lead_ins").stream().map(Pattern::compile).toList();
        otherBodyJoint = YamlResources.required(n, "other_body_joint");
        otherBodyJointReach = YamlResources.integer(n, "other_body_joint_reach", 3);
        otherBodyListItemMax = YamlResources.integer(n, "other_body_list_item_max", 10);
        targetCueExceptions = YamlResources.strings(n, "target_cue_exceptions");
        priorYearCueExceptions = YamlResources.strings(n, "prior_year_cue_exceptions");
        predicateLeads = longestFirst(YamlResources.strings(n, "predicate_leads"));
        modifierEnds = YamlResources.strings(n, "modifier_ends");
        foreignScopePlacers = YamlResources.strings(n, "foreign_scope_placers");
        higherSpeakers = YamlResources.strings(n, "higher_speakers").stream().map(Pattern::compile).toList();
        foreignScopeReferences = YamlResources.strings(n, "foreign_scope_references").stream().map(Pattern::compile)
                .toList();
        higherSpeakerAreaWords = YamlResources.strings(n, "higher_speaker_area_words");
        ownScopeWords = YamlResources.strings(n, "own_scope_words");
        gapStops = YamlResources.text(n, "gap_stops", "");
        gapShortMax = YamlResources.integer(n, "gap_short_max", 6);
        gapTopicMax = YamlResources.integer(n, "gap_topic_max", 16);
        toDateCues = YamlResources.strings(n, "to_date_cues").stream().map(Pattern::compile).toList();
        toNowCues = YamlResources.strings(n, "to_now_cues").stream().map(Pattern::compile).toList();
        sinceWords = YamlResources.strings(n, "since_words");
        sinceStartYear = Pattern.compile(YamlResources.required(n, "since_start_year"));
        sinceCurrentStarts = longestFirst(YamlResources.strings(n, "since_current_starts"));
        currentYearWords = YamlResources.strings(n, "current_year_words");
        subsetQualifiers = longestFirst(YamlResources.strings(n, "subset_qualifiers"));
        subsetQualifierWholes = longestFirst(YamlResources.strings(n, "subset_qualifier_wholes"));
        subsetQualifierReach = YamlResources.integer(n, "subset_qualifier_reach", 4);
        categoryMarkers = YamlResources.strings(n, "category_markers");
        categoryTotals = YamlResources.strings(n, "category_totals");
        subjectModifierSuffixes = longestFirst(YamlResources.strings(n, "subject_modifier_suffixes"));
        subjectCategoryBeforeFigure = longestFirst(YamlResources.strings(n, "subject_category_before_figure"));
        listNouns = YamlResources.strings(n, "list_nouns");
        listUnits = YamlResources.strings(n, "list_units");
        partQualifiers = longestFirst(YamlResources.strings(n, "part_qualifiers"));
        partQualifierWholes = YamlResources.strings(n, "part_qualifier_wholes");
        partQualifiersBesideKinds = longestFirst(YamlResources.strings(n, "part_qualifiers_beside_kinds"));
        partQualifierPlaceLeads = longestFirst(YamlResources.strings(n, "part_qualifier_place_leads"));
        backReference = Pattern.compile("(?:^|[,:;，：；])\\s*(?:" + String.join("|",
                longestFirst(YamlResources.strings(n, "back_reference_words")).stream().map(Pattern::quote).toList())
                + ")([0-9]+)");
        partKinds = YamlResources.strings(n, "part_kinds");
        relativeMarkers = YamlResources.strings(n, "relative_markers");
        relativeClauseReach = YamlResources.integer(n, "relative_clause_reach", 12);
        listContinuations = longestFirst(YamlResources.strings(n, "list_continuations"));
        campaignNameQuotes = YamlResources.strings(n, "campaign_name_quotes");
        singleKindSubjects = YamlResources.strings(n, "single_kind_subjects");
        beneficiaryPrepositions = YamlResources.strings(n, "beneficiary_prepositions");
        shareWords = longestFirst(YamlResources.strings(n, "share_words"));
        shareWholeWords = YamlResources.strings(n, "share_whole_words");
        excludeNeutralPhrases = longestFirst(YamlResources.strings(n, "exclude_neutral_phrases"));
        compositionOpenings = YamlResources.strings(n, "composition_openings");
        groupingUnits = YamlResources.strings(n, "grouping_units");
        subsetCues = YamlResources.strings(n, "subset_cues");
        averageCues = YamlResources.strings(n, "average_cues");
        perItemLeads = YamlResources.strings(n, "per_item_leads");
        subsetPatterns = YamlResources.strings(n, "subset_patterns").stream().map(Pattern::compile).toList();
        subsetActors = YamlResources.strings(n, "subset_actors");
        subsetActorPatterns = YamlResources.strings(n, "subset_actor_patterns").stream().map(Pattern::compile).toList();
        subsetSentenceCauses = YamlResources.strings(n, "subset_sentence_causes");
        subsetSentenceCauseExceptions = YamlResources.strings(n, "subset_sentence_cause_exceptions");
        subsetSentenceCausePatterns = YamlResources.strings(n, "subset_sentence_cause_patterns").stream()
                .map(Pattern::compile).toList();
        tableTotalLabels = YamlResources.strings(n, "table_total_labels");
        localUnitActors = YamlResources.strings(n, "local_unit_actors").stream().map(Pattern::compile).toList();
        sentenceUnitActors = YamlResources.strings(n, "sentence_unit_actors").stream().map(Pattern::compile).toList();
        localUnitGenericWords = YamlResources.strings(n, "local_unit_generic_words");
        verbNegations = longestFirst(YamlResources.strings(n, "verb_negations"));
        verbConjunctions = longestFirst(YamlResources.strings(n, "verb_conjunctions"));
        verbCompanions = YamlResources.strings(n, "verb_companions");
        comparisonYearPrefixes = YamlResources.strings(n, "comparison_year_prefixes");
        durationAfterUnit = longestFirst(YamlResources.strings(n, "duration_after_unit"));
        rankPrefixes = YamlResources.strings(n, "rank_prefixes");
        rankPrefixBlockers = YamlResources.strings(n, "rank_prefix_blockers");
        rankUnits = YamlResources.strings(n, "rank_units");
        distributiveWords = YamlResources.strings(n, "distributive_words");
        rateListConjunctions = longestFirst(YamlResources.strings(n, "rate_list_conjunctions"));
        rateListNameMax = YamlResources.integer(n, "rate_list_name_max", 8);
        predicateConjunctions = YamlResources.strings(n, "predicate_conjunctions");
        levelItemOpening = Pattern.compile(YamlResources.required(n, "level_item_opening"));
        governmentShare = Pattern.compile(YamlResources.required(n, "government_share_pattern"));
        batchFiled = Pattern.compile(YamlResources.required(n, "batch_filed_pattern"));
        levelItemAreas = YamlResources.map(n, "level_item_areas");
    }

    public static ExtractionLexicon bundled() {
        return of(YamlResources.load(BUNDLED));
    }

    /** The lexicon file as read, for a test that edits it before building a lexicon of it. */
    static JsonNode bundledTree() {
        return EDITED_COPY.readTree(KnowledgeFiles.bytes(BUNDLED));
    }

    /** A lexicon of an edited copy of the lexicon file's tree, with the cleaning words in use. */
    static ExtractionLexicon of(JsonNode edited) {
        return of(KnowledgeNode.parse(BUNDLED + " (edited copy)", EDITED_COPY.writeValueAsBytes(edited)));
    }

    private static ExtractionLexicon of(KnowledgeNode lexicon) {
        ExtractionLexicon read = new ExtractionLexicon(lexicon, YamlResources.load(CLEANING));
        lexicon.finish();
        return read;
    }

    /** The number of a placeholder figure ("X", "XX"), as {@link RawMention#numberText()} carries it. */
    public boolean isPlaceholder(String numberText) {
        if (numberText.isEmpty() || numberText.length() > 3) {
            return false;
        }
        for (int i = 0; i < numberText.length(); i++) {
            if (placeholderCharacters.indexOf(numberText.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** "百分之九十五" without its percent word; other numbers as they are. */
    public String withoutPercentWord(String numberText) {
        return numberText.startsWith(percentWord) ? numberText.substring(percentWord.length()) : numberText;
    }

    /**
     * "评查案卷370余,": a hedged Arabic count ending its clause without a unit word counts the thing named right
     * before it, in that thing's unit.
     */
    boolean unitImplied(String text, Figure f) {
        if (f.hasUnit() || f.chinese() || f.redacted()
                || !qualifiersAfterNumber.containsKey(text.substring(f.numberEnd(), f.end()))) {
            return false;
        }
        return f.end() >= text.length() || (clauseEnds + sentenceEnds).indexOf(text.charAt(f.end())) >= 0;
    }

    /**
     * A Chinese-numeral figure not followed by a listed character is part of a set phrase ("三项制度",
     * "一次性办结率"), no figure: it neither is read nor ends the reading window of the next figure.
     */
    boolean inSetPhrase(String text, Figure f) {
        if (!f.chinese() || f.end() >= text.length()) {
            return false;
        }
        if (inSlogan(text, f)) {
            return true; // "做到“评查一卷、规范一片”": a slogan's numeral
        }
        if (chineseNumeralFollowers.contains(String.valueOf(text.charAt(f.end())))
                || text.startsWith(elisionToken, f.end())) {
            return false;
        }
        for (String w : predicateLeads) { // "十二件予以废止": the figure's own predicate follows
            if (f.hasUnit() && text.startsWith(w, f.end())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Chinese-numeral figure inside a short quoted slogan ("“评查一卷、规范一片”"): an opening quote before it and its
     * closing quote after it, both within the slogan's length and no sentence end between them.
     */
    private boolean inSlogan(String text, Figure f) {
        for (String pair : sloganQuotePairs) {
            char open = pair.charAt(0);
            char close = pair.charAt(1);
            int from = Math.max(0, f.start() - sloganMaxLength);
            int opened = -1;
            for (int i = f.start() - 1; i >= from; i--) {
                char c = text.charAt(i);
                if (c == close || sentenceEnds.indexOf(c) >= 0) {
                    break;
                }
                if (c == open) {
                    opened = i;
                    break;
                }
            }
            if (opened < 0) {
                continue;
            }
            int to = Math.min(text.length(), opened + 1 + sloganMaxLength);
            for (int i = f.end(); i < to; i++) {
                char c = text.charAt(i);
                if (c == close) {
                    return true;
                }
                if (c == open || sentenceEnds.indexOf(c) >= 0) {
                    break;
                }
            }
        }
        return false;
    }

    /** A unit after which a figure does not end the window of the next one (a date, "14类"). */
    boolean windowTransparent(String unit) {
        return dateUnits.contains(unit) || groupingUnits.contains(unit);
    }

    boolean isRateName(String s) {
        for (String r : rateSuffixes) {
            if (s.endsWith(r)) {
                return true;
            }
        }
        return false;
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
