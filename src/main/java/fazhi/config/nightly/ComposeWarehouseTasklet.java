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

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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
    private final Executor sideThread;

    /**
     * @param dimensions the dimension tables, built (with all the knowledge a version is made from) only when a
     *                   version is composed: a run that keeps the published version reads none of it
     * @param sideThread where population, region_lineage and knowledge_files are written while the compose
     *                   database composes (the extraction's workers, idle by now)
     */
    public ComposeWarehouseTasklet(ComposeDatabase compose, WarehouseComposer composer,
                                   Supplier<DimensionTables> dimensions, PublishedState published, Watchdog watchdog,
                                   Executor sideThread) {
        this.compose = compose;
        this.sideThread = sideThread;
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
        DimensionTables dims = dimensions.get();
        Path version = compose.staging().version();
        // the rows of knowledge_files are the files read so far, taken here as when the tables were written in turn
        var knowledgeFiles = DimensionTables.knowledgeFilesRead(compose.staging().runId());
        // a table of the version's own that DuckDB never reads: written alongside the composing, which is DuckDB's
        // work on this thread, mostly on one core (285 counties: ~1 s of a ~3 s step)
        CompletableFuture<Void> referenceTables = CompletableFuture.runAsync(
                () -> dims.writeReferenceTables(version, knowledgeFiles), sideThread);
        try (Connection db = watchdog.cancelOnStop(compose.open())) {
            dims.writeCatalogTables(db, version);
            composer.composeCandidates(db, published.version());
            corrections.apply(db, published.version(), compose.staging().correctionsFile(), compose.staging().runId());
        } finally {
            // the step never ends (nor fails) while a file of its version is still being written
            try {
                referenceTables.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return RepeatStatus.FINISHED;
    }
}
