package fazhi.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What manifest.csv says: usable entries keyed by file name (in manifest order), and rows that are unusable.
 * A file with a problem has no entry.
 */
public record Manifest(Map<String, ManifestEntry> entries, List<ManifestProblem> problems) {

    public Manifest {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }

    public static Manifest empty() {
        return new Manifest(Map.of(), List.of());
    }

    public Optional<ManifestEntry> entry(String file) {
        return Optional.ofNullable(entries.get(ManifestReader.normalizeFileName(file)));
    }

    /** The first problem reported for this file, if any. */
    public Optional<ManifestProblem> problem(String file) {
        String key = ManifestReader.normalizeFileName(file);
        return problems.stream().filter(p -> key.equals(p.file())).findFirst();
    }
}
