package fazhi.config.nightly;

import fazhi.config.PipelineConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * The jobs, as sequences of named steps (the steps are wired in the configurations imported here).
 * <ul>
 *   <li>{@code nightly}: discover → extract (read, decode, identify, clean, extract, normalize) → compose →
 *       validate → write → statistics → rankings → knowledge files → publish. Statistics and rankings are computed inside
 *       the new version, so they are published together with the observations they come from.</li>
 *   <li>{@code ingest}: the same without recomputing statistics and rankings (the published ones are
 *       carried over).</li>
 *   <li>{@code stats}: the published version with its statistics recomputed (and its knowledge files: the
 *       ones read now, the ingest's marked as carried over).</li>
 * </ul>
 * Job parameters: input, warehouse, runId, reprocess.
 * <p>
 * The jobs, and the steps that only some of them have, are built when a run asks for its job by name
 * ({@code <name>Job}, as the job registry of JobRepositoryConfiguration does): a run builds its own job and
 * steps, not those of the other two.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
@Import({PipelineConfiguration.class, ExtractionStepsConfiguration.class, WarehouseStepsConfiguration.class,
        AnalysisStepsConfiguration.class})
public class NightlyJobConfiguration {

    @Bean
    public Job nightlyJob(JobRepository jobs, Step discoverSubmissionsStep, Step extractIndicatorsStep,
                          Step composeWarehouseStep, Step validateObservationsStep, Step writeVersionStep,
                          Step computeStatisticsStep, Step rankCountiesStep, Step recordKnowledgeFilesStep,
                          Step publishWarehouseStep,
                          StageClock stageClock) {
        return new JobBuilder("nightly", jobs)
                .listener(new RunOutcomeListener())
                .listener(new StageTimesListener(stageClock))
                .start(discoverSubmissionsStep)
                .next(extractIndicatorsStep)
                .next(composeWarehouseStep)
                .next(validateObservationsStep)
                .next(writeVersionStep)
                .next(computeStatisticsStep)
                .next(rankCountiesStep)
                .next(recordKnowledgeFilesStep)
                .next(publishWarehouseStep)
                .build();
    }

    @Bean
    public Job ingestJob(JobRepository jobs, Step discoverSubmissionsStep, Step extractIndicatorsStep,
                         Step composeWarehouseStep, Step validateObservationsStep, Step writeVersionStep,
                         Step carryDerivedTablesStep, Step publishWarehouseStep,
                         StageClock stageClock) {
        return new JobBuilder("ingest", jobs)
                .listener(new RunOutcomeListener())
                .listener(new StageTimesListener(stageClock))
                .start(discoverSubmissionsStep)
                .next(extractIndicatorsStep)
                .next(composeWarehouseStep)
                .next(validateObservationsStep)
                .next(writeVersionStep)
                .next(carryDerivedTablesStep)
                .next(publishWarehouseStep)
                .build();
    }

    @Bean
    public Job statsJob(JobRepository jobs, Step copyPublishedVersionStep, Step computeStatisticsStep,
                        Step recordKnowledgeFilesStep, Step publishWarehouseStep) {
        return new JobBuilder("stats", jobs)
                .start(copyPublishedVersionStep)
                .next(computeStatisticsStep)
                .next(recordKnowledgeFilesStep)
                .next(publishWarehouseStep)
                .build();
    }
}
