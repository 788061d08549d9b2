package fazhi.config.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Logs where a run's time went: the wall time of each step, then the CPU time of each stage of the
 * extraction step (see {@link StageClock}). bench/run reads these two lines for its per-stage table.
 */
public class StageTimesListener implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(StageTimesListener.class);

    private final StageClock clock;

    public StageTimesListener(StageClock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        clock.clear();
    }

    @Override
    public void afterJob(JobExecution execution) {
        StringJoiner steps = new StringJoiner(", ");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStartTime() != null && step.getEndTime() != null) {
                steps.add(String.format(Locale.ROOT, "%s %.2f s", step.getStepName().replace("Step", ""),
                        Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9));
            }
        }
        log.info("step wall times: {}", steps);
        log.info("extraction stage CPU times (files): {}", clock.describe());
    }
}
