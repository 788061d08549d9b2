package fazhi.config.nightly;

import fazhi.config.BatchRunner;
import fazhi.warehouse.RunTally;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;

/**
 * Writes fazhi's own outcome of a run that published into the job repository's exit status: the exit code
 * {@value #WITH_QUARANTINES} when files were held back that the manifest did not expect, and the counts by
 * status as the exit description; for a run that failed, its cause in one line rather than Spring Batch's
 * stack trace. {@code fazhi jobs} shows both. Logs and reads only; it counts nothing itself.
 */
public class RunOutcomeListener implements JobExecutionListener {
    /** The exit status code of a run that published but held files back (exit code 3 of the command). */
    public static final String WITH_QUARANTINES = "COMPLETED_WITH_QUARANTINES";

    private static final Logger log = LoggerFactory.getLogger(RunOutcomeListener.class);

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.FAILED) {
            // Spring Batch keeps the stack trace as the exit message; fazhi jobs shows the cause instead
            BatchRunner.causes(execution).ifPresent(cause ->
                    execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(), cause)));
            return;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        var params = execution.getJobParameters();
        var layout = new WarehouseLayout(Path.of(params.getString("warehouse")));
        try (Connection c = WarehouseConnection.openPublished(layout, EnumSet.of(WarehouseTable.SUBMISSIONS))) {
            RunTally tally = RunTally.of(c, params.getString("runId"));
            execution.setExitStatus(new ExitStatus(tally.clean() ? ExitStatus.COMPLETED.getExitCode() : WITH_QUARANTINES,
                    tally.describe()));
            log.info("run {}: {}", params.getString("runId"), tally.describe());
        } catch (SQLException e) {
            // the run has published; only its summary in the job repository is missing
            log.warn("run {}: the outcome could not be counted: {}", params.getString("runId"), e.getMessage());
        }
    }
}
