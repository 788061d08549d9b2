package fazhi.config.nightly;

import fazhi.correct.CorrectionApplier;
import fazhi.warehouse.ComposeDatabase;
import fazhi.warehouse.WarehouseComposer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;

/** write: the composed, validated tables as the new version's Parquet files (not yet visible). */
public class WriteVersionTasklet implements Tasklet {
    private final ComposeDatabase compose;
    private final WarehouseComposer composer;
    private final CorrectionApplier corrections = new CorrectionApplier();

    public WriteVersionTasklet(ComposeDatabase compose, WarehouseComposer composer) {
        this.compose = compose;
        this.composer = composer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try (Connection db = compose.open()) {
            corrections.settle(db);
            composer.writeVersion(db);
        }
        return RepeatStatus.FINISHED;
    }
}
