package fazhi.warehouse;

import java.nio.file.Path;

/**
 * A run's work in progress: discovered files, per-chunk extraction output, the composition database and
 * the version being built. Nothing here is visible to readers until {@link WarehousePublisher} publishes.
 */
public record StagingArea(WarehouseLayout layout, String runId) {
    public static final String SUBMISSIONS = "submissions";
    public static final String OBSERVATIONS = "observations";
    public static final String MENTIONS = "mentions";

    public Path root() {
        return layout.staging(runId);
    }

    public Path discoveredFile() {
        return root().resolve("discovered.parquet");
    }

    /** The corrections the run applies, as read at its start (fazhi.correct.CorrectionSources). */
    public Path correctionsFile() {
        return root().resolve("corrections.parquet");
    }

    public Path chunkDir(String table) {
        return root().resolve("chunks").resolve(table);
    }

    /** The DuckDB database in which the new version's tables are composed and validated. */
    public Path composeDatabase() {
        return root().resolve("compose.duckdb");
    }

    /** The version folder being built; moved under _versions/ when published. */
    public Path version() {
        return root().resolve("version");
    }
}
