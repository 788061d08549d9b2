package fazhi.cli;

import fazhi.reference.KnowledgeFiles;
import fazhi.stats.StatisticsParameters;
import fazhi.stats.StatisticsRunner;
import fazhi.stats.TestWarehouse;
import fazhi.warehouse.KnowledgeFileRow;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsCommandTest {

    private static List<ObservationRow> observations() {
        List<ObservationRow> rows = new ArrayList<>();
        for (int year = 2016; year <= 2023; year++) {
            for (int c = 1; c <= 12; c++) {
                String region = String.format("3701%02d", c);
                double cases = c == 5 && year == 2020 ? 90000 : 100 + 10 * c + (year - 2016) * (c % 3);
                rows.add(TestWarehouse.obs(region, year, "penalty_cases", cases, "件", "exact"));
            }
        }
        return rows;
    }

    /** A warehouse folder whose current version is {@code version}, with or without statistics. */
    private static Path publishedWarehouse(Path tmp, boolean withStatistics) throws Exception {
        Path version = TestWarehouse.versionWith(tmp, observations());
        Path root = Files.createDirectories(tmp.resolve("warehouse/_versions"));
        Path published = Files.move(version, root.resolve("run-1"));
        Files.createSymbolicLink(tmp.resolve("warehouse/current"), Path.of("_versions/run-1"));
        if (withStatistics) {
            try (Connection c = TestWarehouse.open(published)) {
                new StatisticsRunner().run(c, published, "run-1");
            }
        }
        return tmp.resolve("warehouse");
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new StatsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void summarisesThePublishedStatisticsTables(@TempDir Path tmp) throws Exception {
        Path warehouse = publishedWarehouse(tmp, true);
        String[] r = run("--warehouse", warehouse.toString(), "--summary-only");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("statistics of the published warehouse")
                .contains("trends: 12 series")
                .contains("increasing 8")
                .contains("strongest flagged outliers:")
                .containsPattern("2020 370105 penalty_cases +90000 modified_z")
                .contains("benford: 8 province-years")
                .contains("insufficient_data 8 (a label needs 600 figures)")
                .contains("disclosure: 96 reports (96 real)");
    }

    @Test
    void recomputesAndPublishesTheStatisticsAsANewVersionLeavingTheOldOneIntact(@TempDir Path tmp) throws Exception {
        Path warehouse = publishedWarehouse(tmp, false);
        String[] r = run("--warehouse", warehouse.toString(), "--top", "1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("statistics of the published warehouse").contains("trends: 12 series");
        assertThat(warehouse.resolve("current/trends")).isDirectory();
        assertThat(warehouse.resolve("current").toRealPath()).isNotEqualTo(warehouse.resolve("_versions/run-1").toRealPath());
        assertThat(warehouse.resolve("_versions/run-1/trends")).doesNotExist();
        assertThat(warehouse.resolve("current/observations")).isDirectory();
    }

    @Test
    void recordsTheKnowledgeItReadAndMarksTheIngestsRowsAsCarriedOver(@TempDir Path tmp) throws Exception {
        Path warehouse = publishedWarehouse(tmp, false);
        Path ingested = warehouse.resolve("_versions/run-1");
        ParquetTableWriter.writeAll(ingested.resolve("knowledge_files/part-0.parquet"), KnowledgeFileRow.class, List.of(
                new KnowledgeFileRow("run-1", "schema/extraction-lexicon.yaml", "ab12", "bundled", null),
                new KnowledgeFileRow("run-1", "schema/indicators.yaml", "cd34", "/edited/indicators.yaml", null)));
        String[] r = run("--warehouse", warehouse.toString(), "--top", "1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        Path made = warehouse.resolve("current").toRealPath();
        String version = made.getFileName().toString();
        List<String> rows = new ArrayList<>();
        try (Connection c = WarehouseConnection.openVersion(made);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, file, sha256, source, carried_from FROM knowledge_files ORDER BY file, carried_from")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5));
            }
        }
        String statistics = KnowledgeFiles.sha256(getClass().getResourceAsStream("/" + StatisticsParameters.RESOURCE)
                .readAllBytes());
        assertThat(rows).contains(
                version + " schema/extraction-lexicon.yaml ab12 bundled run-1",
                version + " schema/indicators.yaml cd34 /edited/indicators.yaml run-1",
                version + " " + StatisticsParameters.RESOURCE + " " + statistics + " bundled null");
        assertThat(rows).filteredOn(row -> row.endsWith(" null")).as("read by the stats run itself")
                .noneMatch(row -> row.contains("extraction-lexicon"));
        try (Connection c = WarehouseConnection.openVersion(ingested);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM knowledge_files")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the published version's own table, untouched").isEqualTo(2);
        }
    }

    @Test
    void failsWithExitCodeTwoWithoutAPublishedWarehouse(@TempDir Path tmp) {
        String[] r = run("--warehouse", tmp.resolve("nothing").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no published warehouse");
    }
}
