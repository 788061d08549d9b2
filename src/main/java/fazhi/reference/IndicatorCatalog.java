package fazhi.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The indicator catalog, read from data (schema/indicators.yaml): the one list of indicators every stage
 * reads - the extractor its phrasings, the normaliser and validator the units and kinds, the ranking its codes,
 * the generator its kinds and written units. Adding an indicator is one entry here plus its cases.
 */
public final class IndicatorCatalog {

    public static final String FILE = "schema/indicators.yaml";
    private static final Set<String> KINDS = Set.of("count", "rate");

    private final List<IndicatorDefinition> indicators;
    private final Map<String, IndicatorDefinition> byCode;

    private IndicatorCatalog(List<IndicatorDefinition> indicators) {
        this.indicators = List.copyOf(indicators);
        Map<String, IndicatorDefinition> map = new LinkedHashMap<>();
        for (IndicatorDefinition d : indicators) {
            map.put(d.code(), d);
        }
        this.byCode = map;
    }

    /** The catalog in use: the copy in the --catalog folder when there is one, else the one in the jar. */
    public static IndicatorCatalog bundled() {
        return read(KnowledgeFiles.yaml(FILE));
    }

    /** A catalog from another YAML file of the same shape (for statisticians trying phrasings). */
    public static IndicatorCatalog fromYaml(InputStream in) {
        try {
            return read(KnowledgeNode.parse("catalog", in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndicatorCatalog read(KnowledgeNode root) {
        List<IndicatorDefinition> list = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (KnowledgeNode n : root.nodes("indicators")) {
            String code = n.text("code");
            if (!codes.add(code)) {
                throw n.problem("code", "indicator " + code + " is defined twice");
            }
            String kind = n.text("kind");
            if (!KINDS.contains(kind)) {
                throw n.problem("kind", "unknown kind '" + kind + "': count or rate");
            }
            List<Phrasing> phrasings = new ArrayList<>();
            for (KnowledgeNode p : n.nodes("phrasings")) {
                List<String> subjects = p.strings("subjects", List.of());
                List<String> shareOf = p.strings("share_of", List.of());
                if (subjects.isEmpty() && shareOf.isEmpty()) {
                    throw p.problem("subjects", "a phrasing of " + code + " needs subjects (or share_of)");
                }
                phrasings.add(new Phrasing(p.text("id", "p" + phrasings.size()),
                        subjects, p.strings("verbs", List.of()),
                        p.bool("after", false), shareOf, p.strings("context", List.of())));
            }
            if (phrasings.isEmpty()) {
                throw n.problem("phrasings", "indicator " + code + " has no phrasings");
            }
            String unit = n.text("unit");
            List<String> units = n.strings("units", List.of(unit));
            List<String> writtenUnits = n.strings("written_units", List.of(unit));
            for (String w : writtenUnits) {
                if (!units.contains(w)) {
                    throw n.problem("written_units", "'" + w + "' is not one of the units " + units);
                }
            }
            list.add(new IndicatorDefinition(code, n.text("domain"), n.text("name_zh"), unit, kind,
                    n.text("description"), units, phrasings,
                    n.strings("context", List.of()), n.strings("exclude", List.of()),
                    n.bool("stock", false), n.bool("batch", false), n.bool("core", false), writtenUnits));
        }
        if (list.isEmpty()) {
            throw root.problem("indicators", "no indicators");
        }
        root.finish();
        return new IndicatorCatalog(list);
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The codes of every indicator, in catalog order. */
    public Set<String> codes() {
        return byCode.keySet();
    }
}
