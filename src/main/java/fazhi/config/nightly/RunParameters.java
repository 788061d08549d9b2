package fazhi.config.nightly;

import fazhi.warehouse.PublishedState;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseLayout;

import java.nio.file.Path;

/** What a step-scoped bean needs of the job parameters: the warehouse and the run it belongs to. */
final class RunParameters {
    static final String INPUT = "#{jobParameters['input']}";
    static final String REPROCESS = "#{jobParameters['reprocess']}";
    static final String WAREHOUSE = "#{jobParameters['warehouse']}";
    static final String RUN_ID = "#{jobParameters['runId']}";

    private RunParameters() {
    }

    static StagingArea staging(String warehouse, String runId) {
        return new StagingArea(new WarehouseLayout(Path.of(warehouse)), runId);
    }

    static PublishedState published(String warehouse) {
        return new PublishedState(new WarehouseLayout(Path.of(warehouse)));
    }
}
