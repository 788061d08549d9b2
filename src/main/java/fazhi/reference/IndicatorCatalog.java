package fazhi.reference;

import fazhi.extract.YamlResources;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** The indicator catalog, read from data (schema/indicators.yaml); adding an indicator needs no code. */
public final class IndicatorCatalog {

    private static final String BUNDLED = "/schema/indicators.yaml";
    private static final Set<String> KINDS = Set.of("count", "rate");

    private final List<IndicatorDefinition> indicators;
    private final Map<String, IndicatorDefinition> byCode;

    private IndicatorCatalog(List<IndicatorDefinition> indicators) {
        this.indicators = List.copyOf(indicators);
        Map<String, IndicatorDefinition> map = new LinkedHashMap<>();
        for (IndicatorDefinition d : indicators) {
            if (map.put(d.code(), d) != null) {
                throw new IllegalStateException("indicator " + d.code() + " is defined twice");
            }
        }
        this.byCode = map;
    }

    /** The catalog shipped in the jar. */
    public static IndicatorCatalog bundled() {
        return fromTree(YamlResources.load(BUNDLED), BUNDLED);
    }

    /** A catalog from another YAML file of the same shape (for statisticians trying phrasings). */
    public static IndicatorCatalog fromYaml(InputStream in) {
        return fromTree(YamlResources.parse(in), "yaml stream");
    }

    private static IndicatorCatalog fromTree(JsonNode root, String source) {
        List<IndicatorDefinition> list = new ArrayList<>();
        for (JsonNode n : root.path("indicators")) {
            String code = YamlResources.text(n, "code", null);
            if (code == null || code.isBlank()) {
                throw new IllegalStateException(source + ": an indicator has no code");
            }
            String kind = YamlResources.text(n, "kind", "count");
            if (!KINDS.contains(kind)) {
                throw new IllegalStateException(source + ": indicator " + code + " has unknown kind " + kind);
            }
            List<Phrasing> phrasings = new ArrayList<>();
            for (JsonNode p : n.path("phrasings")) {
                List<String> subjects = YamlResources.strings(p, "subjects");
                List<String> shareOf = YamlResources.strings(p, "share_of");
                if (subjects.isEmpty() && shareOf.isEmpty()) {
                    throw new IllegalStateException(source + ": a phrasing of " + code + " has no subjects");
                }
                phrasings.add(new Phrasing(YamlResources.text(p, "id", "p" + phrasings.size()),
                        subjects, YamlResources.strings(p, "verbs"),
                        p.path("after").asBoolean(false), shareOf, YamlResources.strings(p, "context")));
            }
            if (phrasings.isEmpty()) {
                throw new IllegalStateException(source + ": indicator " + code + " has no phrasings");
            }
            String unit = YamlResources.text(n, "unit", "");
            List<String> units = YamlResources.strings(n, "units");
            if (units.isEmpty()) {
                units = List.of(unit);
            }
            list.add(new IndicatorDefinition(code, YamlResources.text(n, "domain", ""),
                    YamlResources.text(n, "name_zh", ""), unit, kind,
                    YamlResources.text(n, "description", ""), units, phrasings,
                    YamlResources.strings(n, "context"), YamlResources.strings(n, "exclude"),
                    n.path("stock").asBoolean(false)));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(source + ": no indicators");
        }
        return new IndicatorCatalog(list);
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
