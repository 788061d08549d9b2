package fazhi.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The DuckDB file in the staging area where a run composes and validates the next version. A file, not
 * memory: it survives between steps (and a restart), and DuckDB spills to it when the data is large.
 */
public record ComposeDatabase(StagingArea staging) {
    static final String MEMORY_LIMIT = "512MB";

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
        // bounded, so the run's memory does not grow with the warehouse: DuckDB spills to temp_directory
        props.setProperty("memory_limit", MEMORY_LIMIT);
        props.setProperty("preserve_insertion_order", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + staging.composeDatabase(), props);
    }
}
