package fazhi.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of every command that runs a job (run, ingest, schedule). */
public class RunOptions {
    @Option(names = "--input", defaultValue = "sample-data",
            description = "folder of report files, with an optional manifest.csv (default: ${DEFAULT-VALUE})")
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
}
