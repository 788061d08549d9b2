package fazhi.config;

import fazhi.warehouse.WarehouseLayout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * A run of this warehouse that did not finish: one the job repository still shows as running (looked for
 * while holding the warehouse lock, so its process is dead: killed, machine lost), or one a stop signal
 * ended (STOPPED). Either is resumed by the next run. Also how a stop signal is recorded.
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

    /**
     * The newest run of this warehouse if a stop signal ended it (STOPPED): the next run resumes it. Only the
     * newest counts: a stopped run that a later run already followed is history.
     */
    static JobExecution findStopped(JobRepository repository, String jobName, WarehouseLayout layout) {
        for (JobInstance instance : repository.getJobInstances(jobName, 0, 50)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && layout.root().toString().equals(last.getJobParameters().getString("warehouse"))) {
                return last.getStatus() == BatchStatus.STOPPED ? last : null;
            }
        }
        return null;
    }

    /**
     * A run that a stop signal ended, whatever Spring Batch made of it (a chunk cut short by the watchdog
     * fails its step), is recorded as STOPPED, which Spring Batch restarts from where it stopped. A run that
     * completed before the stop took effect stays completed.
     */
    static JobExecution stoppedBy(String signal, JobRepository repository, JobExecution ended) {
        if (signal == null || ended.getStatus() == BatchStatus.COMPLETED) {
            return ended;
        }
        // read afresh: the stop request changed the execution in the repository behind the job's back
        JobExecution execution = repository.getJobExecution(ended.getId());
        LocalDateTime now = LocalDateTime.now();
        ExitStatus stopped = new ExitStatus(ExitStatus.STOPPED.getExitCode(), "stopped by " + signal
                + "; the next run resumes it");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.COMPLETED) {
                step.setStatus(BatchStatus.STOPPED);
                step.setExitStatus(stopped);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.STOPPED);
        execution.setExitStatus(stopped);
        if (execution.getEndTime() == null) {
            execution.setEndTime(now);
        }
        repository.update(execution);
        return execution;
    }

    /** Records this warehouse's running job as STOPPED, if there is one: the process is about to halt. */
    static void markStopped(String signal, JobRepository repository, String jobName, WarehouseLayout layout) {
        JobExecution running = find(repository, jobName, layout);
        if (running != null) {
            stoppedBy(signal, repository, running);
        }
    }

    /** Asks this warehouse's running job to stop at its next chunk or step boundary; false if none runs yet. */
    static boolean markStopping(JobRepository repository, String jobName, WarehouseLayout layout) {
        JobExecution running = find(repository, jobName, layout);
        if (running == null) {
            return false;
        }
        running.setStatus(BatchStatus.STOPPING);
        repository.update(running);
        return true;
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
