package fazhi.config;

import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.VersionFingerprint;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseDirectories;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehousePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the two heavy libraries of a run, DuckDB (its native library is unpacked from the jar) and the
 * Parquet writer (Hadoop's configuration, codecs), and works out the build and the hashes of the published
 * version's knowledge files for discovery's fingerprint, on a background thread while the main thread starts
 * Spring: start-up is single-threaded, so this uses a core that would otherwise wait. It only loads and
 * initialises code and works out what the run would work out anyway; nothing
 * it does is seen by the run, and a failure here is ignored (the run then does it itself, as before).
 */
final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private Warmup() {
    }

    static void start(WarehouseLayout layout) {
        Thread t = new Thread(() -> run(layout), "warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(WarehouseLayout layout) {
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
        try {
            // the published version's knowledge files, hashed as discovery checks them (KnowledgeFiles keeps the
            // hashes of the bundled ones; those the version read from this build are not hashed at all)
            Path version = new WarehousePublisher(layout).publishedVersion();
            if (version != null) {
                VersionFingerprint.read(version).ifPresent(VersionFingerprint::knowledgeNow);
            }
        } catch (RuntimeException e) {
            log.debug("warm-up of the knowledge files' hashes skipped: {}", e.toString());
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
