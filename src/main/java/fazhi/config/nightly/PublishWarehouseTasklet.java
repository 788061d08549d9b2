package fazhi.config.nightly;

import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseDirectories;
import fazhi.warehouse.WarehousePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** publish: swap the new version in atomically, then clear the run's staging area. */
public class PublishWarehouseTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(PublishWarehouseTasklet.class);

    private final StagingArea staging;
    private final WarehousePublisher publisher;

    public PublishWarehouseTasklet(StagingArea staging, WarehousePublisher publisher) {
        this.staging = staging;
        this.publisher = publisher;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var kept = KeptVersion.of(chunkContext);
        if (kept.isPresent()) {
            WarehouseDirectories.deleteTree(staging.root());
            log.info("version {} stays published at {}", kept.get(), staging.layout().current());
            return RepeatStatus.FINISHED;
        }
        publisher.publish(staging.version(), staging.runId());
        WarehouseDirectories.deleteTree(staging.root());
        log.info("published version {} at {}", staging.runId(), staging.layout().current());
        return RepeatStatus.FINISHED;
    }
}
