package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.config.JobRepositoryUrl;
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
        description = {"Past runs, newest first, from the Spring Batch job repository: job, run id, status, start and end, and the counts of the extraction step (files read, written, filtered)."})
public class JobsCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL", description = "as for `fazhi run`")
    String jobRepository;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--limit", defaultValue = "20", description = "how many runs (default: ${DEFAULT-VALUE})")
    int limit;

    static final String QUERY = """
            SELECT e.JOB_EXECUTION_ID AS execution, i.JOB_NAME AS job,
                   (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                     WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'runId') AS run_id,
                   e.STATUS AS status, e.START_TIME AS started, e.END_TIME AS ended,
                   (SELECT sum(s.READ_COUNT) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME = 'extractIndicatorsStep') AS files_read,
                   (SELECT sum(s.WRITE_COUNT) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME = 'extractIndicatorsStep') AS files_written,
                   (SELECT sum(s.FILTER_COUNT) FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME = 'discoverSubmissionsStep') AS files_unchanged,
                   e.EXIT_CODE AS exit_code
              FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
             ORDER BY e.JOB_EXECUTION_ID DESC""";

    @Override
    public Integer call() {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        String url = JobRepositoryUrl.resolve(jobRepository, layout);
        if (url.startsWith("jdbc:h2:file:") && !Files.exists(layout.jobRepository().resolve("fazhi.mv.db"))) {
            System.err.println("fazhi jobs: no job repository in " + layout.root() + " yet (no run has happened)");
            return ExitCodes.RUN_FAILED;
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
