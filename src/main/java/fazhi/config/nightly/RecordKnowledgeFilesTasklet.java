package fazhi.config.nightly;

import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.StagingArea;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The knowledge files of a version, recorded last (the statistics and the ranking read theirs after the
 * observations were written): what this run read and, for the stats job, the rows copied from the published
 * version marked as carried over, instead of the copied rows alone.
 */
public class RecordKnowledgeFilesTasklet implements Tasklet {
    private final StagingArea staging;
    private final boolean onlyReadByTheJob;

    /**
     * @param onlyReadByTheJob only the files read since the job started (the stats job: the process read the
     *                         extraction's files at start-up, but the job used none of them)
     */
    public RecordKnowledgeFilesTasklet(StagingArea staging, boolean onlyReadByTheJob) {
        this.staging = staging;
        this.onlyReadByTheJob = onlyReadByTheJob;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Instant since = null;
        if (onlyReadByTheJob) {
            LocalDateTime started = chunkContext.getStepContext().getStepExecution().getJobExecution().getStartTime();
            since = started == null ? null : started.atZone(ZoneId.systemDefault()).toInstant();
        }
        DimensionTables.recordKnowledgeFiles(staging.version(), staging.runId(), since);
        return RepeatStatus.FINISHED;
    }
}
