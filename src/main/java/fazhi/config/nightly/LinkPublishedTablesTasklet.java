package fazhi.config.nightly;

import fazhi.warehouse.PublishedState;
import fazhi.warehouse.PublishedTableLinks;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseTable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

/**
 * Takes tables of the published version into the new one unchanged: the statistics and rankings of an
 * ingest run (recomputed by `fazhi stats` or the nightly job), or everything for the stats job.
 */
public class LinkPublishedTablesTasklet implements Tasklet {
    private final StagingArea staging;
    private final PublishedState published;
    private final List<WarehouseTable> tables;
    private final boolean required;

    /** @param required fail when there is no published version (the stats job needs one; ingest does not) */
    public LinkPublishedTablesTasklet(StagingArea staging, PublishedState published, List<WarehouseTable> tables,
                                      boolean required) {
        this.staging = staging;
        this.published = published;
        this.tables = tables;
        this.required = required;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (KeptVersion.of(chunkContext).isPresent()) {
            return RepeatStatus.FINISHED;
        }
        if (published.version() == null) {
            if (required) {
                throw new IllegalStateException("no published warehouse at " + staging.layout().root()
                        + " (run `./fazhi run` first)");
            }
            return RepeatStatus.FINISHED;
        }
        PublishedTableLinks.link(published.version(), staging.version(), tables);
        return RepeatStatus.FINISHED;
    }
}
