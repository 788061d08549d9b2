package fazhi.stats;

import fazhi.warehouse.ObservationRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outliers and benford tables written by {@link StatisticsRunner} from a generated warehouse agree
 * with base R (median, mad(constant = 1), log1p, chisq.test) computed from the same observations.
 */
@Tag("r")
class OutliersAndBenfordAgreeWithRTest {
    private static final double TOL = 1e-9;

    static List<ObservationRow> panel() {
        Random rnd = new Random(7);
        List<ObservationRow> rows = new ArrayList<>();
        for (String province : List.of("37", "41")) {
            List<String> regions = new ArrayList<>(List.of(province + "0000", province + "1500"));
            for (int c = 1; c <= 30; c++) {
                regions.add(province + "15" + String.format("%02d", c));
            }
            for (int year = 2019; year <= 2022; year++) {
                for (String region : regions) {
                    boolean county = !region.endsWith("00");
                    double scale = county ? 1 : 20;
                    double cases = Math.rint(scale * Math.exp(5 + 1.5 * rnd.nextGaussian()));
                    if (region.endsWith("07") && year == 2021) {
                        cases = 250000; // a far outlier in level and in year-on-year change
                    }
                    String qualifier = rnd.nextInt(10) == 0 ? "approx" : rnd.nextInt(10) == 0 ? "at_least" : "exact";
                    Double redacted = rnd.nextInt(25) == 0 ? null : cases;
                    rows.add(TestWarehouse.obs(region, year, "penalty_cases", redacted, "件",
                            redacted == null ? "redacted" : qualifier));
                    double rate = Math.rint(900 + 100 * rnd.nextDouble()) / 10;
                    if (region.endsWith("11") && year == 2020) {
                        rate = 20.5;
                    }
                    rows.add(TestWarehouse.obs(region, year, "online_service_rate", rate, "%", "exact"));
                    double orgs = rnd.nextInt(5) == 0 ? 12 + rnd.nextInt(3) : 12; // mostly tied: MAD = 0
                    rows.add(TestWarehouse.obs(region, year, "mediation_orgs", orgs, "个", "exact"));
                    double tickets = Math.rint(Math.pow(10, 2 + 4 * rnd.nextDouble()));
                    rows.add(TestWarehouse.obs(region, year, "hotline_tickets", tickets, "件", "exact"));
                }
            }
        }
        return rows;
    }

    @Test
    void outlierScoresAndBenfordTestsAgreeWithBaseR(@TempDir Path tmp) throws Exception {
        List<ObservationRow> panel = panel();
        Path version = TestWarehouse.versionWith(tmp, panel);
        try (Connection c = TestWarehouse.open(version)) {
            new StatisticsRunner().run(c, version, "run-r");
        }
        Path in = tmp.resolve("observations.csv");
        StringBuilder csv = new StringBuilder("region_code,province_code,year,indicator,value,unit,qualifier\n");
        for (ObservationRow o : panel) {
            csv.append(o.regionCode()).append(',').append(o.provinceCode()).append(',').append(o.year()).append(',')
                    .append(o.indicator()).append(',').append(o.value() == null ? "NA" : Double.toHexString(o.value()))
                    .append(',').append(o.unit()).append(',').append(o.qualifier()).append('\n');
        }
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path rOutliers = tmp.resolve("r-outliers.csv");
        Path rBenford = tmp.resolve("r-benford.csv");
        RScript.run("outliers_benford.R", in, rOutliers, rBenford);

        Map<String, Map<String, String>> expected = RScript.readCsv(rOutliers, "region_code", "year", "indicator",
                "scope", "method");
        Agreement a = new Agreement();
        int rows = 0;
        int flagged = 0;
        int unscored = 0;
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT region_code, year, indicator, scope, method, score, flagged, "
                     + "group_median, group_mad FROM outliers")) {
            while (rs.next()) {
                rows++;
                String key = String.join("|", rs.getString(1), String.valueOf(rs.getInt(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5));
                Map<String, String> r = expected.get(key);
                assertThat(r).as("R has a row for " + key).isNotNull();
                Double score = (Double) rs.getObject(6);
                a.check("outlier_score", key, score, RScript.number(r.get("score")), TOL);
                a.check("outlier_median", key, rs.getDouble(8), RScript.number(r.get("group_median")), TOL);
                a.check("outlier_mad", key, rs.getDouble(9), RScript.number(r.get("group_mad")), TOL);
                assertThat(rs.getBoolean(7)).as("flagged " + key).isEqualTo(Boolean.parseBoolean(r.get("flagged")
                        .toLowerCase()));
                flagged += rs.getBoolean(7) ? 1 : 0;
                unscored += score == null ? 1 : 0;
            }
        }
        assertThat(rows).isEqualTo(expected.size());
        assertThat(flagged).as("flagged rows").isGreaterThan(0);
        assertThat(unscored).as("rows without a score (MAD = 0)").isGreaterThan(0);

        Map<String, Map<String, String>> benford = RScript.readCsv(rBenford, "province_code", "year");
        int benfordRows = 0;
        try (Connection c = TestWarehouse.open(version); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT province_code, year, n, chi_square, df, p_value, mad, d1, d9 "
                     + "FROM benford")) {
            while (rs.next()) {
                benfordRows++;
                String key = rs.getString(1) + "|" + rs.getInt(2);
                Map<String, String> r = benford.get(key);
                assertThat(r).as("R has " + key).isNotNull();
                assertThat(rs.getLong(3)).isEqualTo(Long.parseLong(r.get("n")));
                assertThat(rs.getLong(8)).isEqualTo(Long.parseLong(r.get("d1")));
                assertThat(rs.getLong(9)).isEqualTo(Long.parseLong(r.get("d9")));
                assertThat(rs.getInt(5)).isEqualTo(Integer.parseInt(r.get("df")));
                a.check("benford_chi_square", key, rs.getDouble(4), RScript.number(r.get("chi_square")), TOL);
                a.check("benford_p", key, rs.getDouble(6), RScript.number(r.get("p_value")), TOL);
                a.check("benford_mad", key, rs.getDouble(7), RScript.number(r.get("mad")), TOL);
            }
        }
        assertThat(benfordRows).isEqualTo(benford.size()).isEqualTo(8);
        a.assertAll("outliers and benford");
    }
}
