package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import fazhi.normalize.MentionNormalizer;
import fazhi.reference.IndicatorCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every word list of schema/extraction-lexicon.yaml is used: emptied, it changes what the extractor finds
 * (the mentions, as published in the mentions table) in at least one text of the gold reports, the extraction
 * cases or the real-phrasing corpus. A list that changes nothing is dead weight a statistician would edit in
 * vain, or a phrasing no case pins down. The texts are cleaned once; each mutation builds one extractor and
 * stops at the first text whose mentions differ.
 */
class LexiconListsMatterTest {

    private static final IndicatorCatalog CATALOG = IndicatorCatalog.bundled();

    /** A cleaned text, the year of the report it stands in and its region code (null: none stated). */
    private record Text(String name, String clean, Integer year, String regionCode) {
    }

    private static final List<Text> TEXTS = new ArrayList<>();
    private static final List<List<Object>> BASELINE = new ArrayList<>();

    @BeforeAll
    static void cleanEveryTextOnce() throws IOException, URISyntaxException {
        TextCleaner cleaner = new TextCleaner();
        try (Stream<Arguments> cases = ExtractionCasesTest.cases()) {
            for (Arguments a : cases.toList()) {
                Object[] c = a.get();
                TEXTS.add(new Text("case [" + c[0] + "] " + c[1], cleaner.clean((String) c[1]), (Integer) c[5],
                        (String) c[6]));
            }
        }
        for (RealPhrasingCorpusTest.Case c : RealPhrasingCorpusTest.load()) {
            TEXTS.add(new Text("real " + c.id(), cleaner.clean(c.text()), c.year(), c.regionCode()));
        }
        Path gold = Path.of(Objects.requireNonNull(LexiconListsMatterTest.class.getResource("/gold")).toURI());
        try (Stream<Path> docs = Files.list(gold)) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                TEXTS.add(new Text("gold " + doc.getFileName(),
                        cleaner.clean(Files.readString(doc, StandardCharsets.UTF_8)), null, null));
            }
        }
        ExtractionLexicon lexicon = ExtractionLexicon.bundled();
        IndicatorExtractor extractor = new IndicatorExtractor(CATALOG, lexicon);
        MentionNormalizer normalizer = new MentionNormalizer(CATALOG, lexicon);
        for (Text t : TEXTS) {
            BASELINE.add(mentions(extractor, normalizer, t));
        }
    }

    @Test
    void everyListOfTheLexiconChangesSomeTextsMentionsWhenEmptied() {
        JsonNode bundled = ExtractionLexicon.bundledTree();
        List<String> lists = listPaths(bundled, "");
        assertThat(lists).as("lists of the lexicon").hasSizeGreaterThan(50);
        List<String> dead = new ArrayList<>();
        for (String path : lists) {
            JsonNode mutated = bundled.deepCopy();
            empty(mutated, path);
            if (!changesSomeText(mutated)) {
                dead.add(path);
            }
        }
        assertThat(dead).as("lists that change no mention of %d texts when emptied", TEXTS.size()).isEmpty();
    }

    /**
     * Whether a lexicon of the mutated tree finds other mentions in some text than the bundled one. A list
     * without which no extractor can be built (a pattern made of its words) is in use too.
     */
    private static boolean changesSomeText(JsonNode mutated) {
        IndicatorExtractor extractor;
        MentionNormalizer normalizer;
        try {
            ExtractionLexicon lexicon = ExtractionLexicon.of(mutated);
            extractor = new IndicatorExtractor(CATALOG, lexicon);
            normalizer = new MentionNormalizer(CATALOG, lexicon);
        } catch (RuntimeException needed) {
            return true;
        }
        for (int i = 0; i < TEXTS.size(); i++) {
            if (!mentions(extractor, normalizer, TEXTS.get(i)).equals(BASELINE.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The extractor's mentions (rule, offsets, words as written) and what the normaliser makes of them. */
    private static List<Object> mentions(IndicatorExtractor extractor, MentionNormalizer normalizer, Text t) {
        List<RawMention> raw = extractor.extract(t.clean(), t.year(), extractor.reportLevelOf(t.regionCode()));
        return List.of(raw, normalizer.normalize(raw));
    }

    /** The dotted paths of the lists (arrays) and word maps (objects of words) in the tree. */
    private static List<String> listPaths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                out.add(path);
            } else if (v.isObject()) {
                boolean words = v.valueStream().allMatch(JsonNode::isValueNode);
                if (words) {
                    out.add(path);
                } else {
                    out.addAll(listPaths(v, path + "."));
                }
            }
        }
        return out;
    }

    private static void empty(JsonNode root, String path) {
        String[] keys = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = parent.get(keys[i]);
        }
        JsonNode list = parent.get(keys[keys.length - 1]);
        if (list instanceof ArrayNode a) {
            a.removeAll();
        } else {
            ((ObjectNode) list).removeAll();
        }
    }
}
