package fazhi.rank;

import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingRunnerTest {

    /** The hand panel of RankingPipelineTest as observations, plus a prefecture, a redaction, a synthetic row. */
    static ObservationFixture handPanel() {
        ObservationFixture f = new ObservationFixture();
        String[] codes = {"head_appearance_rate", "online_service_rate", "recon_correction_rate", "hotline_satisfaction_rate"};
        Object[][] rows = {
                {"370102", 100.0, 80.0, 10.0, 99.0},
                {"370103", 90.0, 100.0, 20.0, 99.0},
                {"370104", 80.0, null, 30.0, 99.0},
                {"370105", 100.0, 80.0, 10.0, 99.0},
                {"370112", 50.0, null, null, 99.0},
                {"370100", 100.0, 100.0, 0.0, 99.0}};   // a prefecture: never ranked
        for (Object[] r : rows) {
            for (int j = 0; j < 4; j++) {
                if (r[j + 1] != null) {
                    f.add(2023, "370000", (String) r[0], codes[j], (Double) r[j + 1], r[0].equals("370103") && j == 3);
                }
            }
        }
        f.add(2023, "370000", "370104", "online_service_rate", null);   // redacted: still missing
        f.add(2023, "370000", "370102", "legal_aid_cases", 12.0);       // not in the framework: ignored
        return f;
    }

    static List<String> rankingLines(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT year, province_code, region_code, region_name, score, rank, rank_p05, rank_median, rank_p95,"
                        + " indicators_used, coverage, ranked, not_ranked_reason, synthetic FROM rankings"
                        + " ORDER BY year, province_code, region_code")) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 14; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void givenAPerCapitaIndicator_whenRun_thenTheCountEntersPer100000ResidentsOfThePopulationTable(@TempDir Path tmp)
            throws Exception {
        ObservationFixture f = handPanel();
        f.add(2023, "370000", "370103", "legal_aid_cases", 30.0);
        f.add(2023, "370000", "370104", "legal_aid_cases", 45.0);
        Path version = f.write(tmp);
        String yaml = Frameworks.defaultFour().replace(
                "{code: hotline_satisfaction_rate, weight: 1, direction: 1,  transform: none, group: public_service}",
                "{code: legal_aid_cases, weight: 1, direction: 1, transform: per_capita, denominator: population, "
                        + "group: disputes}");
        try (Connection c = WarehouseConnection.openVersion(version)) {
            new RankingRunner().run(c, version, Frameworks.parse(yaml), "run-pc");
        }
        long population = fazhi.reference.PopulationTable.bundled().population("370102", 2023).orElseThrow();
        try (Connection c = WarehouseConnection.openVersion(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM ranking_steps WHERE year = 2023 AND region_code = '370102'"
                     + " AND indicator = 'legal_aid_cases' AND step = 'transformed'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isCloseTo(12.0 / population * 100_000, within(1e-9));
        }
    }

    @Test
    void givenObservations_whenRun_thenRankingsStepsAndLogArePartitionedAndQueryable(@TempDir Path tmp) throws Exception {
        Path version = handPanel().write(tmp);
        RankingSummary summary;
        try (Connection c = WarehouseConnection.openVersion(version)) {
            summary = new RankingRunner().run(c, version, Frameworks.parse(Frameworks.defaultFour()), "run-7");
        }
        assertThat(summary.years()).containsExactly(2023);
        assertThat(summary.counties()).isEqualTo(5);
        assertThat(summary.ranked()).isEqualTo(4);
        assertThat(summary.notRanked()).isEqualTo(1);
        assertThat(summary.skippedRegions()).isEqualTo(1);
        assertThat(version.resolve("rankings/year=2023/part-0.parquet")).isRegularFile();
        assertThat(version.resolve("ranking_steps/year=2023/part-0.parquet")).isRegularFile();
        assertThat(version.resolve("ranking_log/part-0.parquet")).isRegularFile();
        assertThat(WarehouseLayout.schemaFile(version, WarehouseTable.RANKINGS)).isRegularFile();
        assertThat(tmp.resolve("version").toFile().list()).noneMatch(n -> n.startsWith("_tmp"));

        try (Connection c = WarehouseConnection.openVersion(version); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT region_code, region_name, score, rank, ranked, synthetic, "
                    + "indicators_used, coverage FROM rankings WHERE year = 2023 ORDER BY region_code")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("370102");
                assertThat(rs.getString(2)).isEqualTo("历下区");
                assertThat(rs.getDouble(3)).isCloseTo(75.0, within(1e-12));
                assertThat(rs.getInt(4)).isEqualTo(1);
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("370103");
                assertThat(rs.getInt(4)).isEqualTo(3);
                assertThat(rs.getBoolean(6)).as("synthetic input").isTrue();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("370104");
                assertThat(rs.getInt(7)).isEqualTo(2);
                assertThat(rs.getDouble(8)).isEqualTo(0.75);
                rs.next();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("370112");
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT step, count(*) FROM ranking_steps WHERE year = 2023 "
                    + "GROUP BY step ORDER BY step")) {
                List<String> steps = new ArrayList<>();
                while (rs.next()) {
                    steps.add(rs.getString(1));
                }
                assertThat(steps).containsExactlyInAnyOrder("raw", "screened", "transformed", "treated",
                        "normalised", "aggregated", "contribution", "ranked");
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM ranking_log WHERE step = 'uncertainty' "
                    + "AND parameter = 'draws'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1000");
            }
        }
    }

    @Test
    void givenRunLog_whenReplayed_thenSameRankings(@TempDir Path tmp) throws Exception {
        Path first = handPanel().write(tmp.resolve("a"));
        Path second = handPanel().write(tmp.resolve("b"));
        String yaml;
        List<String> original;
        try (Connection c = WarehouseConnection.openVersion(first)) {
            new RankingRunner().run(c, first, Frameworks.parse(Frameworks.defaultFour()), "run-1");
        }
        try (Connection c = WarehouseConnection.openVersion(first); Statement s = c.createStatement()) {
            original = rankingLines(c);
            try (ResultSet rs = s.executeQuery("SELECT value FROM ranking_log WHERE step = 'framework' "
                    + "AND parameter = 'yaml'")) {
                rs.next();
                yaml = rs.getString(1);
            }
        }
        RankingFramework replayed = RankingFramework.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        try (Connection c = WarehouseConnection.openVersion(second)) {
            new RankingRunner().run(c, second, replayed, "run-2");
        }
        try (Connection c = WarehouseConnection.openVersion(second)) {
            assertThat(rankingLines(c)).isEqualTo(original).hasSize(5);
        }
    }

    @Test
    void givenSameSeed_whenRunTwiceIntoTheSameVersion_thenIdenticalAndNothingDuplicated(@TempDir Path tmp) throws Exception {
        Path version = handPanel().write(tmp);
        List<String> a;
        try (Connection c = WarehouseConnection.openVersion(version)) {
            new RankingRunner().run(c, version, RankingFramework.bundledDefault(), "run-1");
        }
        try (Connection c = WarehouseConnection.openVersion(version)) {
            a = rankingLines(c);
            new RankingRunner().run(c, version, RankingFramework.bundledDefault(), "run-1");
        }
        try (Connection c = WarehouseConnection.openVersion(version)) {
            assertThat(rankingLines(c)).isEqualTo(a).hasSize(5);
        }
    }

    @Test
    void givenNoObservations_whenRun_thenZeroRowSchemaFilesMakeAnEmptyQueryableTable(@TempDir Path tmp) throws Exception {
        Path version = tmp.resolve("version");
        Files.createDirectories(version);
        Path empty = tmp.resolve("empty.parquet");
        ParquetTableWriter.writeAll(empty, ObservationRow.class, List.of());
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW observations AS SELECT * FROM read_parquet('" + empty + "')");
            RankingSummary summary = new RankingRunner().run(c, version, RankingFramework.bundledDefault(), "run-0");
            assertThat(summary.counties()).isZero();
        }
        assertThat(WarehouseLayout.schemaFile(version, WarehouseTable.RANKINGS)).isRegularFile();
        try (Connection c = WarehouseConnection.openVersion(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT year, province_code, region_code, score, rank, rank_p05, rank_p95,"
                     + " indicators_used, coverage FROM rankings")) {
            assertThat(rs.next()).isFalse();
        }
    }
}
