package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.correct.CorrectionApplier;
import fazhi.reference.KnowledgeFiles;
import fazhi.warehouse.ComposeDatabase;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.VersionFingerprint;
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
    private final Watchdog watchdog;

    public WriteVersionTasklet(ComposeDatabase compose, WarehouseComposer composer, Watchdog watchdog) {
        this.compose = compose;
        this.watchdog = watchdog;
        this.composer = composer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (KeptVersion.of(chunkContext).isPresent()) {
            return RepeatStatus.FINISHED;
        }
        StagingArea staging = compose.staging();
        try (Connection db = watchdog.cancelOnStop(compose.open())) {
            corrections.settle(db);
            composer.writeVersion(db);
        }
        // every knowledge file has been read by now: the fingerprint lists all that went into the version
        VersionFingerprint.of(staging.correctionsFile(), KnowledgeFiles.used()).write(staging.version());
        return RepeatStatus.FINISHED;
    }
}
