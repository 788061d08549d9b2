package fazhi.config;

import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts a Spring context for one run of a job, under the warehouse lock, and reports what happened.
 * This is the only place where the command line meets Spring.
 */
public final class BatchRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /**
     * The jobs that read their knowledge (the stages of PipelineConfiguration) when they first need it: an ingest
     * that finds nothing new keeps the published version and needs little of it. The others read all of it before
     * the job starts, as the files they record as read by their job are those read after it started.
     */
    private static final Set<String> KNOWLEDGE_WHEN_COMPOSING = Set.of("ingest");

    private BatchRunner() {
    }

    /** The outcome of a run: the job's status and, per step, its counts. */
    public record RunOutcome(String runId, BatchStatus status, String exitDescription, List<StepOutcome> steps) {
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }

    public record StepOutcome(String name, String status, long read, long written, long filtered) {
    }

    public static String newRunId() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /**
     * What a command writes before its job starts (the demo's generated reports): done once the warehouse
     * lock is held, so that a run that finds the warehouse busy writes nothing at all.
     */
    @FunctionalInterface
    public interface Preparation {
        Preparation NONE = () -> { };

        void prepare() throws IOException;
    }

    public static RunOutcome run(RunRequest request) throws Exception {
        return run(request, Preparation.NONE);
    }

    /** Takes the warehouse lock first; everything else, {@code preparation} included, happens under it. */
    public static RunOutcome run(RunRequest request, Preparation preparation) throws Exception {
        WarehouseLayout layout = new WarehouseLayout(request.warehouse());
        String runId = newRunId();
        try (WarehouseLock ignored = WarehouseLock.acquire(layout, runId)) {
            Warmup.start(layout);
            preparation.prepare();
            return runLocked(request, layout, runId);
        }
    }

    private static RunOutcome runLocked(RunRequest request, WarehouseLayout layout, String runId) throws Exception {
        try (StopSignals signals = StopSignals.install();
             ConfigurableApplicationContext context = start(JobRepositoryUrl.resolve(request.jobRepository(), layout),
                     request.limits())) {
            if (!KNOWLEDGE_WHEN_COMPOSING.contains(request.jobName())) {
                PipelineConfiguration.buildAll(context.getBeanFactory());
            }
            Job job = context.getBean(request.jobName() + "Job", Job.class);
            JobOperator operator = context.getBean(JobOperator.class);
            JobRepository repository = context.getBean(JobRepository.class);
            signals.onStop(() -> stop(context, request.jobName(), layout),
                    () -> InterruptedRuns.markStopped(signals.received(), repository, request.jobName(), layout));
            String input = request.input() == null ? "" : request.input().toAbsolutePath().normalize().toString();
            JobExecution interrupted = InterruptedRuns.find(repository, request.jobName(), layout);
            if (interrupted != null) {
                interrupted = InterruptedRuns.markFailed(repository, interrupted);
            } else {
                interrupted = InterruptedRuns.findStopped(repository, request.jobName(), layout);
            }
            StaleRuns.clear(layout, interrupted == null ? null : interrupted.getJobParameters().getString("runId"));
            if (interrupted != null) {
                if (signals.received() != null) {
                    return notStarted(runId, signals);
                }
                // the run that died or was stopped resumes from its last committed chunk, on the same staging area
                log.warn("resuming run {} of {} that was {}", interrupted.getJobParameters().getString("runId"),
                        request.jobName(), interrupted.getStatus() == BatchStatus.STOPPED ? "stopped" : "interrupted");
                JobExecution resumed = operator.restart(interrupted);
                resumed = InterruptedRuns.stoppedBy(signals.received(), repository, resumed);
                if (resumed.getStatus() != BatchStatus.COMPLETED
                        || input.equals(interrupted.getJobParameters().getString("input"))) {
                    return outcome(resumed);
                }
            }
            if (signals.received() != null) {
                return notStarted(runId, signals);
            }
            JobParameters params = new JobParametersBuilder()
                    .addString("input", input)
                    .addString("warehouse", layout.root().toString())
                    .addString("runId", runId)
                    .addString("reprocess", String.valueOf(request.reprocess()), false)
                    .toJobParameters();
            JobExecution execution = operator.start(job, params);
            return outcome(InterruptedRuns.stoppedBy(signals.received(), repository, execution));
        }
    }

    /**
     * A stop signal: the job is marked STOPPING in the repository, which Spring Batch reads at every chunk
     * and step boundary, and the watchdog cuts short the files being read so that the chunk under way ends
     * now. The job execution may not be in the repository yet when the signal comes during start-up: look
     * for it a little while.
     */
    private static void stop(ConfigurableApplicationContext context, String jobName, WarehouseLayout layout) {
        JobRepository repository = context.getBean(JobRepository.class);
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    if (InterruptedRuns.markStopping(repository, jobName, layout)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // the job updated its execution at the same moment: read it again and retry
                    log.debug("marking the run as stopping: {}", rootMessage(e));
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.getBean(Watchdog.class).stopAll();
        }
    }

    private static RunOutcome notStarted(String runId, StopSignals signals) {
        return new RunOutcome(runId, BatchStatus.STOPPED, "stopped by " + signals.received()
                + " before the job started", List.of());
    }

    private static RunOutcome outcome(JobExecution execution) {
        {
            List<StepOutcome> steps = new ArrayList<>();
            for (StepExecution s : execution.getStepExecutions()) {
                steps.add(new StepOutcome(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                        s.getFilterCount()));
            }
            String description = execution.getStatus() == BatchStatus.STOPPED
                    ? execution.getExitStatus().getExitDescription()
                    : causes(execution).orElse(execution.getExitStatus().getExitDescription());
            return new RunOutcome(execution.getJobParameters().getString("runId"), execution.getStatus(), description,
                    steps);
        }
    }

    /** What made a run fail, one line per distinct cause, or empty when nothing did. */
    public static Optional<String> causes(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(BatchRunner::rootMessage).distinct().reduce((a, b) -> a + "; " + b);
    }

    /** A Spring context with Boot's batch support over the given job repository database. */
    public static ConfigurableApplicationContext start(String jobRepositoryUrl) {
        return start(jobRepositoryUrl, Map.of());
    }

    /**
     * The context of a run: the job repository and the job configurations of {@link FazhiApplication} in a plain
     * annotation context, with the run's properties and Boot's conversion service (the limits' sizes and durations).
     * Not a SpringApplication: that prepares an environment a run does not use (application.properties looked up in
     * the jar and the working folder, profiles, SPRING_APPLICATION_JSON, a background pre-initialiser) and configures
     * logback a second time from logback.xml with Joran, the same configuration as StderrLogging's: together about a
     * fifth of the main thread of an ingest that finds nothing new. What of it a run does use is kept: java.util.logging
     * bridged to SLF4J while the context is open ({@link JulBridge}, as Boot's logging system did) and a shutdown hook
     * that closes the context. (A context that fails to start is no longer reported a second time, with its stack
     * trace, by SpringApplication: the run says why in one line, as before.)
     */
    private static ConfigurableApplicationContext start(String jobRepositoryUrl, Map<String, String> limits) {
        Map<String, Object> props = new HashMap<>();
        limits.forEach((name, value) -> props.put("fazhi.limits." + name, value));
        props.put(JobRepositoryConfiguration.URL, jobRepositoryUrl);
        if (jobRepositoryUrl.startsWith("jdbc:h2:")) {
            props.put(JobRepositoryConfiguration.USERNAME, "sa");
        }
        // an H2 file database is closed when its last connection closes: the one that looked for the tables stays
        // open until the pool has its own, so the database is opened once, not twice. It is opened on another thread
        // while this one reads the configurations, and waited for when the job repository is made, before the pool
        // connects (JobRepositoryConfiguration.jobRepository reads CREATE_TABLES first).
        CompletableFuture<JobRepositoryUrl.Probe> probe = JobRepositoryUrl.probeMeanwhile(jobRepositoryUrl);
        CompletableFuture<Boolean> hasTables = probe.thenApply(JobRepositoryUrl.Probe::hasTables);
        try {
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fazhiRun", props));
            // the tables are created on first use only: later runs need no CREATE privilege, and a server does
            // not log an "already exists" error for each table at every run
            context.getEnvironment().getPropertySources().addLast(new PropertySource<>("fazhiJobRepository", hasTables) {
                @Override
                public Object getProperty(String name) {
                    return JobRepositoryConfiguration.CREATE_TABLES.equals(name)
                            ? String.valueOf(!JobRepositoryUrl.await(getSource())) : null;
                }
            });
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            context.register(FazhiApplication.class);
            // nothing here listens with @EventListener (ApplicationListener beans still do): the processor that looks
            // for such methods would load and scan the class of every bean, the stages' included
            context.removeBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME);
            context.removeBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME);
            // java.util.logging goes back to no handler when the context closes, as Boot's logging system left it
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    JulBridge.remove();
                }
            });
            JulBridge.install();
            try {
                context.refresh();
            } catch (RuntimeException e) {
                JulBridge.remove();
                throw e;
            }
            // a JVM that exits during the run (not TERM or INT: StopSignals takes those) closes the context first
            context.registerShutdownHook();
            return context;
        } finally {
            JobRepositoryUrl.await(probe).close();
        }
    }

    /** The first line of the innermost cause's message: what an operator reads, never a stack trace. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
