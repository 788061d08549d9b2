package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.config.JobRepositoryUrl;
import fazhi.config.nightly.RunOutcomeListener;
import fazhi.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

@Command(name = "jobs", header = "List past runs from the Spring Batch job repository.", mixinStandardHelpOptions = true,
        description = {"Past runs, newest first, from the Spring Batch job repository: job, run id, Spring Batch's status, fazhi's exit code for the run (the README's table: 0 published, 3 published with files held back, 1 failed, 5 stopped), start and end, files read and files skipped as unchanged, and the outcome: the counts by status (published, quarantined, duplicate, failed) of a run that published, or the cause of a failure."})
public class JobsCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL", description = "as for `fazhi run`")
    String jobRepository;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--limit", defaultValue = "20", description = "how many runs (default: ${DEFAULT-VALUE})")
    int limit;

    /**
     * One row per run. {@code batch_status} is Spring Batch's status of the job execution; {@code fazhi_exit_code} the
     * command's exit code as the run decided it (README, Exit codes; null where the job repository does not say,
     * e.g. runs of an older fazhi); times to the second; {@code outcome} is the first line of the exit
     * description: the counts by status of a run that published (see RunOutcomeListener), the cause of a failure.
     */
    public static final String QUERY = """
            SELECT e.JOB_EXECUTION_ID AS "execution", i.JOB_NAME AS "job",
                   (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                     WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'runId') AS "run_id",
                   e.STATUS AS "batch_status",
                   CASE WHEN e.EXIT_CODE = '%s' THEN %d
                        WHEN e.STATUS = 'COMPLETED' AND (i.JOB_NAME = 'stats' OR e.EXIT_MESSAGE LIKE '%% published, %%')
                             THEN %d
                        WHEN e.STATUS IN ('FAILED', 'ABANDONED') THEN %d
                        WHEN e.STATUS IN ('STOPPED', 'STOPPING') THEN %d END AS "fazhi_exit_code",
                   TO_CHAR(e.START_TIME, 'YYYY-MM-DD HH24:MI:SS') AS "started",
                   TO_CHAR(e.END_TIME, 'YYYY-MM-DD HH24:MI:SS') AS "ended",
                   (SELECT sum(s.READ_COUNT) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME = 'extractIndicatorsStep') AS "files_read",
                   (SELECT sum(s.FILTER_COUNT) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME = 'discoverSubmissionsStep') AS "files_unchanged",
                   CASE WHEN POSITION(CHR(10) IN e.EXIT_MESSAGE) > 0
                        THEN LEFT(e.EXIT_MESSAGE, POSITION(CHR(10) IN e.EXIT_MESSAGE) - 1)
                        ELSE e.EXIT_MESSAGE END AS "outcome"
              FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
             ORDER BY e.JOB_EXECUTION_ID DESC""".formatted(RunOutcomeListener.WITH_QUARANTINES,
            ExitCodes.PUBLISHED_WITH_QUARANTINES, ExitCodes.OK, ExitCodes.RUN_FAILED, ExitCodes.STOPPED);

    @Override
    public Integer call() {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        String url = JobRepositoryUrl.resolve(jobRepository, layout);
        if (url.startsWith("jdbc:h2:file:") && !Files.exists(layout.jobRepository().resolve("fazhi.mv.db"))) {
            System.err.println("fazhi jobs: no job repository in " + layout.root() + " yet (no run has happened there)");
            return ExitCodes.USAGE;
        }
        try (Connection c = DriverManager.getConnection(url + (url.startsWith("jdbc:h2:") ? ";IFEXISTS=TRUE" : ""),
                url.startsWith("jdbc:h2:") ? "sa" : null, "");
             Statement s = c.createStatement()) {
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery(QUERY)) {
                PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
                ResultPrinter.print(rs, ResultPrinter.parse(format), out);
            }
            return ExitCodes.OK;
        } catch (SQLException e) {
            System.err.println("fazhi jobs: cannot read the job repository " + url + ": "
                    + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        }
    }
}
