package fazhi.generate;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's phrase bank and panel model: schema/generator/phrases.yaml (on the classpath as
 * /schema/generator/phrases.yaml). Titles, chrome, section headings, filler, indicator phrasings and the
 * statistical model of every indicator are data there, not code.
 */
public final class PhraseBank {
    public static final String RESOURCE = "schema/generator/phrases.yaml";

    /** One indicator: how its panel is drawn and how it is written. */
    public record IndicatorSpec(String code, String group, boolean rate, List<String> units, String tableLabel,
                                String partOf, double partLo, double partHi, String rateNumerator,
                                String rateDenominator, double base, double elasticity, double trendMean,
                                double trendSd, double center, double spread, double p100, double report,
                                List<String> phrases, List<String> breakdowns) {
        boolean derived() {
            return partOf != null || rateNumerator != null;
        }
    }

    /** A sentence that writes several indicators at once (used when all are present). */
    public record Composite(List<String> needs, String group, List<String> phrases, List<String> breakdowns,
                            List<String> split) {
    }

    /** A subsection of the main section. */
    public record Group(String key, List<String> headings, List<String> filler, List<String> topics) {
    }

    final String marker;
    final List<String> titles;
    final List<String> publishers;
    final List<String> breadcrumbs;
    final List<String> timeLines;
    final List<String> footers;
    final List<String> adverts;
    final String docxBookmark;
    final PdfReportLayout.Chrome pdfChrome;
    /** The labels of a web page's metadata lines: index, publisher, date. */
    final Map<String, String> metaLabels;
    final String tableLabelHeader;
    final String tableYearHeader;
    final String governmentSuffix;
    final String elisionMark;
    final List<String> openings;
    final List<String> mainHeadings;
    final List<String> dutyHeadings;
    final List<String> problemHeadings;
    final List<String> planHeadings;
    final List<String> tableCaptions;
    final List<String> closings;
    final List<Group> groups;
    final List<String> dutyFiller;
    final List<String> problemFiller;
    final List<String> planFiller;
    final List<String> leads;
    final List<String> actions;
    final List<String> results;
    final List<String> countTails;
    final List<String> rateTails;
    final Map<String, Double> countForms;
    final Map<String, Double> rateForms;
    final List<IndicatorSpec> indicators;
    final Map<String, IndicatorSpec> byCode;
    final List<Composite> composites;

    private PhraseBank(KnowledgeNode y, IndicatorCatalog catalog) {
        marker = y.text("marker");
        titles = strings(y, "titles");
        publishers = strings(y, "publishers");
        KnowledgeNode chrome = y.node("chrome");
        breadcrumbs = strings(chrome, "breadcrumbs");
        timeLines = strings(chrome, "time_lines");
        footers = strings(chrome, "footers");
        adverts = strings(chrome, "adverts");
        docxBookmark = chrome.text("docx_bookmark");
        KnowledgeNode breaks = chrome.node("pdf_title_breaks");
        pdfChrome = new PdfReportLayout.Chrome(strings(breaks, "after"), strings(breaks, "before"),
                strings(chrome, "pdf_page_numbers"));
        KnowledgeNode meta = chrome.node("meta_labels");
        metaLabels = Map.of("index", meta.text("index"), "publisher", meta.text("publisher"), "date", meta.text("date"));
        KnowledgeNode tableHeader = chrome.node("table_header");
        tableLabelHeader = tableHeader.text("label");
        tableYearHeader = tableHeader.text("year");
        governmentSuffix = chrome.text("government_suffix");
        elisionMark = chrome.text("elision_mark");
        openings = strings(y, "openings");
        KnowledgeNode headings = y.node("headings");
        mainHeadings = strings(headings, "main");
        dutyHeadings = strings(headings, "duty");
        problemHeadings = strings(headings, "problems");
        planHeadings = strings(headings, "plans");
        tableCaptions = strings(headings, "table_captions");
        closings = strings(y, "closings");
        KnowledgeNode fragments = y.node("fragments");
        leads = strings(fragments, "leads");
        actions = strings(fragments, "actions");
        results = strings(fragments, "results");
        KnowledgeNode topics = fragments.node("topics");
        Map<String, List<String>> topicsByGroup = new LinkedHashMap<>();
        for (String key : topics.keys()) {
            topicsByGroup.put(key, strings(topics, key));
        }
        List<Group> gs = new ArrayList<>();
        for (KnowledgeNode g : y.nodes("groups")) {
            String key = g.text("key");
            if (!topicsByGroup.containsKey(key)) {
                throw topics.problem(key, "missing (the topics of group " + key + ")");
            }
            gs.add(new Group(key, strings(g, "headings"), strings(g, "filler"), topicsByGroup.get(key)));
        }
        groups = Collections.unmodifiableList(gs);
        dutyFiller = strings(y, "duty_filler");
        problemFiller = strings(y, "problem_filler");
        planFiller = strings(y, "plan_filler");
        KnowledgeNode tails = y.node("tails");
        countTails = strings(tails, "count");
        rateTails = strings(tails, "rate");
        KnowledgeNode forms = y.node("forms");
        countForms = weights(forms.node("count"));
        rateForms = weights(forms.node("rate"));

        // kind and units are the catalog's (schema/indicators.yaml): the generator writes an indicator's
        // written units, so what it writes is what the extractor accepts
        List<IndicatorSpec> specs = new ArrayList<>();
        Map<String, IndicatorSpec> codes = new LinkedHashMap<>();
        KnowledgeNode indicatorNodes = y.node("indicators");
        for (String code : indicatorNodes.keys()) {
            KnowledgeNode m = indicatorNodes.node(code);
            IndicatorDefinition definition = catalog.byCode(code).orElseThrow(() -> indicatorNodes.problem(code,
                    "unknown indicator code '" + code + "': not in the catalog (schema/indicators.yaml)"));
            KnowledgeNode model = m.node("model");
            boolean rate = definition.isRate();
            List<String> part = m.has("part_of") ? m.strings("part_of") : null;
            List<String> rateOf = m.has("rate_of") ? m.strings("rate_of") : null;
            List<String> trend = model.strings("trend", List.of("0", "0"));
            IndicatorSpec spec = new IndicatorSpec(code, m.text("group"), rate,
                    rate ? List.of("%") : definition.writtenUnits(), m.text("table"),
                    part == null ? null : part.get(0),
                    part == null ? 0 : num(m, "part_of", part.get(1)), part == null ? 0 : num(m, "part_of", part.get(2)),
                    rateOf == null ? null : rateOf.get(0), rateOf == null ? null : rateOf.get(1),
                    model.number("base", 0), model.number("elasticity", 0),
                    num(model, "trend", trend.get(0)), num(model, "trend", trend.get(1)),
                    model.number("center", 0), model.number("spread", 0), model.number("p100", 0),
                    model.number("report", 0.5), strings(m, "phrases"),
                    m.has("breakdowns") ? strings(m, "breakdowns") : List.of());
            if (spec.partOf() != null && !codes.containsKey(spec.partOf())) {
                throw m.problem("part_of", code + ": part_of " + spec.partOf() + " must be listed before it");
            }
            if (spec.rateNumerator() != null && !(codes.containsKey(spec.rateNumerator())
                    && codes.containsKey(spec.rateDenominator()))) {
                throw m.problem("rate_of", code + ": rate_of indicators must be listed before it");
            }
            specs.add(spec);
            codes.put(spec.code(), spec);
        }
        indicators = Collections.unmodifiableList(specs);
        byCode = Collections.unmodifiableMap(codes);

        List<Composite> cs = new ArrayList<>();
        for (KnowledgeNode c : y.nodes("composites")) {
            List<String> needs = strings(c, "needs");
            for (String n : needs) {
                if (!codes.containsKey(n)) {
                    throw c.problem("needs", "composite needs unknown indicator " + n);
                }
            }
            List<String> breakdowns = c.has("breakdowns") ? strings(c, "breakdowns") : List.of();
            // a breakdown names its two parts ({s1}, {s2}): the split is needed exactly then
            List<String> split = breakdowns.isEmpty() ? c.strings("split", List.of()) : c.strings("split");
            if (!breakdowns.isEmpty() && split.size() != 2) {
                throw c.problem("split", "must name the two parts of the breakdowns, got " + split.size());
            }
            cs.add(new Composite(needs, c.text("group"), strings(c, "phrases"), breakdowns, split));
        }
        composites = Collections.unmodifiableList(cs);
        y.finish();
    }

    /** The phrase bank in use (the --catalog folder's copy when there is one), over the catalog in use. */
    public static PhraseBank bundled() {
        return new PhraseBank(KnowledgeFiles.yaml(RESOURCE), IndicatorCatalog.bundled());
    }

    public List<IndicatorSpec> indicators() {
        return indicators;
    }

    public String marker() {
        return marker;
    }

    /** A list that must be there and not be empty. */
    private static List<String> strings(KnowledgeNode m, String key) {
        List<String> out = m.strings(key);
        if (out.isEmpty()) {
            throw m.problem(key, "must not be empty");
        }
        return out;
    }

    private static Map<String, Double> weights(KnowledgeNode m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            out.put(k, m.number(k));
        }
        return out;
    }

    private static double num(KnowledgeNode m, String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw m.problem(key, "'" + value + "' is not a number");
        }
    }
}
