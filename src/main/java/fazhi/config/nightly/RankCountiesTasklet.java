package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.rank.RankingFramework;
import fazhi.rank.RankingRunner;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseConnection;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;

/** rankings: the provincial rankings of every year, by the ranking framework in jobs/. */
public class RankCountiesTasklet implements Tasklet {
    private final StagingArea staging;
    private final RankingFramework framework;
    private final Watchdog watchdog;

    public RankCountiesTasklet(StagingArea staging, RankingFramework framework, Watchdog watchdog) {
        this.staging = staging;
        this.watchdog = watchdog;
        this.framework = framework;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try (Connection c = watchdog.cancelOnStop(WarehouseConnection.openVersion(staging.version()))) {
            new RankingRunner().run(c, staging.version(), framework, staging.runId());
        }
        return RepeatStatus.FINISHED;
    }
}
