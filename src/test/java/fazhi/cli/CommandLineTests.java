package fazhi.cli;

import fazhi.config.TestWarehouses;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as an operator or a scheduler sees them: exit codes and what is printed. */
class CommandLineTests {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();


    private Path sample() {
        return TestWarehouses.copyOfSampleData(tmp.resolve("in"));
    }

    @Test
    void runOnTheSampleDataExitsZeroBecauseTheTemplateIsAnAcknowledgedQuarantine() {
        int code = FazhiMain.execute("run", "--input", sample().toString(), "--warehouse", tmp.resolve("wh").toString());

        assertThat(code).as(console.stdout() + console.stderr()).isEqualTo(ExitCodes.OK);
        // the hint can be pasted as it is: it names the warehouse the run wrote
        assertThat(console.stdout()).contains("query it: ./fazhi sql --warehouse " + tmp.resolve("wh") + " \"select");
        // results on stdout, log lines on stderr
        assertThat(console.stdout()).doesNotContain(" INFO ").doesNotContain("CodecPool");
        assertThat(console.stderr()).contains(" INFO ");
        assertThat(console.stdout()).contains("quarantined (as expected)=1").contains("published=4");
        // no real county can be ranked on the framework, but each has a disclosure index
        assertThat(console.stdout()).contains("disclosure index").contains("4 real reports")
                .contains("冠县").contains("湄潭县").contains("开鲁县").contains("鲁山县").contains("1 of 1");
    }

    @Test
    void aQuarantinedFileGivesThePublishedWithQuarantinesExitCode() throws Exception {
        Path input = sample();
        Files.write(input.resolve("empty.txt"), new byte[0]);

        int code = FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", tmp.resolve("wh").toString());

        assertThat(code).isEqualTo(ExitCodes.PUBLISHED_WITH_QUARANTINES);
        assertThat(console.stdout()).contains("empty.txt");
    }

    @Test
    void aMissingInputFolderIsAUsageError() {
        int code = FazhiMain.execute("ingest", "--input", tmp.resolve("nowhere").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("does not exist");
    }

    @Test
    void aLimitThatDoesNotExistIsAUsageError() {
        int code = FazhiMain.execute("ingest", "--input", "sample-data", "--limit", "report-tme=5s");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("report-tme: not a limit");
    }

    @Test
    void aSecondRunOnALockedWarehouseExitsWithTheBusyCodeAndNamesTheHolder() throws Exception {
        Path warehouse = tmp.resolve("wh");
        try (WarehouseLock held = WarehouseLock.acquire(new WarehouseLayout(warehouse), "the-first-run")) {
            int code = FazhiMain.execute("ingest", "--input", sample().toString(), "--warehouse", warehouse.toString());

            assertThat(code).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
            assertThat(console.stderr()).contains("the-first-run");
        }
    }

    @Test
    void sqlAnswersInCsvAndJobsListsTheRun() {
        Path warehouse = tmp.resolve("wh");
        FazhiMain.execute("ingest", "--input", sample().toString(), "--warehouse", warehouse.toString());
        console.clear();

        int sql = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "select region_code, count(*) > 0 as any from observations where region_code = '371525' group by 1");
        assertThat(sql).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).isEqualTo("region_code,any\r\n371525,true\r\n");

        console.clear();
        int jobs = FazhiMain.execute("jobs", "--warehouse", warehouse.toString(), "--format", "csv");
        assertThat(jobs).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout().lines().toList()).hasSize(2);
        assertThat(console.stdout().lines().skip(1).findFirst().orElseThrow()).contains(",ingest,").contains(",COMPLETED,");
    }

    @Test
    void jobsShowsEachRunsExitCodeAndCountsByStatusSoANightThatHeldFilesBackDoesNotLookClean() throws Exception {
        Path warehouse = tmp.resolve("wh");
        Path input = sample();
        int clean = FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        // the next night: one file arrives empty, one the manifest announces has vanished
        Files.write(input.resolve("empty.txt"), new byte[0]);
        Files.writeString(input.resolve("manifest.csv"), "vanished.txt,371525,2023,\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        int held = FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        console.clear();

        int jobs = FazhiMain.execute("jobs", "--warehouse", warehouse.toString(), "--format", "csv");

        assertThat(jobs).as(console.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(clean).isEqualTo(ExitCodes.OK);
        assertThat(held).isEqualTo(ExitCodes.PUBLISHED_WITH_QUARANTINES);
        var lines = console.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("execution,job,run_id,batch_status,fazhi_exit_code,started,ended,files_read,files_unchanged,outcome");
        // newest first; both COMPLETED for Spring Batch, but not the same night for fazhi
        assertThat(lines.get(1)).contains(",COMPLETED,3,")
                .endsWith(",\"0 published, 1 quarantined, 0 duplicate, 1 failed (2 not expected by the manifest)\"");
        // times to the second
        assertThat(lines.get(1)).containsPattern(",\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,");
        assertThat(lines.get(2)).contains(",COMPLETED,0,")
                .endsWith(",\"4 published, 1 quarantined, 0 duplicate, 0 failed\"");
    }

    @Test
    void jobsShowsTheCauseOfAFailedRunInOneLineAndExitCodeOne() throws Exception {
        Path warehouse = tmp.resolve("wh");
        Path input = sample();
        FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        // the published submissions table is damaged behind fazhi's back: the next run cannot compose on it
        Path published = warehouse.resolve("current/submissions/part-0.parquet").toRealPath();
        Files.delete(published);
        Files.writeString(published, "not parquet");
        int failed = FazhiMain.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
        console.clear();

        FazhiMain.execute("jobs", "--warehouse", warehouse.toString(), "--format", "csv");

        assertThat(failed).isEqualTo(ExitCodes.RUN_FAILED);
        String newest = console.stdout().lines().skip(1).findFirst().orElseThrow();
        assertThat(newest).contains(",FAILED,1,").contains("part-0.parquet")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aQueryErrorIsOneMessageWithDuckDbsHintsWithoutAStackTraceAndTheUsageCode() {
        Path warehouse = tmp.resolve("wh");
        FazhiMain.execute("ingest", "--input", sample().toString(), "--warehouse", warehouse.toString());

        int code = FazhiMain.execute("sql", "--warehouse", warehouse.toString(), "select nope from observations");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.stderr()).contains("Candidate bindings").contains("LINE 1: select nope from observations");
        assertThat(console.stderr().lines().filter(l -> l.startsWith("fazhi sql:")).count()).isEqualTo(1);
        assertThat(console.stderr()).doesNotContain("\tat ");
    }

    @Test
    void scheduleRunsTheNightlyJobOnItsCronAndLogsEachRun() {
        int code = FazhiMain.execute("schedule", "--cron", "*/2 * * * * *", "--max-runs", "2",
                "--input", sample().toString(), "--warehouse", tmp.resolve("wh").toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(console.stdout()).contains("run 1 ended with exit code 0").contains("run 2 ended with exit code 0");
    }

    @Test
    void aScheduledRunThatFindsTheWarehouseBusyIsLoggedWithItsOwnExitCode() throws Exception {
        Path warehouse = tmp.resolve("wh");
        try (var held = WarehouseLock.acquire(new WarehouseLayout(warehouse), "another-run")) {
            int code = FazhiMain.execute("schedule", "--cron", "* * * * * *", "--max-runs", "1",
                    "--input", sample().toString(), "--warehouse", warehouse.toString());

            assertThat(code).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
            assertThat(console.stdout()).contains("run skipped: warehouse").contains("another-run")
                    .contains("run 1 ended with exit code 4");
        }
    }

    @Test
    void aCronExpressionThatDoesNotParseIsAUsageError() {
        assertThat(FazhiMain.execute("schedule", "--cron", "every night")).isEqualTo(ExitCodes.USAGE);
    }
}
