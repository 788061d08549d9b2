package fazhi.config.nightly;

import fazhi.config.PipelineConfiguration;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.ingest.ManifestReader;
import fazhi.ingest.RegionTable;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.StructuredFigures;
import fazhi.rank.RankingFramework;
import fazhi.stats.StatisticsRunner;
import fazhi.validate.RuleEngine;
import fazhi.warehouse.ComposeDatabase;
import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.PublishedState;
import fazhi.warehouse.StagingArea;
import fazhi.warehouse.WarehouseComposer;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehousePublisher;
import fazhi.warehouse.WarehouseTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.List;

/**
 * The nightly job: discover → extract (read, decode, identify, clean, extract, normalize) → compose →
 * validate → write → statistics → rankings → publish; statistics and rankings are computed inside the new
 * version, so they are published together with the observations they come from. The {@code ingest} job is the same without the
 * statistics and rankings. Job parameters: input, warehouse, runId, reprocess.
 */
@Configuration
@Import(PipelineConfiguration.class)
public class NightlyJobConfiguration {
    /**
     * Reports per chunk. The items of a chunk are processed concurrently and the chunk is written while the
     * workers wait, so larger chunks keep the cores busier and write fewer, larger staging files; memory
     * stays small because a processed report keeps only its figures (its text is dropped).
     */
    static final int CHUNK_SIZE = 200;

    @Bean
    public Job nightlyJob(JobRepository jobs, Step discoverSubmissionsStep, Step extractIndicatorsStep,
                          Step composeWarehouseStep, Step validateObservationsStep, Step writeVersionStep,
                          Step computeStatisticsStep, Step rankCountiesStep, Step publishWarehouseStep) {
        return new JobBuilder("nightly", jobs)
                .start(discoverSubmissionsStep)
                .next(extractIndicatorsStep)
                .next(composeWarehouseStep)
                .next(validateObservationsStep)
                .next(writeVersionStep)
                .next(computeStatisticsStep)
                .next(rankCountiesStep)
                .next(publishWarehouseStep)
                .build();
    }

    @Bean
    public Job ingestJob(JobRepository jobs, Step discoverSubmissionsStep, Step extractIndicatorsStep,
                         Step composeWarehouseStep, Step validateObservationsStep, Step writeVersionStep,
                         Step carryDerivedTablesStep, Step publishWarehouseStep) {
        return new JobBuilder("ingest", jobs)
                .start(discoverSubmissionsStep)
                .next(extractIndicatorsStep)
                .next(composeWarehouseStep)
                .next(validateObservationsStep)
                .next(writeVersionStep)
                .next(carryDerivedTablesStep)
                .next(publishWarehouseStep)
                .build();
    }

    /** `fazhi stats`: the published version with its statistics recomputed. */
    @Bean
    public Job statsJob(JobRepository jobs, Step copyPublishedVersionStep, Step computeStatisticsStep,
                        Step publishWarehouseStep) {
        return new JobBuilder("stats", jobs)
                .start(copyPublishedVersionStep)
                .next(computeStatisticsStep)
                .next(publishWarehouseStep)
                .build();
    }

    /**
     * After the extraction step the heap holds little that is live, but G1 keeps the memory the step's
     * garbage made it take; a full collection here gives it back before DuckDB composes the version, so
     * the two do not add up to the run's peak.
     */
    private static final StepExecutionListener RELEASE_HEAP = new StepExecutionListener() {
        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            System.gc();
            return null;
        }
    };

    // step-scoped beans take the warehouse and the run id from the job parameters
    private static final String WAREHOUSE = "#{jobParameters['warehouse']}";
    private static final String RUN_ID = "#{jobParameters['runId']}";

    private static StagingArea staging(String warehouse, String runId) {
        return new StagingArea(new WarehouseLayout(Path.of(warehouse)), runId);
    }

    private static PublishedState published(String warehouse) {
        return new PublishedState(new WarehouseLayout(Path.of(warehouse)));
    }

    // ---- steps

    @Bean
    public Step discoverSubmissionsStep(JobRepository jobs, DiscoverSubmissionsTasklet discoverSubmissionsTasklet) {
        return new StepBuilder("discoverSubmissionsStep", jobs).tasklet(discoverSubmissionsTasklet).build();
    }

    @Bean
    @StepScope
    public DiscoverSubmissionsTasklet discoverSubmissionsTasklet(@Value("#{jobParameters['input']}") String input,
                                                                 @Value("#{jobParameters['reprocess']}") Boolean reprocess,
                                                                 @Value(WAREHOUSE) String warehouse,
                                                                 @Value(RUN_ID) String runId, RegionTable regions) {
        return new DiscoverSubmissionsTasklet(Path.of(input), staging(warehouse, runId), published(warehouse),
                Boolean.TRUE.equals(reprocess), new ManifestReader(regions));
    }

    @Bean
    public Step extractIndicatorsStep(JobRepository jobs, PlatformTransactionManager tx,
                                      DiscoveredSubmissionReader discoveredSubmissionReader,
                                      CompositeItemProcessor<ReportInProgress, ReportInProgress> reportProcessor,
                                      StagingChunkWriter stagingChunkWriter,
                                      ThreadPoolTaskExecutor extractExecutor) {
        // items of a chunk are processed concurrently, one per core; reading and writing stay in order
        return new StepBuilder("extractIndicatorsStep", jobs)
                .<ReportInProgress, ReportInProgress>chunk(CHUNK_SIZE)
                .transactionManager(tx)
                .reader(discoveredSubmissionReader)
                .processor(reportProcessor)
                .writer(stagingChunkWriter)
                .taskExecutor(extractExecutor)
                .listener(new ExtractionProgressListener())
                .listener(RELEASE_HEAP)
                .build();
    }

    /**
     * One long-lived worker per core for the extraction step; the step's reader queues a whole chunk of
     * (small) discovered-file items and the workers take them in turn.
     */
    @Bean(destroyMethod = "shutdown")
    public ThreadPoolTaskExecutor extractExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        executor.setCorePoolSize(cores);
        executor.setMaxPoolSize(cores);
        executor.setThreadNamePrefix("extract-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    @Bean
    @StepScope
    public DiscoveredSubmissionReader discoveredSubmissionReader(@Value(WAREHOUSE) String warehouse,
                                                                 @Value(RUN_ID) String runId) {
        return new DiscoveredSubmissionReader(staging(warehouse, runId).discoveredFile().toFile());
    }

    @Bean
    public CompositeItemProcessor<ReportInProgress, ReportInProgress> reportProcessor(
            SubmissionReader reader, ReportIdentifier identifier, RegionTable regions, TextCleaner cleaner,
            IndicatorExtractor extractor, MentionNormalizer normalizer, StructuredFigures structured,
            CanonicalSelector selector) {
        return new CompositeItemProcessor<>(List.of(
                new DecodeReportProcessor(reader),
                new IdentifyReportProcessor(identifier, structured, regions),
                new CleanTextProcessor(cleaner),
                new ExtractMentionsProcessor(extractor),
                new NormalizeMentionsProcessor(normalizer, structured, selector),
                new DecideStatusProcessor()));
    }

    @Bean
    @StepScope
    public StagingChunkWriter stagingChunkWriter(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId) {
        return new StagingChunkWriter(staging(warehouse, runId), runId);
    }

    @Bean
    public Step composeWarehouseStep(JobRepository jobs, ComposeWarehouseTasklet composeWarehouseTasklet) {
        return new StepBuilder("composeWarehouseStep", jobs).tasklet(composeWarehouseTasklet).build();
    }

    @Bean
    @StepScope
    public ComposeWarehouseTasklet composeWarehouseTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                           DimensionTables dimensions) {
        StagingArea staging = staging(warehouse, runId);
        return new ComposeWarehouseTasklet(new ComposeDatabase(staging), new WarehouseComposer(staging), dimensions,
                published(warehouse));
    }

    @Bean
    public Step validateObservationsStep(JobRepository jobs, ValidateObservationsTasklet validateObservationsTasklet) {
        return new StepBuilder("validateObservationsStep", jobs).tasklet(validateObservationsTasklet).build();
    }

    @Bean
    @StepScope
    public ValidateObservationsTasklet validateObservationsTasklet(@Value(WAREHOUSE) String warehouse,
                                                                   @Value(RUN_ID) String runId, RuleEngine ruleEngine) {
        return new ValidateObservationsTasklet(new ComposeDatabase(staging(warehouse, runId)), ruleEngine, runId);
    }

    @Bean
    public Step writeVersionStep(JobRepository jobs, WriteVersionTasklet writeVersionTasklet) {
        return new StepBuilder("writeVersionStep", jobs).tasklet(writeVersionTasklet).build();
    }

    @Bean
    @StepScope
    public WriteVersionTasklet writeVersionTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId) {
        StagingArea staging = staging(warehouse, runId);
        return new WriteVersionTasklet(new ComposeDatabase(staging), new WarehouseComposer(staging));
    }

    /** Statistics and rankings of an ingest run are those published before, until a nightly or stats run. */
    @Bean
    public Step carryDerivedTablesStep(JobRepository jobs, LinkPublishedTablesTasklet carryDerivedTablesTasklet) {
        return new StepBuilder("carryDerivedTablesStep", jobs).tasklet(carryDerivedTablesTasklet).build();
    }

    @Bean
    @StepScope
    public LinkPublishedTablesTasklet carryDerivedTablesTasklet(@Value(WAREHOUSE) String warehouse,
                                                                @Value(RUN_ID) String runId) {
        return new LinkPublishedTablesTasklet(staging(warehouse, runId), published(warehouse), List.of(
                WarehouseTable.TRENDS, WarehouseTable.OUTLIERS, WarehouseTable.BENFORD, WarehouseTable.RANKINGS,
                WarehouseTable.RANKING_STEPS, WarehouseTable.RANKING_TREATED_POINTS, WarehouseTable.RANKING_LOG), false);
    }

    @Bean
    public Step copyPublishedVersionStep(JobRepository jobs, LinkPublishedTablesTasklet copyPublishedVersionTasklet) {
        return new StepBuilder("copyPublishedVersionStep", jobs).tasklet(copyPublishedVersionTasklet).build();
    }

    @Bean
    @StepScope
    public LinkPublishedTablesTasklet copyPublishedVersionTasklet(@Value(WAREHOUSE) String warehouse,
                                                                  @Value(RUN_ID) String runId) {
        return new LinkPublishedTablesTasklet(staging(warehouse, runId), published(warehouse),
                List.of(WarehouseTable.values()), true);
    }

    @Bean
    public Step computeStatisticsStep(JobRepository jobs, ComputeStatisticsTasklet computeStatisticsTasklet) {
        return new StepBuilder("computeStatisticsStep", jobs).tasklet(computeStatisticsTasklet).build();
    }

    @Bean
    @StepScope
    public ComputeStatisticsTasklet computeStatisticsTasklet(@Value(WAREHOUSE) String warehouse,
                                                             @Value(RUN_ID) String runId) {
        return new ComputeStatisticsTasklet(staging(warehouse, runId), new StatisticsRunner());
    }

    @Bean
    public Step rankCountiesStep(JobRepository jobs, RankCountiesTasklet rankCountiesTasklet) {
        return new StepBuilder("rankCountiesStep", jobs).tasklet(rankCountiesTasklet).build();
    }

    @Bean
    @StepScope
    public RankCountiesTasklet rankCountiesTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                   RankingFramework rankingFramework) {
        return new RankCountiesTasklet(staging(warehouse, runId), rankingFramework);
    }

    @Bean
    public Step publishWarehouseStep(JobRepository jobs, PublishWarehouseTasklet publishWarehouseTasklet) {
        return new StepBuilder("publishWarehouseStep", jobs).tasklet(publishWarehouseTasklet).build();
    }

    @Bean
    @StepScope
    public PublishWarehouseTasklet publishWarehouseTasklet(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId) {
        StagingArea staging = staging(warehouse, runId);
        return new PublishWarehouseTasklet(staging, new WarehousePublisher(staging.layout()));
    }
}
