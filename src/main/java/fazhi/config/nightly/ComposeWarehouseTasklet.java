package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.correct.CorrectionApplier;
import fazhi.warehouse.ComposeDatabase;
import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.PublishedState;
import fazhi.warehouse.WarehouseComposer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * compose: the previous version less what this run replaces, plus what it staged, as candidate tables; then the
 * corrections applied to the candidate observations (before validation, which judges them like any figure).
 */
public class ComposeWarehouseTasklet implements Tasklet {
    private final ComposeDatabase compose;
    private final WarehouseComposer composer;
    private final Supplier<DimensionTables> dimensions;
    private final PublishedState published;
    private final CorrectionApplier corrections = new CorrectionApplier();
    private final Watchdog watchdog;

    /**
     * @param dimensions the dimension tables, built (with all the knowledge a version is made from) only when a
     *                   version is composed: a run that keeps the published version reads none of it
     */
    public ComposeWarehouseTasklet(ComposeDatabase compose, WarehouseComposer composer,
                                   Supplier<DimensionTables> dimensions, PublishedState published, Watchdog watchdog) {
        this.compose = compose;
        this.watchdog = watchdog;
        this.composer = composer;
        this.dimensions = dimensions;
        this.published = published;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (KeptVersion.of(chunkContext).isPresent()) {
            return RepeatStatus.FINISHED;
        }
        try (Connection db = watchdog.cancelOnStop(compose.open())) {
            dimensions.get().write(db, compose.staging().version(), compose.staging().runId());
            composer.composeCandidates(db, published.version());
            corrections.apply(db, published.version(), compose.staging().correctionsFile(), compose.staging().runId());
        }
        return RepeatStatus.FINISHED;
    }
}
