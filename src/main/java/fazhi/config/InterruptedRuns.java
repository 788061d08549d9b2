package fazhi.config;

import fazhi.warehouse.WarehouseLayout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * A run of this warehouse that the job repository still shows as running. Looked for while holding the
 * warehouse lock, so its process is dead (killed, machine lost): the repository never heard it end.
 */
final class InterruptedRuns {
    private InterruptedRuns() {
    }

    static JobExecution find(JobRepository repository, String jobName, WarehouseLayout layout) {
        return repository.findRunningJobExecutions(jobName).stream()
                .filter(e -> layout.root().toString().equals(e.getJobParameters().getString("warehouse")))
                .max(Comparator.comparing(JobExecution::getId))
                .orElse(null);
    }

    /** Records the death so that Spring Batch allows the restart (it refuses to restart a "running" job). */
    static JobExecution markFailed(JobRepository repository, JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: the process died"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: the process died"));
        execution.setEndTime(now);
        repository.update(execution);
        return execution;
    }
}
