package fazhi.config.nightly;

import fazhi.config.PipelineConfiguration;
import fazhi.config.Watchdog;
import fazhi.validate.RuleEngine;
import fazhi.warehouse.ComposeDatabase;
import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseComposer;
import fazhi.warehouse.WarehousePublisher;
import fazhi.warehouse.WarehouseTable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.batch.core.step.tasklet.Tasklet;

import java.util.List;

import static fazhi.config.nightly.RunParameters.RUN_ID;
import static fazhi.config.nightly.RunParameters.WAREHOUSE;
import static fazhi.config.nightly.RunParameters.published;
import static fazhi.config.nightly.RunParameters.staging;

/**
 * Composing, validating, writing and publishing a version of the warehouse. Built when a job that has the step is
 * (NightlyJobConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class WarehouseStepsConfiguration {
    @Bean
    public Step composeWarehouseStep(JobRepository jobs, Tasklet composeWarehouseTasklet) {
        return new StepBuilder("composeWarehouseStep", jobs).tasklet(composeWarehouseTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public ComposeWarehouseTasklet composeWarehouseTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                           ObjectProvider<DimensionTables> dimensions,
                                                           ConfigurableListableBeanFactory beans, Watchdog watchdog) {
        StagingArea staging = staging(warehouse, runId);
        return new ComposeWarehouseTasklet(new ComposeDatabase(staging), new WarehouseComposer(staging), () -> {
            PipelineConfiguration.buildAll(beans);
            return dimensions.getObject();
        }, published(warehouse), watchdog);
    }

    @Bean
    public Step validateObservationsStep(JobRepository jobs, Tasklet validateObservationsTasklet) {
        return new StepBuilder("validateObservationsStep", jobs).tasklet(validateObservationsTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public ValidateObservationsTasklet validateObservationsTasklet(@Value(WAREHOUSE) String warehouse,
                                                                   @Value(RUN_ID) String runId,
                                                                   ObjectProvider<RuleEngine> ruleEngine,
                                                                   Watchdog watchdog) {
        return new ValidateObservationsTasklet(new ComposeDatabase(staging(warehouse, runId)), ruleEngine::getObject,
                runId, watchdog);
    }

    @Bean
    public Step writeVersionStep(JobRepository jobs, Tasklet writeVersionTasklet) {
        return new StepBuilder("writeVersionStep", jobs).tasklet(writeVersionTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public WriteVersionTasklet writeVersionTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                   Watchdog watchdog) {
        StagingArea staging = staging(warehouse, runId);
        return new WriteVersionTasklet(new ComposeDatabase(staging), new WarehouseComposer(staging), watchdog);
    }

    /** Statistics and rankings of an ingest run are those published before, until a nightly or stats run. */
    @Bean
    public Step carryDerivedTablesStep(JobRepository jobs, Tasklet carryDerivedTablesTasklet) {
        return new StepBuilder("carryDerivedTablesStep", jobs).tasklet(carryDerivedTablesTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public LinkPublishedTablesTasklet carryDerivedTablesTasklet(@Value(WAREHOUSE) String warehouse,
                                                                @Value(RUN_ID) String runId) {
        return new LinkPublishedTablesTasklet(staging(warehouse, runId), published(warehouse), List.of(
                WarehouseTable.TRENDS, WarehouseTable.OUTLIERS, WarehouseTable.BENFORD, WarehouseTable.DISCLOSURE,
                WarehouseTable.RANKINGS,
                WarehouseTable.RANKING_STEPS, WarehouseTable.RANKING_TREATED_POINTS, WarehouseTable.RANKING_LOG), false);
    }

    @Bean
    public Step copyPublishedVersionStep(JobRepository jobs, Tasklet copyPublishedVersionTasklet) {
        return new StepBuilder("copyPublishedVersionStep", jobs).tasklet(copyPublishedVersionTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public LinkPublishedTablesTasklet copyPublishedVersionTasklet(@Value(WAREHOUSE) String warehouse,
                                                                  @Value(RUN_ID) String runId) {
        return new LinkPublishedTablesTasklet(staging(warehouse, runId), published(warehouse),
                List.of(WarehouseTable.values()), true);
    }

    /**
     * The knowledge files of a nightly or stats run, recorded once its statistics and ranking have read theirs; a
     * stats run marks the rows of the version it copied as carried over.
     */
    @Bean
    public Step recordKnowledgeFilesStep(JobRepository jobs, Tasklet recordKnowledgeFilesTasklet) {
        return new StepBuilder("recordKnowledgeFilesStep", jobs).tasklet(recordKnowledgeFilesTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public RecordKnowledgeFilesTasklet recordKnowledgeFilesTasklet(@Value(WAREHOUSE) String warehouse,
                                                                   @Value(RUN_ID) String runId) {
        return new RecordKnowledgeFilesTasklet(staging(warehouse, runId));
    }

    @Bean
    public Step publishWarehouseStep(JobRepository jobs, Tasklet publishWarehouseTasklet) {
        return new StepBuilder("publishWarehouseStep", jobs).tasklet(publishWarehouseTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public PublishWarehouseTasklet publishWarehouseTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId) {
        StagingArea staging = staging(warehouse, runId);
        return new PublishWarehouseTasklet(staging, new WarehousePublisher(staging.layout()));
    }
}
