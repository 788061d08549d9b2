package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.config.RunRequest;
import fazhi.warehouse.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The nightly job: read the reports in the input folder, extract and validate their figures,",
                "publish them to the warehouse, then compute statistics and rankings.",
                "Files already published with the same bytes are skipped; a changed file replaces its old version.",
                "Exit codes: 0 all published, 3 published with some files quarantined or failed,",
                "1 the run failed (nothing published), 4 another run holds the warehouse."})
public class RunCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "sample-data", description = "folder of report files, with an optional manifest.csv (default: ${DEFAULT-VALUE})")
    Path input;

    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL",
            description = "Spring Batch job repository, e.g. jdbc:postgresql://127.0.0.1:5432/fazhi?user=fazhi "
                    + "(default: an H2 file in WAREHOUSE/_jobrepo, or $FAZHI_JOB_REPOSITORY)")
    String jobRepository;

    @Option(names = "--reprocess", description = "read every file again, even those published with the same bytes "
            + "(after the indicator catalog changed)")
    boolean reprocess;

    String jobName() {
        return "nightly";
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(input)) {
            System.err.println("fazhi " + jobName() + ": input folder " + input + " does not exist");
            return ExitCodes.USAGE;
        }
        BatchRunner.RunOutcome outcome;
        try {
            outcome = BatchRunner.run(new RunRequest(jobName(), input, warehouse, jobRepository, reprocess));
        } catch (WarehouseLock.WarehouseBusyException e) {
            System.err.println("fazhi " + jobName() + ": " + e.getMessage());
            return ExitCodes.WAREHOUSE_BUSY;
        } catch (Exception e) {
            System.err.println("fazhi " + jobName() + ": the run could not start: " + RunSummary.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        }
        return new RunSummary(warehouse, outcome).print(System.out);
    }
}
