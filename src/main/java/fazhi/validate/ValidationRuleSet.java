package fazhi.validate;

import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The validation rules and their parameters, read from YAML and checked before anything runs. */
public record ValidationRuleSet(Map<String, String> parameters, List<ValidationRule> rules) {
    public static final String RESOURCE = "schema/validation-rules.yaml";
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z_][a-z0-9_]*)}");

    public static ValidationRuleSet bundled() {
        return read(KnowledgeFiles.yaml(RESOURCE), RESOURCE);
    }

    /** Parses and checks the rules; every broken constraint is reported with the rule it is in. */
    public static ValidationRuleSet load(InputStream yaml, String source) {
        try {
            return read(KnowledgeNode.parse(source, yaml.readAllBytes()), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static ValidationRuleSet read(KnowledgeNode root, String source) {
        Set<String> codes = IndicatorCatalog.bundled().codes();
        // parameters are optional: a rule set without ${...} needs none
        Map<String, String> params = root.has("parameters") ? new LinkedHashMap<>(root.textMap("parameters"))
                : new LinkedHashMap<>();
        List<ValidationRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (KnowledgeNode r : root.nodes("rules")) {
            String id = r.text("id");
            String where = source + " rule " + id + ": ";
            if (!ids.add(id)) {
                problems.add(where + "id is used twice");
            }
            ValidationRule.Severity severity = parseEnum(ValidationRule.Severity.class, r.text("severity"),
                    where + "severity must be error or warning", problems);
            ValidationRule.Scope scope = parseEnum(ValidationRule.Scope.class, r.text("scope"),
                    where + "scope must be observation or report", problems);
            String expression = substitute(r.text("expression", ""), params, where, problems);
            if (expression.isBlank()) {
                problems.add(where + "has no expression");
            }
            String message = substitute(r.text("message"), params, where, problems);
            KnowledgeNode applies = r.optionalNode("applies_to").orElse(null);
            String kind = applies == null ? null : applies.text("kind", null);
            List<String> indicators = applies == null ? List.of() : applies.strings("indicators", List.of());
            for (String code : indicators) {
                if (!codes.contains(code)) {
                    throw applies.problem("indicators", "unknown indicator code '" + code
                            + "': not in the catalog (schema/indicators.yaml)");
                }
            }
            String target = r.text("target", null);
            if (kind != null && !kind.equals("count") && !kind.equals("rate")) {
                problems.add(where + "applies_to.kind must be count or rate, not " + kind);
            }
            rules.add(new ValidationRule(id, severity, scope, kind, List.copyOf(indicators), target, expression, message));
        }
        root.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid validation rules:\n  " + String.join("\n  ", problems));
        }
        return new ValidationRuleSet(Map.copyOf(params), List.copyOf(rules));
    }

    private static String substitute(String text, Map<String, String> params, String where, List<String> problems) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                problems.add(where + "uses unknown parameter ${" + m.group(1) + "}");
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String problem, List<String> problems) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem + " (found '" + text + "')");
            return null;
        }
    }
}
