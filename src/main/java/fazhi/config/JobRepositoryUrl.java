package fazhi.config;

import fazhi.warehouse.WarehouseLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where the Spring Batch job repository lives: an H2 file inside the warehouse unless told otherwise
 * (PostgreSQL, MariaDB or MySQL by a JDBC URL).
 */
public final class JobRepositoryUrl {
    /**
     * The size of the warehouse's H2 file above which H2 compacts it when the run closes it (its default, up to
     * 200 ms, at every close). Below it, it is closed without: an ingest that finds nothing new spent about a tenth of
     * its wall time in that compaction (chunks moved and synced to disk on the pool's closing thread, which the
     * run waits for). Without it the file grows by some 45 KB a run; the first close above the bound compacts it
     * back to its live rows (about 100 KB after a few dozen runs), so the file stays bounded.
     */
    static final long COMPACT_ABOVE_BYTES = 1L << 20;

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
        return h2FileUrl(layout.jobRepository().resolve("fazhi"));
    }

    /** The URL of an H2 file database ({@code base}.mv.db), compacted on close only when it has grown large. */
    static String h2FileUrl(Path base) {
        String url = "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE";
        return compactOnClose(base.resolveSibling(base.getFileName() + ".mv.db")) ? url : url + ";MAX_COMPACT_TIME=0";
    }

    private static boolean compactOnClose(Path file) {
        try {
            return Files.size(file) > COMPACT_ABOVE_BYTES;
        } catch (IOException e) {
            return false;   // a new repository: nothing to compact
        }
    }

    /**
     * Whether the repository's database already holds Spring Batch's tables (in the URL's schema or database).
     * False also when it cannot be asked: starting the job then says why, as before.
     */
    static boolean hasTables(String url) {
        try (Probe probe = probe(url)) {
            return probe.hasTables();
        }
    }

    /** A connection to the repository's database, or none when it cannot be had; closing it never throws. */
    static Probe probe(String url) {
        try {
            return new Probe(url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "")
                    : DriverManager.getConnection(url));
        } catch (SQLException e) {
            return new Probe(null);
        }
    }

    /**
     * {@link #probe} on a thread of its own, so that the caller goes on meanwhile (opening an H2 file database reads
     * and parses its metadata: about a tenth of the main thread of an ingest that finds nothing new).
     */
    static CompletableFuture<Probe> probeMeanwhile(String url) {
        CompletableFuture<Probe> probe = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                probe.complete(probe(url));
            } catch (Throwable e) {
                probe.completeExceptionally(e);
            }
        }, "job-repository-probe");
        t.setDaemon(true);
        t.start();
        return probe;
    }

    /** What the probe found once it is there; what the probe threw, as it threw it. */
    static <T> T await(CompletableFuture<T> probe) {
        try {
            return probe.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One connection to the job repository's database, kept open while the run's pool opens its own. */
    static final class Probe implements AutoCloseable {
        private final Connection connection;

        private Probe(Connection connection) {
            this.connection = connection;
        }

        boolean hasTables() {
            if (connection == null) {
                return false;
            }
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    null, new String[] {"TABLE"})) {
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

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // a probe that cannot be closed changes nothing for the run
                }
            }
        }
    }
}
