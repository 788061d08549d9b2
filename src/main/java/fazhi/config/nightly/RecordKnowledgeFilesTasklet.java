package fazhi.config.nightly;

import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.StagingArea;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The knowledge files of a version, recorded last (the statistics and the ranking read theirs after the
 * observations were written): what this run read and, for the stats job, the rows copied from the published
 * version marked as carried over, instead of the copied rows alone ({@link DimensionTables#recordKnowledgeFiles}).
 */
public class RecordKnowledgeFilesTasklet implements Tasklet {
    private final StagingArea staging;

    public RecordKnowledgeFilesTasklet(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LocalDateTime started = chunkContext.getStepContext().getStepExecution().getJobExecution().getStartTime();
        DimensionTables.recordKnowledgeFiles(staging.version(), staging.runId(),
                started == null ? null : started.atZone(ZoneId.systemDefault()).toInstant());
        return RepeatStatus.FINISHED;
    }
}
