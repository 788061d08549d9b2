package fazhi.generate;

import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    public static final String RESOURCE = "/schema/generator/phrases.yaml";

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

    private PhraseBank(Map<String, Object> y) {
        marker = str(y, "marker");
        titles = strings(y, "titles");
        publishers = strings(y, "publishers");
        Map<String, Object> chrome = map(y, "chrome");
        breadcrumbs = strings(chrome, "breadcrumbs");
        timeLines = strings(chrome, "time_lines");
        footers = strings(chrome, "footers");
        adverts = strings(chrome, "adverts");
        docxBookmark = str(chrome, "docx_bookmark");
        openings = strings(y, "openings");
        Map<String, Object> headings = map(y, "headings");
        mainHeadings = strings(headings, "main");
        dutyHeadings = strings(headings, "duty");
        problemHeadings = strings(headings, "problems");
        planHeadings = strings(headings, "plans");
        tableCaptions = strings(headings, "table_captions");
        closings = strings(y, "closings");
        Map<String, Object> fragments = map(y, "fragments");
        leads = strings(fragments, "leads");
        actions = strings(fragments, "actions");
        results = strings(fragments, "results");
        Map<String, Object> topics = map(fragments, "topics");
        List<Group> gs = new ArrayList<>();
        for (Object o : list(y, "groups")) {
            @SuppressWarnings("unchecked") Map<String, Object> g = (Map<String, Object>) o;
            String key = str(g, "key");
            gs.add(new Group(key, strings(g, "headings"), strings(g, "filler"),
                    topics.containsKey(key) ? strings(topics, key) : List.of("法治政府建设")));
        }
        groups = Collections.unmodifiableList(gs);
        dutyFiller = strings(y, "duty_filler");
        problemFiller = strings(y, "problem_filler");
        planFiller = strings(y, "plan_filler");
        Map<String, Object> tails = map(y, "tails");
        countTails = strings(tails, "count");
        rateTails = strings(tails, "rate");
        Map<String, Object> forms = map(y, "forms");
        countForms = weights(map(forms, "count"));
        rateForms = weights(map(forms, "rate"));

        List<IndicatorSpec> specs = new ArrayList<>();
        Map<String, IndicatorSpec> codes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(y, "indicators").entrySet()) {
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) e.getValue();
            Map<String, Object> model = map(m, "model");
            boolean rate = "rate".equals(str(m, "kind"));
            List<Object> part = m.containsKey("part_of") ? list(m, "part_of") : null;
            List<String> rateOf = m.containsKey("rate_of") ? strings(m, "rate_of") : null;
            List<Object> trend = model.containsKey("trend") ? list(model, "trend") : List.of(0.0, 0.0);
            IndicatorSpec spec = new IndicatorSpec(e.getKey(), str(m, "group"), rate,
                    rate ? List.of("%") : strings(m, "units"), str(m, "table"),
                    part == null ? null : (String) part.get(0),
                    part == null ? 0 : num(part.get(1)), part == null ? 0 : num(part.get(2)),
                    rateOf == null ? null : rateOf.get(0), rateOf == null ? null : rateOf.get(1),
                    dbl(model, "base", 0), dbl(model, "elasticity", 0), num(trend.get(0)), num(trend.get(1)),
                    dbl(model, "center", 0), dbl(model, "spread", 0), dbl(model, "p100", 0),
                    dbl(model, "report", 0.5), strings(m, "phrases"),
                    m.containsKey("breakdowns") ? strings(m, "breakdowns") : List.of());
            if (spec.partOf() != null && !codes.containsKey(spec.partOf())) {
                throw new IllegalStateException(e.getKey() + ": part_of " + spec.partOf() + " must be listed before it");
            }
            if (spec.rateNumerator() != null && !(codes.containsKey(spec.rateNumerator())
                    && codes.containsKey(spec.rateDenominator()))) {
                throw new IllegalStateException(e.getKey() + ": rate_of indicators must be listed before it");
            }
            specs.add(spec);
            codes.put(spec.code(), spec);
        }
        indicators = Collections.unmodifiableList(specs);
        byCode = Collections.unmodifiableMap(codes);

        List<Composite> cs = new ArrayList<>();
        for (Object o : list(y, "composites")) {
            @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) o;
            List<String> needs = strings(c, "needs");
            for (String n : needs) {
                if (!codes.containsKey(n)) {
                    throw new IllegalStateException("composite needs unknown indicator " + n);
                }
            }
            cs.add(new Composite(needs, str(c, "group"), strings(c, "phrases"),
                    c.containsKey("breakdowns") ? strings(c, "breakdowns") : List.of(),
                    c.containsKey("split") ? strings(c, "split") : List.of("其一", "其二")));
        }
        composites = Collections.unmodifiableList(cs);
    }

    public static PhraseBank bundled() {
        try (InputStream in = PhraseBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("phrase bank " + RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static PhraseBank load(InputStream yaml) {
        Map<String, Object> root = new YAMLMapper().readValue(yaml, LinkedHashMap.class);
        return new PhraseBank(root);
    }

    public List<IndicatorSpec> indicators() {
        return indicators;
    }

    public String marker() {
        return marker;
    }

    private static String str(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            throw new IllegalStateException("phrase bank: missing " + key);
        }
        return o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof Map)) {
            throw new IllegalStateException("phrase bank: " + key + " must be a mapping");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List)) {
            throw new IllegalStateException("phrase bank: " + key + " must be a list");
        }
        return (List<Object>) o;
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, key)) {
            out.add(o == null ? "" : o.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("phrase bank: " + key + " is empty");
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Double> weights(Map<String, Object> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, num(v)));
        return out;
    }

    private static double dbl(Map<String, Object> m, String key, double dflt) {
        Object o = m.get(key);
        return o == null ? dflt : num(o);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
