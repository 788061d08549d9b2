package fazhi.cli;

import fazhi.config.BatchRunner;
import fazhi.config.RunRequest;
import fazhi.rank.FrameworkException;
import fazhi.reference.KnowledgeFileException;
import fazhi.warehouse.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", header = "The nightly job: ingest, validate, publish, then statistics and rankings.", mixinStandardHelpOptions = true,
        description = {"The nightly job: read the reports in the input folder, extract and validate their figures, publish them to the warehouse, then compute statistics and rankings. Files already published with the same bytes are skipped; a changed file replaces its old version.",
                "Exit codes: 0 all published, 3 published with some files quarantined or failed, 1 the run failed (nothing published), 2 a wrong command line, 4 another run holds the warehouse, 5 stopped by TERM or INT (README, Exit codes)."})
public class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    String jobName() {
        return "nightly";
    }

    @Override
    public Integer call() {
        Path input;
        try {
            input = options.input();
            options.knowledge.apply();
        } catch (IOException | KnowledgeFileException | FrameworkException | IllegalArgumentException e) {
            System.err.println("fazhi " + jobName() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            return runWith(input);
        } finally {
            options.knowledge.reset();
        }
    }

    private Integer runWith(Path input) {
        BatchRunner.RunOutcome outcome;
        try {
            outcome = BatchRunner.run(new RunRequest(jobName(), input, options.warehouse,
                    options.jobRepository, options.reprocess, options.limits), options.prepareDemo(System.out));
        } catch (WarehouseLock.WarehouseBusyException e) {
            System.err.println("fazhi " + jobName() + ": " + e.getMessage());
            return ExitCodes.WAREHOUSE_BUSY;
        } catch (Exception e) {
            System.err.println("fazhi " + jobName() + ": the run could not start: " + BatchRunner.rootMessage(e));
            return ExitCodes.RUN_FAILED;
        }
        return new RunSummary(options.warehouse, outcome).print(System.out);
    }
}
