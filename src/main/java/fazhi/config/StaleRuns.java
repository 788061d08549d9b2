package fazhi.config;

import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseDirectories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Staging left behind by a run that died. Called under the warehouse lock, so no live run owns it; a
 * new run starts from the published version, which the dead run never touched.
 */
final class StaleRuns {
    private StaleRuns() {
    }

    /** Deletes the staging areas of dead runs, but the one of the run about to be resumed. */
    static void clear(WarehouseLayout layout, String keepRunId) throws IOException {
        Path root = layout.stagingRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(root)) {
            stale = s.filter(p -> keepRunId == null || !p.getFileName().toString().equals(keepRunId)).toList();
        }
        for (Path p : stale) {
            WarehouseDirectories.deleteTree(p);
        }
    }
}
