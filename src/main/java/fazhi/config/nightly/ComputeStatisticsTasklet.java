package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.stats.StatisticsRunner;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseConnection;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;

/** statistics: trends, outliers and Benford over the new version's observations, into the same version. */
public class ComputeStatisticsTasklet implements Tasklet {
    private final StagingArea staging;
    private final StatisticsRunner runner;
    private final Watchdog watchdog;

    public ComputeStatisticsTasklet(StagingArea staging, StatisticsRunner runner, Watchdog watchdog) {
        this.staging = staging;
        this.watchdog = watchdog;
        this.runner = runner;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try (Connection c = watchdog.cancelOnStop(WarehouseConnection.openVersion(staging.version()))) {
            runner.run(c, staging.version(), staging.runId());
        }
        return RepeatStatus.FINISHED;
    }
}
