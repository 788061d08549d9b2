package fazhi.cli;

import fazhi.config.BatchRunner.Preparation;
import fazhi.config.nightly.FileLimits;
import fazhi.generate.DemoInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options of every command that runs a job (run, ingest, schedule). */
public class RunOptions {
    /**
     * The bundled sample reports: in the project folder, which the launcher passes as fazhi.home so that
     * {@code ./fazhi run} works from any folder; else in the current folder.
     */
    static final Path SAMPLE_DATA = Path.of(System.getProperty("fazhi.home", "")).resolve("sample-data");

    @Option(names = "--input",
            description = "folder of report files, with an optional manifest.csv (default: the bundled sample-data "
                    + "plus a small SYNTHETIC demo panel generated with a fixed seed)")
    Path input;

    @Option(names = "--warehouse", defaultValue = "warehouse", description = "warehouse folder (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--job-repository", paramLabel = "JDBC_URL",
            description = "Spring Batch job repository, e.g. jdbc:postgresql://127.0.0.1:5432/fazhi?user=fazhi "
                    + "(default: an H2 file in WAREHOUSE/_jobrepo, or $FAZHI_JOB_REPOSITORY)")
    String jobRepository;

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "a per-file limit: report-size (default 16MB), table-size (1GB), report-time (60s), "
                    + "table-time (30m); a file over its limit is quarantined as too_large or "
                    + "extraction_budget_exceeded")
    Map<String, String> limits = new LinkedHashMap<>();

    @Mixin
    KnowledgeOptions knowledge = new KnowledgeOptions();

    @Option(names = "--reprocess", description = "read every file again, even those published with the same bytes "
            + "(after the indicator catalog changed)")
    boolean reprocess;

    /** Checks the limits, then gives the folder the job reads: the one given, or else the demo's, which {@link #prepareDemo} fills. */
    Path input() throws IOException {
        for (String name : limits.keySet()) {
            if (!FileLimits.NAMES.contains(name)) {
                throw new IOException("--limit " + name + ": not a limit; the limits are " + String.join(", ", FileLimits.NAMES));
            }
        }
        if (input != null) {
            if (!Files.isDirectory(input)) {
                throw new IOException("input folder " + input + " does not exist");
            }
            return input;
        }
        if (!Files.isDirectory(SAMPLE_DATA)) {
            throw new IOException("no --input given and no sample-data folder in " + SAMPLE_DATA.toAbsolutePath().getParent()
                    + ": give the folder of reports with --input DIR, or run the demo through the ./fazhi launcher");
        }
        return DemoInput.reportsDirOf(DemoInput.folderOf(warehouse));
    }

    /**
     * Without --input: assembles the demo (bundled real reports plus the synthetic panel) inside the warehouse
     * folder, announced as synthetic where the operator reads. It writes into the warehouse, so it runs only
     * under the warehouse lock (see {@link Preparation}).
     */
    Preparation prepareDemo(PrintStream out) {
        if (input != null) {
            return Preparation.NONE;
        }
        return () -> {
            var demo = DemoInput.assemble(SAMPLE_DATA, DemoInput.folderOf(warehouse));
            out.println("demo: the 5 real reports of sample-data/ plus a SYNTHETIC panel of " + demo.reports()
                    + " generated reports (" + demo.counties() + " counties, 2019-2023, fixed seed) so that trends and "
                    + "rankings have something to show; synthetic figures are marked synthetic=true in the warehouse, "
                    + "their ground truth is in " + demo.out().resolve("truth"));
        };
    }
}
