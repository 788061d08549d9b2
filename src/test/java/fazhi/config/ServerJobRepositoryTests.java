package fazhi.config;

import fazhi.cli.ExitCodes;
import fazhi.cli.FazhiMain;
import fazhi.config.TestDatabases.Scratch;
import fazhi.config.TestDatabases.Server;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseLock;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository on the database servers teams run, PostgreSQL and MariaDB (see {@link TestDatabases}:
 * Testcontainers where a container engine answers, the machine's services otherwise). Each test gets a fresh
 * schema or database, so the tables are created on first use there.
 */
class ServerJobRepositoryTests {
    @TempDir
    Path tmp;

    static Stream<Named<Server>> servers() {
        return Stream.of(Server.values()).map(s -> Named.of(s + " (" + s.describe() + ")", s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theJobCreatesItsTablesOnFirstUseRecordsEachRunAndFazhiJobsListsThem(Server server) throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        try (Scratch repository = server.scratch()) {
            String url = repository.url();
            var first = BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("wh"), url, false));
            var second = BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("wh"), url, false));

            assertThat(first.completed()).isTrue();
            assertThat(second.completed()).isTrue();
            assertThat(rows(url, "SELECT e.STATUS, (SELECT sum(x.READ_COUNT) FROM BATCH_STEP_EXECUTION x "
                    + "WHERE x.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND x.STEP_NAME = 'extractIndicatorsStep') "
                    + "FROM BATCH_JOB_EXECUTION e ORDER BY e.JOB_EXECUTION_ID"))
                    .as("each run's status and files read: the second skips the unchanged files")
                    .containsExactly(List.of("COMPLETED", "5"), List.of("COMPLETED", "0"));

            // fazhi jobs reads the same repository in the server's SQL dialect: exit codes and outcomes
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            int jobs;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                jobs = FazhiMain.execute("jobs", "--warehouse", tmp.resolve("wh").toString(),
                        "--job-repository", url, "--format", "csv");
            } finally {
                System.setOut(stdout);
            }
            assertThat(jobs).isZero();
            assertThat(captured.toString(StandardCharsets.UTF_8).lines().skip(1).toList())
                    .satisfiesExactly(
                            newest -> assertThat(newest).contains(",COMPLETED,0,")
                                    .endsWith(",\"0 published, 0 quarantined, 0 duplicate, 0 failed\""),
                            oldest -> assertThat(oldest).contains(",COMPLETED,0,")
                                    .endsWith(",\"4 published, 1 quarantined, 0 duplicate, 0 failed\""));
        }
    }

    /**
     * One repository shared by two warehouses' runs at once, as a team's nightly jobs share their database: the
     * first run is frozen (SIGSTOP) in the middle of its job, its execution STARTED in the repository. A run of
     * another warehouse meanwhile completes and leaves the frozen run's execution alone (it is not taken for
     * an interrupted run); a run of the same warehouse exits 4 as with the file repository, touching nothing.
     * Resumed, the first run completes, and both warehouses hold what one run alone gives.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    @Tag("slow")
    void twoRunsSharingOneRepositoryAtOnceEachCompleteAndASecondRunOfTheSameWarehouseExitsFour(Server server)
            throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path first = tmp.resolve("first");
        Path other = tmp.resolve("other");
        try (Scratch repository = server.scratch()) {
            String url = repository.url();
            Process frozen = startIngest(input, first, url, tmp.resolve("first.log"));
            try {
                awaitStarted(url, frozen);
                freezeOutsideATransaction(url, frozen);
                List<List<String>> before = executions(url);

                Process meanwhile = startIngest(input, other, url, tmp.resolve("other.log"));
                assertThat(meanwhile.waitFor(5, TimeUnit.MINUTES)).as("the other warehouse's run ended").isTrue();
                assertThat(meanwhile.exitValue()).as(Files.readString(tmp.resolve("other.log")))
                        .isEqualTo(ExitCodes.OK);

                Process sameWarehouse = startIngest(input, first, url, tmp.resolve("same.log"));
                assertThat(sameWarehouse.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(sameWarehouse.exitValue()).as(Files.readString(tmp.resolve("same.log")))
                        .isEqualTo(ExitCodes.WAREHOUSE_BUSY);

                assertThat(executions(url).get(0)).as("the frozen run's execution, after the other two")
                        .isEqualTo(before.get(0)).contains("STARTED");
                assertThat(rows(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                        .as("the frozen run, then the other warehouse's; the refused run left no execution")
                        .containsExactly(List.of("STARTED"), List.of("COMPLETED"));
            } finally {
                signal("CONT", frozen);
            }
            assertThat(frozen.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(frozen.exitValue()).as(Files.readString(tmp.resolve("first.log")))
                    .isEqualTo(ExitCodes.OK);
            assertThat(rows(url, "SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                    .containsExactly(List.of("COMPLETED", "COMPLETED"),
                            List.of("COMPLETED", "COMPLETED"));
            assertThat(fingerprint(first)).isEqualTo(fingerprint(other))
                    .contains("[published, 4, ").contains("[quarantined, 1, ");
        }
    }

    /**
     * The privileges README.md promises are enough once the tables exist: an account that may only SELECT,
     * INSERT and UPDATE (and use the id sequences) runs the job, nothing being created again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void onceTheTablesExistAnAccountWithOnlySelectInsertAndUpdateRunsTheJob(Server server) throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        TestDatabases.Reached admin = server.reach();
        try (Scratch repository = server.scratch()) {
            assertThat(BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("first"), repository.url(), false))
                    .completed()).as("the first run, which creates the tables").isTrue();
            String runner = repository.name().replace("fazhi_test_", "fazhi_runner_");
            String runnerUrl;
            if (server == Server.POSTGRESQL) {
                admin.execute("CREATE ROLE " + runner + " LOGIN PASSWORD 'runner'");
                admin.execute("GRANT USAGE ON SCHEMA " + repository.name() + " TO " + runner);
                admin.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA " + repository.name() + " TO " + runner);
                admin.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + repository.name() + " TO " + runner);
                runnerUrl = admin.base() + server.database + "?user=" + runner + "&password=runner&currentSchema="
                        + repository.name();
            } else {
                admin.execute("CREATE USER '" + runner + "'@'%' IDENTIFIED BY 'runner'");
                admin.execute("GRANT SELECT, INSERT, UPDATE ON " + repository.name() + ".* TO '" + runner + "'@'%'");
                runnerUrl = admin.base() + repository.name() + "?user=" + runner + "&password=runner";
            }
            try {
                assertThat(BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("second"), runnerUrl, false))
                        .completed()).as("a run of another warehouse as the restricted account").isTrue();
                assertThat(rows(runnerUrl, "SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                        .containsExactly(List.of("COMPLETED", "COMPLETED"),
                                List.of("COMPLETED", "COMPLETED"));
            } finally {
                admin.execute(server == Server.POSTGRESQL ? "DROP OWNED BY " + runner : "DROP USER '" + runner + "'@'%'");
                if (server == Server.POSTGRESQL) {
                    admin.execute("DROP ROLE " + runner);
                }
            }
        }
    }

    /** Refused by the warehouse lock before the job starts: no execution in the repository at all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRunThatFindsTheWarehouseHeldWritesNothingToTheRepository(Server server) throws Exception {
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));
        Path warehouse = tmp.resolve("held");
        try (Scratch repository = server.scratch();
             WarehouseLock held = WarehouseLock.acquire(new WarehouseLayout(warehouse), "the-first-run")) {
            Process refused = startIngest(input, warehouse, repository.url(), tmp.resolve("refused.log"));
            assertThat(refused.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(refused.exitValue()).isEqualTo(ExitCodes.WAREHOUSE_BUSY);
            assertThat(rows(repository.url(), "SELECT count(*) FROM information_schema.tables "
                    + "WHERE upper(table_name) = 'BATCH_JOB_EXECUTION' AND table_schema = "
                    + (server == Server.POSTGRESQL ? "current_schema()" : "database()")))
                    .as("not even the tables were created").containsExactly(List.of("0"));
        }
    }

    private Process startIngest(Path input, Path warehouse, String repository, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "fazhi.cli.FazhiMain",
                "ingest", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--job-repository", repository);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child's job execution is in the repository, running. */
    private static void awaitStarted(String url, Process child) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < giveUp) {
            assertThat(child.isAlive()).as("the first run ended before its job started").isTrue();
            if (JobRepositoryUrl.hasTables(url)
                    && rows(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION").contains(List.of("STARTED"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first run's job never started");
    }

    /**
     * Freezes the child between two of its repository transactions. Frozen inside one (Spring Batch creating its
     * step executions, say) it would hold its row locks, and MariaDB would fail the other runs after its lock wait
     * timeout: a state of the test, not of a team's nightly jobs, whose runs do not stop mid-transaction for a minute.
     */
    private static void freezeOutsideATransaction(String url, Process child) throws Exception {
        String open = url.contains(":postgresql:")
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                  + " AND xact_start IS NOT NULL"
                : "SELECT count(*) FROM information_schema.innodb_trx WHERE trx_mysql_thread_id <> CONNECTION_ID()";
        for (int attempt = 0; attempt < 500; attempt++) {
            signal("STOP", child);
            Thread.sleep(50); // the signal is delivered; a statement already sent finishes on the server side
            if (rows(url, open).get(0).get(0).equals("0")) {
                return;
            }
            signal("CONT", child);
            Thread.sleep(attempt % 10 * 7L);
        }
        throw new AssertionError("the first run was never found outside a repository transaction");
    }

    private static void signal(String name, Process p) throws Exception {
        if (p.isAlive()) {
            assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor()).isZero();
        }
    }

    private static List<List<String>> executions(String url) throws Exception {
        return rows(url, "SELECT JOB_EXECUTION_ID, STATUS, EXIT_CODE, VERSION FROM BATCH_JOB_EXECUTION "
                + "ORDER BY JOB_EXECUTION_ID");
    }

    static List<List<String>> rows(String url, String sql) throws Exception {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return TestWarehouses.rowsOf(rs);
        }
    }

    private static String fingerprint(Path warehouse) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.addAll(TestWarehouses.query(warehouse, "SELECT count(*), round(sum(value), 6) FROM observations"));
        rows.addAll(TestWarehouses.query(warehouse, "SELECT status, count(*), sum(observations) FROM submissions "
                + "GROUP BY 1 ORDER BY 1"));
        return rows.toString();
    }
}
