package fazhi.config;

import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehousePublisher;

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

    static void clear(WarehouseLayout layout) throws IOException {
        Path root = layout.stagingRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(root)) {
            stale = s.toList();
        }
        for (Path p : stale) {
            WarehousePublisher.deleteTree(p);
        }
    }
}
