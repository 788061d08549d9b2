package fazhi.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The DuckDB file in the staging area where a run composes and validates the next version. A file, not
 * memory: it survives between steps (and a restart), and DuckDB spills to it when the data is large.
 */
public record ComposeDatabase(StagingArea staging) {
    static final String MEMORY_LIMIT = "256MB";

    public Connection open() throws SQLException {
        try {
            Files.createDirectories(staging.root());
        } catch (IOException e) {
            throw new SQLException("cannot create " + staging.root(), e);
        }
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("temp_directory", staging.root().resolve("duckdb-tmp").toString());
        // a fixed buffer pool: beyond it DuckDB spills to the database file and temp_directory, so the
        // process's memory does not grow with the size of the corpus (DuckDB's default is 80% of RAM)
        props.setProperty("memory_limit", MEMORY_LIMIT);
        props.setProperty("preserve_insertion_order", "false");
        return DuckDbDriver.connect(staging.composeDatabase().toString(), props);
    }
}
