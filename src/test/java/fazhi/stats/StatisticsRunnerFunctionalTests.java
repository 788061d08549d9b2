package fazhi.stats;

import fazhi.reference.IndicatorCatalog;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.WarehouseLayout;
import fazhi.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsRunnerFunctionalTests {

    /** Two provinces; county 370101 has a rising series with a redacted year and a gap. */
    static List<ObservationRow> observations() {
        List<ObservationRow> rows = new ArrayList<>();
        int[] years = {2018, 2019, 2020, 2021, 2023};
        for (int i = 0; i < years.length; i++) {
            rows.add(TestWarehouse.obs("370101", years[i], "penalty_cases", 100.0 + 10 * i, "件", "exact"));
            rows.add(TestWarehouse.obs("370102", years[i], "penalty_cases", 5.0, "件", "exact")); // constant
            rows.add(TestWarehouse.obs("370103", years[i], "penalty_cases", 400.0 - 7 * i, "件", "approx"));
            rows.add(TestWarehouse.obs("410101", years[i], "penalty_cases", 30.0 + i, "件", "at_least"));
            rows.add(TestWarehouse.obs("410101", years[i], "online_service_rate", 90.0 + i, "%", "exact"));
        }
        rows.add(TestWarehouse.obs("370101", 2022, "penalty_cases", null, "件", "redacted"));
        rows.add(TestWarehouse.obs("370104", 2020, "penalty_cases", 12.0, "件", "exact")); // two years only
        rows.add(TestWarehouse.obs("370104", 2021, "penalty_cases", 13.0, "件", "exact"));
        return rows;
    }

    @Test
    void writesOneTrendPerSeriesWithThreeValuedYears(@TempDir Path tmp) throws Exception {
        Path version = TestWarehouse.versionWith(tmp, observations());
        StatisticsSummary summary;
        try (Connection c = TestWarehouse.open(version)) {
            summary = new StatisticsRunner().run(c, version, "run-1");
        }
        // five indicator series, and the disclosure share of each of the four counties with three years or more
        assertThat(summary.trends()).isEqualTo(5 + 4);
        // 370101 cases, 410101 cases and rate: five rising points, exact p = 2/5! = 1/60
        assertThat(summary.increasing()).isEqualTo(3);
        assertThat(summary.decreasing()).isEqualTo(1);
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT n, first_year, last_year, ols_slope, sen_slope, mk_s, mk_p, "
                    + "mk_p_method, direction, run_id FROM trends WHERE region_code = '370101' "
                    + "AND indicator = 'penalty_cases'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the redacted year does not count").isEqualTo(5);
            assertThat(rs.getInt(2)).isEqualTo(2018);
            assertThat(rs.getInt(3)).isEqualTo(2023);
            // slopes: 10 for the six pairs before the gap; 5, 20/3, 7.5, 8 to 2023 -> median 10
            assertThat(rs.getDouble(5)).as("real years as t").isEqualTo(10.0);
            assertThat(rs.getDouble(4)).isLessThan(10.0);
            assertThat(rs.getLong(6)).isEqualTo(10);
            assertThat(rs.getDouble(7)).isEqualTo(2.0 / 120, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(rs.getString(8)).isEqualTo("exact");
            assertThat(rs.getString(9)).isEqualTo("increasing");
            assertThat(rs.getString(10)).isEqualTo("run-1");

            rs = s.executeQuery("SELECT mk_p, mk_z, kendall_tau, direction, sen_slope FROM trends "
                    + "WHERE region_code = '370102' AND indicator = 'penalty_cases'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).as("constant series: no p").isNull();
            assertThat(rs.getObject(2)).isNull();
            assertThat(rs.getObject(3)).isNull();
            assertThat(rs.getString(4)).isEqualTo("no_trend");
            assertThat(rs.getDouble(5)).isZero();

            rs = s.executeQuery("SELECT count(*) FROM trends WHERE region_code = '370104'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void writesOutliersPartitionedByYearWithBothScopesAndMethods(@TempDir Path tmp) throws Exception {
        Path version = TestWarehouse.versionWith(tmp, observations());
        StatisticsSummary summary;
        try (Connection c = TestWarehouse.open(version)) {
            summary = new StatisticsRunner().run(c, version, "run-1");
        }
        assertThat(summary.outlierYears()).containsExactly(2018, 2019, 2020, 2021, 2023);
        assertThat(version.resolve("outliers/year=2022")).as("2022 only has a redacted value").doesNotExist();
        for (int year : summary.outlierYears()) {
            assertThat(version.resolve("outliers/year=" + year + "/part-0.parquet")).isRegularFile();
        }
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT typeof(year), count(*) FROM outliers GROUP BY ALL");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("INTEGER");
            // level rows: 26 valued observations x 2 scopes; yoy rows: pairs of consecutive years x 2 scopes
            // 370101: 18-19, 19-20, 20-21 (2022 redacted); 370102, 370103, 410101 x2: 3 each; 370104: 1
            assertThat(rs.getLong(2)).isEqualTo(2L * 27 + 2L * (3 + 3 + 3 + 3 + 3 + 1));
            assertThat(summary.outlierRows()).isEqualTo(rs.getLong(2));

            rs = s.executeQuery("SELECT scored_value, value, previous_value FROM outliers WHERE region_code = "
                    + "'370101' AND year = 2019 AND method = 'yoy_jump' AND scope = 'nation'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(Math.log1p(110) - Math.log1p(100));
            assertThat(rs.getDouble(3)).isEqualTo(100);

            rs = s.executeQuery("SELECT DISTINCT group_n FROM outliers WHERE scope = 'province' AND "
                    + "province_code = '410000' AND indicator = 'penalty_cases' AND method = 'modified_z'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("410101 is alone in its province").isEqualTo(1);
        }
    }

    private static ObservationRow synthetic(ObservationRow o) {
        return new ObservationRow(o.submissionId(), o.regionCode(), o.regionName(), o.provinceCode(), o.year(),
                o.indicator(), o.value(), o.unit(), o.qualifier(), o.evidence(), o.charOffset(), o.sourceFile(),
                o.rule(), o.runId(), true);
    }

    @Test
    void aCountyRecodedFromCountyToCityKeepsOneSeriesAndOneYearOnYearComparison(@TempDir Path tmp) throws Exception {
        // 2021: 431121 祁阳县 → 431181 祁阳市
        List<ObservationRow> rows = new ArrayList<>();
        for (int year = 2018; year <= 2023; year++) {
            rows.add(TestWarehouse.obs(year <= 2020 ? "431121" : "431181", year, "penalty_cases", 100.0 + 10 * year % 7,
                    "件", "exact"));
        }
        Path version = TestWarehouse.versionWith(tmp, rows);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-1");
        }
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT region_code, region_codes, n, first_year, last_year FROM trends "
                    + "WHERE indicator = 'penalty_cases'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("431181");
            assertThat(rs.getString(2)).isEqualTo("431121,431181");
            assertThat(rs.getInt(3)).isEqualTo(6);
            assertThat(rs.getInt(4)).isEqualTo(2018);
            assertThat(rs.getInt(5)).isEqualTo(2023);
            assertThat(rs.next()).as("one series, not two").isFalse();
            rs = s.executeQuery("SELECT previous_value FROM outliers WHERE region_code = '431181' AND year = 2021 "
                    + "AND method = 'yoy_jump' AND scope = 'nation'");
            assertThat(rs.next()).as("2021 under the new code is compared with 2020 under the old one").isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(100.0 + 10 * 2020 % 7);
        }
    }

    @Test
    void realAndSyntheticFiguresNeverShareASeriesAPeerGroupOrABenfordTally(@TempDir Path tmp) throws Exception {
        List<ObservationRow> rows = new ArrayList<>();
        for (int year = 2019; year <= 2023; year++) {
            rows.add(synthetic(TestWarehouse.obs("371525", year, "penalty_cases", 50.0 + year - 2019, "件", "exact")));
        }
        rows.add(TestWarehouse.obs("371525", 2024, "penalty_cases", 500.0, "件", "exact"));
        for (int c = 1; c <= 12; c++) {
            rows.add(synthetic(TestWarehouse.obs(String.format("3715%02d", c), 2024, "penalty_cases", 40.0 + c, "件",
                    "exact")));
        }
        Path version = TestWarehouse.versionWith(tmp, rows);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-1");
        }
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT n, last_year, synthetic FROM trends WHERE region_code = '371525' "
                    + "AND indicator = 'penalty_cases'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the real 2024 figure is not part of the synthetic series").isEqualTo(5);
            assertThat(rs.getInt(2)).isEqualTo(2023);
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.next()).isFalse();
            rs = s.executeQuery("SELECT group_n, score, not_scored_reason FROM outliers WHERE region_code = '371525' "
                    + "AND year = 2024 AND NOT synthetic AND scope = 'nation' AND method = 'modified_z'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("a real figure's peers are real figures only").isEqualTo(1);
            assertThat(rs.getObject(2)).isNull();
            assertThat(rs.getString(3)).isEqualTo(OutlierDetector.PEER_GROUP_TOO_SMALL);
            rs = s.executeQuery("SELECT synthetic, n FROM benford WHERE year = 2024 ORDER BY synthetic");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(12);
            rs = s.executeQuery("SELECT count(*) FILTER (WHERE synthetic), count(*) FILTER (WHERE NOT synthetic) "
                    + "FROM disclosure WHERE year = 2024");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(12);
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void aSmallProvinceIsJudgedByItsNationalPeersAndANearlyUnanimousRateFlagsNothing(@TempDir Path tmp)
            throws Exception {
        List<ObservationRow> rows = new ArrayList<>();
        // twelve counties of 370000 at 97-99 %, one of them rising from 97 to 98; three of 410000
        double[] rates = {97, 98, 98.5, 99, 98, 97.5, 98, 99, 98.2, 98.4, 97.8, 98.1};
        for (int c = 0; c < rates.length; c++) {
            String region = String.format("3701%02d", c + 1);
            rows.add(TestWarehouse.obs(region, 2022, "online_service_rate", c == 0 ? 97.0 : rates[c], "%", "exact"));
            rows.add(TestWarehouse.obs(region, 2023, "online_service_rate", c == 0 ? 98.0 : rates[c], "%", "exact"));
        }
        for (int c = 1; c <= 3; c++) {
            rows.add(TestWarehouse.obs(String.format("4101%02d", c), 2023, "online_service_rate", 95.5 + c, "%",
                    "exact"));
        }
        Path version = TestWarehouse.versionWith(tmp, rows);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-1");
        }
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM outliers WHERE flagged");
            rs.next();
            assertThat(rs.getLong(1)).as("no flags from a spread of near zero").isZero();
            rs = s.executeQuery("SELECT score, scale, group_mad FROM outliers WHERE region_code = '370101' "
                    + "AND year = 2023 AND method = 'yoy_jump' AND scope = 'province'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(3)).as("the changes are all zero but one").isZero();
            assertThat(rs.getDouble(2)).as("the floor under the MAD, in points").isEqualTo(2.5);
            assertThat(rs.getDouble(1)).isEqualTo(0.6745 * 1.0 / 2.5, org.assertj.core.api.Assertions.within(1e-12));
            rs = s.executeQuery("SELECT count(*), count(score), min(not_scored_reason) FROM outliers "
                    + "WHERE province_code = '410000' AND scope = 'province'");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getLong(2)).as("three counties are no peer group").isZero();
            assertThat(rs.getString(3)).isEqualTo(OutlierDetector.PEER_GROUP_TOO_SMALL);
            rs = s.executeQuery("SELECT count(score) FROM outliers WHERE province_code = '410000' "
                    + "AND scope = 'nation'");
            rs.next();
            assertThat(rs.getLong(1)).as("they are scored among the fifteen counties of the nation").isEqualTo(3);
        }
    }

    @Test
    void benfordCountsExactAndAtLeastCountsButNotApproximateFiguresOrRates(@TempDir Path tmp) throws Exception {
        Path version = TestWarehouse.versionWith(tmp, observations());
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-1");
        }
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT n, d1, d3, d5 FROM benford WHERE province_code = '370000' "
                    + "AND year = 2019");
            assertThat(rs.next()).isTrue();
            // 370101: 110 -> 1, 370102: 5 -> 5 (370103 is approx)
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(4)).isEqualTo(1);
            rs = s.executeQuery("SELECT n, d3, chi_square_reliable FROM benford WHERE province_code = '410000' "
                    + "AND year = 2019");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the rate is not a count").isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getBoolean(3)).isFalse();
            rs = s.executeQuery("SELECT DISTINCT conformity FROM benford");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("a handful of figures gets no conformity label")
                    .isEqualTo(BenfordRow.INSUFFICIENT_DATA);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void rerunReplacesEarlierOutputWithTheSameTables(@TempDir Path tmp) throws Exception {
        Path version = TestWarehouse.versionWith(tmp, observations());
        StatisticsSummary first;
        StatisticsSummary second;
        try (Connection c = TestWarehouse.open(version)) {
            first = new StatisticsRunner().run(c, version, "run-1");
            second = new StatisticsRunner().run(c, version, "run-1");
        }
        assertThat(second).isEqualTo(first);
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM trends), (SELECT count(*) FROM outliers), "
                    + "(SELECT count(*) FROM benford)");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(first.trends());
            assertThat(rs.getLong(2)).isEqualTo(first.outlierRows());
            assertThat(rs.getLong(3)).isEqualTo(first.benfordRows());
        }
    }

    @Test
    void emptyObservationsStillGiveQueryableEmptyTables(@TempDir Path tmp) throws Exception {
        Path version = TestWarehouse.versionWith(tmp,
                List.of(TestWarehouse.obs("370101", 2020, "penalty_cases", null, "件", "redacted")));
        StatisticsSummary summary;
        try (Connection c = TestWarehouse.open(version)) {
            summary = new StatisticsRunner().run(c, version, "run-empty");
        }
        assertThat(summary.trends()).isZero();
        assertThat(summary.outlierRows()).isZero();
        assertThat(summary.benfordRows()).isZero();
        for (WarehouseTable t : List.of(WarehouseTable.TRENDS, WarehouseTable.OUTLIERS, WarehouseTable.BENFORD)) {
            assertThat(WarehouseLayout.schemaFile(version, t)).isRegularFile();
        }
        assertThat(Files.exists(version.resolve("outliers"))).isFalse();
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM trends), (SELECT count(*) FROM outliers), "
                    + "(SELECT count(*) FROM benford)");
            rs.next();
            assertThat(rs.getLong(1) + rs.getLong(2) + rs.getLong(3)).isZero();
            rs = s.executeQuery("SELECT column_name FROM (DESCRIBE outliers) WHERE column_name IN "
                    + "('year', 'score', 'flagged', 'scope', 'method')");
            int columns = 0;
            while (rs.next()) {
                columns++;
            }
            assertThat(columns).isEqualTo(5);
        }
    }

    @Test
    void theDisclosureIndexCountsFiguresWithAValueOfTheCatalogByDomainAndRanksTheProvincesCounties(@TempDir Path tmp)
            throws Exception {
        List<ObservationRow> rows = new ArrayList<>();
        rows.add(TestWarehouse.obs("370101", 2023, "head_appearance_rate", 100.0, "%", "exact"));
        rows.add(TestWarehouse.obs("370101", 2023, "litigation_cases", 40.0, "件", "exact"));
        rows.add(TestWarehouse.obs("370101", 2023, "recon_applications", null, "件", "redacted"));
        rows.add(TestWarehouse.obs("370102", 2023, "recon_applications", 12.0, "件", "exact"));
        rows.add(TestWarehouse.obs("370103", 2023, "recon_applications", 9.0, "件", "exact"));
        Path version = TestWarehouse.versionWith(tmp, rows);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-1");
        }
        int catalog = IndicatorCatalog.bundled().indicators().size();
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT region_code, indicators_disclosed, catalog_size, share, "
                    + "domain_shares['litigation'], domain_shares['reconsideration'], rank, peers, synthetic "
                    + "FROM disclosure WHERE year = 2023 ORDER BY region_code");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).as("the redacted figure is not disclosed").isEqualTo(2);
            assertThat(rs.getInt(3)).isEqualTo(catalog);
            assertThat(rs.getDouble(4)).isEqualTo(2.0 / catalog);
            assertThat(rs.getDouble(5)).as("two of the four litigation indicators").isEqualTo(0.5);
            assertThat(rs.getDouble(6)).isZero();
            assertThat(rs.getInt(7)).isEqualTo(1);
            assertThat(rs.getInt(8)).isEqualTo(3);
            assertThat(rs.getBoolean(9)).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(7)).as("equal shares share the better rank").isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(7)).isEqualTo(2);
        }
    }
}
