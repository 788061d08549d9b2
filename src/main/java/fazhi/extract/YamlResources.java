package fazhi.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the knowledge files under /schema/ from the classpath; fails loudly when one is missing or broken. */
public final class YamlResources {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private YamlResources() {
    }

    public static JsonNode load(String resource) {
        try (InputStream in = YamlResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static JsonNode parse(InputStream in) {
        return MAPPER.readTree(in);
    }

    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode list = node.path(field);
        if (list.isArray()) {
            for (JsonNode item : list) {
                out.add(item.asString());
            }
        }
        return List.copyOf(out);
    }

    public static Map<String, String> map(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode m = node.path(field);
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    public static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asString();
    }

    /** A scalar that must be there: its absence is a broken schema file, not a default. */
    public static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asString().isEmpty()) {
            throw new IllegalStateException("schema: missing " + field);
        }
        return v.asString();
    }

    public static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asInt();
    }
}
