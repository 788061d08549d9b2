package fazhi.warehouse;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a composed version the published one. The version folder is moved under {@code _versions/},
 * then the {@code current} link is replaced by renaming a new link over it: one atomic rename, so a
 * reader sees either the old version or the new one, never a mix. Older versions are pruned, keeping
 * a few for readers that opened them just before the swap.
 */
public final class WarehousePublisher {
    static final int VERSIONS_KEPT = 3;

    private final WarehouseLayout layout;

    public WarehousePublisher(WarehouseLayout layout) {
        this.layout = layout;
    }

    /** The version folder currently published, or null before the first run. */
    public Path publishedVersion() {
        try {
            return Files.isDirectory(layout.current()) ? layout.current().toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public void publish(Path composedVersion, String runId) throws IOException {
        Path target = layout.version(runId);
        if (Files.isDirectory(composedVersion)) {
            writeEmptyTables(composedVersion);
        }
        Files.createDirectories(layout.versions());
        if (!Files.exists(target)) {
            Files.move(composedVersion, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Path tmpLink = layout.root().resolve("current.tmp-" + runId);
        Files.deleteIfExists(tmpLink);
        Files.createSymbolicLink(tmpLink, layout.root().relativize(target));
        try {
            Files.move(tmpLink, layout.current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + layout.root() + " cannot rename atomically", e);
        }
        ensureTableLinks();
        pruneOldVersions(target);
    }

    /**
     * A table with no rows still gets a folder with one zero-row file carrying its columns (from the version's
     * {@code _schemas/} copy): its entry point then resolves, and DuckDB, pandas or Spark read it as an empty
     * table instead of failing on a missing path. A partitioned table's file sits in the null partition
     * ({@value #NULL_PARTITION}, which hive readers read as null), so the partition columns keep their place
     * and the README's hive_types still apply.
     */
    static void writeEmptyTables(Path version) throws IOException {
        try (Connection db = WarehouseConnection.openDuckDb(); Statement s = db.createStatement()) {
            for (WarehouseTable t : WarehouseTable.values()) {
                Path schema = WarehouseLayout.schemaFile(version, t);
                Path dir = version.resolve(t.tableName());
                if (!Files.isRegularFile(schema) || WarehouseConnection.hasParquet(dir)) {
                    continue;
                }
                for (String column : t.partitionColumns()) {
                    dir = dir.resolve(column + "=" + NULL_PARTITION);
                }
                Files.createDirectories(dir);
                String columns = t.partitionColumns().isEmpty() ? "*"
                        : "* EXCLUDE (" + String.join(", ", t.partitionColumns()) + ")";
                s.execute("COPY (SELECT " + columns + " FROM read_parquet("
                        + WarehouseConnection.quote(schema.toString()) + ")) TO "
                        + WarehouseConnection.quote(dir.resolve("part-0.parquet").toString()) + " (FORMAT parquet)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the empty tables of " + version + ": " + e.getMessage(), e);
        }
    }

    /** The folder name hive readers (DuckDB, Arrow, Spark) read as a null partition value. */
    static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    /**
     * observations → current/observations and so on: stable paths for any Parquet reader, one for every table
     * the published version has (a table no run has computed yet, such as trends after a first ingest, has
     * none: never a link to nothing).
     */
    public void ensureTableLinks() throws IOException {
        for (WarehouseTable t : WarehouseTable.values()) {
            Path link = layout.root().resolve(t.tableName());
            boolean present = Files.isDirectory(layout.publishedTable(t));
            boolean linked = Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (present && !linked) {
                Files.createSymbolicLink(link, Path.of("current", t.tableName()));
            } else if (!present && linked && Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
        }
    }

    private void pruneOldVersions(Path keep) throws IOException {
        List<Path> versions;
        try (Stream<Path> s = Files.list(layout.versions())) {
            versions = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::getFileName)).toList();
        }
        int excess = versions.size() - VERSIONS_KEPT;
        for (int i = 0; i < excess; i++) {
            if (!versions.get(i).equals(keep)) {
                WarehouseDirectories.deleteTree(versions.get(i));
            }
        }
    }
}
