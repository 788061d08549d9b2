package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.rank.RankingFramework;
import fazhi.stats.StatisticsRunner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.batch.core.step.tasklet.Tasklet;

import static fazhi.config.nightly.RunParameters.RUN_ID;
import static fazhi.config.nightly.RunParameters.WAREHOUSE;
import static fazhi.config.nightly.RunParameters.staging;

/**
 * Statistics and rankings, computed inside the version being built. Built when a job that has the step is
 * (NightlyJobConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class AnalysisStepsConfiguration {
    @Bean
    public Step computeStatisticsStep(JobRepository jobs, Tasklet computeStatisticsTasklet) {
        return new StepBuilder("computeStatisticsStep", jobs).tasklet(computeStatisticsTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public ComputeStatisticsTasklet computeStatisticsTasklet(@Value(WAREHOUSE) String warehouse,
                                                             @Value(RUN_ID) String runId, Watchdog watchdog) {
        return new ComputeStatisticsTasklet(staging(warehouse, runId), new StatisticsRunner(), watchdog);
    }

    @Bean
    public Step rankCountiesStep(JobRepository jobs, Tasklet rankCountiesTasklet) {
        return new StepBuilder("rankCountiesStep", jobs).tasklet(rankCountiesTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public RankCountiesTasklet rankCountiesTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                   RankingFramework rankingFramework, Watchdog watchdog) {
        return new RankCountiesTasklet(staging(warehouse, runId), rankingFramework, watchdog);
    }
}
