package fazhi.config;

import fazhi.warehouse.WarehouseLayout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the Spring Batch job repository lives: an H2 file inside the warehouse unless told otherwise
 * (PostgreSQL, MariaDB or MySQL by a JDBC URL).
 */
public final class JobRepositoryUrl {
    private JobRepositoryUrl() {
    }

    public static String resolve(String given, WarehouseLayout layout) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String env = System.getenv("FAZHI_JOB_REPOSITORY");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return "jdbc:h2:file:" + layout.jobRepository().resolve("fazhi") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Whether the repository's database already holds Spring Batch's tables (in the URL's schema or database).
     * False also when it cannot be asked: starting the job then says why, as before.
     */
    static boolean hasTables(String url) {
        try (Connection c = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "")
                : DriverManager.getConnection(url);
             ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("BATCH_JOB_EXECUTION".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }
}
