package fazhi.validate;

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
    public static final String RESOURCE = "/schema/validation-rules.yaml";
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z_][a-z0-9_]*)}");

    public static ValidationRuleSet bundled() {
        try (InputStream in = ValidationRuleSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return load(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks the rules; every broken constraint is reported with the rule it is in. */
    public static ValidationRuleSet load(InputStream yaml, String source) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = root.path("parameters");
        for (String name : p.propertyNames()) {
            params.put(name, p.get(name).asString());
        }
        List<ValidationRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode r : root.path("rules")) {
            i++;
            String id = r.path("id").asString("");
            String where = source + " rule " + (id.isEmpty() ? "#" + i : id) + ": ";
            if (id.isEmpty()) {
                problems.add(where + "has no id");
            } else if (!ids.add(id)) {
                problems.add(where + "id is used twice");
            }
            ValidationRule.Severity severity = parseEnum(ValidationRule.Severity.class, r.path("severity").asString(""),
                    where + "severity must be error or warning", problems);
            ValidationRule.Scope scope = parseEnum(ValidationRule.Scope.class, r.path("scope").asString(""),
                    where + "scope must be observation or report", problems);
            String expression = substitute(r.path("expression").asString(""), params, where, problems);
            if (expression.isBlank()) {
                problems.add(where + "has no expression");
            }
            String message = substitute(r.path("message").asString(""), params, where, problems);
            JsonNode applies = r.path("applies_to");
            String kind = applies.path("kind").isMissingNode() ? null : applies.path("kind").asString();
            List<String> indicators = new ArrayList<>();
            applies.path("indicators").forEach(n -> indicators.add(n.asString()));
            String target = r.path("target").isMissingNode() ? null : r.path("target").asString();
            if (kind != null && !kind.equals("count") && !kind.equals("rate")) {
                problems.add(where + "applies_to.kind must be count or rate, not " + kind);
            }
            rules.add(new ValidationRule(id, severity, scope, kind, List.copyOf(indicators), target, expression, message));
        }
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
