package fazhi.ingest;

import fazhi.reference.KnowledgeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * schema/traditional-simplified.csv, the one table of traditional characters and their simplified forms:
 * identification reads place names with it, the cleaner the whole text.
 */
final class TraditionalCharacters {
    static final String RESOURCE = "/schema/traditional-simplified.csv";

    private TraditionalCharacters() {
    }

    /** A header "traditional,simplified", then one character pair a row; # starts a comment row. */
    static Map<Character, Character> toSimplified() {
        try (InputStream in = KnowledgeFiles.open(RESOURCE)) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (rows.isEmpty() || !rows.get(0).startsWith("traditional,simplified")) {
                throw new IllegalStateException(RESOURCE + ": the header must be traditional,simplified");
            }
            Map<Character, Character> out = new HashMap<>();
            for (String row : rows.subList(1, rows.size())) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split(",", -1);
                if (f.length != 2 || f[0].length() != 1 || f[1].length() != 1) {
                    throw new IllegalStateException(RESOURCE + ": bad row " + row);
                }
                out.put(f[0].charAt(0), f[1].charAt(0));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
