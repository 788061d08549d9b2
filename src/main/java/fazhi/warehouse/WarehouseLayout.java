package fazhi.warehouse;

import java.nio.file.Path;

/**
 * Where things live inside a warehouse folder.
 *
 * <pre>
 * warehouse/
 *   current -> _versions/RUN     the published version; swapped atomically by one rename
 *   observations -> current/observations, ...   stable entry points for any Parquet reader
 *   _versions/RUN/TABLE/...      complete published versions (the newest few are kept)
 *   _staging/RUN/...             a run's work in progress; never read by queries
 *   _jobrepo/                    the embedded Spring Batch job repository (H2)
 *   _lock                        held by the run that is writing
 * </pre>
 */
public record WarehouseLayout(Path root) {

    public WarehouseLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path current() {
        return root.resolve("current");
    }

    public Path versions() {
        return root.resolve("_versions");
    }

    public Path version(String runId) {
        return versions().resolve(runId);
    }

    public Path staging(String runId) {
        return root.resolve("_staging").resolve(runId);
    }

    public Path stagingRoot() {
        return root.resolve("_staging");
    }

    public Path jobRepository() {
        return root.resolve("_jobrepo");
    }

    public Path lockFile() {
        return root.resolve("_lock");
    }

    /** The folder of a table inside the published version, as seen through the current link. */
    public Path publishedTable(WarehouseTable table) {
        return current().resolve(table.tableName());
    }

    /** A zero-row file carrying the table's schema, so that an empty table is still a queryable view. */
    public static Path schemaFile(Path versionDir, WarehouseTable table) {
        return versionDir.resolve("_schemas").resolve(table.tableName() + ".parquet");
    }
}
