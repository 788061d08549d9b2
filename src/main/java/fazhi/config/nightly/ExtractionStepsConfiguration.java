package fazhi.config.nightly;

import fazhi.correct.CorrectionRules;
import fazhi.correct.CorrectionSources;
import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.ingest.ManifestReader;
import fazhi.reference.RegionTable;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.StructuredFigures;
import fazhi.config.Watchdog;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.util.unit.DataSize;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.batch.core.step.tasklet.Tasklet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static fazhi.config.nightly.RunParameters.RUN_ID;
import static fazhi.config.nightly.RunParameters.WAREHOUSE;
import static fazhi.config.nightly.RunParameters.published;
import static fazhi.config.nightly.RunParameters.staging;

/**
 * Discovering the input files and extracting their figures: the chunk-oriented step whose processor is
 * the chain of stages read and decode → identify → clean → extract → normalize → decide the status.
 * <p>
 * The step-scoped beans here and in the other step configurations are reached through a JDK proxy of their
 * interfaces (Tasklet, ItemStreamReader, ...), not a generated subclass ({@code @StepScope}'s default): a subclass
 * is generated with CGLIB for each of them at every start, the slowest part of building the context. So the steps
 * take them by interface, and by name.
 */
@Configuration(proxyBeanMethods = false)
public class ExtractionStepsConfiguration {
    /**
     * Reports per chunk. The items of a chunk are processed concurrently and the chunk is written while the
     * workers wait (they write two of its three files), so larger chunks keep the cores busier and write fewer,
     * larger staging files; memory stays small because a processed report keeps only its figures (its text is
     * dropped).
     */
    static final int CHUNK_SIZE = 200;

    @Bean
    public Step discoverSubmissionsStep(JobRepository jobs, Tasklet discoverSubmissionsTasklet) {
        return new StepBuilder("discoverSubmissionsStep", jobs).tasklet(discoverSubmissionsTasklet).build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public DiscoverSubmissionsTasklet discoverSubmissionsTasklet(@Value(RunParameters.INPUT) String input,
                                                                 @Value(RunParameters.REPROCESS) Boolean reprocess,
                                                                 @Value(WAREHOUSE) String warehouse,
                                                                 @Value(RUN_ID) String runId,
                                                                 ObjectProvider<RegionTable> regions,
                                                                 ObjectProvider<IndicatorCatalog> catalog) {
        // the region table and the catalog are read when a manifest or a correction is checked: an ingest of a folder
        // with neither, which finds nothing new, needs none of them
        return new DiscoverSubmissionsTasklet(Path.of(input), staging(warehouse, runId), published(warehouse),
                Boolean.TRUE.equals(reprocess), new ManifestReader(regions::getObject),
                new CorrectionSources(Path.of(input), Path.of(warehouse),
                        new CorrectionRules(regions::getObject, catalog::getObject)));
    }

    @Bean
    public Step extractIndicatorsStep(JobRepository jobs, PlatformTransactionManager tx,
                                      ItemStreamReader<ReportInProgress> discoveredSubmissionReader,
                                      ItemProcessor<ReportInProgress, ReportInProgress> reportProcessor,
                                      ItemStreamWriter<ReportInProgress> stagingChunkWriter,
                                      ThreadPoolTaskExecutor extractExecutor, StageClock stageClock) {
        // items of a chunk are processed concurrently, one per core; reading and writing stay in order
        return new StepBuilder("extractIndicatorsStep", jobs)
                .<ReportInProgress, ReportInProgress>chunk(CHUNK_SIZE)
                .transactionManager(tx)
                .reader(discoveredSubmissionReader)
                .processor(reportProcessor)
                .writer(stagingChunkWriter)
                .taskExecutor(extractExecutor)
                .listener(new ExtractionProgressListener())
                .listener(new HeapTrim())
                .listener(new ChunkWriteTimer(stageClock))
                .build();
    }

    /** The CPU time of each stage of the extraction step, logged at the end of the run. */
    @Bean
    public StageClock stageClock() {
        return new StageClock();
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
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public DiscoveredSubmissionReader discoveredSubmissionReader(@Value(WAREHOUSE) String warehouse,
                                                                 @Value(RUN_ID) String runId) {
        return new DiscoveredSubmissionReader(staging(warehouse, runId).discoveredFile().toFile());
    }

    /**
     * The budget of one file. Reports are a few hundred KB and take well under a second; a country's table
     * of figures is tens of MB and streams at tens of thousands of rows a second.
     */
    @Bean
    public FileLimits fileLimits(@Value("${fazhi.limits.report-size:16MB}") DataSize reportSize,
                                 @Value("${fazhi.limits.table-size:1GB}") DataSize tableSize,
                                 @Value("${fazhi.limits.report-time:60s}") Duration reportTime,
                                 @Value("${fazhi.limits.table-time:30m}") Duration tableTime) {
        return new FileLimits(reportSize, tableSize, reportTime, tableTime);
    }

    /** Stops a file's stages when they outlive its budget, and all of them on a stop signal. */
    @Bean(destroyMethod = "close")
    public Watchdog watchdog() {
        return new Watchdog();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public BudgetedReportProcessor reportProcessor(
            @Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
            SubmissionReader reader, ReportIdentifier identifier, RegionTable regions, TextCleaner cleaner,
            IndicatorExtractor extractor, MentionNormalizer normalizer, StructuredFigures structured,
            CanonicalSelector selector, FileLimits fileLimits, Watchdog watchdog, StageClock clock) {
        return new BudgetedReportProcessor(new CompositeItemProcessor<>(List.of(
                new TimedStage(r -> "decode-" + StagingChunkWriter.formatFromName(r.submission().sourceFile()),
                        new DecodeReportProcessor(reader), clock),
                new TimedStage("read-table", new ReadFigureTableProcessor(structured, regions, staging(warehouse, runId),
                        runId), clock),
                new TimedStage("identify", new IdentifyReportProcessor(identifier, regions), clock),
                new TimedStage("clean", new CleanTextProcessor(cleaner), clock),
                new TimedStage("extract", new ExtractMentionsProcessor(extractor), clock),
                new TimedStage("normalize", new NormalizeMentionsProcessor(normalizer, selector), clock),
                new DecideStatusProcessor())), fileLimits, watchdog);
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    public StagingChunkWriter stagingChunkWriter(@Value(WAREHOUSE) String warehouse, @Value(RUN_ID) String runId,
                                                 ThreadPoolTaskExecutor extractExecutor, StageClock stageClock) {
        return new StagingChunkWriter(staging(warehouse, runId), runId, extractExecutor, stageClock);
    }
}
