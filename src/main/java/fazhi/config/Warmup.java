package fazhi.config;

import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.VersionFingerprint;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the two heavy libraries of a run, DuckDB (its native library is unpacked from the jar) and the
 * Parquet writer (Hadoop's configuration, codecs), and hashes the build for the fingerprint, on a background
 * thread while the main thread starts Spring: start-up is single-threaded, so this uses a core that would
 * otherwise wait. It only loads and initialises code and works out what the run would work out anyway; nothing
 * it does is seen by the run, and a failure here is ignored (the run then does it itself, as before).
 */
final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(Warmup::run, "warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try (Connection db = WarehouseConnection.openDuckDb(); Statement s = db.createStatement()) {
            s.execute("SELECT 1");
        } catch (Throwable e) {
            log.debug("warm-up of DuckDB skipped: {}", e.toString());
        }
        try {
            VersionFingerprint.currentBuild();   // hashes the jar's own files, for discovery's fingerprint
        } catch (RuntimeException e) {
            log.debug("warm-up of the build's identity skipped: {}", e.toString());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fazhi-warmup");
            ParquetTableWriter.writeAll(dir.resolve("w.parquet"), MentionRow.class, List.of());
        } catch (Throwable e) {
            log.debug("warm-up of the Parquet writer skipped: {}", e.toString());
        } finally {
            if (dir != null) {
                try {
                    WarehouseDirectories.deleteTree(dir);
                } catch (RuntimeException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }
}
