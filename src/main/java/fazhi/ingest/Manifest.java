package fazhi.ingest;

import java.util.List;
import java.util.Map;

/** The parsed manifest.csv: who submitted what, and the rows that could not be used. */
public record Manifest(Map<String, ManifestEntry> entries, List<ManifestProblem> problems) {
    public static Manifest empty() {
        return new Manifest(Map.of(), List.of());
    }
}
