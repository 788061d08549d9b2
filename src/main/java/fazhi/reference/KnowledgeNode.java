package fazhi.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One mapping of a YAML knowledge file, read strictly: every key a reader asks for must be there with the
 * right type, and once the reader is done ({@link #finish()}) every key it did not ask for is an error - a
 * typo in a key name fails at start-up instead of reading as an empty list. Problems name the file, the line
 * and the key ({@link KnowledgeFileException}). Readers declare the keys they know simply by reading them.
 */
public final class KnowledgeNode {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What the nodes of one file share: its name, the line of every path, the nodes handed out. */
    private static final class Document {
        final String file;
        final Map<String, Integer> lines;
        final List<KnowledgeNode> handedOut = new ArrayList<>();

        Document(String file, Map<String, Integer> lines) {
            this.file = file;
            this.lines = lines;
        }
    }

    private final Document doc;
    private final JsonNode json;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    private KnowledgeNode(Document doc, JsonNode json, String path) {
        this.doc = doc;
        this.json = json;
        this.path = path;
        doc.handedOut.add(this);
    }

    /** The top-level mapping of a YAML text; {@code file} names it in messages. */
    public static KnowledgeNode parse(String file, byte[] yaml) {
        Map<String, Integer> lines;
        JsonNode root;
        try {
            lines = lines(yaml);
            root = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new KnowledgeFileException(file, line, "", "not readable YAML: " + e.getOriginalMessage());
        }
        Document doc = new Document(file, lines);
        if (root == null || !root.isObject()) {
            throw new KnowledgeFileException(file, 1, "", "must be a YAML mapping of keys");
        }
        return new KnowledgeNode(doc, root, "");
    }

    /**
     * The line of every path of a YAML text ({@code parameters.screening.min_units}, {@code indicators[2].weight}),
     * for a reader that checks a file its own way but should name lines as this one does ({@link #lineOf}).
     *
     * @throws JacksonException when the text is not YAML
     */
    public static Map<String, Integer> lines(byte[] yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = MAPPER.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                TokenStreamContext at = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.streamReadContext().getParent() : p.streamReadContext();
                if (at != null) {
                    lines.putIfAbsent(pathOf(at), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    /** The line of a path in {@link #lines}, else of the nearest enclosing path there; 0 when none is. */
    public static int lineOf(Map<String, Integer> lines, String path) {
        for (String q = path; ; ) {
            Integer l = lines.get(q);
            if (l != null) {
                return l;
            }
            if (q.isEmpty()) {
                return 0;
            }
            int cut = Math.max(q.lastIndexOf('.'), q.lastIndexOf('['));
            q = cut < 0 ? "" : q.substring(0, cut);
        }
    }

    private static String pathOf(TokenStreamContext c) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext x = c; x != null && !x.inRoot(); x = x.getParent()) {
            if (x.inArray()) {
                parts.add("[" + Math.max(0, x.getCurrentIndex()) + "]");
            } else if (x.currentName() != null) {
                parts.add("." + x.currentName());
            }
        }
        Collections.reverse(parts);
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    public String file() {
        return doc.file;
    }

    /** The line this mapping starts on. */
    public int line() {
        return lineOf(path);
    }

    /** The line a key of this mapping is on (the mapping's own line when the key is absent). */
    public int line(String key) {
        return lineOf(child(key));
    }

    private int lineOf(String p) {
        return lineOf(doc.lines, p);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A problem with a key of this mapping, as the one-line error to throw. */
    public KnowledgeFileException problem(String key, String reason) {
        return new KnowledgeFileException(doc.file, line(key), child(key), reason);
    }

    /** Whether the key is present (asking does not count as reading it). */
    public boolean has(String key) {
        JsonNode v = json.get(key);
        return v != null && !v.isNull();
    }

    /** The keys of this mapping in file order, all counted as read (for mappings keyed by data, e.g. codes). */
    public List<String> keys() {
        List<String> out = new ArrayList<>(json.propertyNames());
        read.addAll(out);
        return out;
    }

    private JsonNode required(String key, String what) {
        read.add(key);
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            throw problem(key, "missing (" + what + ")");
        }
        return v;
    }

    private JsonNode optional(String key) {
        read.add(key);
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** A mapping that must be there. */
    public KnowledgeNode node(String key) {
        return asNode(required(key, "a mapping of keys"), key);
    }

    public Optional<KnowledgeNode> optionalNode(String key) {
        JsonNode v = optional(key);
        return v == null ? Optional.empty() : Optional.of(asNode(v, key));
    }

    private KnowledgeNode asNode(JsonNode v, String key) {
        if (!v.isObject()) {
            throw problem(key, "must be a mapping of keys, got " + describe(v));
        }
        return new KnowledgeNode(doc, v, child(key));
    }

    /** A list of mappings that must be there (it may be empty). */
    public List<KnowledgeNode> nodes(String key) {
        return asNodes(required(key, "a list of mappings"), key);
    }

    public List<KnowledgeNode> optionalNodes(String key) {
        JsonNode v = optional(key);
        return v == null ? List.of() : asNodes(v, key);
    }

    private List<KnowledgeNode> asNodes(JsonNode v, String key) {
        if (!v.isArray()) {
            throw problem(key, "must be a list of mappings, got " + describe(v));
        }
        List<KnowledgeNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = child(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new KnowledgeFileException(doc.file, lineOf(at), at,
                        "must be a mapping of keys, got " + describe(item));
            }
            out.add(new KnowledgeNode(doc, item, at));
        }
        return out;
    }

    /** A list of words (or other scalars) that must be there; it may be empty. */
    public List<String> strings(String key) {
        return asStrings(required(key, "a list of words"), key);
    }

    public List<String> strings(String key, List<String> fallback) {
        JsonNode v = optional(key);
        return v == null ? fallback : asStrings(v, key);
    }

    private List<String> asStrings(JsonNode v, String key) {
        if (!v.isArray()) {
            throw problem(key, "must be a list, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.isNull()) {
                String at = child(key) + "[" + i + "]";
                throw new KnowledgeFileException(doc.file, lineOf(at), at, "must be a word, got " + describe(item));
            }
            out.add(item.asString());
        }
        return List.copyOf(out);
    }

    /** A scalar that must be there and not be empty. */
    public String text(String key) {
        JsonNode v = required(key, "a value");
        String s = asText(v, key);
        if (s.isEmpty()) {
            throw problem(key, "must not be empty");
        }
        return s;
    }

    public String text(String key, String fallback) {
        JsonNode v = optional(key);
        return v == null ? fallback : asText(v, key);
    }

    private String asText(JsonNode v, String key) {
        if (!v.isValueNode()) {
            throw problem(key, "must be a single value, got " + describe(v));
        }
        return v.asString();
    }

    public int integer(String key) {
        return asInt(required(key, "a whole number"), key);
    }

    public int integer(String key, int fallback) {
        JsonNode v = optional(key);
        return v == null ? fallback : asInt(v, key);
    }

    private int asInt(JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw problem(key, "must be a whole number, got " + describe(v));
        }
        return v.asInt();
    }

    public double number(String key) {
        return asDouble(required(key, "a number"), key);
    }

    public double number(String key, double fallback) {
        JsonNode v = optional(key);
        return v == null ? fallback : asDouble(v, key);
    }

    private double asDouble(JsonNode v, String key) {
        if (!v.isNumber()) {
            throw problem(key, "must be a number, got " + describe(v));
        }
        return v.asDouble();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = optional(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw problem(key, "must be true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    /** A mapping of words to words that must be there. */
    public Map<String, String> textMap(String key) {
        JsonNode v = required(key, "a mapping of words");
        if (!v.isObject()) {
            throw problem(key, "must be a mapping of words, got " + describe(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isValueNode()) {
                String at = child(key) + "." + e.getKey();
                throw new KnowledgeFileException(doc.file, lineOf(at), at,
                        "must be a single value, got " + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    /** A value under a key, unchecked below it (for a reader with its own checks, e.g. the ranking framework). */
    public JsonNode raw(String key) {
        return optional(key);
    }

    /**
     * Ends the reading of this mapping and everything below it: a key that no reader asked for, in any
     * mapping handed out below this one, is an unknown key. Call it on the root once everything is read (on a
     * section when another reader owns the rest of the file).
     */
    public void finish() {
        for (KnowledgeNode n : doc.handedOut) {
            if (!path.isEmpty() && !n.path.equals(path) && !n.path.startsWith(path + ".")
                    && !n.path.startsWith(path + "[")) {
                continue;
            }
            for (String key : n.json.propertyNames()) {
                if (!n.read.contains(key)) {
                    throw n.problem(key, "unknown key" + (n.read.isEmpty() || n.read.size() > 12 ? ""
                            : " (known here: " + String.join(", ", n.read) + ")"));
                }
            }
        }
    }

    private static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        String s = v.asString();
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
