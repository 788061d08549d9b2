package fazhi.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository on a real PostgreSQL server: the build machine's (127.0.0.1:5432, database test,
 * trust auth; .ci/run starts it), or the one named by FAZHI_TEST_POSTGRES_URL. This test does not skip:
 * without a server it fails, because production runs on PostgreSQL.
 */
class PostgresJobRepositoryTests {
    static final String SERVER = System.getenv().getOrDefault("FAZHI_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path tmp;

    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = "fazhi_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void theJobRecordsItsRunsInPostgres() throws Exception {
        String url = SERVER + "&currentSchema=" + schema;
        Path input = TestWarehouses.copyOfSampleData(tmp.resolve("in"));

        var first = BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("wh"), url, false));
        var second = BatchRunner.run(new RunRequest("ingest", input, tmp.resolve("wh"), url, false));

        assertThat(first.completed()).isTrue();
        assertThat(second.completed()).isTrue();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.status, (SELECT sum(read_count) FROM batch_step_execution x "
                     + "WHERE x.job_execution_id = e.job_execution_id AND x.step_name = 'extractIndicatorsStep') "
                     + "FROM batch_job_execution e ORDER BY e.job_execution_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.getLong(2)).as("files read by the first run").isEqualTo(5);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.getLong(2)).as("the second run skips the unchanged files").isZero();
            assertThat(rs.next()).isFalse();
        }
        // fazhi jobs reads the same repository in PostgreSQL's SQL dialect: exit codes and outcomes
        var captured = new java.io.ByteArrayOutputStream();
        var stdout = System.out;
        int jobs;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            jobs = fazhi.cli.FazhiMain.execute("jobs", "--warehouse", tmp.resolve("wh").toString(),
                    "--job-repository", url, "--format", "csv");
        } finally {
            System.setOut(stdout);
        }
        assertThat(jobs).isZero();
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList())
                .satisfiesExactly(
                        newest -> assertThat(newest).contains(",COMPLETED,0,")
                                .endsWith(",\"0 published, 0 quarantined, 0 duplicate, 0 failed\""),
                        oldest -> assertThat(oldest).contains(",COMPLETED,0,")
                                .endsWith(",\"4 published, 1 quarantined, 0 duplicate, 0 failed\""));
    }
}
