package fazhi.extract;

import java.util.List;
import java.util.Map;

import fazhi.reference.KnowledgeFiles;
import fazhi.reference.KnowledgeNode;

/**
 * The extractor's knowledge files (schema/extraction-lexicon.yaml, schema/cleaning.yaml), read strictly through
 * {@link KnowledgeNode}: a list or value asked for without a fallback must be in the file, and the reader ends
 * with {@link KnowledgeNode#finish()} so a key nobody reads fails too. A new key is one line in the reader.
 */
final class YamlResources {

    private YamlResources() {
    }

    /** A knowledge file by its repository path (the --catalog folder's copy when there is one). */
    static KnowledgeNode load(String resource) {
        return KnowledgeFiles.yaml(resource);
    }

    /** A list of words that must be there. */
    static List<String> strings(KnowledgeNode node, String field) {
        return node.strings(field);
    }

    static Map<String, String> map(KnowledgeNode node, String field) {
        return node.textMap(field);
    }

    static String text(KnowledgeNode node, String field, String fallback) {
        return node.text(field, fallback);
    }

    /** A scalar that must be there: its absence is a broken schema file, not a default. */
    static String required(KnowledgeNode node, String field) {
        return node.text(field);
    }

    static int integer(KnowledgeNode node, String field, int fallback) {
        return node.integer(field, fallback);
    }
}
