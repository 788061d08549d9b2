package fazhi.config;

import fazhi.config.TestDatabases.JobRepository;
import fazhi.config.TestDatabases.Scratch;
import fazhi.generate.CorpusGenerator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at any moment, then rerun: the warehouse equals one clean run. The job runs in a child JVM
 * that is killed at several moments of a run over a generated corpus of a few thousand reports, with its job
 * repository in the warehouse's H2 file, on PostgreSQL and on MariaDB (see {@link TestDatabases}).
 */
@Tag("slow")
class CrashRecoveryTests {
    /** about 2,800 reports (some county-years are not reported); -Dcrash.counties=40 for a quick try of a change */
    static final int COUNTIES = Integer.getInteger("crash.counties", 300);

    @TempDir
    Path tmp;

    /** The output of the child started last, for the message of a failed assertion. */
    private Path lastLog;

    private String lastLogTail() {
        try {
            List<String> lines = Files.readAllLines(lastLog).stream().filter(l -> !l.startsWith("\tat ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A generated corpus: real county codes, ten years, txt / html / docx in UTF-8 and GB18030. */
    static Path corpus(Path dir, int counties) throws IOException {
        return CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(dir, counties, 2015, 2024, 17)).reportsDir();
    }

    private Process startIngest(Path input, Path warehouse, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "fazhi.cli.FazhiMain",
                "ingest", "--input", input.toString(), "--warehouse", warehouse.toString()));
        command.addAll(List.of(options));
        lastLog = tmp.resolve("child-" + System.nanoTime() + ".log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(lastLog.toFile())
                .start();
    }

    private static String fingerprint(Path warehouse) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.addAll(query(warehouse, "SELECT count(*), count(DISTINCT (region_code, year, indicator)), "
                + "round(sum(value), 6), count(DISTINCT submission_id) FROM observations"));
        rows.addAll(query(warehouse, "SELECT status, count(*), sum(observations) FROM submissions GROUP BY 1 ORDER BY 1"));
        rows.addAll(query(warehouse, "SELECT count(*), count(*) FILTER (WHERE chosen) FROM mentions"));
        rows.addAll(query(warehouse, "SELECT rule, count(*) FROM validation_issues GROUP BY 1 ORDER BY 1"));
        rows.addAll(query(warehouse, "SELECT count(*) FROM (SELECT source_file FROM submissions GROUP BY 1 HAVING count(*) > 1)"));
        return rows.toString();
    }

    static Stream<Named<JobRepository>> jobRepositories() {
        return Stream.of(JobRepository.values()).map(r -> Named.of(r.describe(), r));
    }

    @ParameterizedTest(name = "job repository: {0}")
    @MethodSource("jobRepositories")
    void aRunKilledAtAnyMomentThenRerunGivesTheWarehouseOfOneCleanRun(JobRepository kind) throws Exception {
        Path input = corpus(tmp.resolve("corpus"), COUNTIES);
        long reports = Files.readAllLines(input.resolve("manifest.csv")).size() - 1;

        long start = System.nanoTime();
        Process clean = startIngest(input, tmp.resolve("clean"));
        assertThat(clean.waitFor(20, TimeUnit.MINUTES)).isTrue();
        long cleanMillis = (System.nanoTime() - start) / 1_000_000;
        String expected = fingerprint(tmp.resolve("clean"));

        Path crashed = tmp.resolve("crashed");
        try (Scratch repository = kind.open(crashed)) {
            String[] crashedRepository = {"--job-repository", repository.url()};
            Random random = new Random(20261122);
            for (int kill = 0; kill < 4; kill++) {
                Process p = startIngest(input, crashed, crashedRepository);
                // kill at a random moment of what a whole run takes (start-up, discovery, extraction, publishing)
                long at = 300 + (long) (random.nextDouble() * cleanMillis);
                if (!p.waitFor(at, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                }
                if (Files.isDirectory(crashed.resolve("current"))) {
                    // a reader in between sees a whole published version, never a partial one
                    assertThat(query(crashed, "SELECT count(*) FROM (SELECT source_file FROM submissions "
                            + "GROUP BY 1 HAVING count(*) > 1)").get(0).get(0)).isEqualTo("0");
                }
            }
            Process rerun = startIngest(input, crashed, crashedRepository);
            assertThat(rerun.waitFor(20, TimeUnit.MINUTES)).isTrue();

            assertThat(fingerprint(crashed)).as(this::lastLogTail).isEqualTo(expected);
            assertThat(ServerJobRepositoryTests.rows(repository.url(),
                    "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE EXIT_MESSAGE LIKE '%interrupted%'").get(0).get(0))
                    .as("killed runs were resumed through the job repository").isNotEqualTo("0");
        }
        assertThat(reports).as("a corpus of a few thousand reports").isGreaterThan(COUNTIES * 20L / 3);
        assertThat(query(crashed, "SELECT count(*) FROM submissions").get(0).get(0)).isEqualTo(String.valueOf(reports));
    }

    /** The newest job execution's status in the warehouse's job repository. */
    private static String lastJobStatus(Path warehouse) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + warehouse.resolve("_jobrepo/fazhi")
                + ";IFEXISTS=TRUE", "sa", ""); var rs = c.createStatement().executeQuery(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    /** The exit code `fazhi jobs` shows for the latest run. */
    private static int lastJobsExitCode(Path warehouse) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + warehouse.resolve("_jobrepo/fazhi")
                + ";IFEXISTS=TRUE", "sa", ""); var rs = c.createStatement().executeQuery(fazhi.cli.JobsCommand.QUERY)) {
            return rs.next() ? rs.getInt("fazhi_exit_code") : -1;
        }
    }

    /** Waits until a file of the run's staging area appears (the run reached a step), or the run ends. */
    private static boolean reached(Process p, Path warehouse, String stagedFile) throws Exception {
        while (p.isAlive()) {
            try (var runs = Files.list(warehouse.resolve("_staging"))) {
                if (runs.anyMatch(run -> Files.exists(run.resolve(stagedFile)))) {
                    return true;
                }
            } catch (IOException notYet) {
                // no staging area yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void termAtAnyStepStopsTheRunWithItsExitCodeAndTheNextRunResumesIt() throws Exception {
        Path input = corpus(tmp.resolve("corpus"), 40);
        // first in the folder, so a worker is busy on it when TERM comes during extraction: a title, then one
        // figure sentence over and over, 32 MB of it: even at linear speed its stages take several times the
        // 5 s limit on any machine, while an ordinary report takes a fraction of a second
        Files.writeString(input.resolve("000-runaway.txt"), "冠县2024年法治政府建设情况的报告\n"
                + "行政复议申请181件。".repeat(1_200_000));
        String[] limits = {"--limit", "report-time=5s", "--limit", "report-size=64MB"};

        Process clean = startIngest(input, tmp.resolve("clean"), limits);
        assertThat(clean.waitFor(20, TimeUnit.MINUTES)).isTrue();
        assertThat(clean.exitValue()).isEqualTo(3);
        String expected = fingerprint(tmp.resolve("clean"));

        Path stopped = tmp.resolve("stopped");
        // a staged file that marks each moment: the file list (extraction under way), the compose database
        // (compose, validate), the version's observations (write and after)
        int stops = 0;
        for (String moment : List.of("discovered.parquet", "compose.duckdb", "version/observations")) {
            Process p = startIngest(input, stopped, limits);
            if (reached(p, stopped, moment)) {
                if (moment.equals("discovered.parquet")) {
                    Thread.sleep(2_000); // the workers are on the first chunk, the runaway file among it
                }
                p.destroy(); // TERM
                assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited within 15 s of TERM at " + moment).isTrue();
                if (p.exitValue() == 5) {
                    stops++;
                    assertThat(lastJobStatus(stopped)).as(this::lastLogTail).isEqualTo("STOPPED");
                    assertThat(lastJobsExitCode(stopped)).as("fazhi jobs shows the stopped run's exit code").isEqualTo(5);
                    // nothing half-written is visible: no version was published by a stopped run
                    assertThat(stopped.resolve("current")).doesNotExist();
                } else {
                    assertThat(p.exitValue()).as(() -> "the run ended before TERM at " + moment + " took effect:\n"
                            + lastLogTail()).isEqualTo(3);
                }
            } else {
                assertThat(p.exitValue()).as(() -> "ended before " + moment + ":\n" + lastLogTail()).isEqualTo(3);
            }
            if (Files.exists(stopped.resolve("current"))) {
                break;
            }
        }
        assertThat(stops).as("runs stopped by TERM").isGreaterThanOrEqualTo(2);

        Process resumed = startIngest(input, stopped, limits);
        assertThat(resumed.waitFor(20, TimeUnit.MINUTES)).isTrue();
        // 3: the resumed run published (with the runaway file quarantined); 0: a run above already had
        assertThat(resumed.exitValue()).as(this::lastLogTail).isIn(0, 3);
        assertThat(fingerprint(stopped)).isEqualTo(expected);
        assertThat(query(stopped, "SELECT reason FROM submissions WHERE source_file = '000-runaway.txt'").get(0).get(0))
                .startsWith("extraction_budget_exceeded");
    }
}
