package fazhi.config;

import fazhi.generate.CorpusGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static fazhi.config.TestWarehouses.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at any moment, then rerun: the warehouse equals one clean run. The job runs in a child JVM
 * that is killed at several moments of a run over a generated corpus of a few thousand reports.
 */
@Tag("slow")
class CrashRecoveryTests {
    /** about 2,800 reports (some county-years are not reported) */
    static final int COUNTIES = 300;

    @TempDir
    Path tmp;

    /** A generated corpus: real county codes, ten years, txt / html / docx in UTF-8 and GB18030. */
    static Path corpus(Path dir, int counties) throws IOException {
        return CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(dir, counties, 2015, 2024, 17)).reportsDir();
    }

    private Process startIngest(Path input, Path warehouse) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "fazhi.cli.FazhiMain",
                "ingest", "--input", input.toString(), "--warehouse", warehouse.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile())
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

    @Test
    void aRunKilledAtAnyMomentThenRerunGivesTheWarehouseOfOneCleanRun() throws Exception {
        Path input = corpus(tmp.resolve("corpus"), COUNTIES);
        long reports = Files.readAllLines(input.resolve("manifest.csv")).size() - 1;

        long start = System.nanoTime();
        Process clean = startIngest(input, tmp.resolve("clean"));
        assertThat(clean.waitFor(20, TimeUnit.MINUTES)).isTrue();
        long cleanMillis = (System.nanoTime() - start) / 1_000_000;
        String expected = fingerprint(tmp.resolve("clean"));

        Path crashed = tmp.resolve("crashed");
        Random random = new Random(20261122);
        for (int kill = 0; kill < 4; kill++) {
            Process p = startIngest(input, crashed);
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
        Process rerun = startIngest(input, crashed);
        assertThat(rerun.waitFor(20, TimeUnit.MINUTES)).isTrue();

        assertThat(fingerprint(crashed)).isEqualTo(expected);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + crashed.resolve("_jobrepo/fazhi")
                + ";IFEXISTS=TRUE", "sa", ""); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE EXIT_MESSAGE LIKE '%interrupted%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("killed runs were resumed through the job repository").isPositive();
        }
        assertThat(reports).isGreaterThan(2_000);
        assertThat(query(crashed, "SELECT count(*) FROM submissions").get(0).get(0)).isEqualTo(String.valueOf(reports));
    }
}
