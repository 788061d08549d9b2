package fazhi.warehouse;

import org.duckdb.DuckDBDriver;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to DuckDB, straight from its driver. Two start-up costs of the driver are left out, neither of which
 * changes what a connection does:
 * <ul>
 * <li>DuckDB's driver (2.0) registers a JFR periodic event for its memory use when it loads, whether or not a
 * recording runs: that starts the JDK's flight recorder (its metadata, an event handler class generated with ASM,
 * a thread), about 0.25 s of CPU and 0.7 s of wall time of a 2-core machine's `fazhi sql "select 1"`. The event
 * is only emitted for a connection opened with {@code jdbc_jfr_memory_monitor}, which fazhi never sets, so the
 * registration is marked done before the driver loads. A driver without the field (another version) registers
 * it as before.</li>
 * <li>{@code DriverManager.getConnection} loads every JDBC driver on the class path first (H2, PostgreSQL,
 * MariaDB and their java.util.logging set-up) to find the one for the URL.</li>
 * </ul>
 */
public final class DuckDbDriver {
    private static final DuckDBDriver DRIVER = load();

    private DuckDbDriver() {
    }

    /** A connection to {@code jdbc:duckdb:<database>} (the empty string: in memory) with the given settings. */
    public static Connection connect(String database, Properties settings) throws SQLException {
        return DRIVER.connect("jdbc:duckdb:" + database, settings);
    }

    private static DuckDBDriver load() {
        try {
            Field done = Class.forName("org.duckdb.DuckDBMemoryMonitor").getDeclaredField("initialized");
            done.setAccessible(true);
            done.setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another driver version: its memory event is registered as the driver decides
        }
        return new DuckDBDriver();
    }
}
