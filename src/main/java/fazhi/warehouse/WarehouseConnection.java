package fazhi.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * DuckDB over a folder of Parquet tables, with one view per table. Works offline: DuckDB's extension
 * auto-install and auto-load are off (parquet and json are statically linked into duckdb_jdbc).
 */
public final class WarehouseConnection {
    private WarehouseConnection() {
    }

    /** An in-memory DuckDB with no views, offline. */
    public static Connection openDuckDb() throws SQLException {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
        // results are fetched as they are read, not materialised whole: the statistics read long series
        props.setProperty("jdbc_stream_results", "true");
        return DuckDbDriver.connect("", props);
    }

    /** DuckDB with a view per table of the published version of the warehouse. */
    public static Connection openPublished(WarehouseLayout layout) throws SQLException {
        return openVersion(publishedVersion(layout));
    }

    private static Path publishedVersion(WarehouseLayout layout) throws SQLException {
        Path current = layout.current();
        if (!Files.isDirectory(current)) {
            throw new SQLException("no published warehouse at " + layout.root()
                    + " (run `./fazhi run` or `./fazhi ingest` first)");
        }
        return realPath(current);
    }

    private static Path realPath(Path p) throws SQLException {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new SQLException("cannot resolve " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * DuckDB with a view per table of one version folder (published or staged), each view and column described
     * by the comments of {@code /schema/warehouse.sql} (see {@link SchemaComments}).
     */
    public static Connection openVersion(Path versionDir) throws SQLException {
        Connection c = openDuckDb();
        try (Statement s = c.createStatement()) {
            Set<String> views = createViews(s, versionDir, EnumSet.allOf(WarehouseTable.class));
            SchemaComments.bundled().apply(s, views);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * DuckDB with a view of each of {@code tables} that the published version has, and nothing else: for fazhi's own
     * queries after a run (its tally, its summary), which read a few tables and no comment. Each view reads its
     * files' schema when it is made, and the comments are some 270 statements: most of the time of opening a version.
     */
    public static Connection openPublished(WarehouseLayout layout, Set<WarehouseTable> tables) throws SQLException {
        Path version = publishedVersion(layout);
        Connection c = openDuckDb();
        try (Statement s = c.createStatement()) {
            createViews(s, version, tables);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static Set<String> createViews(Statement s, Path versionDir, Set<WarehouseTable> tables) throws SQLException {
        // a version's files never change once written, so their footers are read once per session, not once per query:
        // a query on the partitioned observations opens every partition's file (310 on the national warehouse)
        s.execute("SET parquet_metadata_cache = true");
        Set<String> views = new HashSet<>();
        for (WarehouseTable t : tables) {
            String source = tableSource(versionDir, t);
            if (source != null) {
                s.execute("CREATE OR REPLACE VIEW " + t.tableName() + " AS SELECT * FROM " + source);
                views.add(t.tableName());
            }
        }
        return views;
    }

    /** The DuckDB table function that reads a table of a version, or null when the version lacks it. */
    public static String tableSource(Path versionDir, WarehouseTable t) {
        Path dir = versionDir.resolve(t.tableName());
        if (hasParquet(dir)) {
            if (t.partitioned()) {
                return "read_parquet(" + quote(dir + "/**/*.parquet")
                        + ", hive_partitioning=true, hive_types={'year': INTEGER"
                        + (t.partitionColumns().contains("province") ? ", 'province': VARCHAR" : "") + "})";
            }
            return "read_parquet(" + quote(dir + "/*.parquet") + ")";
        }
        Path schema = WarehouseLayout.schemaFile(versionDir, t);
        return Files.isRegularFile(schema) ? "read_parquet(" + quote(schema.toString()) + ")" : null;
    }

    static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }
}
